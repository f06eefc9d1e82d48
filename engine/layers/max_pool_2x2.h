#pragma once
// The forward pass of 2x2 max pooling with stride 2 and no padding, which follows almost every
// convolution, vectorised. (Its backward stays a clear-and-scatter through the recorded
// winners: measured as fast as a vectorised pass that writes every cell.)
#include <cstdint>

namespace cs {

// `planes` planes of inH x inW into outH x outW (outH <= inH / 2, outW <= inW / 2). With
// `argmax`, each output's winner is recorded as its offset within the input plane; ties go to
// the top row, then the left column (either is a valid subgradient).
void maxPool2x2Forward(const float* x, int planes, int inH, int inW, int outH, int outW, float* y, int32_t* argmax);

}  // namespace cs
