#pragma once
// Where a square window (convolution kernel or pooling window) lands on an image: output size
// and padding, with TensorFlow's 'same' rule, shared by the convolution and pooling layers.
// Convolutions may also pad explicitly per side and dilate their kernel (conv_window.h).
#include <array>
#include <string>
#include <string_view>

#include "core/shape.h"

namespace cs {

enum class Padding { Valid, Same, Explicit };  // Explicit: convolutions only

Padding paddingFromName(std::string_view name);  // "valid" / "same" / "explicit"
std::string_view paddingName(Padding p);

struct WindowGeometry {
    int channels = 0, inH = 0, inW = 0;
    int window = 1, stride = 1;
    int dilation = 1;  // distance between a kernel's taps (1: adjacent)
    int outH = 0, outW = 0;
    int padTop = 0, padLeft = 0;  // 'same' may pad one more at the bottom/right (as TensorFlow)
    int padBottom = 0, padRight = 0;

    // Throws ShapeError naming the layer (describeLayer(kind, name)) when the input is not an
    // image or is smaller than a 'valid' window ("Conv2D 'conv2': kernel 5x5 is larger than its
    // 3x3 input"). `windowWord` is "kernel" or "pool". Allocates nothing unless it throws, so
    // layers may call it on every forward/backward.
    static WindowGeometry make(const Shape& input, int window, int stride, Padding padding, std::string_view kind,
                               std::string_view name, std::string_view windowWord);
    // The same with the layer already described ("Conv2D 'conv2'"), for callers outside the
    // layer's hot path.
    static WindowGeometry make(const Shape& input, int window, int stride, Padding padding, const std::string& who,
                               std::string_view windowWord);

    // Explicit per-side padding and dilation (Padding::Explicit uses the pads, the others
    // ignore them). Same errors as make(), naming the padded size and the dilated span.
    static WindowGeometry makeConv(const Shape& input, int window, int stride, int dilation, Padding padding,
                                   const std::array<int, 4>& padsTopBottomLeftRight, std::string_view kind,
                                   std::string_view name);

    int span() const { return (window - 1) * dilation + 1; }  // input pixels one window covers
    int64_t inPlane() const { return static_cast<int64_t>(inH) * inW; }
    int64_t outPlane() const { return static_cast<int64_t>(outH) * outW; }
};

// Throws ShapeError unless `s` is an image (C,H,W); the message names `who` and the shape.
void requireImage(const Shape& s, const std::string& who);

}  // namespace cs
