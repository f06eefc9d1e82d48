#pragma once
// Convolutions whose output plane is smaller than a vector (seed-cnn's last one: 3x3), for
// inference: y^T = columns^T x kernel^T. The pixels of a group of samples are the register tile's
// rows and the filters its columns, so 9 pixels cost 9 rows of multiply-adds where, the other way
// round, they fill a 16-column vector for every filter; the rows are read straight from the
// padded samples tap by tap (no im2col, nothing packed for them). AVX-512 and AVX2 + FMA.
#include <cstdint>

#include "layers/window_geometry.h"

namespace cs {

constexpr int kSmallPlane = 16;      // output planes below this many pixels
constexpr int kSmallPlaneGroup = 8;  // samples per product (8 planes fill whole row panels)

// True for planes under kSmallPlane pixels on a CPU with AVX2 or AVX-512.
bool convSmallPlaneApplies(const WindowGeometry& g);

// The kernel's transpose in the product's column panels (made once per kernel: Conv2D keeps it
// with the kernel it was made from).
int64_t convSmallPlaneKernelSize(const WindowGeometry& g, int filters);
void convSmallPlaneKernel(const float* w, const WindowGeometry& g, int filters, float* packed);

// y (N x F x outH x outW) = bias + the convolution of x (N x C x inH x inW), ReLU fused when
// `relu`; `packed` from convSmallPlaneKernel; `scratch` holds convSmallPlaneScratch floats.
int64_t convSmallPlaneScratch(const WindowGeometry& g, int filters);
void convSmallPlaneForward(const float* x, int N, const WindowGeometry& g, const float* packed, const float* bias,
                           int F, bool relu, float* y, float* scratch);

}  // namespace cs
