#pragma once
// Everything that defines a training run, kept with the model so a run can be repeated.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "train/loss.h"
#include "train/optimizer.h"
#include "train/schedule.h"

namespace cs {

// Class imbalance: None; Weights — each sample's training loss weighted by
// n / (classes x count[class]) (unless loss.classWeights is given); Oversample — every epoch
// draws each class as often as the largest one.
enum class ClassBalance { None, Weights, Oversample };

// "none", "weights", "oversample" (the names in model files and on the command line).
std::string_view classBalanceName(ClassBalance balance);
ClassBalance classBalanceFromName(std::string_view name);  // throws OptionError naming the value

struct TrainSettings {
    int epochs = 5;
    int batchSize = 64;
    float validationSplit = 0.f;  // fraction of the training set held out (stratified) when
                                  // no validation set is given
    uint64_t seed = 42;
    int threads = 0;  // 0 = all cores
    OptimizerOptions optimizer;
    ScheduleOptions schedule;
    LossOptions loss;
    nlohmann::json augment = nlohmann::json::object();  // data/augment.h options, empty = off
    ClassBalance balance = ClassBalance::None;
    int earlyStoppingPatience = 0;  // epochs without val-loss improvement; 0 = off
    bool restoreBestWeights = true;
    int topK = 5;
    // Start a new run from the project's weights (fine-tuning) instead of the seed's, when the
    // project has weights. The studio remembers the choice per project.
    bool continueFromWeights = false;

    nlohmann::json toJson() const;
    static TrainSettings fromJson(const nlohmann::json& j);  // throws OptionError
    void validate() const;                                   // throws OptionError
};

}  // namespace cs
