#pragma once
// The headless trainer shared by the CLI and the studio. Callback-driven; stop and pause
// requests are atomic and honoured between batches; a fixed seed and thread count give the
// same run every time. Each batch is split across the worker threads (one gradient reduction
// per step), and checkpoints capture everything needed to continue a run exactly.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tensor.h"
#include "data/augment.h"
#include "data/dataset.h"
#include "data/preprocessing.h"
#include "train/feature_cache.h"
#include "train/loss.h"
#include "train/train_settings.h"
#include "train/train_stats.h"

namespace cs {

class Model;
class Executor;
struct Param;
class Optimizer;
class WorkerPool;
class EpochBatches;
class LearningRateSchedule;
struct ModelFile;

struct TrainCallbacks {
    std::function<void(const BatchStats&)> onBatch;
    std::function<void(const EpochStats&)> onEpoch;
    std::function<void(const TrainMessage&)> onMessage;  // warnings and notes for the log
    // Called on the training thread between steps while the weights are stable: the studio
    // computes its feature-map probes here.
    std::function<void(const Model&)> betweenBatches;
};

struct TrainResult {
    StopReason reason = StopReason::Completed;
    int epochsCompleted = 0;
    std::vector<EpochStats> history;              // this run's epochs (including those before a resume)
    std::optional<FeatureCacheUse> featureCache;  // the head trained on cached features
};

// How far the run in a model file's checkpoint got; nullopt when the file holds none (or a
// malformed one).
struct CheckpointPosition {
    int epochsDone = 0;
    int epochsPlanned = 0;
    bool finished() const { return epochsDone >= epochsPlanned; }
};
std::optional<CheckpointPosition> checkpointPosition(const ModelFile& file);
// The settings of the run a checkpoint holds; throws FileError when it holds no run position.
TrainSettings checkpointSettings(const ModelFile& file);

class Trainer {
public:
    Trainer(Model& model, TrainSettings settings, Preprocessing preprocessing);
    ~Trainer();

    // Trains on `train`, validating on `validation` after every epoch when it is not empty.
    // Throws TrainingError (NaN loss, bad labels, empty data) — the weights are then those of
    // the last good step.
    TrainResult run(const Dataset& train, const Dataset& validation, const TrainCallbacks& callbacks = {});

    // Thread-safe requests, honoured between batches.
    void requestStop();
    void setPaused(bool paused);
    bool isPaused() const { return paused_.load(); }

    // Writes a checkpoint after every `everyEpochs` epochs and when stopped (empty path: none).
    // `project` (ModelFile::project: the dataset reference and exclusions) goes with it, so the
    // checkpoint alone resumes on the same data.
    void setCheckpoint(std::string path, int everyEpochs = 1, nlohmann::json project = nlohmann::json::object());
    // Stores weights, optimizer slots and the run position into `file` (a model document).
    void storeCheckpoint(ModelFile& file) const;
    // Restores what storeCheckpoint stored; the next run() continues from that position.
    void restoreCheckpoint(const ModelFile& file);

    // Where each batch is assembled (and augmented) while the one before trains: Auto (the
    // default) on a background thread when the pool leaves a core free, else by the step's first
    // worker to run out of work (EpochBatches); Thread or InStep force one of them; Off assembles
    // it in the training thread between steps. All give identical results.
    enum class Prefetch { Auto, Thread, InStep, Off };
    void setPrefetch(Prefetch p) { prefetch_ = p; }
    // A batch runs in micro-batches of this many samples (0: each worker's share at once): the
    // activations of a micro-batch stay in the core's cache. The workers take the micro-batches
    // in turn, whichever is free (meant for a core slowed by another program; a busy loop beside
    // a 2-thread run slowed both workers alike and measured no gain), and their gradients are summed in a
    // fixed pairwise tree: the same weights whatever the thread count. Models with batch statistics
    // (BatchNormalization), which must see a worker's whole share, and models too large to keep a gradient per
    // micro-batch give each worker its share, summed per worker. The same arithmetic up to the
    // order of the sums. Eight: with F(4x4)'s adjoint backward, seed-cnn on 2 threads trained
    // faster than with 16 in all of five interleaved pairs at batch 64 (2-17%) and two at 128
    // (6-9%); on 1 thread within the noise.
    static constexpr int kDefaultMicroBatch = 8;
    void setMicroBatch(int samples);
    // Feature extraction (on by default): when the layers up to a cut are frozen and nothing
    // augments the images, the head trains on features computed once (see FeatureCache).
    // `cache` may outlive the trainer, so a later run on the same backbone and data reuses them.
    void setFeatureExtraction(bool on) { featureExtraction_ = on; }
    void setFeatureCache(std::shared_ptr<FeatureCache> cache) { featureCache_ = std::move(cache); }

