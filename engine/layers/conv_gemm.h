#pragma once
// Convolution forward as an implicit GEMM (with AVX-512): the kernel's input panels are packed
// straight from the (padded) input sample, so no column matrix is written or re-packed, and the
// output tiles are stored in place with the bias and ReLU fused. Conv2D uses it for inference,
// where nothing needs the columns afterwards (training keeps im2col: backward reuses them).
#include <cstdint>
#include <vector>

#include "layers/window_geometry.h"

namespace cs {

// True when the implicit GEMM is compiled in (AVX-512).
bool convGemmAvailable();

// Floats of scratch convGemmForward needs.
int64_t convGemmScratch(const WindowGeometry& g, int filters);

// y (N x F x outH x outW) = bias + w (F x C*k*k, OIHW) applied to x (N x C x inH x inW), ReLU
// fused when `relu`. `scratch` must be 64-byte aligned; `taps` is reused scratch too.
void convGemmForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int F,
                     bool relu, float* y, float* scratch, std::vector<int32_t>& taps);

}  // namespace cs
