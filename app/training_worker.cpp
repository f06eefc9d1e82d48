#include "training_worker.h"

#include "common/engine_message.h"
#include "core/errors.h"
#include "graph/model.h"
#include "inspect/probe_capture.h"
#include "train/held_out_evaluation.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cs::gui {

namespace {

// Training runs (and the trainer's pool threads, which inherit it) at a lower priority than the
// GUI thread, so the window stays responsive on a machine whose cores are all busy training.
void lowerThisThreadsPriority() {
#ifdef __linux__
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 8);
#endif
}

EvalReport reportOf(HeldOutEvaluation e) {
    EvalReport report;
    report.result = std::move(e.result);
    report.data = std::move(e.data);
    report.setName = QString::fromUtf8(evalSetName(e.set));
    return report;
}

}  // namespace

TrainingWorker::TrainingWorker() = default;
TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::requestStop() { session_.requestStop(); }
void TrainingWorker::setPaused(bool paused) {
    paused_ = paused;
    if (paused) pausedSinceEpoch_ = true;
    session_.setPaused(paused);
}

void TrainingWorker::requestProbe(const ProbeImage& image) {
    {
        std::lock_guard lock(probeMutex_);
        probeImage_ = image;
    }
    probeRequested_ = true;
}

void TrainingWorker::flushBatches(bool force) {
    if (pending_.isEmpty()) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - lastFlush_ < kBatchInterval) return;
    lastFlush_ = now;
    emit batches(pending_);
    pending_.clear();
}

void TrainingWorker::answerProbe(const Model& model) {
    if (!probeRequested_.exchange(false)) return;
    ProbeImage image;
    {
        std::lock_guard lock(probeMutex_);
        image = probeImage_;
    }
    if (!image.isValid() || !probeExecutor_ || !pre_) return;
    ProbeResult r = captureProbe(model, *probeExecutor_, *pre_, image);
    r.classNames = classNames_;
    r.epoch = epoch_;
    r.step = step_;
    emit probeReady(std::move(r));
}

void TrainingWorker::reportPrepared(const PreparedRun& run) {
    const PreparedData& done = run.prepared;
    if (run.checkpointModelDiffers)
        emit message(tr("The checkpoint's model differs from the project's; continuing the checkpoint's model."), true);
    if (done.excluded > 0)
        emit message(tr("%n excluded image(s) left out of training.", nullptr, int(done.excluded)), false);
    if (done.validationCarved > 0)
        emit message(tr("Validation: %1 images held out of the training set (%2%).")
                         .arg(done.validationCarved)
                         .arg(double(run.settings.validationSplit) * 100, 0, 'g', 3),
                     false);
    if (run.start == StartMode::FineTune)
        emit message(tr("Fine-tuning: the run starts from the project's current weights."), false);
    emit dataPrepared(run.data);
    classNames_ = run.data->train.classNames;
    for (const EpochStats& e : run.resumedEpochs) emit epochFinished(e);
}

SessionCallbacks TrainingWorker::callbacks() {
    SessionCallbacks cb;
    cb.onPrepared = [this](const PreparedRun& run) { reportPrepared(run); };
    cb.onBatch = [this](const BatchStats& b) {
        if (b.batch == 0 && epochEnded_) {
            // This batch's own time is in its stats; the rest of the gap since the last epoch
            // ended went to the checkpoint, which no stats count.
            const double gap = std::chrono::duration<double>(std::chrono::steady_clock::now() - *epochEnded_).count();
            if (!pausedSinceEpoch_) emit betweenEpochs(std::max(0.0, gap - b.seconds));
        }
        epochEnded_.reset();
        epoch_ = b.epoch;
        step_ = b.step + 1;
        pending_.push_back(b);
        flushBatches(false);
    };
    cb.onEpoch = [this](const EpochStats& e) {
        flushBatches(true);
        emit epochFinished(e);
        pausedSinceEpoch_ = paused_.load();
        epochEnded_ = std::chrono::steady_clock::now();
    };
    cb.onMessage = [this](const TrainMessage& m) {
        flushBatches(true);
        emit message(engineText(m.message), m.severity == MessageSeverity::Warning);
    };
    cb.betweenBatches = [this](const Model& m) {
        if (!probeExecutor_) probeExecutor_ = m.makeExecutor();
        answerProbe(m);
    };
    cb.afterTraining = [this](const Model& m) {
        flushBatches(true);
        if (!probeExecutor_) probeExecutor_ = m.makeExecutor();
        probeRequested_ = true;  // the views show the final weights
        answerProbe(m);
    };
    cb.onEvaluating = [this] { emit message(tr("Evaluating the trained model…"), false); };
    return cb;
}

