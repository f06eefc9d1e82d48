#include "train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/errors.h"
#include "core/json_numbers.h"
#include "core/worker_pool.h"
#include "data/epoch_batches.h"
#include "data/split.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "train/evaluator.h"
#include "train/optimizer.h"
#include "train/schedule.h"
#include "train/trainer_worker.h"

namespace cs {

std::optional<CheckpointPosition> checkpointPosition(const ModelFile& file) {
    const nlohmann::json& c = file.checkpoint;
    if (!c.is_object() || !c.contains("epoch") || !c.contains("settings")) return std::nullopt;
    try {
        return CheckpointPosition{wholeNumber<int>(c.at("epoch")), wholeNumberOr<int>(c.at("settings"), "epochs", 0)};
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

TrainSettings checkpointSettings(const ModelFile& file) {
    if (!file.checkpoint.is_object() || !file.checkpoint.contains("settings"))
        throw FileError(msg("checkpoint.no_position", "the file holds no training position to resume"));
    return TrainSettings::fromJson(file.checkpoint["settings"]);
}

Trainer::Trainer(Model& model, TrainSettings settings, Preprocessing preprocessing)
    : model_(model), settings_(std::move(settings)), pre_(preprocessing) {
    settings_.validate();
    if (pre_.inputShape() != model_.inputShape())
        throw TrainingError(
            msg("train.preprocessing_mismatch",
                "the preprocessing makes {prepared} inputs but the model's Input expects {input}",
                {{"prepared", pre_.inputShape().toString()}, {"input", model_.inputShape().toString()}}));
    pool_ = std::make_unique<WorkerPool>(WorkerPool::resolveThreads(settings_.threads));
    optimizer_ = makeOptimizer(settings_.optimizer);
    schedule_ = std::make_unique<LearningRateSchedule>(settings_.optimizer.learningRate, settings_.schedule);
    for (int w = 0; w < pool_->size(); ++w) {
        auto worker = std::make_unique<Worker>();
        worker->executor = model_.makeExecutor();
        workers_.push_back(std::move(worker));
    }
    augment_ = AugmentOptions::fromJson(settings_.augment);
    hasBatchStatistics_ = !std::as_const(model_).stateTensors().empty();
    setMicroBatch(kDefaultMicroBatch);
    // Frozen layers' parameters are left out: the optimizer neither updates them nor keeps slots.
    const std::vector<Param*> all = model_.parameters();
    const std::vector<char> trains = model_.parameterTrainable();
    auto& grads = workers_[0]->executor->paramGrads();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (trains[i]) {
            params_.push_back(all[i]), gradPtrs_.push_back(&grads[i]), trainedGrads_.push_back(i);
            trainedFloats_ += all[i]->value.size();
        }
    active_.reserve(workers_.size());
}

Trainer::~Trainer() = default;

void Trainer::setMicroBatch(int samples) {
    // Layers with batch statistics (BatchNormalization) must see the whole slice at once.
    microBatch_ = hasBatchStatistics_ ? 0 : std::max(0, samples);
}

void Trainer::requestStop() {
    stop_ = true;
    pauseChanged_.notify_all();
}

void Trainer::setPaused(bool paused) {
    {
        std::lock_guard lock(pauseMutex_);
        paused_ = paused;
    }
    pauseChanged_.notify_all();
}

bool Trainer::waitWhilePaused() {
    std::unique_lock lock(pauseMutex_);
    pauseChanged_.wait(lock, [this] { return !paused_.load() || stop_.load(); });
    return !stop_.load();
}

void Trainer::setCheckpoint(std::string path, int everyEpochs, nlohmann::json project) {
    checkpointPath_ = std::move(path);
    checkpointEvery_ = std::max(1, everyEpochs);
    checkpointProject_ = std::move(project);
}

std::vector<uint32_t> Trainer::epochOrder(int epoch, const Dataset& train, int classes) const {
    if (settings_.balance == ClassBalance::Oversample)
        return oversampledIndices(train.labels, classes,
                                  settings_.seed * 1000003ull + static_cast<uint64_t>(epoch) + 1);
    const std::size_t n = train.size();
    std::vector<uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    Rng rng(settings_.seed * 1000003ull + static_cast<uint64_t>(epoch) + 1);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    return order;
}

uint64_t Trainer::epochSeed(int epoch) const {
    return mixSeed(settings_.seed ^ 0x5EEDA06ull, static_cast<uint64_t>(epoch));
}

TrainResult Trainer::run(const Dataset& train, const Dataset& validation, const TrainCallbacks& cb) {
    const int classes = checkDataFitsModel(train, cb);
    prepareClassBalance(train, classes, cb);
    const int batches = batchesPerEpoch(train, classes, cb);
    prepareFeatures(train, cb);
    totalSteps_ = static_cast<int64_t>(batches) * settings_.epochs;
    stop_ = false;
    for (; epoch_ < settings_.epochs; ++epoch_) {
        auto start = std::chrono::steady_clock::now();  // moved on by pauses
        if (!trainEpoch(train, classes, batches, start, cb)) return endRun(StopReason::Stopped, train.classNames);
        const EpochStats es = closeEpoch(validation, start);
        if (cb.onEpoch) cb.onEpoch(es);
        if (stopsEarly(es, cb)) {
            ++epoch_;
            return endRun(StopReason::EarlyStopped, train.classNames);
        }
        if (!checkpointPath_.empty() && (epoch_ + 1) % checkpointEvery_ == 0) {
            ++epoch_;  // the checkpoint records the position after this epoch
            writeCheckpoint(train.classNames);
            if (cb.onMessage)
                cb.onMessage(TrainMessage::note(
                    msg("train.checkpoint_written", "checkpoint written: {file}", {{"file", checkpointPath_}})));
            --epoch_;
        }
    }
    return endRun(StopReason::Completed, train.classNames);
}

void Trainer::prepareFeatures(const Dataset& train, const TrainCallbacks& cb) {
    featureCut_ = -1;
    features_ = nullptr;
    if (!featureExtraction_) return;
    const std::optional<int> cut = FeatureCache::findCut(model_);
    if (!cut) return;
    const std::string layer = model_.nodes()[static_cast<std::size_t>(*cut)].layer->name();
    if (augment_.enabled()) {
        if (cb.onMessage)
            cb.onMessage(TrainMessage::note(msg("train.no_features_augmented",
                                                "no feature extraction: augmentation changes the images every "
                                                "epoch, so the frozen layers up to '{layer}' run on every batch "
                                                "(they are still not updated)",
                                                {{"layer", layer}})));
        return;
    }
    const int64_t bytes =
        static_cast<int64_t>(train.size()) * model_.nodes()[static_cast<std::size_t>(*cut)].outputShape.size() * 4;
    if (bytes > FeatureCache::kMaxBytes) {
        if (cb.onMessage)
            cb.onMessage(TrainMessage::note(msg("train.no_features_too_large",
                                                "no feature extraction: the features at '{layer}' would take {mb} MB",
                                                {{"layer", layer}, {"mb", std::to_string(bytes >> 20)}})));
        return;
    }
    if (!featureCache_) featureCache_ = std::make_shared<FeatureCache>();
    features_ = &featureCache_->features(model_, *cut, train, pre_, pool_.get());
    featureCut_ = *cut;
    if (cb.onMessage) {
        const FeatureCacheUse& use = featureCache_->lastUse();
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.2f", use.seconds);
        if (use.reused)
            cb.onMessage(TrainMessage::note(msg("train.features_reused",
                                                "feature extraction: the layers up to '{layer}' are frozen; the head "
                                                "trains on their cached features (reused)",
                                                {{"layer", layer}})));
        else
            cb.onMessage(TrainMessage::note(msg("train.features_computed",
                                                "feature extraction: the layers up to '{layer}' are frozen; the head "
                                                "trains on their features, computed once in {seconds} s",
                                                {{"layer", layer}, {"seconds", secs}})));
    }
}

void Trainer::featureBatch(const Dataset& train, const std::vector<uint32_t>& order, std::size_t first,
                           std::size_t count) {
    batchImages_.resize(static_cast<int>(count), features_->sampleShape());
    batchLabels_.resize(count);
    const std::size_t n = static_cast<std::size_t>(features_->sampleSize());
    for (std::size_t k = 0; k < count; ++k) {
        const uint32_t i = order[first + k];
        std::copy_n(features_->sample(static_cast<int>(i)), n, batchImages_.sample(static_cast<int>(k)));
        batchLabels_[k] = train.labels[i];
    }
}

int Trainer::checkDataFitsModel(const Dataset& train, const TrainCallbacks& cb) const {
    if (train.size() == 0) throw TrainingError(msg("train.empty_training_set", "the training set is empty"));
    if (params_.empty())
        throw TrainingError(msg("train.nothing_trainable",
                                "every layer with parameters is frozen; unfreeze at least one layer to train"));
    const int classes = static_cast<int>(model_.outputShape().size());
    if (!model_.outputShape().isFlat())
        throw TrainingError(msg("train.output_not_flat",
                                "the model's output is {shape}; a classifier must end in a flat layer (Dense or "
                                "GlobalAveragePooling2D)",
                                {{"shape", model_.outputShape().toString()}}));
    if (train.classCount() > classes)
        throw TrainingError(msg("train.too_many_classes",
                                "the dataset has {classes} classes but the model's output has {units} units; set the "
                                "last Dense layer's units to {classes}",
                                {{"classes", std::to_string(train.classCount())}, {"units", std::to_string(classes)}}));
    if (train.classCount() < classes && cb.onMessage)
        cb.onMessage(TrainMessage::note(
            msg("train.extra_outputs",
                "the model has {outputs} outputs for {classes} classes; the extra outputs "
                "are never targets",
                {{"outputs", std::to_string(classes)}, {"classes", std::to_string(train.classCount())}}),
            MessageSeverity::Warning));
    return classes;
}

void Trainer::prepareClassBalance(const Dataset& train, int classes, const TrainCallbacks& cb) {
    trainLoss_ = settings_.loss;
    if (settings_.balance != ClassBalance::Weights || !trainLoss_.classWeights.empty()) return;
    trainLoss_.classWeights = balancedClassWeights(train.labels, classes);
    if (!cb.onMessage) return;
    std::string list;
    for (float w : trainLoss_.classWeights) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%.3g", list.empty() ? "" : ", ", static_cast<double>(w));
        list += buf;
    }
    cb.onMessage(
        TrainMessage::note(msg("train.class_weights", "class weights (balanced): {weights}", {{"weights", list}})));
}

int Trainer::batchesPerEpoch(const Dataset& train, int classes, const TrainCallbacks& cb) const {
    // Oversampling makes every epoch (largest class) x (classes present) samples long.
    std::size_t epochLength = train.size();
    if (settings_.balance == ClassBalance::Oversample) {
        const auto counts = classCounts(train.labels, classes);
        const std::size_t largest = *std::max_element(counts.begin(), counts.end());
        epochLength = largest * static_cast<std::size_t>(
                                    std::count_if(counts.begin(), counts.end(), [](std::size_t c) { return c > 0; }));
        if (cb.onMessage && epochLength != train.size())
            cb.onMessage(TrainMessage::note(
                msg("train.oversampling", "oversampling: {samples} samples per epoch from {images}",
                    {{"samples", std::to_string(epochLength)}, {"images", std::to_string(train.size())}})));
    }
    return static_cast<int>((epochLength + settings_.batchSize - 1) / settings_.batchSize);
}

bool Trainer::trainEpoch(const Dataset& train, int classes, int batches, std::chrono::steady_clock::time_point& start,
                         const TrainCallbacks& cb) {
    std::vector<uint32_t> order = epochOrder(epoch_, train, classes);
    std::unique_ptr<EpochBatches> source;
    if (featureCut_ < 0) {
        // A thread of its own when a core is free for it; when every core trains, the step's
        // first worker to run out of work assembles the next batch.
        const bool coreFree = pool_->size() < WorkerPool::resolveThreads(0);
        const EpochBatches::Ahead ahead = prefetch_ == Prefetch::Off      ? EpochBatches::Ahead::None
                                          : prefetch_ == Prefetch::Thread ? EpochBatches::Ahead::Thread
                                          : prefetch_ == Prefetch::InStep ? EpochBatches::Ahead::InStep
                                          : coreFree                      ? EpochBatches::Ahead::Thread
                                                                          : EpochBatches::Ahead::InStep;
        source = std::make_unique<EpochBatches>(train, std::move(order), settings_.batchSize, pre_, augment_,
                                                epochSeed(epoch_), batchInEpoch_, ahead);
    }
    ahead_ = source.get();  // the steps' workers assemble the next batch through it
    const struct Unset {
        EpochBatches*& ahead;
        ~Unset() { ahead = nullptr; }
    } unset{ahead_};
    int64_t samplesThisRun = 0;
    std::chrono::steady_clock::duration callbacks{};
    for (; batchInEpoch_ < batches; ++batchInEpoch_) {
        if (stop_) return false;
        if (paused_) {
            const auto pausedAt = std::chrono::steady_clock::now();
            if (!waitWhilePaused()) return false;
            start += std::chrono::steady_clock::now() - pausedAt;
        }
        const auto batchStart = std::chrono::steady_clock::now();
        if (source) {
            if (!source->next(batchImages_, batchLabels_))
                throw TrainingError("the epoch's batches ended before batch " + std::to_string(batchInEpoch_ + 1));
        } else {
            const std::size_t first = static_cast<std::size_t>(batchInEpoch_) * settings_.batchSize;
            featureBatch(train, order, first, std::min<std::size_t>(settings_.batchSize, order.size() - first));
        }
        const std::size_t count = batchLabels_.size();
        BatchStats stats;
        stats.epoch = epoch_;
        stats.batch = batchInEpoch_;
        stats.batchesPerEpoch = batches;
        stats.step = step_;
        stats.learningRate = schedule_->rate(step_, epoch_, totalSteps_);
        trainStep(batchImages_, batchLabels_, stats, epochLossSum_, epochCorrect_, epochCorrectK_);
        epochSeen_ += static_cast<int64_t>(count);
        samplesThisRun += static_cast<int64_t>(count);
        ++step_;
        const auto batchEnd = std::chrono::steady_clock::now();
        // The batch's period: its own time and what the callbacks of the one before took.
        stats.seconds = std::chrono::duration<double>(batchEnd - batchStart + callbacks).count();
        const double secs = std::chrono::duration<double>(batchEnd - start).count();
        stats.samplesPerSecond = secs > 0 ? samplesThisRun / secs : 0;
        if (cb.onBatch) cb.onBatch(stats);
        if (cb.betweenBatches) cb.betweenBatches(model_);
        callbacks = std::chrono::steady_clock::now() - batchEnd;
    }
    return true;
}

EpochStats Trainer::closeEpoch(const Dataset& validation, std::chrono::steady_clock::time_point start) {
    EpochStats es;
    es.epoch = epoch_;
    es.epochs = settings_.epochs;
    es.loss = epochSeen_ ? epochLossSum_ / epochSeen_ : 0;
    es.accuracy = epochSeen_ ? static_cast<double>(epochCorrect_) / epochSeen_ : 0;
    es.topK = epochSeen_ ? static_cast<double>(epochCorrectK_) / epochSeen_ : 0;
    es.learningRate = schedule_->rate(step_ > 0 ? step_ - 1 : 0, epoch_, totalSteps_);
    if (validation.size() > 0) {
        EvalOptions o;
        o.batchSize = std::max(settings_.batchSize, 128);
        o.topK = settings_.topK;
        o.loss = settings_.loss;
        o.loss.classWeights.clear();  // as Keras: class weights shape training only
        o.cancelled = [this] { return stop_.load(); };
        const EvalResult v = evaluate(model_, validation, pre_, o, pool_.get());
        es.hasValidation = true;
        es.valLoss = v.loss;
        es.valAccuracy = v.accuracy;
        es.valTopK = v.topK;
    }
    es.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    history_.push_back(es);
    batchInEpoch_ = 0;
    epochLossSum_ = 0;
    epochCorrect_ = epochCorrectK_ = epochSeen_ = 0;
    schedule_->endEpoch(es.hasValidation ? es.valLoss : es.loss);
    return es;
}

bool Trainer::stopsEarly(const EpochStats& es, const TrainCallbacks& cb) {
    if (settings_.earlyStoppingPatience <= 0) return false;
    const double monitored = es.hasValidation ? es.valLoss : es.loss;
    if (monitored < bestLoss_ - 1e-4) {
        bestLoss_ = monitored;
        badEpochs_ = 0;
        if (settings_.restoreBestWeights) snapshotBest();
        return false;
    }
    if (++badEpochs_ < settings_.earlyStoppingPatience) return false;
    if (settings_.restoreBestWeights && !best_.empty()) restoreBest();
    if (cb.onMessage) {
        const std::vector<MessageArg> args{{"epoch", std::to_string(epoch_ + 1)},
                                           {"metric", es.hasValidation ? "val_loss" : "loss"},
                                           {"patience", std::to_string(settings_.earlyStoppingPatience)}};
        if (settings_.restoreBestWeights)
            cb.onMessage(TrainMessage::note(msg("train.stopped_early_restored",
                                                "stopped early after epoch {epoch}: no improvement of {metric} for "
                                                "{patience} epochs; restored the best weights",
                                                args)));
        else
            cb.onMessage(TrainMessage::note(
                msg("train.stopped_early",
                    "stopped early after epoch {epoch}: no improvement of {metric} for {patience} epochs", args)));
    }
    return true;
}

TrainResult Trainer::endRun(StopReason reason, const std::vector<std::string>& classNames) const {
    // A stopped run keeps its position in the checkpoint; a completed one has nothing to continue.
    if (reason != StopReason::Completed) writeCheckpoint(classNames);
    TrainResult result;
    result.reason = reason;
    result.epochsCompleted = epoch_;
    result.history = history_;
    if (featureCut_ >= 0) result.featureCache = featureCache_->lastUse();
    return result;
}

void Trainer::snapshotBest() {
    best_.clear();
    for (const Param* p : std::as_const(model_).parameters()) best_.push_back(p->value);
    for (const Param* p : std::as_const(model_).stateTensors()) best_.push_back(p->value);
}

void Trainer::restoreBest() {
    std::size_t i = 0;
    for (Param* p : model_.parameters()) p->value = best_[i++];
    for (Param* p : model_.stateTensors()) p->value = best_[i++];
}

void Trainer::writeCheckpoint(const std::vector<std::string>& classNames) const {
    if (checkpointPath_.empty()) return;
    ModelFile file;
    file.graph = model_.spec();
    file.preprocessing = pre_;
    file.classNames = classNames;
    file.training = settings_.toJson();
    file.project = checkpointProject_;
    storeCheckpoint(file);
    saveModelFile(checkpointPath_, file);
}

void Trainer::storeCheckpoint(ModelFile& file) const {
    storeWeights(model_, file);
    const auto& slots = optimizer_->slotTensors();
    for (std::size_t i = 0; i < slots.size(); ++i) file.weights["__optimizer__/" + std::to_string(i)] = slots[i];
    for (std::size_t i = 0; i < best_.size(); ++i) file.weights["__best__/" + std::to_string(i)] = best_[i];
    nlohmann::json history = nlohmann::json::array();
    for (const auto& e : history_) history.push_back(e.toJson());
    file.checkpoint = {{"epoch", epoch_},
                       {"batch", batchInEpoch_},
                       {"step", step_},
                       {"optimizer_iterations", optimizer_->iterations()},
                       {"optimizer_slots", slots.size()},
                       {"best_tensors", best_.size()},
                       {"schedule", schedule_->state()},
                       {"epoch_loss_sum", epochLossSum_},
                       {"epoch_correct", epochCorrect_},
                       {"epoch_correct_k", epochCorrectK_},
                       {"epoch_seen", epochSeen_},
                       {"best_loss", bestLoss_},
                       {"bad_epochs", badEpochs_},
                       {"history", history},
                       {"settings", settings_.toJson()}};
}

// The best weights are one tensor per parameter and state tensor, in the model's order, each of
// that tensor's shape: restoreBest() copies them back into the layers, whose kernels trust the
// shapes, so a crafted checkpoint must be refused here.
void Trainer::restoreBestFrom(const ModelFile& file, std::size_t count) {
    std::vector<const Tensor*> shapes;
    for (const Param* p : std::as_const(model_).parameters()) shapes.push_back(&p->value);
    for (const Param* p : std::as_const(model_).stateTensors()) shapes.push_back(&p->value);
    if (count != 0 && count != shapes.size())
        throw FileError(msg("train.checkpoint_best_count",
                            "checkpoint: {count} best-weights tensors, but the model has {expected}",
                            {{"count", std::to_string(count)}, {"expected", std::to_string(shapes.size())}}));
    best_.clear();
    for (std::size_t i = 0; i < count; ++i) {
        auto it = file.weights.find("__best__/" + std::to_string(i));
        if (it == file.weights.end())
            throw FileError(msg("checkpoint.best_tensor_missing", "checkpoint: best-weights tensor {index} is missing",
                                {{"index", std::to_string(i)}}));
        const Tensor& t = it->second;
        if (t.batch() != shapes[i]->batch() || t.sampleShape() != shapes[i]->sampleShape())
            throw FileError(
                msg("train.checkpoint_best_shape",
                    "checkpoint: best-weights tensor {index} is {got} but the model's tensor there is "
                    "{expected}",
                    {{"index", std::to_string(i)},
                     {"got", std::to_string(t.batch()) + "x" + t.sampleShape().toString()},
                     {"expected", std::to_string(shapes[i]->batch()) + "x" + shapes[i]->sampleShape().toString()}}));
        best_.push_back(t);
    }
}

void Trainer::restoreCheckpoint(const ModelFile& file) {
    const auto& c = file.checkpoint;
    if (!c.is_object() || c.empty()) throw FileError(msg("checkpoint.none", "the file holds no training checkpoint"));
    try {
        applyWeights(file, model_);
        epoch_ = wholeNumber<int>(c.at("epoch"));
        batchInEpoch_ = wholeNumber<int>(c.at("batch"));
        if (epoch_ < 0 || epoch_ > 100'000'000 || batchInEpoch_ < 0)
            throw FileError(msg("train.checkpoint_position",
                                "checkpoint: position epoch {epoch}, batch {batch} is invalid",
                                {{"epoch", std::to_string(epoch_)}, {"batch", std::to_string(batchInEpoch_)}}));
        step_ = wholeNumber<int64_t>(c.at("step"));
        const auto nSlots = wholeNumber<std::size_t>(c.at("optimizer_slots"));
        auto& slots = optimizer_->slotTensors();
        slots.clear();
        for (std::size_t i = 0; i < nSlots; ++i) {
            auto it = file.weights.find("__optimizer__/" + std::to_string(i));
            if (it == file.weights.end())
                throw FileError(msg("checkpoint.slot_missing", "checkpoint: optimizer slot {index} is missing",
                                    {{"index", std::to_string(i)}}));
            slots.push_back(it->second);
        }
        optimizer_->setIterations(wholeNumber<int64_t>(c.at("optimizer_iterations")));
        restoreBestFrom(file, wholeNumber<std::size_t>(c.at("best_tensors")));
        schedule_->setState(c.at("schedule"));
        epochLossSum_ = c.at("epoch_loss_sum").get<double>();
        epochCorrect_ = wholeNumber<int64_t>(c.at("epoch_correct"));
        epochCorrectK_ = wholeNumber<int64_t>(c.at("epoch_correct_k"));
        epochSeen_ = wholeNumber<int64_t>(c.at("epoch_seen"));
        bestLoss_ = c.at("best_loss").get<double>();
        badEpochs_ = wholeNumber<int>(c.at("bad_epochs"));
        history_.clear();
        for (const auto& h : c.at("history")) history_.push_back(EpochStats::fromJson(h, settings_.epochs));
    } catch (const nlohmann::json::exception& e) {
        throw FileError(msg("checkpoint.malformed", "the checkpoint is malformed: {reason}", {{"reason", e.what()}}));
    }
}

}  // namespace cs
