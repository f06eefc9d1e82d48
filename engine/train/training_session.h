#pragma once
// One training run of a project, the same whichever front end starts it (the studio's
// TrainingWorker, `convstudio-cli train`): prepares the data (the project's exclusions, the
// validation split), starts from the seed, from the project's weights or from a checkpoint's
// exact position, trains (the Trainer applies the class balance), evaluates the result and
// appends a RunRecord to the project's history. Front ends load the data, show the progress
// and ask for a stop; a same request on the same data gives bit-identical weights and the same
// record from either.
//
// Threading: run() blocks on the calling thread, which every callback runs on. requestStop()
// and setPaused() may be called from any thread at any time; they reach the Trainer's atomic
// flags between batches.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "data/dataset_project.h"
#include "io/model_file.h"
#include "train/held_out_evaluation.h"
#include "train/run_record.h"
#include "train/train_settings.h"
#include "train/trainer.h"

namespace cs {

struct TrainingRequest {
    ModelFile project;  // graph, preprocessing, dataset reference and exclusions, weights, history
    TrainSettings settings;
    StartMode start = StartMode::Fresh;
    ModelFile checkpoint;          // Resume: the run to continue; its graph and preprocessing are trained
    std::string dataSource;        // where the data was loaded from (the exclusions' root); empty: the project's
    std::string checkpointPath;    // written after every epoch and when stopped; empty: no checkpoints
    bool evaluateAfter = true;     // evaluate on the held-out data when the run was not stopped
    bool keepPredictions = false;  // the evaluation keeps every sample's prediction (the studio's gallery)
    std::optional<DataChanges> dataChanges;  // what the front end changed in the data for this run (the record says it)
};

// What the run will train on and how it starts: reported once, before the first batch.
struct PreparedRun {
    StartMode start = StartMode::Fresh;
    TrainSettings settings;
    std::shared_ptr<const DataSplits> data;  // exclusions removed, validation carved
    PreparedData prepared;
    std::vector<EpochStats> resumedEpochs;  // Resume: the epochs the checkpoint had done
    bool checkpointModelDiffers = false;    // Resume: the checkpoint's graph is not the project's
};

struct SessionCallbacks {
    std::function<void(const PreparedRun&)> onPrepared;
    std::function<void(const BatchStats&)> onBatch;
    std::function<void(const EpochStats&)> onEpoch;
    std::function<void(const TrainMessage&)> onMessage;
    std::function<void(const Model&)> betweenBatches;  // weights stable: probes go here
    std::function<void(const Model&)> afterTraining;   // the final weights, stopped or not
    std::function<void()> onEvaluating;                // the evaluation after training begins
};

struct SessionResult {
    TrainResult training;
    RunRecord record;  // also the last entry of trained.history
    // The project with this run's kept weights (its best epoch by validation accuracy, see
    // record.bestEpoch; else its last), class names, settings and history; no checkpoint. Its
    // runWeights hold this run's best and last weights beside the earlier runs' (the latest
    // kRunsWithWeights runs).
    ModelFile trained;
    // The weights after the last batch when the run kept an earlier epoch's (else empty).
    std::map<std::string, Tensor> lastWeights;
    std::shared_ptr<const DataSplits> data;       // as prepared
    std::optional<HeldOutEvaluation> evaluation;  // when evaluated
    int64_t steps = 0;                            // the trainer's global step at the end
};

class TrainingSession {
public:
    // Throws Error (TrainingError, FileError, OptionError, ShapeError) when the run cannot start
    // or fails; the request's project is never changed.
    SessionResult run(const TrainingRequest& request, const DataSplits& loaded, const SessionCallbacks& callbacks = {});

    // Thread-safe. A stop asked for before run() starts stops it at once; it also cancels the
    // evaluation after training. Both are cleared when run() returns.
    void requestStop();
    void setPaused(bool paused);

private:
    // The best epoch by validation accuracy (then loss) seen in this run: its index and weights.
    struct BestEpoch {
        int index = -1;
        double valAccuracy = 0, valLoss = 0;
        ModelFile weights;
    };
    TrainResult train(Trainer& trainer, const Model& model, const DataSplits& data, const SessionCallbacks& callbacks,
                      BestEpoch& best, std::vector<BatchStats>& batches);

    std::mutex mutex_;            // guards trainer_ and paused_
    Trainer* trainer_ = nullptr;  // while run() trains
    bool paused_ = false;
    std::atomic<bool> stop_{false};
    // Features of the frozen layers, kept between runs of this session (a head trained again
    // on the same captures reuses them).
    std::shared_ptr<FeatureCache> featureCache_ = std::make_shared<FeatureCache>();
};

// How a run of `project` with `settings` starts when nobody asks otherwise: from the project's
// weights when the settings say to continue from them and it has weights, else from the seed.
StartMode defaultStartMode(const ModelFile& project, const TrainSettings& settings);

}  // namespace cs
