#pragma once
// One training run as the project's history keeps it: how it started, on which data, its
// settings and epochs, why it ended and what the evaluation after it measured. Written by the
// training session for whichever front end ran it; read back by RunRecord::fromJson (which
// also reads the records older versions wrote).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "train/feature_cache.h"
#include "train/train_settings.h"
#include "train/train_stats.h"

namespace cs {

// Where a run's weights start: from the seed, from the project's weights (fine-tuning), or
// from a checkpoint's exact position.
enum class StartMode { Fresh, FineTune, Resume };
std::string_view startModeName(StartMode mode);      // "fresh", "fine-tune", "resume"
StartMode startModeFromName(std::string_view name);  // throws FileError naming the value

// The set an evaluation ran on: the test set, else the validation set, else (nothing held out)
// the training set itself.
enum class EvalSet { Test, Validation, Training };
std::string_view evalSetName(EvalSet set);       // "test", "validation", "training"
EvalSet evalSetFromName(std::string_view name);  // throws FileError naming the value

struct RunEvaluation {
    EvalSet set = EvalSet::Test;
    double accuracy = 0, loss = 0;
    int samples = 0;
    bool operator==(const RunEvaluation&) const = default;
};

// A run keeps at most this many of its per-batch figures (every k-th batch, the last one
// always), so a long run's curves cost a few tens of kilobytes in the project.
inline constexpr int kMaxBatchPoints = 500;

// One batch's figures as the project keeps them for the curves.
struct BatchPoint {
    int epoch = 0, batch = 0, batchesPerEpoch = 0;  // 0-based, as BatchStats
    double loss = 0, accuracy = 0;
    float learningRate = 0;
    bool operator==(const BatchPoint&) const = default;
};

// Every k-th of `batches` (k the smallest that keeps at most kMaxBatchPoints), the last one always.
std::vector<BatchPoint> decimatedBatches(const std::vector<BatchStats>& batches);

// What was changed in the data just before a run, and by what: the data doctor's fixes when
// the run was its "Retrain with fixes".
struct DataChanges {
    std::string by;  // "data doctor"
    std::size_t excluded = 0, moved = 0;
    bool operator==(const DataChanges&) const = default;
};

struct RunRecord {
    TrainSettings settings;
    StartMode start = StartMode::Fresh;
    std::string data;  // the data source the run loaded ("builtin", a folder, a file)
    std::size_t trainSamples = 0, validationSamples = 0;
    std::size_t excludedSamples = 0;  // left out because the project excludes them
    std::vector<EpochStats> epochs;   // including those before a resume
    std::vector<BatchPoint> batches;  // decimated (kMaxBatchPoints at most); this session's batches only
    // The epoch (index into epochs) whose weights the run kept: its best by validation
    // accuracy, equal accuracies by the lower validation loss. None: the run kept its last
    // weights (nothing held out, or no full epoch).
    std::optional<int> bestEpoch;
    StopReason stopReason = StopReason::Completed;
    std::optional<RunEvaluation> evaluation;
    // Set when the head trained on cached features of the frozen layers (feature extraction).
    std::optional<FeatureCacheUse> featureCache;
    std::optional<DataChanges> dataChanges;  // set by the front end that started the run for them
    std::string finished;                    // local time, ISO 8601 ("2024-05-01T14:03:12")

    nlohmann::json toJson() const;
    // Throws FileError naming what is malformed. Records of earlier versions lack some keys
    // (start, samples, stop reason) and kept the evaluation as "<set>_accuracy".
    static RunRecord fromJson(const nlohmann::json& j);
};

// What runs are compared by: the validation accuracy of the epoch whose weights the run kept.
// None when the run held nothing out or stopped before its first full epoch.
std::optional<double> keptValidationAccuracy(const RunRecord& run);

// Whether a finished run's weights should replace the project's weights, which came from the
// run `current` (nullptr: from no recorded run). A better model is never replaced silently: a
// run that measures no better than the project's, or was stopped without a measurement to
// compare, leaves the project's weights in place (the user may still pick it).
bool replacesProjectWeights(const RunRecord& run, const RunRecord* current, bool projectHasWeights);

// The local time now, as RunRecord::finished keeps it.
std::string localTimeNow();

}  // namespace cs
