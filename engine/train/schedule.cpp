#include "train/schedule.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "core/errors.h"
#include "core/json_options.h"

namespace cs {

namespace {

const std::string kOwner = "schedule";

const char* const kKnownSchedules = "constant, cosine, exponential, plateau, step";

bool isKnownKind(const std::string& kind) {
    return kind == "constant" || kind == "cosine" || kind == "exponential" || kind == "plateau" || kind == "step";
}
void validate(const ScheduleOptions& o) {
    if (!isKnownKind(o.kind))
        throw OptionError(msg("train.unknown_schedule", "unknown schedule '{schedule}'; known: {known}",
                              {{"schedule", o.kind}, {"known", kKnownSchedules}}));
    if (o.stepEpochs < 1) throwOptionError(kOwner, "step_epochs", "must be >= 1", std::to_string(o.stepEpochs));
    if (!(o.factor > 0.f && o.factor <= 1.f))
        throwOptionError(kOwner, "factor", "must be in (0, 1]", shortestDecimal(o.factor));
    if (o.kind == "plateau" && o.factor == 1.f)
        throwOptionError(kOwner, "factor", "must be below 1 for 'plateau' (1 would never reduce the rate)",
                         shortestDecimal(o.factor));
    if (o.warmupSteps < 0) throwOptionError(kOwner, "warmup_steps", "must be >= 0", std::to_string(o.warmupSteps));
    if (!(o.minRate >= 0.f) || !std::isfinite(o.minRate))
        throwOptionError(kOwner, "min_rate", "must be >= 0", shortestDecimal(o.minRate));
    if (o.patience < 0) throwOptionError(kOwner, "patience", "must be >= 0", std::to_string(o.patience));
    if (!(o.minDelta >= 0.f) || !std::isfinite(o.minDelta))
        throwOptionError(kOwner, "min_delta", "must be >= 0", shortestDecimal(o.minDelta));
}

}  // namespace

nlohmann::json ScheduleOptions::toJson() const {
    return {{"schedule", kind},
            {"step_epochs", stepEpochs},
            {"factor", tidyFloat(factor)},
            {"warmup_steps", warmupSteps},
            {"min_rate", tidyFloat(minRate)},
            {"patience", patience},
            {"min_delta", tidyFloat(minDelta)}};
}

// Keys the object does not name keep their defaults; keys it has but this struct does not know
// are ignored (the object may be a larger training-settings document).
ScheduleOptions ScheduleOptions::fromJson(const nlohmann::json& j) {
    if (!j.is_object())
        throw OptionError(msg("train.schedule_not_object", "schedule options must be a JSON object; received: {value}",
                              {{"value", j.dump()}}));
    ScheduleOptions o;
    if (auto it = j.find("schedule"); it != j.end() && !it->is_null()) {
        if (!it->is_string()) throwOptionError(kOwner, "schedule", "must be a string", it->dump());
        o.kind = it->get<std::string>();
    }
    o.stepEpochs = readIntOption(j, "step_epochs", o.stepEpochs, kOwner);
    o.factor = readFloatOption(j, "factor", o.factor, kOwner);
    o.warmupSteps = readIntOption(j, "warmup_steps", o.warmupSteps, kOwner);
    o.minRate = readFloatOption(j, "min_rate", o.minRate, kOwner);
    o.patience = readIntOption(j, "patience", o.patience, kOwner);
    o.minDelta = readFloatOption(j, "min_delta", o.minDelta, kOwner);
    validate(o);
    return o;
}

LearningRateSchedule::LearningRateSchedule(float baseRate, ScheduleOptions options)
    : baseRate_(baseRate), options_(std::move(options)) {
    validate(options_);
    if (!(baseRate_ > 0.f) || !std::isfinite(baseRate_))
        throw OptionError(msg("train.schedule_rate_not_positive",
                              "schedule '{schedule}': the learning rate must be > 0; received: {value}",
                              {{"schedule", options_.kind}, {"value", shortestDecimal(baseRate_)}}));
    if ((options_.kind == "cosine" || options_.kind == "plateau") && options_.minRate > baseRate_)
        throw OptionError(msg("train.schedule_min_above_rate",
                              "schedule '{schedule}': min_rate {min} is above the learning rate {rate}",
                              {{"schedule", options_.kind},
                               {"min", shortestDecimal(options_.minRate)},
                               {"rate", shortestDecimal(baseRate_)}}));
}

float LearningRateSchedule::rate(int64_t step, int epoch, int64_t totalSteps) const {
    const double base = baseRate_;
    const std::string& kind = options_.kind;
    step = std::max<int64_t>(step, 0);
    epoch = std::max(epoch, 0);
    if (kind == "step")
        return static_cast<float>(base * std::pow(double(options_.factor), epoch / options_.stepEpochs));
    if (kind == "exponential") return static_cast<float>(base * std::pow(double(options_.factor), epoch));
    if (kind == "plateau") return std::max(static_cast<float>(base * plateauScale_), options_.minRate);
    if (kind == "cosine") {
        // Keras's CosineDecay with warm-up from 0: step/warmup*lr during warm-up (0 at step 0),
        // then minRate + (lr-minRate)*(1+cos(pi*p))/2 with p going 0 -> 1 over the other steps.
        const int64_t warmup = options_.warmupSteps;
        if (step < warmup) return static_cast<float>(base * double(step) / double(warmup));
        const int64_t decaySteps = totalSteps - warmup;
        if (decaySteps <= 0) return baseRate_;
        const double p = double(std::min(step - warmup, decaySteps)) / double(decaySteps);
        const double minRate = options_.minRate;
        return static_cast<float>(minRate + (base - minRate) * 0.5 * (1.0 + std::cos(std::numbers::pi * p)));
    }
    return baseRate_;  // constant
}

// Keras's ReduceLROnPlateau (mode "min", no cooldown).
void LearningRateSchedule::endEpoch(double monitoredLoss) {
    if (options_.kind != "plateau") return;
    if (monitoredLoss < best_ - options_.minDelta) {
        best_ = monitoredLoss;
        badEpochs_ = 0;
    } else if (++badEpochs_ >= options_.patience) {
        plateauScale_ *= options_.factor;
        badEpochs_ = 0;
    }
}

nlohmann::json LearningRateSchedule::state() const {
    return {{"scale", plateauScale_}, {"best", best_}, {"bad_epochs", badEpochs_}};
}

void LearningRateSchedule::setState(const nlohmann::json& s) {
    auto bad = [&](const std::string& what) {
        return OptionError("schedule state " + what + "; received: " + s.dump());
    };
    if (!s.is_object()) throw bad("must be a JSON object");
    float scale = 1.f;
    double best = 1e300;
    int badEpochs = 0;
    if (auto it = s.find("scale"); it != s.end()) {
        if (!it->is_number() || !(it->get<double>() > 0.0)) throw bad("'scale' must be a number > 0");
        scale = it->get<float>();
    }
    if (auto it = s.find("best"); it != s.end()) {
        if (!it->is_number()) throw bad("'best' must be a number");
        best = it->get<double>();
    }
    if (auto it = s.find("bad_epochs"); it != s.end()) {
        if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > std::numeric_limits<int>::max())
            throw bad("'bad_epochs' must be a whole number >= 0");
        badEpochs = it->get<int>();
    }
    plateauScale_ = scale;
    best_ = best;
    badEpochs_ = badEpochs;
}

}  // namespace cs
