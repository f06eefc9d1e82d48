#include "training_worker.h"

#include <QDateTime>

#include "core/errors.h"
#include "data/dataset_project.h"
#include "data/split.h"
#include "graph/model.h"
#include "inspect/probe_capture.h"
#include "train/evaluator.h"
#include "train/trainer.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cs::gui {

namespace {

constexpr auto kBatchFlushInterval = std::chrono::milliseconds(40);

// Training runs (and the trainer's pool threads, which inherit it) at a lower priority than the
// GUI thread, so the window stays responsive on a machine whose cores are all busy training.
void lowerThisThreadsPriority() {
#ifdef __linux__
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 8);
#endif
}

QString stopReasonText(StopReason r) {
    switch (r) {
        case StopReason::Completed:
            return QStringLiteral("completed");
        case StopReason::Stopped:
            return QStringLiteral("stopped");
        case StopReason::EarlyStopped:
            return QStringLiteral("early-stopped");
    }
    return {};
}

// The set an evaluation runs on: the test set, else the validation set, else (a dataset with no
// held-out images and a 0% split) the training set itself, named so the user knows the figures
// are optimistic.
EvalReport evaluateOn(const Model& model, const ModelFile& file, const std::shared_ptr<const DataSplits>& data,
                      const TrainSettings& settings, const std::atomic<bool>* stop) {
    EvalReport report;
    if (data->test.size() > 0) {
        report.data = std::shared_ptr<const Dataset>(data, &data->test);
        report.setName = QStringLiteral("test");
    } else if (data->validation.size() > 0) {
        report.data = std::shared_ptr<const Dataset>(data, &data->validation);
        report.setName = QStringLiteral("validation");
    } else {
        report.data = std::shared_ptr<const Dataset>(data, &data->train);
        report.setName = QStringLiteral("training");
    }
    if (report.data->size() == 0) throw TrainingError("the dataset has no images to evaluate on");
    EvalOptions o;
    o.keepPredictions = true;
    o.loss = settings.loss;
    o.topK = settings.topK;
    if (stop) o.cancelled = [stop] { return stop->load(); };
    report.result = evaluate(model, *report.data, file.preprocessing, o, nullptr, settings.threads);
    return report;
}

std::vector<EpochStats> epochsOf(const nlohmann::json& history, int epochs) {
    std::vector<EpochStats> out;
    for (const auto& h : history) {
        EpochStats e;
        e.epoch = h.value("epoch", 1) - 1;
        e.epochs = epochs;
        e.loss = h.value("loss", 0.0);
        e.accuracy = h.value("accuracy", 0.0);
        e.seconds = h.value("seconds", 0.0);
        e.learningRate = h.value("learning_rate", 0.f);
        e.hasValidation = h.contains("val_loss");
        e.valLoss = h.value("val_loss", 0.0);
        e.valAccuracy = h.value("val_accuracy", 0.0);
        out.push_back(e);
    }
    return out;
}

}  // namespace

TrainingWorker::TrainingWorker() = default;
TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::requestStop() {
    stop_ = true;
    std::lock_guard lock(mutex_);
    if (trainer_) trainer_->requestStop();
}

void TrainingWorker::setPaused(bool paused) {
    std::lock_guard lock(mutex_);
    paused_ = paused;
    if (trainer_) trainer_->setPaused(paused);
}

void TrainingWorker::requestProbe(const ProbeImage& image) {
    {
        std::lock_guard lock(mutex_);
        probeImage_ = image;
    }
    probeRequested_ = true;
}

void TrainingWorker::flushBatches(bool force) {
    if (pending_.isEmpty()) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - lastFlush_ < kBatchFlushInterval) return;
    lastFlush_ = now;
    emit batches(pending_);
    pending_.clear();
}

void TrainingWorker::answerProbe(const Model& model) {
    if (!probeRequested_.exchange(false)) return;
    ProbeImage image;
    {
        std::lock_guard lock(mutex_);
        image = probeImage_;
    }
    if (!image.isValid() || !probeExecutor_ || !pre_) return;
    ProbeResult r = captureProbe(model, *probeExecutor_, *pre_, image);
    r.classNames = classNames_;
    r.epoch = epoch_;
    {
        std::lock_guard lock(mutex_);
        r.step = trainer_ ? trainer_->step() : -1;
    }
    emit probeReady(std::move(r));
}

