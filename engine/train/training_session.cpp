#include "train/training_session.h"

#include "core/errors.h"
#include "graph/model.h"
#include "train/saved_evaluation.h"

namespace cs {

namespace {

void checkStart(const TrainingRequest& request) {
    if (request.start == StartMode::FineTune && !request.project.hasWeights())
        throw TrainingError(msg("train.fine_tune_without_weights",
                                "fine-tuning starts from the project's weights, but the project has none; train it "
                                "from scratch first"));
    if (request.start == StartMode::Resume && !checkpointPosition(request.checkpoint))
        throw FileError(msg("checkpoint.no_resume_position", "the checkpoint holds no training position to resume"));
}

// The project's data as the run sees it: its excluded images left out, then the validation
// split carved with the run's fraction and seed.
std::shared_ptr<DataSplits> prepareData(const TrainingRequest& request, const DataSplits& loaded, PreparedData& done) {
    auto data = std::make_shared<DataSplits>(loaded);
    DatasetProject dataset = DatasetProject::fromFile(request.project);
    if (!request.dataSource.empty()) dataset.source = request.dataSource;
    dataset.validationFraction = request.settings.validationSplit;
    dataset.seed = request.settings.seed;
    done = prepareTrainingData(*data, dataset);
    return data;
}

// The model the run trains: the project's, or on resume the checkpoint's (which may differ
// when the project was edited after the run stopped).
ModelFile modelToTrain(const TrainingRequest& request) {
    ModelFile base = request.project;
    if (request.start == StartMode::Resume) {
        base.graph = request.checkpoint.graph;
        base.preprocessing = request.checkpoint.preprocessing;
    }
    return base;
}

RunRecord recordOf(const TrainingRequest& request, const PreparedRun& prepared, const SessionResult& result) {
    RunRecord record;
    record.settings = request.settings;
    record.start = request.start;
    record.data = request.dataSource.empty() ? DatasetProject::fromFile(request.project).source : request.dataSource;
    record.trainSamples = prepared.data->train.size();
    record.validationSamples = prepared.data->validation.size();
    record.excludedSamples = prepared.prepared.excluded;
    record.epochs = result.training.history;
    record.stopReason = result.training.reason;
    if (result.evaluation) record.evaluation = result.evaluation->summary();
    record.featureCache = result.training.featureCache;
    record.dataChanges = request.dataChanges;
    record.finished = localTimeNow();
    return record;
}

}  // namespace

StartMode defaultStartMode(const ModelFile& project, const TrainSettings& settings) {
    return settings.continueFromWeights && project.hasWeights() ? StartMode::FineTune : StartMode::Fresh;
}

void TrainingSession::requestStop() {
    stop_ = true;
    std::lock_guard lock(mutex_);
    if (trainer_) trainer_->requestStop();
}

void TrainingSession::setPaused(bool paused) {
    std::lock_guard lock(mutex_);
    paused_ = paused;
    if (trainer_) trainer_->setPaused(paused);
}

SessionResult TrainingSession::run(const TrainingRequest& request, const DataSplits& loaded,
                                   const SessionCallbacks& cb) {
    // Whatever happens, the next run starts without this one's stop request.
    struct Reset {
        std::atomic<bool>& stop;
        ~Reset() { stop = false; }
    } reset{stop_};

    checkStart(request);
    PreparedRun prepared;
    prepared.start = request.start;
    prepared.settings = request.settings;
    const std::shared_ptr<DataSplits> data = prepareData(request, loaded, prepared.prepared);
    prepared.data = data;
    ModelFile trained = modelToTrain(request);
    prepared.checkpointModelDiffers = request.start == StartMode::Resume && !(trained.graph == request.project.graph);

    Model model(trained.graph, request.settings.seed);
    if (request.start == StartMode::FineTune) applyWeights(request.project, model);
    Trainer trainer(model, request.settings, trained.preprocessing);
    trainer.setFeatureCache(featureCache_);
    if (request.start == StartMode::Resume) {
        try {
            trainer.restoreCheckpoint(request.checkpoint);
        } catch (const FileError& e) {
            // The trainer checks the checkpoint's content but does not know its file: name it.
            if (request.checkpointPath.empty()) throw;
            throw FileError(msg("checkpoint.in_file", "{file}: {reason}",
                                {{"file", request.checkpointPath}, {"reason", e.what()}}));
        }
        prepared.resumedEpochs = trainer.history();
    }
    if (!request.checkpointPath.empty()) trainer.setCheckpoint(request.checkpointPath, 1, request.project.project);
    if (cb.onPrepared) cb.onPrepared(prepared);

    SessionResult result;
    result.data = data;
    BestEpoch best;
    std::vector<BatchStats> batches;
    result.training = train(trainer, model, *data, cb, best, batches);
    result.steps = trainer.step();
    // The run keeps its best epoch; the last weights stay in the result for whoever wants them.
    // (Also after an early stop that restored the best epoch by loss: the record names one epoch.)
    if (best.index >= 0) {
        if (best.index + 1 < int(result.training.history.size())) {
            ModelFile last;
            storeWeights(model, last);
            result.lastWeights = std::move(last.weights);
        }
        applyWeights(best.weights, model);
    }
    if (cb.afterTraining) cb.afterTraining(model);

    storeWeights(model, trained);
    trained.classNames = data->train.classNames;
    trained.training = request.settings.toJson();
    trained.checkpoint = nlohmann::json::object();
    if (request.evaluateAfter && result.training.reason != StopReason::Stopped && !stop_) {
        if (cb.onEvaluating) cb.onEvaluating();
        result.evaluation = evaluateHeldOut(model, trained.preprocessing, data, request.settings,
                                            request.keepPredictions, [this] { return stop_.load(); });
    }

    // The project keeps the last evaluation for its Evaluation page (the mistakes only when the
    // predictions were kept).
    if (result.evaluation) trained.evaluation = savedEvaluation(*result.evaluation).toJson();
    result.record = recordOf(request, prepared, result);
    if (best.index >= 0) result.record.bestEpoch = best.index;
    result.record.batches = decimatedBatches(batches);
    trained.history.push_back(result.record.toJson());
    // The run's weights stay with its record (the latest runs' only): "use this run's weights",
    // best or last, works after the project is reopened.
    RunWeights kept;
    kept.best = trained.weights;
    kept.last = result.lastWeights;
    trained.runWeights[int(trained.history.size()) - 1] = std::move(kept);
    keepRecentRunWeights(trained);
    result.trained = std::move(trained);
    return result;
}

TrainResult TrainingSession::train(Trainer& trainer, const Model& model, const DataSplits& data,
                                   const SessionCallbacks& cb, BestEpoch& best, std::vector<BatchStats>& batches) {
    // Requests from other threads reach the trainer only while it exists.
    struct Registration {
        TrainingSession& s;
        Registration(TrainingSession& session, Trainer& t) : s(session) {
            std::lock_guard lock(s.mutex_);
            s.trainer_ = &t;
            t.setPaused(s.paused_);
        }
        ~Registration() {
            std::lock_guard lock(s.mutex_);
            s.trainer_ = nullptr;
        }
    } registration(*this, trainer);
    TrainCallbacks tc;
    tc.onBatch = [&](const BatchStats& b) {
        if (stop_) trainer.requestStop();  // asked for before run() started, which cleared the trainer's flag
        batches.push_back(b);
        if (cb.onBatch) cb.onBatch(b);
    };
    tc.onEpoch = [&](const EpochStats& e) {
        // Weights are stable here (between batches). Equal accuracies: the lower validation loss
        // (accuracy moves in steps of one image on small sets; the loss tells them apart).
        const bool better = best.index < 0 || e.valAccuracy > best.valAccuracy ||
                            (e.valAccuracy == best.valAccuracy && e.valLoss <= best.valLoss);
        if (e.hasValidation && better) {
            best.index = int(trainer.history().size()) - 1;
            best.valAccuracy = e.valAccuracy;
            best.valLoss = e.valLoss;
            storeWeights(model, best.weights);
        }
        if (cb.onEpoch) cb.onEpoch(e);
    };
    tc.onMessage = cb.onMessage;
    tc.betweenBatches = cb.betweenBatches;
    return trainer.run(data.train, data.validation, tc);
}

}  // namespace cs
