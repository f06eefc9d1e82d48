#pragma once
// Element-wise product of two inputs (Keras Multiply): inputs of one shape, or a feature map
// (C x H x W) and one value per channel (flat C), broadcast over height and width: the
// channel gate of squeeze-and-excitation blocks (MobileNetV3, EfficientNet).
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class Multiply : public Layer {
public:
    static LayerInfo info();

    explicit Multiply(std::string name) : Layer(std::move(name)) {}

    std::string_view kind() const override { return "Multiply"; }
    Options options() const override { return Options::object(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
    int64_t macs(std::span<const Shape> inputs, const Shape& output) const override { return output.size(); }
};

}  // namespace cs
