#pragma once
// Everything that defines a training run, kept with the model so a run can be repeated.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "train/loss.h"
#include "train/optimizer.h"
#include "train/schedule.h"

namespace cs {

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
    // Class imbalance: "none"; "weights" — each sample's training loss weighted by
    // n / (classes x count[class]) (unless loss.classWeights is given); "oversample" — every
    // epoch draws each class as often as the largest one.
    std::string balance = "none";
    int earlyStoppingPatience = 0;  // epochs without val-loss improvement; 0 = off
    bool restoreBestWeights = true;
    int topK = 5;

    nlohmann::json toJson() const;
    static TrainSettings fromJson(const nlohmann::json& j);  // throws OptionError
    void validate() const;                                   // throws OptionError
};

}  // namespace cs
