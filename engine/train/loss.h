#pragma once
// Softmax cross-entropy, fused and numerically stable. The model's output is either softmax
// probabilities (the usual Dense(.., softmax) head) or raw logits (a linear head); either way
// the gradient written is with respect to the logits, p - y, so no 1/p ever appears.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tensor.h"

namespace cs {

struct LossOptions {
    // "sparse_categorical_crossentropy" (integer labels) or "categorical_crossentropy" (one-hot
    // targets made from the labels; allows label smoothing). Both give the same value without
    // smoothing.
    std::string kind = "sparse_categorical_crossentropy";
    float labelSmoothing = 0.f;       // categorical only, in [0, 1)
    std::vector<float> classWeights;  // empty = all 1 (multiplies each sample's loss)

    nlohmann::json toJson() const;
    static LossOptions fromJson(const nlohmann::json& j);  // throws OptionError
};

struct LossResult {
    double lossSum = 0;   // sum over the samples (weighted), not the mean
    int correct = 0;      // top-1 hits
    int correctTopK = 0;  // top-k hits
};

// output: batch x classes, probabilities when outputIsProbabilities, else logits.
// When grad is not null it receives gradScale * dL/d(logits) for each sample, shaped like output.
// Throws TrainingError when a label is outside [0, classes).
LossResult softmaxCrossEntropy(const Tensor& output, bool outputIsProbabilities, std::span<const int32_t> labels,
                               const LossOptions& options, float gradScale, Tensor* grad, int topK = 5);

}  // namespace cs
