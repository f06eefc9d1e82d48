#include "layers/batch_normalization.h"

#include <cmath>

#include "core/errors.h"
#include "layers/param_specs.h"

namespace cs {

namespace {

// Workspace buffers. kBatchVar is empty after an Eval forward: that is how backward and
// commitState know the batch statistics were not used.
enum : std::size_t { kMean = 0, kBatchVar = 1, kInvStd = 2, kMul = 3, kAdd = 4, kShift = 5, kBufferCount = 6 };

// A batch seen as N x C x S: channel c of sample n is the contiguous run of S values at
// data + (n*C + c)*S (S = H*W for images, 1 for flat inputs).
struct Layout {
    int n, c;
    int64_t s;
};

Layout layoutOf(const Tensor& t) {
    const Shape& sh = t.sampleShape();
    if (sh.isImage()) return {t.batch(), sh.channels(), int64_t(sh.height()) * sh.width()};
    return {t.batch(), static_cast<int>(t.sampleSize()), 1};
}

}  // namespace

BatchNormalizationOptions BatchNormalizationOptions::fromJson(const Options& j) {
    BatchNormalizationOptions o;
    o.momentum = j.at("momentum").get<double>();
    o.epsilon = j.at("epsilon").get<double>();
    o.center = j.at("center").get<bool>();
    o.scale = j.at("scale").get<bool>();
    return o;
}

Options BatchNormalizationOptions::toJson() const {
    return {{"momentum", momentum}, {"epsilon", epsilon}, {"center", center}, {"scale", scale}};
}

LayerInfo BatchNormalization::info() {
    const BatchNormalizationOptions d;
    LayerInfo li;
    li.kind = "BatchNormalization";
    li.category = "Normalization";
    li.help =
        "Normalises each channel to zero mean and unit variance over the batch, then applies a "
        "learned scale and shift. Usually lets you train faster with higher learning rates.";
    li.params = {
        spec::floatParam("momentum", d.momentum, 0.0, 1.0,
                         "How slowly the moving statistics used at inference follow the batches."),
        spec::floatParam("epsilon", d.epsilon, 1e-7, 1.0,
                         "Small constant added to the variance to avoid dividing by zero."),
        spec::boolParam("center", d.center, "Learns a shift (beta) added after normalising."),
        spec::boolParam("scale", d.scale, "Learns a scale (gamma) applied after normalising."),
    };
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<BatchNormalization>(BatchNormalizationOptions::fromJson(o), name);
    };
    return li;
}

BatchNormalization::BatchNormalization(const BatchNormalizationOptions& options, std::string name)
    : Layer(std::move(name)), opt_(options) {}

Shape BatchNormalization::outputShape(std::span<const Shape> inputs) const {
    if (!inputs[0].isImage() && !inputs[0].isFlat())
        throw ShapeError(msg("layer.expects_image_or_flat", "{layer}: expects an image or a flat input, got {shape}",
                             {{"layer", describeLayer(kind(), name_)}, {"shape", inputs[0].toString()}}));
    return inputs[0];
}

void BatchNormalization::build(std::span<const Shape> inputs, Rng&) {
    const Shape& in = outputShape(inputs);
    const Shape ch = Shape::flat(features(in));
    auto filled = [&](const char* name, float v) {
        Param p{name, Tensor(ch), false};
        p.value.fill(v);
        return p;
    };
    params_.clear();
    state_.clear();
    if (opt_.scale) params_.push_back(filled("gamma", 1.f));
    if (opt_.center) params_.push_back(filled("beta", 0.f));
    state_.push_back(filled("moving_mean", 0.f));
    state_.push_back(filled("moving_variance", 1.f));
}

// The batch statistics of channel c, image layout: each run of S values is summed in float while it
// is in L1 (its mean, then the squared deviations from it), and the runs are merged in double
// with Chan et al.'s pairwise update. One pass over memory, vectorised, and no E[x^2]-E[x]^2
// cancellation on large activations.
static void channelMoments(const float* x, const Layout& L, int c, double& mean, double& var) {
    double n = 0, m = 0, m2 = 0;
    const double s = double(L.s);
    for (int i = 0; i < L.n; ++i) {
        ConstArrMap run(x + (int64_t(i) * L.c + c) * L.s, L.s);
        const float runMean = run.sum() / float(L.s);
        const double runM2 = (run - runMean).square().sum();
        const double delta = double(runMean) - m, total = n + s;
        m += delta * s / total;
        m2 += runM2 + delta * delta * n * s / total;
        n = total;
    }
    mean = m;
    var = n > 0 ? m2 / n : 0.0;
}

