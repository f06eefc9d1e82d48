#pragma once
// Channels start..stop-1 of an image (or features start..stop-1 of a flat input): one half of
// ShuffleNet's channel split, PyTorch's x[:, start:stop] (an ONNX Slice or Split on axis 1).
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class ChannelSlice : public Layer {
public:
    static LayerInfo info();

    ChannelSlice(int start, int stop, std::string name) : Layer(std::move(name)), start_(start), stop_(stop) {}

    std::string_view kind() const override { return "ChannelSlice"; }
    Options options() const override { return {{"start", start_}, {"stop", stop_}}; }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;

private:
    int start_, stop_;
};

}  // namespace cs
