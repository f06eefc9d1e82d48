#pragma once
// Direct depthwise convolution: every input channel c is convolved with its own `multiplier`
// filters (output channels c*multiplier .. c*multiplier + multiplier-1, as ONNX/PyTorch group=C
// and Keras's DepthwiseConv2D order them). A GEMM per channel would multiply a 1 x k*k matrix
// by k*k x outH*outW columns — all memory traffic — so each output row is computed from the
// padded input rows directly, with the inner loops running along the row (vector lanes).
//
// Strided windows read every s-th input column; to keep those reads contiguous, the padded
// channel is stored as s column phases (phase p holds the columns p, p+s, p+2s, ...), so a tap
// at column offset j reads phase j % s from position ow + j / s.
//
// Used by DepthwiseConv2D, SeparableConv2D and Conv2D with groups == input channels.
#include <cstdint>

#include "layers/window_geometry.h"

namespace cs {

// Floats of scratch depthwiseForward and depthwiseBackward need.
int64_t depthwiseScratch(const WindowGeometry& g);
int64_t depthwiseBackwardScratch(const WindowGeometry& g, int multiplier);

// y (N x C*M x outH x outW) = bias + w (C*M x k x k) applied to x (N x C x inH x inW), ReLU
// fused when `relu`. `bias` may be null.
void depthwiseForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int multiplier,
                      bool relu, float* y, float* scratch);

// Gradients from dy (with `reluMask`, dL/d(ReLU output), masked here where y <= 0; y may be null
// without it): writes dw
// (C*M x k x k), db (C*M; may be null) and dx (N x C x inH x inW; may be null).
void depthwiseBackward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g, const float* w,
                       int multiplier, bool reluMask, float* dw, float* db, float* dx, float* scratch);

}  // namespace cs
