#include "layers/activation.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"

namespace cs {

namespace {

constexpr float kInvSqrt2 = 0.70710678118654752f;
constexpr float kInvSqrt2Pi = 0.39894228040143268f;

// Softmax runs over "channels" for every position: for an image sample (C,H,W) the channels of
// one pixel are P = H*W floats apart; a flat sample is one position with stride 1.
struct SoftmaxGeometry {
    int64_t channels;
    int64_t positions;
};

SoftmaxGeometry softmaxGeometry(const Tensor& t) {
    const Shape& s = t.sampleShape();
    if (s.isImage()) return {s.channels(), static_cast<int64_t>(s.height()) * s.width()};
    return {t.sampleSize(), 1};
}

// Both passes work position by position with channel-strided access; no temporaries, so a
// training step does not allocate.
void softmaxForward(Tensor& t) {
    const auto [channels, positions] = softmaxGeometry(t);
    for (int n = 0; n < t.batch(); ++n) {
        float* x = t.sample(n);
        if (positions == 1) {
            ArrMap a(x, channels);
            a = (a - a.maxCoeff()).exp();
            a /= a.sum();
            continue;
        }
        for (int64_t p = 0; p < positions; ++p) {
            float mx = x[p];
            for (int64_t c = 1; c < channels; ++c) mx = std::max(mx, x[c * positions + p]);
            float sum = 0.f;
            for (int64_t c = 0; c < channels; ++c) {
                float& v = x[c * positions + p];
                v = std::exp(v - mx);
                sum += v;
            }
            const float inv = 1.f / sum;
            for (int64_t c = 0; c < channels; ++c) x[c * positions + p] *= inv;
        }
    }
}

void softmaxBackward(const Tensor& y, Tensor& g) {
    const auto [channels, positions] = softmaxGeometry(y);
    for (int n = 0; n < y.batch(); ++n) {
        const float* ys = y.sample(n);
        float* gs = g.sample(n);
        // dL/dx_c = y_c * (g_c - sum_k g_k y_k)
        for (int64_t p = 0; p < positions; ++p) {
            float dot = 0.f;
            for (int64_t c = 0; c < channels; ++c) dot += ys[c * positions + p] * gs[c * positions + p];
            for (int64_t c = 0; c < channels; ++c) {
                const int64_t i = c * positions + p;
                gs[i] = ys[i] * (gs[i] - dot);
            }
        }
    }
}

}  // namespace

const std::vector<std::string>& activationNames() {
    static const std::vector<std::string> names = {"linear",  "relu",  "leaky_relu",   "elu",        "sigmoid", "tanh",
                                                   "softmax", "relu6", "hard_sigmoid", "hard_swish", "silu",    "gelu"};
    return names;
}

Activation activationFromName(std::string_view name) {
    static const Activation all[] = {Activation::Linear,    Activation::Relu,    Activation::LeakyRelu,
                                     Activation::Elu,       Activation::Sigmoid, Activation::Tanh,
                                     Activation::Softmax,   Activation::Relu6,   Activation::HardSigmoid,
                                     Activation::HardSwish, Activation::Silu,    Activation::Gelu};
    for (Activation a : all)
        if (activationName(a) == name) return a;
    std::string known;
    for (const std::string& n : activationNames()) known += (known.empty() ? "" : ", ") + n;
    throw OptionError(msg("layer.unknown_activation", "unknown activation '{activation}'; known activations: {known}",
                          {{"activation", std::string(name)}, {"known", known}}));
}

std::string_view activationName(Activation a) {
    switch (a) {
        case Activation::Linear:
            return "linear";
        case Activation::Relu:
            return "relu";
        case Activation::LeakyRelu:
            return "leaky_relu";
        case Activation::Elu:
            return "elu";
        case Activation::Sigmoid:
            return "sigmoid";
        case Activation::Tanh:
            return "tanh";
        case Activation::Softmax:
            return "softmax";
        case Activation::Relu6:
            return "relu6";
        case Activation::HardSigmoid:
            return "hard_sigmoid";
        case Activation::HardSwish:
            return "hard_swish";
        case Activation::Silu:
            return "silu";
        case Activation::Gelu:
            return "gelu";
    }
    return "linear";
}

void activationForward(Activation a, Tensor& t, float alpha) {
    ArrMap x = t.array();
    switch (a) {
        case Activation::Linear:
            return;
        case Activation::Relu:
            x = x.max(0.f);
            return;
        case Activation::LeakyRelu: {
            const float s = alpha < 0 ? kLeakyReluSlope : alpha;
            x = (x > 0.f).select(x, s * x);
            return;
        }
        case Activation::Elu: {
            const float al = alpha < 0 ? kEluAlpha : alpha;
            x = (x > 0.f).select(x, al * (x.exp() - 1.f));
            return;
        }
        case Activation::Sigmoid:
            x = 1.f / (1.f + (-x).exp());
            return;
        case Activation::Tanh:
            x = x.tanh();
            return;
        case Activation::Softmax:
            softmaxForward(t);
            return;
        case Activation::Relu6:
            x = x.max(0.f).min(6.f);
            return;
        case Activation::HardSigmoid:
            x = (x * (1.f / 6.f) + 0.5f).max(0.f).min(1.f);
            return;
        case Activation::HardSwish:
            x = x * (x * (1.f / 6.f) + 0.5f).max(0.f).min(1.f);
            return;
        case Activation::Silu:
            x = x / (1.f + (-x).exp());
            return;
        case Activation::Gelu:
            x = x.unaryExpr([](float v) { return 0.5f * v * (1.f + std::erf(v * kInvSqrt2)); });
            return;
    }
}

bool activationNeedsInput(Activation a) {
    return a == Activation::HardSwish || a == Activation::Silu || a == Activation::Gelu;
}

void activationBackward(Activation a, const Tensor& y, Tensor& grad, const Tensor* x, float alpha) {
    ConstArrMap yv = y.array();
    ArrMap g = grad.array();
    if (activationNeedsInput(a) && (!x || x->size() != y.size()))
        throw Error("activation '" + std::string(activationName(a)) + "': the backward needs the pre-activation");
    switch (a) {
        case Activation::Linear:
            return;
        // For relu and leaky_relu (positive slope) and elu, sign(y) == sign(x), so the output
        // tells which branch the input took.
        case Activation::Relu:
            g = (yv > 0.f).select(g, 0.f);
            return;
        case Activation::LeakyRelu: {
            const float s = alpha < 0 ? kLeakyReluSlope : alpha;
            g = (yv > 0.f).select(g, s * g);
            return;
        }
        case Activation::Elu: {
            const float al = alpha < 0 ? kEluAlpha : alpha;
            g = (yv > 0.f).select(g, g * (yv + al));  // d/dx al*(e^x - 1) = y + al
            return;
        }
        case Activation::Sigmoid:
            g *= yv * (1.f - yv);
            return;
        case Activation::Tanh:
            g *= 1.f - yv.square();
            return;
        case Activation::Softmax:
            softmaxBackward(y, grad);
            return;
        case Activation::Relu6:
            g = (yv > 0.f && yv < 6.f).select(g, 0.f);
            return;
        case Activation::HardSigmoid:
            g = (yv > 0.f && yv < 1.f).select(g * (1.f / 6.f), 0.f);
            return;
        case Activation::HardSwish: {
            ConstArrMap xv = x->array();  // 0 below -3, 1 above 3, (2x + 3) / 6 between
            g *= (xv <= -3.f).select(0.f, (xv >= 3.f).select(1.f, xv * (1.f / 3.f) + 0.5f));
            return;
        }
        case Activation::Silu: {
            ConstArrMap xv = x->array();  // s (1 + x (1 - s)) with s = sigmoid(x)
            g *= xv.unaryExpr([](float v) {
                const float s = 1.f / (1.f + std::exp(-v));
                return s * (1.f + v * (1.f - s));
            });
            return;
        }
        case Activation::Gelu: {
            ConstArrMap xv = x->array();  // Phi(x) + x phi(x)
            g *= xv.unaryExpr([](float v) {
                return 0.5f * (1.f + std::erf(v * kInvSqrt2)) + v * kInvSqrt2Pi * std::exp(-0.5f * v * v);
            });
            return;
        }
    }
}

void fusedActivationForward(Activation a, Tensor& t, Tensor& pre) {
    if (activationNeedsInput(a)) {
        pre.resize(t.batch(), t.sampleShape());
        pre.array() = t.array();
    }
    activationForward(a, t);
}

void fusedActivationBackward(Activation a, const Tensor& y, const Tensor& pre, Tensor& grad) {
    activationBackward(a, y, grad, activationNeedsInput(a) ? &pre : nullptr);
}

}  // namespace cs
