#include "gradient_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cs::test {

void fillUniform(Tensor& t, Rng& rng, float lo, float hi) {
    for (int64_t i = 0; i < t.size(); ++i) t[i] = rng.uniform(lo, hi);
}

Tensor randomTensor(int batch, const Shape& shape, Rng& rng, float lo, float hi) {
    Tensor t(batch, shape);
    fillUniform(t, rng, lo, hi);
    return t;
}

double dot(const Tensor& a, const Tensor& b) {
    double s = 0;
    for (int64_t i = 0; i < std::min(a.size(), b.size()); ++i) s += double(a[i]) * double(b[i]);
    return s;
}

bool allFinite(const Tensor& t) {
    for (int64_t i = 0; i < t.size(); ++i)
        if (!std::isfinite(t[i])) return false;
    return true;
}

double maxAbsDiff(const Tensor& a, const Tensor& b) {
    if (a.size() != b.size()) return std::numeric_limits<double>::infinity();
    double m = 0;
    for (int64_t i = 0; i < a.size(); ++i) {
        const double d = std::abs(double(a[i]) - double(b[i]));
        if (!(d <= m)) m = d;  // NaN propagates as a failure
    }
    return m;
}

bool GradientCheckResult::ok(const GradientCheckOptions& o) const {
    // One skip is tolerated even in tiny tensors (a bias of 4 channels), as long as something
    // was checked.
    const double allowed = std::max(1.0, o.maxSkipped * (checked + skipped));
    return failed == 0 && checked > 0 && skipped <= allowed;
}

std::string GradientCheckResult::summary() const {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%d checked, %d skipped at kinks, %d failed, max error %.3g", checked, skipped,
                  failed, maxError);
    return std::string(buf) + (firstFailure.empty() ? "" : "; first failure: " + firstFailure);
}

GradientCheckResult checkGradient(float* values, int64_t count, const float* analytic,
                                  const std::function<double()>& loss, const GradientCheckOptions& o) {
    GradientCheckResult r;
    const double l0 = loss();
    for (int64_t i = 0; i < count; ++i) {
        const float saved = values[i];
        // The perturbation actually applied, after float rounding, is what we divide by.
        values[i] = static_cast<float>(saved + o.step);
        const double hPlus = double(values[i]) - saved;
        const double lPlus = loss();
        values[i] = static_cast<float>(saved - o.step);
        const double hMinus = saved - double(values[i]);
        const double lMinus = loss();
        values[i] = saved;

        double numeric = (lPlus - lMinus) / (hPlus + hMinus);
        const double forwardSide = (lPlus - l0) / hPlus, backwardSide = (l0 - lMinus) / hMinus;
        const double gap = std::abs(forwardSide - backwardSide);
        if (gap > o.kinkTol * std::max(1.0, std::abs(numeric))) {
            // Curvature also separates the one-sided slopes, but in proportion to the step; a
            // kink does not shrink with it. Halve the step: only a gap that stays is a kink.
            values[i] = static_cast<float>(saved + o.step / 2);
            const double hp = double(values[i]) - saved;
            const double lp = loss();
            values[i] = static_cast<float>(saved - o.step / 2);
            const double hm = saved - double(values[i]);
            const double lm = loss();
            values[i] = saved;
            const double halfGap = std::abs((lp - l0) / hp - (l0 - lm) / hm);
            if (halfGap > 0.75 * gap) {
                ++r.skipped;
                continue;
            }
            // Curvature, or a kink between h/2 and h: the half-step difference is the sound one.
            numeric = (lp - lm) / (hp + hm);
        }
        ++r.checked;
        const double err = std::abs(double(analytic[i]) - numeric);
        if (!(err <= r.maxError)) r.maxError = err;
        if (!(err <= o.absTol + o.relTol * std::abs(numeric))) {
            if (r.failed++ == 0) {
                char buf[128];
                std::snprintf(buf, sizeof buf, "element %lld: analytic %.6g, numeric %.6g", static_cast<long long>(i),
                              analytic[i], numeric);
                r.firstFailure = buf;
            }
        }
    }
    return r;
}

LayerRunner::LayerRunner(Layer& layer, std::vector<Tensor> inputs, Phase phase, uint64_t rngSeed)
    : layer_(layer), inputs_(std::move(inputs)), phase_(phase), seed_(rngSeed) {
    for (const Tensor& t : inputs_) shapes_.push_back(t.sampleShape());
    outShape_ = layer_.outputShape(shapes_);
}

Tensor LayerRunner::forward(Workspace& ws) const {
    std::vector<const Tensor*> ptrs;
    for (const Tensor& t : inputs_) ptrs.push_back(&t);
    Tensor out(batch(), outShape_);
    out.fill(std::numeric_limits<float>::quiet_NaN());
    ws.rng = Rng(seed_);
    layer_.forward(ForwardArgs{ptrs, out, ws, phase_});
    return out;
}

