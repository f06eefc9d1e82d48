#include "train/sgd.h"

namespace cs {

namespace {

// `g` is any Eigen array expression of the gradient (plain, or with the L2 term folded in).
template <class G>
void sgdUpdate(ArrMap w, const G& g, Tensor* slots, float lr, float momentum, bool nesterov) {
    if (!slots) {
        w -= lr * g;
        return;
    }
    ArrMap v = slots[0].array();
    v = momentum * v - lr * g;
    if (nesterov)
        w += momentum * v - lr * g;
    else
        w += v;
}

}  // namespace

void Sgd::update(Param& p, const Tensor& g, Tensor* slots, float lr) {
    ArrMap w = p.value.array();
    Tensor* velocity = slotsPerParam() > 0 ? slots : nullptr;
    const float decay = p.decay ? options_.weightDecay : 0.f;
    if (decay > 0.f)
        sgdUpdate(w, g.array() + decay * w, velocity, lr, options_.momentum, options_.nesterov);
    else
        sgdUpdate(w, g.array(), velocity, lr, options_.momentum, options_.nesterov);
}

}  // namespace cs
