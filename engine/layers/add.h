#pragma once
// Element-wise sum of two or more inputs of identical shape (Keras Add): residual connections.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class Add : public Layer {
public:
    static LayerInfo info();

    explicit Add(std::string name) : Layer(std::move(name)) {}

    std::string_view kind() const override { return "Add"; }
    Options options() const override { return Options::object(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
    int64_t macs(std::span<const Shape> inputs, const Shape& output) const override;
};

}  // namespace cs
