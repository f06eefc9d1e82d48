#pragma once
// Flattens each sample to a vector in C,H,W order (NCHW memory order, as ONNX Flatten), so a
// Dense layer can follow convolutions. A flat input passes through unchanged.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class Flatten : public Layer {
public:
    static LayerInfo info();

    explicit Flatten(std::string name) : Layer(std::move(name)) {}

    std::string_view kind() const override { return "Flatten"; }
    Options options() const override { return Options::object(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
};

}  // namespace cs
