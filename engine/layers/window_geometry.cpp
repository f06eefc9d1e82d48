#include "layers/window_geometry.h"

#include <algorithm>

#include "core/errors.h"
#include "layers/layer.h"

namespace cs {

namespace {

// TensorFlow's rule: 'same' gives ceil(in/stride) outputs and pads the shortfall, the odd
// pixel going after (bottom/right).
void axis(int in, int window, int stride, Padding p, int& out, int& padBefore) {
    if (p == Padding::Valid) {
        out = (in - window) / stride + 1;
        padBefore = 0;
        return;
    }
    out = (in + stride - 1) / stride;
    const int padTotal = std::max((out - 1) * stride + window - in, 0);
    padBefore = padTotal / 2;
}

}  // namespace

Padding paddingFromName(std::string_view name) {
    if (name == "same") return Padding::Same;
    if (name == "valid") return Padding::Valid;
    throw OptionError(msg("layer.unknown_padding", "unknown padding '{padding}'; known paddings: valid, same",
                          {{"padding", std::string(name)}}));
}

std::string_view paddingName(Padding p) { return p == Padding::Same ? "same" : "valid"; }

void requireImage(const Shape& s, const std::string& who) {
    if (!s.isImage())
        throw ShapeError(msg("layer.expects_image",
                             "{layer}: expects an image input (channels x height x width), got {shape}",
                             {{"layer", who}, {"shape", s.toString()}}));
}

namespace {

// `who()` builds the layer's description only when a message needs it.
template <typename Who>
WindowGeometry makeGeometry(const Shape& input, int window, int stride, Padding padding, Who&& who,
                            std::string_view windowWord) {
    if (!input.isImage()) requireImage(input, who());
    WindowGeometry g;
    g.channels = input.channels();
    g.inH = input.height();
    g.inW = input.width();
    g.window = window;
    g.stride = stride;
    if (padding == Padding::Valid && (window > g.inH || window > g.inW)) {
        const std::string w = std::to_string(window);
        const std::vector<MessageArg> args{
            {"layer", who()}, {"window", w + "x" + w}, {"input", std::to_string(g.inH) + "x" + std::to_string(g.inW)}};
        // One whole sentence per window kind, so each translates as a sentence.
        if (windowWord == "kernel")
            throw ShapeError(msg("layer.kernel_larger_than_input",
                                 "{layer}: kernel {window} is larger than its {input} input", args));
        if (windowWord == "pool")
            throw ShapeError(
                msg("layer.pool_larger_than_input", "{layer}: pool {window} is larger than its {input} input", args));
        throw ShapeError(
            msg("layer.window_larger_than_input", "{layer}: window {window} is larger than its {input} input", args));
    }
    axis(g.inH, window, stride, padding, g.outH, g.padTop);
    axis(g.inW, window, stride, padding, g.outW, g.padLeft);
    return g;
}

}  // namespace

WindowGeometry WindowGeometry::make(const Shape& input, int window, int stride, Padding padding, std::string_view kind,
                                    std::string_view name, std::string_view windowWord) {
    return makeGeometry(
        input, window, stride, padding, [&] { return describeLayer(kind, name); }, windowWord);
}

WindowGeometry WindowGeometry::make(const Shape& input, int window, int stride, Padding padding, const std::string& who,
                                    std::string_view windowWord) {
    return makeGeometry(
        input, window, stride, padding, [&] { return who; }, windowWord);
}

}  // namespace cs
