#pragma once
// A stand-alone activation (Keras Activation layer), for when the activation should be its own
// node, e.g. after BatchNormalization.
#include "layers/activation.h"
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

class ActivationLayer : public Layer {
public:
    static LayerInfo info();

    ActivationLayer(Activation activation, std::string name) : Layer(std::move(name)), activation_(activation) {}

    std::string_view kind() const override { return "Activation"; }
    Options options() const override { return {{"activation", cs::activationName(activation_)}}; }
    Shape outputShape(std::span<const Shape> inputs) const override { return inputs[0]; }
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
    std::string_view activationName() const override { return cs::activationName(activation_); }

private:
    Activation activation_;
};

}  // namespace cs