void BatchNormalization::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const Layout L = layoutOf(x);
    a.ws.buffer(kBufferCount - 1);  // grow the list once: the references below stay valid
    Tensor& mean = a.ws.buffer(kMean);
    Tensor& var = a.ws.buffer(kBatchVar);
    Tensor& invStd = a.ws.buffer(kInvStd);
    Tensor& mul = a.ws.buffer(kMul);
    Tensor& add = a.ws.buffer(kAdd);
    const Shape ch = Shape::flat(L.c);
    mean.resize(1, ch);
    invStd.resize(1, ch);
    mul.resize(1, ch);
    add.resize(1, ch);
    const bool train = a.phase == Phase::Train && L.n > 0;
    if (train) {
        var.resize(1, ch);
        if (L.s > 1) {
            for (int c = 0; c < L.c; ++c) {
                double m, v;
                channelMoments(x.data(), L, c, m, v);
                mean[c] = static_cast<float>(m);
                var[c] = static_cast<float>(v);
            }
        } else {
            // Flat: N rows of C features; two passes down the rows, vectorised across the features.
            mean.array().setZero();
            var.array().setZero();
            for (int n = 0; n < L.n; ++n) mean.array() += ConstArrMap(x.sample(n), L.c);
            mean.array() /= float(L.n);
            for (int n = 0; n < L.n; ++n) var.array() += (ConstArrMap(x.sample(n), L.c) - mean.array()).square();
            var.array() /= float(L.n);
        }
        for (int c = 0; c < L.c; ++c) invStd[c] = static_cast<float>(1.0 / std::sqrt(double(var[c]) + opt_.epsilon));
    } else {
        var.resize(0, ch);
        for (int c = 0; c < L.c; ++c) {
            mean[c] = state_[0].value[c];
            invStd[c] = static_cast<float>(1.0 / std::sqrt(double(state_[1].value[c]) + opt_.epsilon));
        }
    }
    const Param* g = gamma();
    const Param* b = beta();
    for (int c = 0; c < L.c; ++c) {
        mul[c] = invStd[c] * (g ? g->value[c] : 1.f);
        add[c] = (b ? b->value[c] : 0.f) - mean[c] * mul[c];
    }
    if (L.s == 1) {
        for (int n = 0; n < L.n; ++n)
            ArrMap(a.output.sample(n), L.c) = ConstArrMap(x.sample(n), L.c) * mul.array() + add.array();
        return;
    }
    for (int n = 0; n < L.n; ++n)
        for (int c = 0; c < L.c; ++c) {
            const int64_t off = (int64_t(n) * L.c + c) * L.s;
            ArrMap(a.output.data() + off, L.s) = ConstArrMap(x.data() + off, L.s) * mul[c] + add[c];
        }
}

