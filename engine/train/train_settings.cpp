#include "train/train_settings.h"

#include "core/errors.h"
#include "core/json_numbers.h"

namespace cs {

std::string_view classBalanceName(ClassBalance balance) {
    switch (balance) {
        case ClassBalance::None:
            return "none";
        case ClassBalance::Weights:
            return "weights";
        case ClassBalance::Oversample:
            return "oversample";
    }
    return "none";
}

ClassBalance classBalanceFromName(std::string_view name) {
    for (ClassBalance b : {ClassBalance::None, ClassBalance::Weights, ClassBalance::Oversample})
        if (classBalanceName(b) == name) return b;
    throw OptionError(msg("train.bad_class_balance", "class balance must be none, weights or oversample, got '{value}'",
                          {{"value", std::string(name)}}));
}

nlohmann::json TrainSettings::toJson() const {
    return {{"epochs", epochs},
            {"batch_size", batchSize},
            {"validation_split", validationSplit},
            {"seed", seed},
            {"threads", threads},
            {"optimizer", optimizer.toJson()},
            {"schedule", schedule.toJson()},
            {"loss", loss.toJson()},
            {"augment", augment},
            {"balance", std::string(classBalanceName(balance))},
            {"early_stopping_patience", earlyStoppingPatience},
            {"restore_best_weights", restoreBestWeights},
            {"top_k", topK},
            {"continue_from_weights", continueFromWeights}};
}

TrainSettings TrainSettings::fromJson(const nlohmann::json& j) {
    TrainSettings s;
    if (!j.is_object()) throw OptionError(msg("train.settings_not_object", "training settings must be a JSON object"));
    try {
        s.epochs = wholeNumberOr(j, "epochs", s.epochs);
        s.batchSize = wholeNumberOr(j, "batch_size", s.batchSize);
        s.validationSplit = j.value("validation_split", s.validationSplit);
        s.seed = wholeNumberOr(j, "seed", s.seed);
        s.threads = wholeNumberOr(j, "threads", s.threads);
        if (j.contains("optimizer")) s.optimizer = OptimizerOptions::fromJson(j["optimizer"]);
        if (j.contains("schedule")) s.schedule = ScheduleOptions::fromJson(j["schedule"]);
        if (j.contains("loss")) s.loss = LossOptions::fromJson(j["loss"]);
        s.augment = j.value("augment", nlohmann::json::object());
        if (j.contains("balance")) s.balance = classBalanceFromName(j["balance"].get<std::string>());
        s.earlyStoppingPatience = wholeNumberOr(j, "early_stopping_patience", s.earlyStoppingPatience);
        s.restoreBestWeights = j.value("restore_best_weights", s.restoreBestWeights);
        s.topK = wholeNumberOr(j, "top_k", s.topK);
        s.continueFromWeights = j.value("continue_from_weights", s.continueFromWeights);
    } catch (const nlohmann::json::exception& e) {
        throw OptionError(
            msg("train.settings_malformed", "training settings are malformed: {reason}", {{"reason", e.what()}}));
    }
    s.validate();
    return s;
}

void TrainSettings::validate() const {
    if (epochs < 1 || epochs > 100000)
        throw OptionError(msg("train.epochs_range", "epochs must be between 1 and 100000, got {value}",
                              {{"value", std::to_string(epochs)}}));
    if (batchSize < 1 || batchSize > 65536)
        throw OptionError(msg("train.batch_size_range", "batch size must be between 1 and 65536, got {value}",
                              {{"value", std::to_string(batchSize)}}));
    if (!(validationSplit >= 0.f && validationSplit < 1.f))
        throw OptionError(msg("train.validation_split_range", "validation split must be in [0, 1), got {value}",
                              {{"value", std::to_string(validationSplit)}}));
    if (threads < 0 || threads > 64)
        throw OptionError(msg("train.threads_range", "threads must be between 0 (all cores) and 64, got {value}",
                              {{"value", std::to_string(threads)}}));
    if (earlyStoppingPatience < 0)
        throw OptionError(msg("train.patience_negative", "early stopping patience must be >= 0"));
    if (topK < 1) throw OptionError(msg("train.top_k_range", "top_k must be >= 1"));
}

}  // namespace cs
