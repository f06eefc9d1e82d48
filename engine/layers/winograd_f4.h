#pragma once
// 3x3 stride-1 convolutions by Winograd's F(4x4, 3x3) (Lavin and Gray, 2015) at the AVX2 and
// AVX-512 levels: each 4x4 output tile costs 36 products per input channel and filter instead of
// 144, 1.78x fewer than F(2x2, 3x3) (layers/winograd_conv.h), which smaller outputs keep.
//
// Unlike F(2x2)'s kernels, which put a row of tiles in a vector's lanes, these put eight
// channels (or filters) in the lanes: a sample is copied channel-blocked (8 channels per
// pixel), so each element of a tile is one aligned load for eight channels, any tile of any
// sample fills the lanes, and no transposes are needed but the two at the ends (into the
// blocked copy, and back into the output planes). The products then run tiles x channels times
// channels x filters, the transformed tiles (V, one row per tile) read in place.
//
// Conv2D takes it for the forward pass and, where that pays, for the backward pass on the same
// tiles: the kernel gradient, and the input gradient as the forward tiles' adjoint (per tile,
// B dV B^T of dV = the output gradient's transform times the forward kernel's, summed over the
// filters; the overlapping tiles summed), which costs the forward pass's products: a valid
// convolution's input gradient is larger than its output (13x13 against 11x11: 16 tiles against
// 9), and a correlation of the padded output gradient with the rotated kernel
// (WinogradShape::inputGradient, still taken where the forward shape does not pay) computes them all.
// The transforms' coefficients (up to 8 and 1/24) make the rounding a few times F(2x2)'s:
// test_winograd_f4 holds it under 1e-5 of the largest output.
#include <cstdint>

#include "layers/winograd_conv.h"

namespace cs {

// True when F(4x4) runs here (AVX2 or AVX-512; CONVSTUDIO_WINOGRAD=off turns it off with F(2x2),
// CONVSTUDIO_WINOGRAD=f2 keeps F(2x2) for benchmarks)
// and beats F(2x2) for `batch` samples of `s`: fewer products once the 4x4 tiles' rounding up of
// the output is counted (an 11x11 output: 9 tiles of 36 against 36 of 16), and at least four
// tiles in the batch.
bool winogradF4Pays(const WinogradShape& s, int batch);

// Floats of the transformed kernels and of the scratch the passes need.
int64_t winogradF4KernelSize(const WinogradShape& s);
int64_t winogradF4AdjointKernelSize(const WinogradShape& s);
int64_t winogradF4Scratch(const WinogradShape& s);
int64_t winogradF4BackwardScratch(const WinogradShape& s);

// u = the transformed kernel of `w` (the layer's F x C x 3 x 3 kernel) for `s`; with
// `inputGradient`, its rotated, transposed kernel (as winogradKernel).
void winogradF4Kernel(const float* w, const WinogradShape& s, bool inputGradient, float* u);

// ut = the transformed kernel of `w` for the backward pass of the forward correlation `s`.
void winogradF4AdjointKernel(const float* w, const WinogradShape& s, float* ut);

// out (N x F x OH x OW) = the correlation of `in` with the kernel u was made from, plus bias
// (nullable), ReLU when `relu`. `scratch`: winogradF4Scratch(s) floats, 32-byte aligned.
void winogradF4Conv(const float* in, int N, const WinogradShape& s, const float* u, const float* bias, bool relu,
                    float* out, float* scratch);

// The gradients of the forward correlation `s` on `in`, given the output gradient dy: dw
// (F x C x 3 x 3, nullable) the kernel's, dx (N x C x H x W, nullable) the input's (ut:
// winogradF4AdjointKernel's; unread without dx). The output gradient's tiles are transformed
// once for both; dw is the same bits with or without dx. `scratch`: winogradF4BackwardScratch(s)
// floats, 32-byte aligned.
void winogradF4Backward(const float* in, const float* dy, int N, const WinogradShape& s, const float* ut, float* dw,
                        float* dx, float* scratch);

}  // namespace cs
