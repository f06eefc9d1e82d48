#include "layers/pooling2d.h"

#include <algorithm>
#include <limits>

#include "layers/max_pool_2x2.h"
#include "layers/param_specs.h"

namespace cs {

namespace {

// The window of output (oh, ow) clipped to the image: rows [h0, h1), columns [w0, w1).
struct Window {
    int h0, h1, w0, w1;
};

Window clippedWindow(const WindowGeometry& g, int oh, int ow) {
    const int h = oh * g.stride - g.padTop, w = ow * g.stride - g.padLeft;
    return {std::max(h, 0), std::min(h + g.window, g.inH), std::max(w, 0), std::min(w + g.window, g.inW)};
}

}  // namespace

Pooling2DOptions Pooling2DOptions::fromJson(const Options& j) {
    Pooling2DOptions o;
    o.poolSize = j.at("pool_size").get<int>();
    o.strides = j.at("strides").get<int>();
    o.padding = paddingFromName(j.at("padding").get<std::string>());
    return o;
}

Options Pooling2DOptions::toJson() const {
    return {{"pool_size", poolSize}, {"strides", strides}, {"padding", paddingName(padding)}};
}

LayerInfo Pooling2D::info(PoolMode mode) {
    const Pooling2DOptions d;
    LayerInfo li;
    const bool isMax = mode == PoolMode::Max;
    li.kind = isMax ? "MaxPooling2D" : "AveragePooling2D";
    li.category = "Pooling";
    li.help = isMax ? "Keeps the largest value of each window of every feature map, shrinking the "
                      "maps and making the features robust to small shifts."
                    : "Replaces each window of every feature map by its average, shrinking the maps "
                      "smoothly.";
    li.params = {
        spec::intParam("pool_size", d.poolSize, 1, 31, "Width and height of the square pooling window."),
        spec::intParam("strides", d.strides, 0, 31, "Step between windows; 0 means the same as pool_size."),
        spec::choiceParam(
            "padding", std::string(paddingName(d.padding)), {"valid", "same"},
            "'valid' drops windows that do not fit; 'same' keeps them partially, so the output is input/strides."),
    };
    li.create = [mode](const Options& o, const std::string& name) {
        return std::make_unique<Pooling2D>(mode, Pooling2DOptions::fromJson(o), name);
    };
    return li;
}

Pooling2D::Pooling2D(PoolMode mode, const Pooling2DOptions& options, std::string name)
    : Layer(std::move(name)), mode_(mode), opt_(options) {}

namespace {

// 2x2 windows with stride 2 and no padding: the vectorised kernels apply.
bool isPlain2x2(const WindowGeometry& g) {
    return g.window == 2 && g.stride == 2 && g.padTop == 0 && g.padLeft == 0 && 2 * g.outH <= g.inH &&
           2 * g.outW <= g.inW;
}

}  // namespace

std::string_view Pooling2D::kind() const { return mode_ == PoolMode::Max ? "MaxPooling2D" : "AveragePooling2D"; }

WindowGeometry Pooling2D::geometry(const Shape& input) const {
    const int stride = opt_.strides > 0 ? opt_.strides : opt_.poolSize;
    return WindowGeometry::make(input, opt_.poolSize, stride, opt_.padding, kind(), name_, "pool");
}

Shape Pooling2D::outputShape(std::span<const Shape> inputs) const {
    const WindowGeometry g = geometry(inputs[0]);
    return Shape::image(g.channels, g.outH, g.outW);
}

void Pooling2D::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    const int planes = x.batch() * g.channels;
    const int64_t inPlane = g.inPlane(), outPlane = g.outPlane();
    const bool isMax = mode_ == PoolMode::Max;
    // Max keeps, per output, the winner's offset within its input plane for backward.
    if (isMax) a.ws.indices.resize(static_cast<std::size_t>(planes * outPlane));

    if (isMax && isPlain2x2(g)) {
        // Inference skips recording the winners; a backward pass after it (rare: saliency,
        // tests) recomputes them.
        if (a.phase != Phase::Train) a.ws.indices.clear();
        maxPool2x2Forward(x.data(), planes, g.inH, g.inW, g.outH, g.outW, a.output.data(),
                          a.phase == Phase::Train ? a.ws.indices.data() : nullptr);
        return;
    }
    for (int p = 0; p < planes; ++p) {
        const float* in = x.data() + p * inPlane;
        float* out = a.output.data() + p * outPlane;
        int32_t* arg = isMax ? a.ws.indices.data() + p * outPlane : nullptr;
        for (int oh = 0; oh < g.outH; ++oh)
            for (int ow = 0; ow < g.outW; ++ow) {
                const Window w = clippedWindow(g, oh, ow);
                const int o = oh * g.outW + ow;
                if (isMax) {
                    float best = -std::numeric_limits<float>::infinity();
                    int32_t at = w.h0 * g.inW + w.w0;
                    for (int h = w.h0; h < w.h1; ++h)
                        for (int c = w.w0; c < w.w1; ++c)
                            if (in[h * g.inW + c] > best) {
                                best = in[h * g.inW + c];
                                at = h * g.inW + c;
                            }
                    out[o] = best;
                    arg[o] = at;
                } else {
                    float sum = 0.f;
                    for (int h = w.h0; h < w.h1; ++h)
                        for (int c = w.w0; c < w.w1; ++c) sum += in[h * g.inW + c];
                    out[o] = sum / float((w.h1 - w.h0) * (w.w1 - w.w0));
                }
            }
    }
}

void Pooling2D::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    dx->resize(x.batch(), x.sampleShape());
    const int planes = x.batch() * g.channels;
    const int64_t inPlane = g.inPlane(), outPlane = g.outPlane();
    if (mode_ == PoolMode::Max && isPlain2x2(g)) {
        const std::size_t outputs = static_cast<std::size_t>(planes * outPlane);
        if (a.ws.indices.size() != outputs) {  // the forward pass ran without recording winners
            a.ws.indices.resize(outputs);
            Tensor& values = a.ws.buffer(0);
            values.resize(1, Shape::flat(static_cast<int>(outputs)));
            maxPool2x2Forward(x.data(), planes, g.inH, g.inW, g.outH, g.outW, values.data(), a.ws.indices.data());
        }
    }
    dx->setZero();
    for (int p = 0; p < planes; ++p) {
        const float* dy = a.outputGrad.data() + p * outPlane;
        float* d = dx->data() + p * inPlane;
        if (mode_ == PoolMode::Max) {
            const int32_t* arg = a.ws.indices.data() + p * outPlane;
            for (int64_t o = 0; o < outPlane; ++o) d[arg[o]] += dy[o];
            continue;
        }
        for (int oh = 0; oh < g.outH; ++oh)
            for (int ow = 0; ow < g.outW; ++ow) {
                const Window w = clippedWindow(g, oh, ow);
                const float share = dy[oh * g.outW + ow] / float((w.h1 - w.h0) * (w.w1 - w.w0));
                for (int h = w.h0; h < w.h1; ++h)
                    for (int c = w.w0; c < w.w1; ++c) d[h * g.inW + c] += share;
            }
    }
}

}  // namespace cs
