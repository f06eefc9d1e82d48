#include "layers/channel_shuffle.h"

#include <algorithm>

#include "core/errors.h"
#include "layers/param_specs.h"

namespace cs {

namespace {

// Copies channel planes from `src` to `dst` (one sample); toShuffled picks the direction.
void permutePlanes(const float* src, float* dst, int channels, int groups, int64_t plane, bool toShuffled) {
    const int perGroup = channels / groups;
    for (int i = 0; i < perGroup; ++i)
        for (int j = 0; j < groups; ++j) {
            const int64_t shuffled = int64_t(i) * groups + j, original = int64_t(j) * perGroup + i;
            const int64_t from = toShuffled ? original : shuffled, to = toShuffled ? shuffled : original;
            std::copy(src + from * plane, src + (from + 1) * plane, dst + to * plane);
        }
}

}  // namespace

LayerInfo ChannelShuffle::info() {
    LayerInfo li;
    li.kind = "ChannelShuffle";
    li.category = "Core";
    li.help =
        "Interleaves the channels of its groups (ShuffleNet), so that the next grouped convolution sees "
        "channels from every group.";
    li.params = {spec::intParam("groups", 2, 1, 1024, "Number of channel groups to interleave.")};
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<ChannelShuffle>(o.at("groups").get<int>(), name);
    };
    return li;
}

Shape ChannelShuffle::outputShape(std::span<const Shape> inputs) const {
    const Shape& s = inputs[0];
    if (!s.isImage())
        throw ShapeError(msg("layer.expects_image",
                             "{layer}: expects an image input (channels x height x width), got {shape}",
                             {{"layer", describeLayer(kind(), name_)}, {"shape", s.toString()}}));
    if (s.channels() % groups_ != 0)
        throw ShapeError(msg("layer.channels_not_divisible",
                             "{layer}: {channels} channels do not split into {groups} groups",
                             {{"layer", describeLayer(kind(), name_)},
                              {"channels", std::to_string(s.channels())},
                              {"groups", std::to_string(groups_)}}));
    return s;
}

void ChannelShuffle::forward(const ForwardArgs& a) {
    const Shape& s = a.inputs[0]->sampleShape();
    const int64_t plane = int64_t(s.height()) * s.width();
    for (int n = 0; n < a.output.batch(); ++n)
        permutePlanes(a.inputs[0]->sample(n), a.output.sample(n), s.channels(), groups_, plane, true);
}

void ChannelShuffle::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    const Shape& s = a.inputs[0]->sampleShape();
    dx->resize(a.outputGrad.batch(), s);
    const int64_t plane = int64_t(s.height()) * s.width();
    for (int n = 0; n < dx->batch(); ++n)
        permutePlanes(a.outputGrad.sample(n), dx->sample(n), s.channels(), groups_, plane, false);
}

}  // namespace cs
