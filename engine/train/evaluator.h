#pragma once
// Runs a model over a whole dataset (Eval phase, batches split across worker threads) and
// reports loss, accuracy, top-k, a confusion matrix, per-class precision/recall/F1 and each
// sample's prediction (for the misclassified gallery).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/preprocessing.h"
#include "train/loss.h"

namespace cs {

class Model;
class WorkerPool;

struct EvalResult {
    int samples = 0;
    int classes = 0;
    double loss = 0;
    double accuracy = 0;
    double topK = 0;
    std::vector<std::vector<int>> confusion;  // [true][predicted]
    std::vector<double> precision, recall, f1;
    std::vector<int> support;  // samples per true class
    // Per sample, in dataset order (only when keepPredictions).
    std::vector<int32_t> predicted;
    std::vector<float> confidence;     // probability of the predicted class
    std::vector<float> probabilities;  // samples x classes

    nlohmann::json toJson(const std::vector<std::string>& classNames) const;
};

struct EvalOptions {
    int batchSize = 256;
    int topK = 5;
    bool keepPredictions = false;
    LossOptions loss;
    std::function<bool()> cancelled;  // polled between batches; true stops early
};

// Uses `pool` when given (the trainer's), else a pool of `threads` (0 = all cores).
EvalResult evaluate(const Model& model, const Dataset& data, const Preprocessing& pre, const EvalOptions& options,
                    WorkerPool* pool = nullptr, int threads = 0);

}  // namespace cs
