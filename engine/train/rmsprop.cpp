#include "train/rmsprop.h"

namespace cs {

namespace {

// `g` is any Eigen array expression of the gradient (plain, or with the L2 term folded in).
template <class G>
void rmsPropUpdate(ArrMap w, const G& g, Tensor* slots, float lr, float rho, float epsilon) {
    ArrMap v = slots[0].array();
    v = rho * v + (1.f - rho) * g.square();
    w -= lr * g / (v + epsilon).sqrt();
}

}  // namespace

void RmsProp::update(Param& p, const Tensor& g, Tensor* slots, float lr) {
    ArrMap w = p.value.array();
    const float decay = p.decay ? options_.weightDecay : 0.f;
    if (decay > 0.f)
        rmsPropUpdate(w, g.array() + decay * w, slots, lr, options_.rho, options_.epsilon);
    else
        rmsPropUpdate(w, g.array(), slots, lr, options_.rho, options_.epsilon);
}

}  // namespace cs
