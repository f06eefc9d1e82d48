#include "layers/activation_layer.h"

#include "layers/param_specs.h"

namespace cs {

LayerInfo ActivationLayer::info() {
    LayerInfo li;
    li.kind = "Activation";
    li.category = "Activation";
    li.help =
        "Applies a non-linearity to every value. Conv2D and Dense can fuse one themselves; use "
        "this layer to place it elsewhere, e.g. after BatchNormalization.";
    li.params = {spec::activationParam("relu", "The function applied to every value.")};
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<ActivationLayer>(activationFromName(o.at("activation").get<std::string>()), name);
    };
    return li;
}

void ActivationLayer::forward(const ForwardArgs& a) {
    a.output.array() = a.inputs[0]->array();
    activationForward(activation_, a.output);
}

void ActivationLayer::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    if (!a.gradIsPreActivation) activationBackward(activation_, a.output, a.outputGrad, a.inputs[0]);
    dx->resize(a.outputGrad.batch(), a.outputGrad.sampleShape());
    dx->array() = a.outputGrad.array();
}

}  // namespace cs
