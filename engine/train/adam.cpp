#include "train/adam.h"

#include <cmath>

namespace cs {

namespace {

// `g` is any Eigen array expression of the gradient (plain, or with the L2 term folded in).
template <class G>
void adamUpdate(ArrMap w, const G& g, Tensor* slots, float alpha, float beta1, float beta2, float epsilon) {
    ArrMap m = slots[0].array();
    ArrMap v = slots[1].array();
    m += (1.f - beta1) * (g - m);
    v += (1.f - beta2) * (g.square() - v);
    w -= alpha * m / (v.sqrt() + epsilon);
}

}  // namespace

Adam::Adam(OptimizerOptions o) : Optimizer(std::move(o)), decoupled_(options_.kind == "adamw") {}

void Adam::update(Param& p, const Tensor& g, Tensor* slots, float lr) {
    const OptimizerOptions& o = options_;
    const double t = static_cast<double>(iterations_ + 1);
    const double alpha = lr * std::sqrt(1.0 - std::pow(static_cast<double>(o.beta2), t)) /
                         (1.0 - std::pow(static_cast<double>(o.beta1), t));
    const auto a = static_cast<float>(alpha);
    ArrMap w = p.value.array();
    const float decay = p.decay ? o.weightDecay : 0.f;
    if (decay > 0.f && decoupled_) {
        w -= (lr * decay) * w;
        adamUpdate(w, g.array(), slots, a, o.beta1, o.beta2, o.epsilon);
    } else if (decay > 0.f) {
        adamUpdate(w, g.array() + decay * w, slots, a, o.beta1, o.beta2, o.epsilon);
    } else {
        adamUpdate(w, g.array(), slots, a, o.beta1, o.beta2, o.epsilon);
    }
}

}  // namespace cs
