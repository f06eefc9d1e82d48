#pragma once
// Inverted dropout (Keras Dropout): in the Train phase each value is zeroed with probability
// `rate` and the survivors are scaled by 1/(1-rate); in the Eval phase it is the identity.
// The mask comes from the workspace's RNG, which the model seeds per step.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

struct DropoutOptions {
    double rate = 0.5;

    static DropoutOptions fromJson(const Options& validated);
    Options toJson() const;
};

class Dropout : public Layer {
public:
    static LayerInfo info();

    Dropout(const DropoutOptions& options, std::string name);

    std::string_view kind() const override { return "Dropout"; }
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override { return inputs[0]; }
    bool randomInTraining() const override { return opt_.rate > 0.0; }
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;

private:
    DropoutOptions opt_;
};

}  // namespace cs
