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
// Conv2D takes it for the forward pass, the input gradient (the rotated kernel, channel roles
// swapped: WinogradShape::inputGradient) and the kernel gradient, where winogradF4Pays.
// The transforms' coefficients (up to 8 and 1/24) make the rounding a few times F(2x2)'s:
// test_winograd_f4 holds it under 1e-5 of the largest output.
#include <cstdint>

#include "layers/winograd_conv.h"

namespace cs {

// True when F(4x4) runs here (AVX2 or AVX-512; CONVSTUDIO_WINOGRAD=off turns it off with F(2x2),
// CONVSTUDIO_WINOGRAD=f2 keeps F(2x2) for benchmarks)
// and beats F(2x2) for `batch` samples of `s`: fewer products once the 4x4 tiles' rounding up of
// the output is counted (an 11x11 output: 9 tiles of 36 against 36 of 16), and tiles enough for
// the products' rows.
bool winogradF4Pays(const WinogradShape& s, int batch);

// Floats of the transformed kernel and of the scratch the passes need.
int64_t winogradF4KernelSize(const WinogradShape& s);
int64_t winogradF4Scratch(const WinogradShape& s);
int64_t winogradF4KernelGradientScratch(const WinogradShape& s);

// u = the transformed kernel of `w` (the layer's F x C x 3 x 3 kernel) for `s`; with
// `inputGradient`, its rotated, transposed kernel (as winogradKernel).
void winogradF4Kernel(const float* w, const WinogradShape& s, bool inputGradient, float* u);

// out (N x F x OH x OW) = the correlation of `in` with the kernel u was made from, plus bias
// (nullable), ReLU when `relu`. `scratch`: winogradF4Scratch(s) floats, 32-byte aligned.
void winogradF4Conv(const float* in, int N, const WinogradShape& s, const float* u, const float* bias, bool relu,
                    float* out, float* scratch);

// dw (F x C x 3 x 3) = the kernel gradient of the forward correlation `s` on `in`, given the
// output gradient dy. `scratch`: winogradF4KernelGradientScratch(s) floats, 32-byte aligned.
void winogradF4KernelGradient(const float* in, const float* dy, int N, const WinogradShape& s, float* dw,
                              float* scratch);

}  // namespace cs
