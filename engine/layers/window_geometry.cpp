#include "layers/window_geometry.h"

#include <algorithm>

#include "core/errors.h"
#include "layers/layer.h"

namespace cs {

namespace {

// TensorFlow's rule: 'same' gives ceil(in/stride) outputs and pads the shortfall, the odd
// pixel going after (bottom/right).
// `window` is the span a (dilated) window covers; explicit pads come in padBefore/padAfter.
void axis(int in, int window, int stride, Padding p, int& out, int& padBefore, int& padAfter) {
    if (p == Padding::Explicit) {
        out = (in + padBefore + padAfter - window) / stride + 1;
        return;
    }
    if (p == Padding::Valid) {
        out = (in - window) / stride + 1;
        padBefore = padAfter = 0;
        return;
    }
    out = (in + stride - 1) / stride;
    const int padTotal = std::max((out - 1) * stride + window - in, 0);
    padBefore = padTotal / 2;
    padAfter = padTotal - padBefore;
}

}  // namespace

Padding paddingFromName(std::string_view name) {
    if (name == "same") return Padding::Same;
    if (name == "valid") return Padding::Valid;
    if (name == "explicit") return Padding::Explicit;
    throw OptionError(msg("layer.unknown_padding", "unknown padding '{padding}'; known paddings: valid, same",
                          {{"padding", std::string(name)}}));
}

std::string_view paddingName(Padding p) {
    switch (p) {
        case Padding::Same:
            return "same";
        case Padding::Explicit:
            return "explicit";
        case Padding::Valid:
            break;
    }
    return "valid";
}

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
    axis(g.inH, window, stride, padding, g.outH, g.padTop, g.padBottom);
    axis(g.inW, window, stride, padding, g.outW, g.padLeft, g.padRight);
    return g;
}

}  // namespace

WindowGeometry WindowGeometry::makeConv(const Shape& input, int window, int stride, int dilation, Padding padding,
                                        const std::array<int, 4>& pads, std::string_view kind, std::string_view name) {
    if (dilation == 1 && padding != Padding::Explicit)
        return make(input, window, stride, padding, kind, name, "kernel");
    if (!input.isImage()) requireImage(input, describeLayer(kind, name));
    WindowGeometry g;
    g.channels = input.channels();
    g.inH = input.height();
    g.inW = input.width();
    g.window = window;
    g.stride = stride;
    g.dilation = dilation;
    if (padding == Padding::Explicit) {
        g.padTop = pads[0];
        g.padBottom = pads[1];
        g.padLeft = pads[2];
        g.padRight = pads[3];
    }
    const int paddedH = g.inH + g.padTop + g.padBottom, paddedW = g.inW + g.padLeft + g.padRight;
    if (padding != Padding::Same && (g.span() > paddedH || g.span() > paddedW)) {
        const std::string w = std::to_string(window), span = std::to_string(g.span());
        throw ShapeError(msg("layer.dilated_kernel_larger_than_input",
                             "{layer}: kernel {window} with dilation {dilation} spans {span} pixels, more than its "
                             "{input} input padded to {padded}",
                             {{"layer", describeLayer(kind, name)},
                              {"window", w + "x" + w},
                              {"dilation", std::to_string(dilation)},
                              {"span", span + "x" + span},
                              {"input", std::to_string(g.inH) + "x" + std::to_string(g.inW)},
                              {"padded", std::to_string(paddedH) + "x" + std::to_string(paddedW)}}));
    }
    axis(g.inH, g.span(), stride, padding, g.outH, g.padTop, g.padBottom);
    axis(g.inW, g.span(), stride, padding, g.outW, g.padLeft, g.padRight);
    return g;
}

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
