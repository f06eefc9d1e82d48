#pragma once
// RMSprop without momentum, not centered, exactly as Keras (and TF's ApplyRMSProp kernel)
// computes it, with epsilon inside the square root:
//   v = rho*v + (1-rho)*g^2;  w -= lr*g/sqrt(v + epsilon)
// weightDecay adds weightDecay*w to the gradient of Param::decay params (L2).
#include "train/optimizer.h"

namespace cs {

class RmsProp : public Optimizer {
public:
    explicit RmsProp(OptimizerOptions o) : Optimizer(std::move(o)) {}

protected:
    int slotsPerParam() const override { return 1; }  // mean square v
    void update(Param& p, const Tensor& g, Tensor* slots, float lr) override;
};

}  // namespace cs
