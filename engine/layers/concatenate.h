#pragma once
// Joins two or more inputs (Keras Concatenate): along channels for images (heights and widths
// must match), along features for flat inputs. Branches of an Inception-style block meet here.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class Concatenate : public Layer {
public:
    static LayerInfo info();

    explicit Concatenate(std::string name) : Layer(std::move(name)) {}

    std::string_view kind() const override { return "Concatenate"; }
    Options options() const override { return Options::object(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
};

}  // namespace cs
