#include "train/rmsprop.h"

namespace cs {

namespace {

// `g` is any Eigen array expression of the gradient (plain, or with the L2 term folded in).
template <class G>
void rmsPropUpdate(ArrMap w, const G& g, ArrMap v, float lr, float rho, float epsilon) {
    v = rho * v + (1.f - rho) * g.square();
    w -= lr * g / (v + epsilon).sqrt();
}

}  // namespace

void RmsProp::update(Param& p, const Tensor& g, Tensor* slots, float lr, int64_t begin, int64_t count) {
    const float decay = p.decay ? options_.weightDecay : 0.f;
    forEachBlock(begin, count, [&](int64_t b, int64_t len) {
        ArrMap w(p.value.data() + b, len), v(slots[0].data() + b, len);
        const ConstArrMap gb(g.data() + b, len);
        if (decay > 0.f)
            rmsPropUpdate(w, gb + decay * w, v, lr, options_.rho, options_.epsilon);
        else
            rmsPropUpdate(w, gb, v, lr, options_.rho, options_.epsilon);
    });
}

}  // namespace cs
