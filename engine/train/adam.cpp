#include "train/adam.h"

#include <algorithm>
#include <cmath>

namespace cs {

namespace {

// The update runs over blocks of this many elements, so that the three statements of
// adamUpdate read each block's moments and weights from the L1 cache rather than making three
// passes over the whole tensor (seed-cnn's optimizer step, 93k parameters: 0.07-0.08 ms, serial
// between two training steps).
constexpr int64_t kBlock = 1024;

// `g` is any Eigen array expression of the gradient (plain, or with the L2 term folded in).
template <class G>
void adamUpdate(ArrMap w, const G& g, ArrMap m, ArrMap v, float alpha, float beta1, float beta2, float epsilon) {
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
    const float decay = p.decay ? o.weightDecay : 0.f;
    const int64_t n = p.value.size();
    for (int64_t b = 0; b < n; b += kBlock) {
        const int64_t len = std::min(kBlock, n - b);
        ArrMap w(p.value.data() + b, len), m(slots[0].data() + b, len), v(slots[1].data() + b, len);
        const ConstArrMap gb(g.data() + b, len);
        if (decay > 0.f && decoupled_) {
            w -= (lr * decay) * w;
            adamUpdate(w, gb, m, v, a, o.beta1, o.beta2, o.epsilon);
        } else if (decay > 0.f) {
            adamUpdate(w, gb + decay * w, m, v, a, o.beta1, o.beta2, o.epsilon);
        } else {
            adamUpdate(w, gb, m, v, a, o.beta1, o.beta2, o.epsilon);
        }
    }
}

}  // namespace cs