    const TrainSettings& settings() const { return settings_; }
    int64_t step() const { return step_; }
    const std::vector<EpochStats>& history() const { return history_; }  // epochs done so far

private:
    // The steps of run(), in order.
    int checkDataFitsModel(const Dataset& train, const TrainCallbacks& cb) const;  // returns the class count
    void prepareClassBalance(const Dataset& train, int classes, const TrainCallbacks& cb);
    int batchesPerEpoch(const Dataset& train, int classes, const TrainCallbacks& cb) const;
    void prepareFeatures(const Dataset& train, const TrainCallbacks& cb);
    // The batch of `count` samples from `order` at `first`, from the cached features.
    void featureBatch(const Dataset& train, const std::vector<uint32_t>& order, std::size_t first, std::size_t count);
    // Trains the batches left in epoch_; false when a stop was requested before one of them.
    // A pause moves `start` on by its length, so epoch times and rates leave pauses out.
    bool trainEpoch(const Dataset& train, int classes, int batches, std::chrono::steady_clock::time_point& start,
                    const TrainCallbacks& cb);
    EpochStats closeEpoch(const Dataset& validation, std::chrono::steady_clock::time_point start);
    bool stopsEarly(const EpochStats& epoch, const TrainCallbacks& cb);
    TrainResult endRun(StopReason reason, const std::vector<std::string>& classNames) const;

    bool waitWhilePaused();
    // One step (trainer_step.cpp): the batch's forward and backward passes in chunks (the
    // micro-batches, taken by free workers; chunksFor: their count, 0 when not chunked; their
    // gradients summed in a fixed pairwise tree) or in slices (one per worker, summed in order),
    // the sum in worker 0's gradients, then the update.
    struct Worker;
    struct Chunk;
    struct StepContext;
    int chunksFor(int batch) const;
    LossResult runChunk(Worker& wk, const StepContext& ctx, int begin, int count);
    LossResult runChunks(const StepContext& ctx);
    void addToSumTree(int chunk, int chunks);
    LossResult runSlices(const StepContext& ctx);
    void trainStep(const Tensor& images, const std::vector<int32_t>& labels, BatchStats& stats, double& lossSum,
                   int64_t& correct, int64_t& correctK);
    std::vector<uint32_t> epochOrder(int epoch, const Dataset& train, int classes) const;
    uint64_t epochSeed(int epoch) const;
    void writeCheckpoint(const std::vector<std::string>& classNames) const;
    void snapshotBest();
    void restoreBest();
    void restoreBestFrom(const ModelFile& file, std::size_t count);

    Model& model_;
    TrainSettings settings_;
    Preprocessing pre_;
    std::unique_ptr<WorkerPool> pool_;
    std::unique_ptr<Optimizer> optimizer_;
    std::unique_ptr<LearningRateSchedule> schedule_;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::vector<Chunk> chunks_;
    // Per level of the chunks' sum tree, per left child: how many of its two children are done.
    std::vector<std::atomic<int>> treeArrivals_;
    // Planned once so a training step does not allocate.
    std::vector<Param*> params_;
    std::vector<Tensor*> gradPtrs_;
    std::vector<std::size_t> trainedGrads_;  // indices into the executors' paramGrads() of params_
    int64_t trainedFloats_ = 0;              // their values' floats
    std::vector<Executor*> active_;
    Tensor batchImages_;  // the batch being trained on; EpochBatches hands over buffers by swapping
    std::vector<int32_t> batchLabels_;
    AugmentOptions augment_;
    LossOptions trainLoss_;  // settings_.loss, plus balanced class weights when asked for
    Prefetch prefetch_ = Prefetch::Auto;
    EpochBatches* ahead_ = nullptr;  // this epoch's batches, while it trains
    int microBatch_ = 0;             // samples per forward/backward within a worker's slice; 0 = all
    bool hasBatchStatistics_ = false;
    bool featureExtraction_ = true;
    std::shared_ptr<FeatureCache> featureCache_;
    int featureCut_ = -1;  // the node whose cached output the head trains on; -1: none
    const Tensor* features_ = nullptr;

    // Run position (checkpointed).
    int epoch_ = 0;
    int batchInEpoch_ = 0;
    int64_t step_ = 0;
    int64_t totalSteps_ = 0;
    double epochLossSum_ = 0;
    int64_t epochCorrect_ = 0, epochCorrectK_ = 0, epochSeen_ = 0;
    double bestLoss_ = 1e300;
    int badEpochs_ = 0;
    std::vector<Tensor> best_;  // parameters + state at the best epoch (early stopping)
    std::vector<EpochStats> history_;

    std::string checkpointPath_;
    int checkpointEvery_ = 1;
    nlohmann::json checkpointProject_ = nlohmann::json::object();

    std::atomic<bool> stop_{false};
    std::atomic<bool> paused_{false};
    std::mutex pauseMutex_;
    std::condition_variable pauseChanged_;
};

}  // namespace cs
