#include "train/train_stats.h"

#include "core/errors.h"
#include "core/json_numbers.h"

namespace cs {

namespace {
constexpr int kMaxEpochNumber = 100'000'000;
}  // namespace

nlohmann::json EpochStats::toJson() const {
    nlohmann::json j = {{"epoch", epoch + 1},     {"loss", loss},       {"accuracy", accuracy},
                        {"top_k_accuracy", topK}, {"seconds", seconds}, {"learning_rate", learningRate}};
    if (hasValidation) {
        j["val_loss"] = valLoss;
        j["val_accuracy"] = valAccuracy;
        j["val_top_k_accuracy"] = valTopK;
    }
    return j;
}

EpochStats EpochStats::fromJson(const nlohmann::json& j, int epochs) {
    EpochStats e;
    try {
        // Bounded before the arithmetic: epoch + 1 is printed and counted in many places.
        const int epoch = wholeNumber<int>(j.at("epoch"));
        if (epoch < 1 || epoch > kMaxEpochNumber)
            throw FileError(msg("train.epoch_out_of_range", "epoch statistics: epoch {epoch} is outside 1..{max}",
                                {{"epoch", std::to_string(epoch)}, {"max", std::to_string(kMaxEpochNumber)}}));
        e.epoch = epoch - 1;
        e.epochs = epochs;
        e.loss = j.at("loss").get<double>();
        e.accuracy = j.at("accuracy").get<double>();
        e.topK = j.value("top_k_accuracy", 0.0);
        e.seconds = j.value("seconds", 0.0);
        e.learningRate = j.value("learning_rate", 0.f);
        if (j.contains("val_loss")) {
            e.hasValidation = true;
            e.valLoss = j.at("val_loss").get<double>();
            e.valAccuracy = j.at("val_accuracy").get<double>();
            e.valTopK = j.value("val_top_k_accuracy", 0.0);
        }
    } catch (const nlohmann::json::exception& ex) {
        throw FileError(
            msg("run.epoch_stats_malformed", "epoch statistics are malformed: {reason}", {{"reason", ex.what()}}));
    }
    return e;
}

std::string_view stopReasonName(StopReason reason) {
    switch (reason) {
        case StopReason::Completed:
            return "completed";
        case StopReason::Stopped:
            return "stopped";
        case StopReason::EarlyStopped:
            return "early-stopped";
    }
    return "completed";
}

StopReason stopReasonFromName(std::string_view name) {
    for (StopReason r : {StopReason::Completed, StopReason::Stopped, StopReason::EarlyStopped})
        if (stopReasonName(r) == name) return r;
    throw FileError(msg("run.bad_stop_reason",
                        "a run's stop reason must be completed, stopped or early-stopped, got '{value}'",
                        {{"value", std::string(name)}}));
}

}  // namespace cs
