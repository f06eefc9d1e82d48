#include "train/sgd.h"

namespace cs {

namespace {

// `g` is any Eigen array expression of the gradient (plain, or with the L2 term folded in).
template <class G>
void sgdUpdate(ArrMap w, const G& g, float* velocity, int64_t count, float lr, float momentum, bool nesterov) {
    if (!velocity) {
        w -= lr * g;
        return;
    }
    ArrMap v(velocity, count);
    v = momentum * v - lr * g;
    if (nesterov)
        w += momentum * v - lr * g;
    else
        w += v;
}

}  // namespace

void Sgd::update(Param& p, const Tensor& g, Tensor* slots, float lr, int64_t begin, int64_t count) {
    const float decay = p.decay ? options_.weightDecay : 0.f;
    forEachBlock(begin, count, [&](int64_t b, int64_t len) {
        ArrMap w(p.value.data() + b, len);
        const ConstArrMap gb(g.data() + b, len);
        float* velocity = slotsPerParam() > 0 ? slots[0].data() + b : nullptr;
        if (decay > 0.f)
            sgdUpdate(w, gb + decay * w, velocity, len, lr, options_.momentum, options_.nesterov);
        else
            sgdUpdate(w, gb, velocity, len, lr, options_.momentum, options_.nesterov);
    });
}

}  // namespace cs
