#pragma once
// ShuffleNet's channel shuffle: the channels, seen as `groups` rows of C/groups, are read out
// column by column (output channel i * groups + j is input channel j * C/groups + i), so the
// next grouped convolution mixes information across groups. It is the Reshape-Transpose-Reshape
// PyTorch writes for it.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class ChannelShuffle : public Layer {
public:
    static LayerInfo info();

    ChannelShuffle(int groups, std::string name) : Layer(std::move(name)), groups_(groups) {}

    std::string_view kind() const override { return "ChannelShuffle"; }
    Options options() const override { return {{"groups", groups_}}; }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;

private:
    int groups_;
};

}  // namespace cs
