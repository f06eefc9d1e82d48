#pragma once
// Stochastic gradient descent with optional (Nesterov) momentum, Keras's formulation:
//   v = momentum*v - lr*g;  w += v                      (classic momentum)
//   v = momentum*v - lr*g;  w += momentum*v - lr*g      (nesterov)
//   w -= lr*g                                           (momentum 0: no slot at all)
// weightDecay adds weightDecay*w to the gradient of Param::decay params (L2).
#include "train/optimizer.h"

namespace cs {

class Sgd : public Optimizer {
public:
    explicit Sgd(OptimizerOptions o) : Optimizer(std::move(o)) {}

protected:
    int slotsPerParam() const override { return options_.momentum > 0.f ? 1 : 0; }  // velocity
    void update(Param& p, const Tensor& g, Tensor* slots, float lr) override;
};

}  // namespace cs