void BatchNormalization::backward(const BackwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const Layout L = layoutOf(x);
    a.ws.buffer(kBufferCount - 1);
    const Tensor& mean = a.ws.buffer(kMean);
    const Tensor& invStd = a.ws.buffer(kInvStd);
    Tensor& sumDy = a.ws.buffer(kMul);  // the forward's scale and shift are not needed any more
    Tensor& sumDyXc = a.ws.buffer(kAdd);
    const bool batchStats = !a.ws.buffer(kBatchVar).empty();
    const Param* g = gamma();
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (dx) dx->resize(x.batch(), x.sampleShape());
    Tensor* dgamma = g ? &a.paramGrads[0] : nullptr;
    Tensor* dbeta = beta() ? &a.paramGrads[g ? 1 : 0] : nullptr;
    if (dgamma) dgamma->resize(1, Shape::flat(L.c));
    if (dbeta) dbeta->resize(1, Shape::flat(L.c));
    sumDy.resize(1, Shape::flat(L.c));
    sumDyXc.resize(1, Shape::flat(L.c));
    const double count = double(L.n) * L.s;
    const float* dyData = a.outputGrad.data();

    // Per channel: sum dy and sum dy * (x - mean) (float within a run, double across runs).
    if (L.s > 1) {
        for (int c = 0; c < L.c; ++c) {
            double sd = 0, sdx = 0;
            const float m = mean[c];
            for (int n = 0; n < L.n; ++n) {
                const int64_t off = (int64_t(n) * L.c + c) * L.s;
                ConstArrMap dy(dyData + off, L.s);
                sd += dy.sum();
                sdx += (dy * (ConstArrMap(x.data() + off, L.s) - m)).sum();
            }
            sumDy[c] = static_cast<float>(sd);
            sumDyXc[c] = static_cast<float>(sdx);
        }
    } else {
        sumDy.array().setZero();
        sumDyXc.array().setZero();
        for (int n = 0; n < L.n; ++n) {
            ConstArrMap dy(dyData + int64_t(n) * L.c, L.c);
            sumDy.array() += dy;
            sumDyXc.array() += dy * (ConstArrMap(x.sample(n), L.c) - mean.array());
        }
    }
    for (int c = 0; c < L.c; ++c) {
        if (dgamma) (*dgamma)[c] = sumDyXc[c] * invStd[c];  // sum dy * xhat
        if (dbeta) (*dbeta)[c] = sumDy[c];
    }
    if (!dx) return;
    // With batch statistics the mean and variance depend on x too:
    // dx = gamma*invStd * (dy - mean(dy) - xhat * mean(dy*xhat)); with fixed (moving) statistics
    // only the first term remains. Per channel that is dx = A*dy + B*(x - mean) + C (x - mean, not x:
    // no cancellation on large activations); A, B and C replace
    // the sums in their buffers (and kShift).
    Tensor& shift = a.ws.buffer(kShift);
    shift.resize(1, Shape::flat(L.c));
    for (int c = 0; c < L.c; ++c) {
        const double is = invStd[c], k = (g ? g->value[c] : 1.f) * is;
        const double meanDy = batchStats ? sumDy[c] / count : 0.0;
        const double q = batchStats ? double(sumDyXc[c]) * is * is / count : 0.0;
        sumDy[c] = static_cast<float>(k);
        sumDyXc[c] = static_cast<float>(-k * q);
        shift[c] = static_cast<float>(-k * meanDy);
    }
    const Tensor &A = sumDy, &B = sumDyXc;
    if (L.s == 1) {
        for (int n = 0; n < L.n; ++n)
            ArrMap(dx->sample(n), L.c) = A.array() * ConstArrMap(dyData + int64_t(n) * L.c, L.c) +
                                         B.array() * (ConstArrMap(x.sample(n), L.c) - mean.array()) + shift.array();
        return;
    }
    for (int n = 0; n < L.n; ++n)
        for (int c = 0; c < L.c; ++c) {
            const int64_t off = (int64_t(n) * L.c + c) * L.s;
            ArrMap(dx->data() + off, L.s) =
                A[c] * ConstArrMap(dyData + off, L.s) + B[c] * (ConstArrMap(x.data() + off, L.s) - mean[c]) + shift[c];
        }
}

void BatchNormalization::commitState(std::span<Workspace* const> workers) {
    // The mean of the workers' batch statistics, then Keras's update:
    // moving = momentum * moving + (1 - momentum) * batch.
    Tensor& mm = state_[0].value;
    Tensor& mv = state_[1].value;
    // Workers whose last forward used batch statistics (an Eval forward leaves none).
    auto usable = [&](const Workspace* ws) {
        return ws && ws->buffers.size() > kBatchVar && ws->buffers[kBatchVar].size() == mm.size();
    };
    int used = 0;
    for (Workspace* ws : workers) used += usable(ws);
    if (used == 0) return;
    const double mom = opt_.momentum, share = (1 - mom) / used;
    for (int64_t c = 0; c < mm.size(); ++c) {
        double mean = 0, var = 0;
        for (Workspace* ws : workers)
            if (usable(ws)) {
                mean += ws->buffers[kMean][c];
                var += ws->buffers[kBatchVar][c];
            }
        mm[c] = static_cast<float>(mom * mm[c] + share * mean);
        mv[c] = static_cast<float>(mom * mv[c] + share * var);
    }
}

int64_t BatchNormalization::macs(std::span<const Shape> inputs, const Shape&) const {
    return inputs[0].size();  // one multiply-add per value at inference
}

int64_t BatchNormalization::totalParams(std::span<const Shape> inputs) const {
    const int64_t c = features(inputs[0]);
    return c * (2 + (opt_.center ? 1 : 0) + (opt_.scale ? 1 : 0));  // + moving mean and variance
}

}  // namespace cs
