#pragma once
// Averages each feature map to one number (Keras GlobalAveragePooling2D): (C,H,W) -> (C).
// A weight-free alternative to Flatten before the classifier.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class GlobalAveragePooling2D : public Layer {
public:
    static LayerInfo info();

    explicit GlobalAveragePooling2D(std::string name) : Layer(std::move(name)) {}

    std::string_view kind() const override { return "GlobalAveragePooling2D"; }
    Options options() const override { return Options::object(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
};

}  // namespace cs