void TrainingWorker::run(TrainingJob job) {
    lowerThisThreadsPriority();
    RunSummary summary;
    std::shared_ptr<ModelFile> trained;
    pending_.clear();
    lastFlush_ = std::chrono::steady_clock::now();
    try {
        ModelFile checkpoint;
        if (job.resume) {
            checkpoint = loadModelFile(job.checkpointPath);
            if (!checkpoint.checkpoint.is_object() || !checkpoint.checkpoint.contains("settings"))
                throw FileError(job.checkpointPath + ": holds no training position to resume");
            if (!(checkpoint.graph == job.project.graph))
                emit message(
                    tr("The checkpoint's model differs from the project's; continuing the checkpoint's model."), true);
            job.settings = TrainSettings::fromJson(checkpoint.checkpoint["settings"]);
            job.project.graph = checkpoint.graph;
            job.project.preprocessing = checkpoint.preprocessing;
        }
        auto data = std::make_shared<DataSplits>(*job.data);
        job.data.reset();
        // Images the dataset page left out of training.
        const DatasetProject dataset = DatasetProject::fromFile(job.project);
        if (!dataset.excluded.empty()) {
            const std::size_t removed = removeExcluded(*data, dataset.source, dataset.excluded);
            if (removed > 0)
                emit message(tr("%n excluded image(s) left out of training.", nullptr, int(removed)), false);
        }
        if (carveValidation(*data, job.settings.validationSplit, job.settings.seed))
            emit message(tr("Validation: %1 images held out of the training set (%2%).")
                             .arg(data->validation.size())
                             .arg(double(job.settings.validationSplit) * 100, 0, 'g', 3),
                         false);
        std::shared_ptr<const DataSplits> shared = data;
        emit dataPrepared(shared);

        Model model(job.project.graph, job.settings.seed);
        if (job.fromWeights && !job.resume && job.project.hasWeights()) applyWeights(job.project, model);
        Trainer trainer(model, job.settings, job.project.preprocessing);
        if (job.resume) {
            trainer.restoreCheckpoint(checkpoint);
            for (const EpochStats& e :
                 epochsOf(checkpoint.checkpoint.value("history", nlohmann::json::array()), job.settings.epochs))
                emit epochFinished(e);
        }
        if (!job.checkpointPath.empty()) trainer.setCheckpoint(job.checkpointPath);
        probeExecutor_ = model.makeExecutor();
        pre_ = &job.project.preprocessing;
        classNames_ = data->train.classNames;
        {
            std::lock_guard lock(mutex_);
            trainer_ = &trainer;
            trainer.setPaused(paused_);
        }
        if (stop_) trainer.requestStop();

        TrainCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
            epoch_ = b.epoch;
            pending_.push_back(b);
            flushBatches(false);
            if (stop_) trainer.requestStop();  // a stop requested before run() reset the trainer's flag
        };
        cb.onEpoch = [&](const EpochStats& e) {
            flushBatches(true);
            emit epochFinished(e);
        };
        cb.onMessage = [&](const TrainMessage& m) {
            flushBatches(true);
            emit message(QString::fromStdString(m.text), m.severity == MessageSeverity::Warning);
        };
        cb.betweenBatches = [&](const Model& m) { answerProbe(m); };

        TrainResult result;
        try {
            result = trainer.run(data->train, data->validation, cb);
        } catch (...) {
            std::lock_guard lock(mutex_);
            trainer_ = nullptr;
            throw;
        }
        {
            std::lock_guard lock(mutex_);
            trainer_ = nullptr;
        }
        flushBatches(true);
        summary.stopReason = stopReasonText(result.reason);
        summary.epochsCompleted = result.epochsCompleted;
        summary.history = result.history;

        probeRequested_ = true;  // the views show the final weights
        answerProbe(model);

        trained = std::make_shared<ModelFile>(job.project);
        storeWeights(model, *trained);
        trained->classNames = data->train.classNames;
        trained->training = job.settings.toJson();
        trained->checkpoint = nlohmann::json::object();
        nlohmann::json epochs = nlohmann::json::array();
        for (const auto& e : result.history) epochs.push_back(e.toJson());
        nlohmann::json run = {{"settings", job.settings.toJson()},
                              {"epochs", epochs},
                              {"stop_reason", summary.stopReason.toStdString()},
                              {"finished", QDateTime::currentDateTime().toString(Qt::ISODate).toStdString()}};
        if (job.project.project.contains("dataset")) run["data"] = job.project.project["dataset"];

        if (job.evaluateAfter && result.reason != StopReason::Stopped && !stop_) {
            emit message(tr("Evaluating the trained model…"), false);
            EvalReport report = evaluateOn(model, *trained, shared, job.settings, &stop_);
            report.step = trainer.step();
            run[report.setName.toStdString() + "_accuracy"] = report.result.accuracy;
            emit evaluated(std::move(report));
        }
        trained->history.push_back(run);
    } catch (const std::exception& e) {
        flushBatches(true);
        summary.stopReason = QStringLiteral("failed");
        summary.error = QString::fromStdString(e.what());
        trained.reset();
    }
    probeExecutor_.reset();
    pre_ = nullptr;
    stop_ = false;
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
        emit evaluated(evaluateOn(model, *project, data, settings, nullptr));
    } catch (const std::exception& e) {
        emit evaluationFailed(QString::fromStdString(e.what()));
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
    } catch (const std::exception&) {
        // An uncompilable graph has nothing to show; the designer reports why.
    }
}

}  // namespace cs::gui
