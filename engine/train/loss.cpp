#include "train/loss.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"

namespace cs {

nlohmann::json LossOptions::toJson() const {
    return {{"loss", kind}, {"label_smoothing", labelSmoothing}, {"class_weights", classWeights}};
}

LossOptions LossOptions::fromJson(const nlohmann::json& j) {
    LossOptions o;
    try {
        o.kind = j.value("loss", o.kind);
        o.labelSmoothing = j.value("label_smoothing", 0.f);
        o.classWeights = j.value("class_weights", std::vector<float>{});
    } catch (const nlohmann::json::exception& e) {
        throw OptionError(msg("train.loss_malformed", "loss settings are malformed: {reason}", {{"reason", e.what()}}));
    }
    if (o.kind != "sparse_categorical_crossentropy" && o.kind != "categorical_crossentropy")
        throw OptionError(msg("train.unknown_loss",
                              "unknown loss '{loss}'; known: categorical_crossentropy, sparse_categorical_crossentropy",
                              {{"loss", o.kind}}));
    if (!(o.labelSmoothing >= 0.f && o.labelSmoothing < 1.f))
        throw OptionError(msg("train.label_smoothing_range", "label_smoothing must be in [0, 1), got {value}",
                              {{"value", std::to_string(o.labelSmoothing)}}));
    if (o.labelSmoothing > 0.f && o.kind != "categorical_crossentropy")
        throw OptionError(msg("train.label_smoothing_loss", "label smoothing needs loss 'categorical_crossentropy'"));
    for (float w : o.classWeights)
        if (!(w >= 0.f) || !std::isfinite(w))
            throw OptionError(msg("train.class_weights_invalid", "class weights must be finite and >= 0"));
    return o;
}

LossResult softmaxCrossEntropy(const Tensor& output, bool outputIsProbabilities, std::span<const int32_t> labels,
                               const LossOptions& options, float gradScale, Tensor* grad, int topK) {
    const int batch = output.batch();
    const int classes = static_cast<int>(output.sampleSize());
    if (static_cast<int>(labels.size()) != batch)
        throw TrainingError("loss: " + std::to_string(labels.size()) + " labels for a batch of " +
                            std::to_string(batch));
    if (grad) grad->resize(batch, output.sampleShape());
    const float smooth = options.kind == "categorical_crossentropy" ? options.labelSmoothing : 0.f;
    const float offTarget = smooth / classes;
    const float onTarget = 1.f - smooth + offTarget;
    // Keras clips probabilities to [eps, 1 - eps] before the log.
    constexpr float kEps = 1e-7f;
    // Reused per thread: the loss runs every step and must not allocate.
    thread_local std::vector<float> p;
    p.resize(static_cast<std::size_t>(classes));
    LossResult r;
    for (int b = 0; b < batch; ++b) {
        const int y = labels[b];
        if (y < 0 || y >= classes)
            throw TrainingError(msg(
                "train.label_outside_classes",
                "label {label} of sample {sample} is outside the model's {classes} classes",
                {{"label", std::to_string(y)}, {"sample", std::to_string(b)}, {"classes", std::to_string(classes)}}));
        const float* o = output.sample(b);
        double loss = 0;
        if (outputIsProbabilities) {
            std::copy(o, o + classes, p.begin());
            for (int c = 0; c < classes; ++c) {
                const float t = c == y ? onTarget : offTarget;
                if (t > 0.f) loss -= t * std::log(std::clamp(p[c], kEps, 1.f - kEps));
            }
        } else {
            const float m = *std::max_element(o, o + classes);
            double sum = 0;
            for (int c = 0; c < classes; ++c) sum += std::exp(static_cast<double>(o[c] - m));
            const double logSum = std::log(sum);
            for (int c = 0; c < classes; ++c) {
                const double logp = (o[c] - m) - logSum;
                p[c] = static_cast<float>(std::exp(logp));
                const float t = c == y ? onTarget : offTarget;
                if (t > 0.f) loss -= t * logp;
            }
        }
        const float w = options.classWeights.empty()
                            ? 1.f
                            : (y < static_cast<int>(options.classWeights.size()) ? options.classWeights[y] : 1.f);
        r.lossSum += w * loss;
        // Rank of the true class: how many classes score strictly higher.
        int higher = 0;
        for (int c = 0; c < classes; ++c)
            if (o[c] > o[y]) ++higher;
        if (higher == 0) ++r.correct;
        if (higher < topK) ++r.correctTopK;
        if (grad) {
            float* g = grad->sample(b);
            const float s = gradScale * w;
            for (int c = 0; c < classes; ++c) g[c] = s * (p[c] - (c == y ? onTarget : offTarget));
        }
    }
    return r;
}

}  // namespace cs
