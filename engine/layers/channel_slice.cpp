#include "layers/channel_slice.h"

#include <algorithm>

#include "core/errors.h"
#include "layers/param_specs.h"

namespace cs {

namespace {

// Values per channel: the plane of an image, 1 for flat features.
int64_t planeOf(const Shape& s) { return s.isImage() ? int64_t(s.height()) * s.width() : 1; }

}  // namespace

LayerInfo ChannelSlice::info() {
    LayerInfo li;
    li.kind = "ChannelSlice";
    li.category = "Core";
    li.help = "Keeps the channels from start up to (not including) stop, e.g. one half of a channel split.";
    li.params = {spec::intParam("start", 0, 0, 1 << 20, "First channel kept (counting from 0)."),
                 spec::intParam("stop", 1, 1, 1 << 20, "Channel after the last one kept.")};
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<ChannelSlice>(o.at("start").get<int>(), o.at("stop").get<int>(), name);
    };
    return li;
}

Shape ChannelSlice::outputShape(std::span<const Shape> inputs) const {
    const Shape& s = inputs[0];
    if (!s.isImage() && !s.isFlat())
        throw ShapeError(msg("layer.expects_image_or_flat", "{layer}: expects an image or a flat input, got {shape}",
                             {{"layer", describeLayer(kind(), name_)}, {"shape", s.toString()}}));
    const int channels = s.isImage() ? s.channels() : s[0];
    if (start_ >= stop_ || stop_ > channels)
        throw ShapeError(msg("layer.slice_out_of_range",
                             "{layer}: channels {start} to {stop} do not fit an input of {channels} channels",
                             {{"layer", describeLayer(kind(), name_)},
                              {"start", std::to_string(start_)},
                              {"stop", std::to_string(stop_)},
                              {"channels", std::to_string(channels)}}));
    return s.isImage() ? Shape::image(stop_ - start_, s.height(), s.width()) : Shape::flat(stop_ - start_);
}

// In NCHW memory the kept channels of a sample are one contiguous block.
void ChannelSlice::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const int64_t plane = planeOf(x.sampleShape()), count = (stop_ - start_) * plane;
    for (int n = 0; n < x.batch(); ++n) {
        const float* src = x.sample(n) + start_ * plane;
        std::copy(src, src + count, a.output.sample(n));
    }
}

void ChannelSlice::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    const Tensor& x = *a.inputs[0];
    dx->resize(x.batch(), x.sampleShape());
    dx->setZero();
    const int64_t plane = planeOf(x.sampleShape()), count = (stop_ - start_) * plane;
    for (int n = 0; n < x.batch(); ++n) {
        const float* src = a.outputGrad.sample(n);
        std::copy(src, src + count, dx->sample(n) + start_ * plane);
    }
}

}  // namespace cs
