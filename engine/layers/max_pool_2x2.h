#pragma once
// 2x2 max pooling with stride 2 and no padding, which follows almost every convolution: loops
// written so the compiler vectorises them, and a backward pass that writes every input cell
// once instead of clearing the gradient and scattering into it.
#include <cstdint>

namespace cs {

// `planes` planes of inH x inW into outH x outW (outH <= inH / 2, outW <= inW / 2). With
// `argmax`, each output's winner is recorded as its offset within the input plane; ties go to
// the top row, then the left column (either is a valid subgradient).
void maxPool2x2Forward(const float* x, int planes, int inH, int inW, int outH, int outW, float* y,
                       int32_t* argmax);

// Writes all of dx: dy at each window's recorded winner, zero elsewhere (including rows and
// columns no window covers).
void maxPool2x2Backward(const float* dy, const int32_t* argmax, int planes, int inH, int inW, int outH,
                        int outW, float* dx);

}  // namespace cs
