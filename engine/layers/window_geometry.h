#pragma once
// Where a square window (convolution kernel or pooling window) lands on an image: output size
// and padding, with TensorFlow's 'same' rule, shared by Conv2D and the pooling layers.
#include <string>
#include <string_view>

#include "core/shape.h"

namespace cs {

enum class Padding { Valid, Same };

Padding paddingFromName(std::string_view name);  // "valid" / "same"
std::string_view paddingName(Padding p);

struct WindowGeometry {
    int channels = 0, inH = 0, inW = 0;
    int window = 1, stride = 1;
    int outH = 0, outW = 0;
    int padTop = 0, padLeft = 0;  // 'same' may pad one more at the bottom/right (as TensorFlow)

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

    int64_t inPlane() const { return static_cast<int64_t>(inH) * inW; }
    int64_t outPlane() const { return static_cast<int64_t>(outH) * outW; }
};

// Throws ShapeError unless `s` is an image (C,H,W); the message names `who` and the shape.
void requireImage(const Shape& s, const std::string& who);

}  // namespace cs
