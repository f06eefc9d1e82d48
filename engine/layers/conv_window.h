#pragma once
// The window options every convolution layer shares (Conv2D, DepthwiseConv2D, SeparableConv2D):
// square kernel, stride, dilation and padding ('valid', TensorFlow's 'same', or explicit zeros
// per side as PyTorch and ONNX pad), with their JSON keys and schema entries in one place.
#include <array>
#include <string>
#include <vector>

#include "layers/layer.h"
#include "layers/layer_registry.h"
#include "layers/window_geometry.h"

namespace cs {

struct ConvWindowOptions {
    int kernelSize = 3;
    int strides = 1;
    Padding padding = Padding::Valid;
    std::array<int, 4> pads{};  // top, bottom, left, right; used when padding is Explicit
    int dilationRate = 1;

    // Reads kernel_size, strides, padding, pad_top/pad_bottom/pad_left/pad_right and
    // dilation_rate from validated options.
    static ConvWindowOptions fromJson(const Options& validated);
    void addTo(Options& json) const;
    // The schema entries of these options, defaults from `d`.
    static std::vector<ParamSpec> params(const ConvWindowOptions& d);

    // Allocates nothing unless it throws (layers call it on every forward/backward).
    WindowGeometry geometry(const Shape& input, std::string_view kind, std::string_view name) const;
    bool explicitPads() const { return padding == Padding::Explicit; }
};

// Throws ShapeError unless `groups` divides both the input channels and the filters; the message
// names the layer and the three values.
void requireGroupsDivide(int groups, int channels, int filters, std::string_view kind, std::string_view name);

}  // namespace cs