LayerRunner::Grads LayerRunner::backward(Workspace& ws, const Tensor& output, const Tensor& outputGrad,
                                         bool wantInputGrads, bool gradIsPreActivation, float prefill) const {
    Grads g;
    std::vector<const Tensor*> ptrs;
    std::vector<Tensor*> inGrads;
    g.inputs.resize(inputs_.size());
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        ptrs.push_back(&inputs_[i]);
        if (wantInputGrads) {
            g.inputs[i].resize(inputs_[i].batch(), inputs_[i].sampleShape());
            g.inputs[i].fill(prefill);
            inGrads.push_back(&g.inputs[i]);
        } else {
            inGrads.push_back(nullptr);
        }
    }
    for (const Param& p : layer_.params()) {
        g.params.emplace_back(p.value.batch(), p.value.sampleShape());
        g.params.back().fill(prefill);
    }
    Tensor dy = outputGrad;  // the layer may use it as scratch
    layer_.backward(BackwardArgs{ptrs, output, dy, inGrads, g.params, ws, gradIsPreActivation});
    return g;
}

// TensorFlow's 'same' rule, written out independently of the engine's WindowGeometry.
static void tfAxis(int in, int k, int s, bool same, int& out, int& padBefore) {
    out = same ? (in + s - 1) / s : (in - k) / s + 1;
    padBefore = same ? std::max((out - 1) * s + k - in, 0) / 2 : 0;
}

Tensor naiveConv2D(const Tensor& x, const Tensor& w, const Tensor& b, int s, bool same) {
    const Shape& in = x.sampleShape();
    const int F = w.batch(), k = w.sampleShape()[1];
    int oh, ow, pt, pl;
    tfAxis(in.height(), k, s, same, oh, pt);
    tfAxis(in.width(), k, s, same, ow, pl);
    Tensor y(x.batch(), Shape::image(F, oh, ow));
    for (int n = 0; n < x.batch(); ++n)
        for (int f = 0; f < F; ++f)
            for (int i = 0; i < oh; ++i)
                for (int j = 0; j < ow; ++j) {
                    double acc = b[f];
                    for (int c = 0; c < in.channels(); ++c)
                        for (int ki = 0; ki < k; ++ki)
                            for (int kj = 0; kj < k; ++kj) {
                                const int r = i * s - pt + ki, q = j * s - pl + kj;
                                if (r < 0 || q < 0 || r >= in.height() || q >= in.width()) continue;
                                acc += double(w.sample(f)[(c * k + ki) * k + kj]) *
                                       x.sample(n)[(c * in.height() + r) * in.width() + q];
                            }
                    y.sample(n)[(f * oh + i) * ow + j] = float(acc);
                }
    return y;
}

Tensor naiveConv2D(const Tensor& x, const Tensor& w, const Tensor* b, const NaiveConvOptions& o) {
    const Shape& in = x.sampleShape();
    const int F = w.batch(), cg = w.sampleShape()[0], k = w.sampleShape()[1], s = o.stride, d = o.dilation;
    const int span = (k - 1) * d + 1, fg = F / o.groups;
    const int oh = (in.height() + o.pads[0] + o.pads[1] - span) / s + 1;
    const int ow = (in.width() + o.pads[2] + o.pads[3] - span) / s + 1;
    Tensor y(x.batch(), Shape::image(F, oh, ow));
    for (int n = 0; n < x.batch(); ++n)
        for (int f = 0; f < F; ++f)
            for (int i = 0; i < oh; ++i)
                for (int j = 0; j < ow; ++j) {
                    double acc = b ? (*b)[f] : 0.0;
                    for (int c = 0; c < cg; ++c)
                        for (int ki = 0; ki < k; ++ki)
                            for (int kj = 0; kj < k; ++kj) {
                                const int r = i * s - o.pads[0] + ki * d, q = j * s - o.pads[2] + kj * d;
                                if (r < 0 || q < 0 || r >= in.height() || q >= in.width()) continue;
                                const int channel = (f / fg) * cg + c;
                                acc += double(w.sample(f)[(c * k + ki) * k + kj]) *
                                       x.sample(n)[(channel * in.height() + r) * in.width() + q];
                            }
                    y.sample(n)[(f * oh + i) * ow + j] = float(acc);
                }
    return y;
}

Tensor naivePool2D(const Tensor& x, int k, int s, bool same, bool isMax) {
    const Shape& in = x.sampleShape();
    int oh, ow, pt, pl;
    tfAxis(in.height(), k, s, same, oh, pt);
    tfAxis(in.width(), k, s, same, ow, pl);
    Tensor y(x.batch(), Shape::image(in.channels(), oh, ow));
    for (int n = 0; n < x.batch(); ++n)
        for (int c = 0; c < in.channels(); ++c)
            for (int i = 0; i < oh; ++i)
                for (int j = 0; j < ow; ++j) {
                    double best = -1e30, sum = 0;
                    int count = 0;
                    for (int r = i * s - pt; r < i * s - pt + k; ++r)
                        for (int q = j * s - pl; q < j * s - pl + k; ++q) {
                            if (r < 0 || q < 0 || r >= in.height() || q >= in.width()) continue;
                            const float v = x.sample(n)[(c * in.height() + r) * in.width() + q];
                            best = std::max(best, double(v));
                            sum += v;
                            ++count;
                        }
                    y.sample(n)[(c * oh + i) * ow + j] = float(isMax ? best : sum / count);
                }
    return y;
}

}  // namespace cs::test
