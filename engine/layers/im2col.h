#pragma once
// The column matrix of a convolution (im2col) and its adjoint (col2im), for Conv2D's GEMM path.
#include "layers/window_geometry.h"

namespace cs {

// Columns of `count` samples starting at x: a (C*k*k) x (count*outH*outW) row-major matrix whose
// row (c, ki, kj) matches the kernel's OIHW flattening and whose column is (n, oh, ow). Taps are
// g.dilation apart; pixels outside the image read zero.
void im2col(const float* x, int count, const WindowGeometry& g, float* col);

// The adjoint of im2col: sums column gradients back onto the `count` input samples at dx
// (which it overwrites).
void col2im(const float* col, int count, const WindowGeometry& g, float* dx);

}  // namespace cs
