#pragma once
// 3x3 stride-1 convolutions by Winograd's minimal filtering F(2x2, 3x3) (Lavin and Gray, "Fast
// Algorithms for Convolutional Neural Networks", 2015): each 2x2 output tile costs 16 products per
// input channel and filter instead of 36, so the matrix products shrink 2.25x, for a transform of
// every 4x4 input tile and every 4x4 result (cheap adds, vectorised across a row of tiles).
// With AVX-512 or AVX2 + FMA (winogradAvailable(); the steps of each in winograd_avx512.cpp and
// winograd_avx2.cpp); on the scalar level Conv2D keeps its im2col products.
//
// Conv2D runs its forward pass through it; its input gradient, with the kernel rotated by 180
// degrees and its channel roles swapped (a 'full' correlation of the output gradient); and its
// kernel gradient, by the transforms' adjoints.
// Results differ from the direct sum by float rounding only (the transforms' coefficients are
// 0, +-1 and +-1/2).
#include <cstdint>

#include "layers/window_geometry.h"

namespace cs {

// One correlation: out (N x F x OH x OW) = sum over c, i, j of in (N x C x H x W) read at
// (oy - padTop + i, ox - padLeft + j), zero outside the input, times the 3x3 kernel.
struct WinogradShape {
    int C = 0, H = 0, W = 0;      // input planes
    int F = 0, OH = 0, OW = 0;    // output planes
    int padTop = 0, padLeft = 0;  // 0..2

    // Conv2D's forward pass, and its input gradient (out = the layer's input gradient).
    static WinogradShape forward(const WindowGeometry& g, int filters);
    static WinogradShape inputGradient(const WindowGeometry& g, int filters);
};

// True when the kernels run on this CPU (AVX-512 or AVX2), unless the environment sets
// CONVSTUDIO_WINOGRAD=off (for benchmarks: the im2col products on the same build).
bool winogradAvailable();

// winogradAvailable(), unless CONVSTUDIO_WINOGRAD=f2 keeps F(2x2) (for benchmarks: F(2x2) and
// F(4x4) on one build; layers/winograd_f4.h).
bool winogradF4Allowed();

// True for the convolutions it computes: 3x3 kernel, stride 1, no dilation, padding 0..2 on the
// top and left, `groups` == 1, on a CPU with AVX-512 or AVX2.
bool winogradApplies(const WindowGeometry& g, int groups);

// True when it is faster than the im2col products for `batch` samples of `s`: the 2x2 tiles
// cover the output with little waste (not 3x3 or 5x5 outputs), there are channels enough to
// amortise the transforms, and tiles enough to fill two vectors of the products (a single
// seed-cnn image, 36 tiles, does).
bool winogradPays(const WinogradShape& s, int batch);

// Floats of the transformed kernel (winogradKernel) and of the scratch winogradConv needs.
int64_t winogradKernelSize(const WinogradShape& s);
int64_t winogradScratch(const WinogradShape& s);

// u = the transformed kernel of `w` (the layer's F x C x 3 x 3 kernel, OIHW) for `s`: s itself
// when s.F is the layer's filter count, else its rotated, transposed kernel for the input
// gradient (s.F = the layer's channels, s.C = its filters).
void winogradKernel(const float* w, const WinogradShape& s, bool inputGradient, float* u);

// out = the correlation of in with the kernel u was made from, plus bias[f] (nullable), ReLU
// when `relu`. `scratch` must be 64-byte aligned and hold winogradScratch(s) floats.
void winogradConv(const float* in, int N, const WinogradShape& s, const float* u, const float* bias, bool relu,
                  float* out, float* scratch);

// dw (s.F x s.C x 3 x 3) = the kernel gradient of the forward correlation `s` on input `in`
// given its output gradient `dy` (N x F x OH x OW): the adjoint of the transforms, summed over
// every tile in sixteen products (tiles x channels and filters), no column matrix. `scratch`
// holds winogradKernelGradientScratch(s) floats.
int64_t winogradKernelGradientScratch(const WinogradShape& s);
void winogradKernelGradient(const float* in, const float* dy, int N, const WinogradShape& s, float* dw, float* scratch);

}  // namespace cs
