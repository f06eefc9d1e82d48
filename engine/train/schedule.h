#pragma once
// Learning-rate schedules: the rate for a given step and epoch, plus reduce-on-plateau, which
// reacts to the validation loss at the end of each epoch.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace cs {

struct ScheduleOptions {
    std::string kind = "constant";  // "constant", "step", "exponential", "cosine", "plateau"
    int stepEpochs = 10;            // step: multiply by `factor` every stepEpochs epochs
    float factor = 0.1f;            // step, plateau: multiplier; exponential: decay per epoch
    int warmupSteps = 0;            // cosine: linear warm-up from 0 over this many steps
    float minRate = 0.f;            // cosine, plateau: floor
    int patience = 3;               // plateau: epochs without improvement before reducing
    float minDelta = 1e-4f;         // plateau: what counts as an improvement

    nlohmann::json toJson() const;
    static ScheduleOptions fromJson(const nlohmann::json& j);  // throws OptionError
};

class LearningRateSchedule {
public:
    LearningRateSchedule(float baseRate, ScheduleOptions options);

    // The rate for global step `step` (0-based) in epoch `epoch` (0-based), given the total
    // number of steps of the run (cosine needs it).
    float rate(int64_t step, int epoch, int64_t totalSteps) const;
    // Call at the end of every epoch with the monitored loss (plateau uses it; others ignore it).
    void endEpoch(double monitoredLoss);

    const ScheduleOptions& options() const { return options_; }
    // Plateau's mutable state, for checkpoints.
    nlohmann::json state() const;
    void setState(const nlohmann::json& s);

private:
    float baseRate_;
    ScheduleOptions options_;
    float plateauScale_ = 1.f;
    double best_ = 1e300;
    int badEpochs_ = 0;
};

}  // namespace cs
