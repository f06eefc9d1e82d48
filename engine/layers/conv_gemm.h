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

// Samples whose output plane is smaller than a vector (seed-cnn's last convolution: 3x3), as
// y^T = columns^T x kernel^T: the pixels of a group of samples are the product's rows and the
// filters its columns, so 9 pixels cost 9 rows of multiply-adds where, the other way round, they
// fill a 16-column vector for every filter; the rows are read straight from the padded samples
// (no im2col). With AVX-512, for inference.
constexpr int kSmallPlane = 16;      // output planes below this many pixels
constexpr int kSmallPlaneGroup = 8;  // samples per product: 8 planes fill whole 8-row panels
bool convSmallPlaneApplies(const WindowGeometry& g);
// The kernel's transpose in the product's column panels (made once per kernel: Conv2D keeps it).
int64_t convSmallPlaneKernelSize(const WindowGeometry& g, int filters);
void convSmallPlaneKernel(const float* w, const WindowGeometry& g, int filters, float* packed);
int64_t convSmallPlaneScratch(const WindowGeometry& g, int filters);
// y (N x F x outH x outW) = bias + the convolution of x, ReLU fused when `relu`; `packed` from
// convSmallPlaneKernel, `scratch` 64-byte aligned.
void convSmallPlaneForward(const float* x, int N, const WindowGeometry& g, const float* packed, const float* bias,
                           int F, bool relu, float* y, float* scratch);

}  // namespace cs
