#include "train/run_record.h"

#include <algorithm>
#include <ctime>

#include "core/errors.h"
#include "core/json_numbers.h"

namespace cs {

namespace {

constexpr StartMode kStartModes[] = {StartMode::Fresh, StartMode::FineTune, StartMode::Resume};
constexpr EvalSet kEvalSets[] = {EvalSet::Test, EvalSet::Validation, EvalSet::Training};

std::string text(std::string_view v) { return std::string(v); }

}  // namespace

std::string_view startModeName(StartMode mode) {
    switch (mode) {
        case StartMode::Fresh:
            return "fresh";
        case StartMode::FineTune:
            return "fine-tune";
        case StartMode::Resume:
            return "resume";
    }
    return "fresh";
}

StartMode startModeFromName(std::string_view name) {
    for (StartMode m : kStartModes)
        if (startModeName(m) == name) return m;
    throw FileError(msg("run.bad_start", "a run's start must be fresh, fine-tune or resume, got '{value}'",
                        {{"value", text(name)}}));
}

std::string_view evalSetName(EvalSet set) {
    switch (set) {
        case EvalSet::Test:
            return "test";
        case EvalSet::Validation:
            return "validation";
        case EvalSet::Training:
            return "training";
    }
    return "test";
}

EvalSet evalSetFromName(std::string_view name) {
    for (EvalSet s : kEvalSets)
        if (evalSetName(s) == name) return s;
    throw FileError(msg("run.bad_eval_set", "an evaluation's set must be test, validation or training, got '{value}'",
                        {{"value", text(name)}}));
}

std::vector<BatchPoint> decimatedBatches(const std::vector<BatchStats>& batches) {
    const std::size_t n = batches.size();
    const std::size_t every = (n + kMaxBatchPoints - 1) / kMaxBatchPoints;
    std::vector<BatchPoint> out;
    for (std::size_t i = 0; i < n; ++i) {
        if ((i + 1) % std::max<std::size_t>(every, 1) != 0 && i + 1 != n) continue;
        const BatchStats& b = batches[i];
        out.push_back({b.epoch, b.batch, b.batchesPerEpoch, b.loss, b.accuracy, b.learningRate});
    }
    if (out.size() > std::size_t(kMaxBatchPoints))
        out.erase(out.end() - 2);  // one over: the last batch is kept, its neighbour goes
    return out;
}

nlohmann::json RunRecord::toJson() const {
    nlohmann::json epochList = nlohmann::json::array();
    for (const EpochStats& e : epochs) epochList.push_back(e.toJson());
    nlohmann::json j = {{"settings", settings.toJson()},
                        {"start", text(startModeName(start))},
                        {"data", data},
                        {"train_samples", trainSamples},
                        {"validation_samples", validationSamples},
                        {"excluded_samples", excludedSamples},
                        {"epochs", epochList},
                        {"stop_reason", text(stopReasonName(stopReason))},
                        {"finished", finished}};
    if (bestEpoch) j["best_epoch"] = *bestEpoch + 1;  // 1-based, as the epochs are shown
    if (!batches.empty()) {
        // Compact rows: [epoch, batch, batches per epoch, loss, accuracy, learning rate].
        nlohmann::json rows = nlohmann::json::array();
        for (const BatchPoint& b : batches)
            rows.push_back({b.epoch, b.batch, b.batchesPerEpoch, b.loss, b.accuracy, b.learningRate});
        j["batches"] = std::move(rows);
    }
    if (evaluation)
        j["evaluation"] = {{"set", text(evalSetName(evaluation->set))},
                           {"accuracy", evaluation->accuracy},
                           {"loss", evaluation->loss},
                           {"samples", evaluation->samples}};
    if (featureCache)
        j["feature_cache"] = {{"layer", featureCache->cutLayer},
                              {"reused", featureCache->reused},
                              {"samples", featureCache->samples},
                              {"seconds", featureCache->seconds}};
    if (dataChanges)
        j["data_changes"] = {
            {"by", dataChanges->by}, {"excluded", dataChanges->excluded}, {"moved", dataChanges->moved}};
    return j;
}

RunRecord RunRecord::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw FileError(msg("run.not_object", "a run record must be a JSON object"));
    RunRecord r;
    try {
        if (j.contains("settings")) r.settings = TrainSettings::fromJson(j["settings"]);
        if (j.contains("start")) r.start = startModeFromName(j["start"].get<std::string>());
        if (j.contains("data") && j["data"].is_string()) r.data = j["data"].get<std::string>();
        r.trainSamples = wholeNumberOr<std::size_t>(j, "train_samples", 0);
        r.validationSamples = wholeNumberOr<std::size_t>(j, "validation_samples", 0);
        r.excludedSamples = wholeNumberOr<std::size_t>(j, "excluded_samples", 0);
        for (const auto& e : j.value("epochs", nlohmann::json::array()))
            r.epochs.push_back(EpochStats::fromJson(e, r.settings.epochs));
        if (j.contains("best_epoch")) {
            const int64_t best = wholeNumber<int64_t>(j["best_epoch"]) - 1;
            if (best < 0 || best >= int64_t(r.epochs.size()))
                throw FileError("a run record's best_epoch must name one of its " + std::to_string(r.epochs.size()) +
                                " epochs, got " + std::to_string(best + 1));
            r.bestEpoch = int(best);
        }
        if (j.contains("batches")) {
            const nlohmann::json& rows = j["batches"];
            if (!rows.is_array() || rows.size() > std::size_t(kMaxBatchPoints))
                throw FileError("a run record keeps at most " + std::to_string(kMaxBatchPoints) + " batches, got " +
                                std::to_string(rows.is_array() ? rows.size() : 0) + " (or no list)");
            for (const auto& row : rows) {
                if (!row.is_array() || row.size() != 6)
                    throw FileError("a run record's batch must be [epoch, batch, batches, loss, accuracy, rate]");
                r.batches.push_back({wholeNumber<int>(row[0]), wholeNumber<int>(row[1]), wholeNumber<int>(row[2]),
                                     row[3].get<double>(), row[4].get<double>(), row[5].get<float>()});
            }
        }
        if (j.contains("stop_reason")) r.stopReason = stopReasonFromName(j["stop_reason"].get<std::string>());
        if (j.contains("evaluation")) {
            const nlohmann::json& e = j["evaluation"];
            r.evaluation =
                RunEvaluation{evalSetFromName(e.at("set").get<std::string>()), e.at("accuracy").get<double>(),
                              e.value("loss", 0.0), wholeNumberOr<int>(e, "samples", 0)};
        } else {
            for (EvalSet s : kEvalSets)  // earlier versions: "test_accuracy" and the like
                if (const std::string key = text(evalSetName(s)) + "_accuracy"; j.contains(key))
                    r.evaluation = RunEvaluation{s, j[key].get<double>(), 0.0, 0};
        }
        if (j.contains("feature_cache")) {
            const nlohmann::json& f = j["feature_cache"];
            r.featureCache = FeatureCacheUse{f.at("layer").get<std::string>(), f.value("reused", false),
                                             wholeNumberOr<int>(f, "samples", 0), f.value("seconds", 0.0)};
        }
        if (j.contains("data_changes")) {
            const nlohmann::json& c = j["data_changes"];
            r.dataChanges = DataChanges{c.value("by", std::string()), wholeNumberOr<std::size_t>(c, "excluded", 0),
                                        wholeNumberOr<std::size_t>(c, "moved", 0)};
        }
        r.finished = j.value("finished", std::string());
    } catch (const nlohmann::json::exception& e) {
        throw FileError(msg("run.malformed", "a run record is malformed: {reason}", {{"reason", e.what()}}));
    } catch (const OptionError& e) {
        throw FileError(
            msg("run.settings_malformed", "a run record's settings are malformed: {reason}", {{"reason", e.what()}}));
    }
    return r;
}

std::optional<double> keptValidationAccuracy(const RunRecord& run) {
    if (!run.bestEpoch) return std::nullopt;
    const EpochStats& e = run.epochs.at(std::size_t(*run.bestEpoch));
    return e.hasValidation ? std::optional<double>(e.valAccuracy) : std::nullopt;
}

bool replacesProjectWeights(const RunRecord& run, const RunRecord* current, bool projectHasWeights) {
    if (!projectHasWeights) return true;
    const bool stopped = run.stopReason == StopReason::Stopped;
    const std::optional<double> mine = keptValidationAccuracy(run);
    const std::optional<double> theirs = current ? keptValidationAccuracy(*current) : std::nullopt;
    if (mine && theirs) return *mine > *theirs;  // an equal one changes nothing the user could see
    // Without validation on both sides, evaluations on the same set compare.
    if (current && run.evaluation && current->evaluation && run.evaluation->set == current->evaluation->set)
        return run.evaluation->accuracy > current->evaluation->accuracy;
    // Nothing to compare: a run that went its whole course is what the user asked for; a stopped
    // one holds partial weights.
    return !stopped;
}

std::string localTimeNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &local);
    return buf;
}

}  // namespace cs
