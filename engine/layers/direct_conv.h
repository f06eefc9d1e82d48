#pragma once
// Direct convolution for layers that read few input values per output ("taps": channels x k x k,
// at most kMaxDirectTaps) with stride 1 — typically the first layer on a gray or RGB image.
// There im2col + GEMM spends its time moving memory (a 3x3 kernel on one channel makes a
// 9-row column matrix); computing each output row from the (padded) input rows directly is
// several times faster. Same arithmetic as the GEMM path, summed in a different order.
#include <cstdint>

#include "layers/window_geometry.h"

namespace cs {

constexpr int kMaxDirectTaps = 32;

bool directConvApplies(const WindowGeometry& g);

// y (N x F x outH x outW) = bias + w (F x taps, OIHW) applied to x (N x C x inH x inW), with
// ReLU fused when `relu`. `padded` is scratch of at least directConvScratch(g) floats.
void directConvForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int F,
                       bool relu, float* y, float* padded);

// Gradients from dy (dL/dy; with `reluMask`, dL/d(ReLU output) masked here by y > 0): writes
// dw (F x taps), db (F, may be null) and dx (N x C x inH x inW, may be null). `scratch` holds at
// least 2 * directConvScratch(g) floats.
void directConvBackward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g, const float* w,
                        int F, bool reluMask, float* dw, float* db, float* dx, float* scratch);

// Floats of one padded input sample.
int64_t directConvScratch(const WindowGeometry& g);

}  // namespace cs