void TrainingWorker::run(TrainingJob job) {
    lowerThisThreadsPriority();
    RunSummary summary;
    std::shared_ptr<ModelFile> trained;
    pending_.clear();
    lastFlush_ = std::chrono::steady_clock::now();
    epochEnded_.reset();
    step_ = -1;
    try {
        TrainingRequest request;
        request.start = job.start;
        if (job.start == StartMode::Resume) {
            request.checkpoint = loadModelFile(job.checkpointPath);
            job.settings = checkpointSettings(request.checkpoint);
        }
        request.settings = job.settings;
        request.project = std::move(job.project);
        request.dataSource = job.dataSource;
        request.checkpointPath = job.checkpointPath;
        request.evaluateAfter = job.evaluateAfter;
        request.keepPredictions = true;  // the Evaluation page's gallery
        request.dataChanges = job.dataChanges;
        pre_ = job.start == StartMode::Resume ? &request.checkpoint.preprocessing : &request.project.preprocessing;
        const std::shared_ptr<const DataSplits> data = std::move(job.data);

        SessionResult result = session_.run(request, *data, callbacks());
        flushBatches(true);
        summary.stopReason = result.training.reason;
        summary.epochsCompleted = result.training.epochsCompleted;
        summary.history = result.training.history;
        if (result.evaluation) {
            EvalReport report = reportOf(std::move(*result.evaluation));
            report.step = result.steps;
            emit evaluated(std::move(report));
        }
        trained = std::make_shared<ModelFile>(std::move(result.trained));
    } catch (...) {
        flushBatches(true);
        summary.failed = true;
        summary.error = currentExceptionText();
        trained.reset();
    }
    probeExecutor_.reset();
    pre_ = nullptr;
    emit finished(summary, std::const_pointer_cast<const ModelFile>(trained));
}

void TrainingWorker::evaluate(std::shared_ptr<const ModelFile> project, std::shared_ptr<const DataSplits> data) {
    lowerThisThreadsPriority();
    try {
        if (!project->hasWeights()) throw TrainingError(tr("the model has not been trained yet").toStdString());
        Model model(project->graph, project->seed);
        applyWeights(*project, model);
        TrainSettings settings;
        try {
            settings = TrainSettings::fromJson(project->training);
        } catch (const Error&) {
        }
        emit evaluated(reportOf(evaluateHeldOut(model, project->preprocessing, data, settings, true)));
    } catch (...) {
        emit evaluationFailed(currentExceptionText());
    }
}

void TrainingWorker::probeIdle(std::shared_ptr<const ModelFile> project, ProbeImage image) {
    try {
        Model model(project->graph, project->seed);
        if (project->hasWeights()) applyWeights(*project, model);
        auto executor = model.makeExecutor();
        ProbeResult r = captureProbe(model, *executor, project->preprocessing, image);
        r.classNames = project->classNames;
        r.step = project->hasWeights() ? 0 : -1;
        emit probeReady(std::move(r));
    } catch (...) {
        // An uncompilable graph has nothing to show; the designer reports why.
    }
}

}  // namespace cs::gui
