#pragma once
// Adam and AdamW, Keras's formulation (epsilon outside the bias correction):
//   t = iterations + 1
//   m += (1-beta1)*(g - m);  v += (1-beta2)*(g^2 - v)
//   w -= lr*sqrt(1-beta2^t)/(1-beta1^t) * m/(sqrt(v) + epsilon)
// "adam": weightDecay adds weightDecay*w to the gradient of Param::decay params (L2).
// "adamw": decoupled decay, w -= lr*weightDecay*w on Param::decay params before the Adam step.
#include "train/optimizer.h"

namespace cs {

class Adam : public Optimizer {
public:
    explicit Adam(OptimizerOptions o);

protected:
    int slotsPerParam() const override { return 2; }  // first moment m, second moment v
    void update(Param& p, const Tensor& g, Tensor* slots, float lr) override;

private:
    bool decoupled_;  // AdamW
};

}  // namespace cs
