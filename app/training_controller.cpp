#include "training_controller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include "common/engine_message.h"
#include "core/errors.h"
#include "data/data_source.h"
#include "dataset_session.h"
#include "train/trainer.h"
#include "training_worker.h"

namespace cs::gui {

struct TrainingController::PendingRun {
    TrainingJob job;
};

TrainingController::TrainingController(DatasetSession* data, QObject* parent)
    : QObject(parent),
      thread_(new QThread(this)),
      worker_(new TrainingWorker),
      probeTimer_(new QTimer(this)),
      data_(data ? data : new DatasetSession(this)) {
    qRegisterMetaType<cs::BatchStats>();
    qRegisterMetaType<cs::EpochStats>();
    qRegisterMetaType<QVector<cs::BatchStats>>();
    qRegisterMetaType<cs::gui::ProbeResult>();
    qRegisterMetaType<cs::gui::ProbeImage>();
    qRegisterMetaType<cs::gui::EvalReport>();
    qRegisterMetaType<cs::gui::RunSummary>();
    qRegisterMetaType<std::shared_ptr<const cs::ModelFile>>();

    thread_->setObjectName(QStringLiteral("training"));
    worker_->moveToThread(thread_);
    connect(worker_, &TrainingWorker::batches, this, &TrainingController::batches);
    connect(worker_, &TrainingWorker::epochFinished, this, &TrainingController::epochFinished);
    connect(worker_, &TrainingWorker::betweenEpochs, this, &TrainingController::betweenEpochs);
    connect(worker_, &TrainingWorker::message, this, &TrainingController::message);
    connect(worker_, &TrainingWorker::probeReady, this, &TrainingController::probeReady);
    connect(data_, &DatasetSession::loadProgress, this, &TrainingController::loadProgress);
    connect(data_, &DatasetSession::loaded, this, &TrainingController::onLoaded);
    connect(data_, &DatasetSession::loadFailed, this, &TrainingController::onLoadEnded);
    connect(data_, &DatasetSession::loadCancelled, this, [this] { onLoadEnded({}); });
    connect(worker_, &TrainingWorker::dataPrepared, this, [this](std::shared_ptr<const DataSplits> d) {
        runData_ = d;
        emit runDataPrepared(d);
    });
    connect(worker_, &TrainingWorker::evaluated, this, [this](const EvalReport& r) {
        if (state_ == State::Evaluating) setState(State::Idle);
        emit evaluated(r);
    });
    connect(worker_, &TrainingWorker::evaluationFailed, this, [this](const QString& m) {
        if (state_ == State::Evaluating) setState(State::Idle);
        emit evaluationFailed(m);
    });
    connect(worker_, &TrainingWorker::finished, this,
            [this](const RunSummary& s, std::shared_ptr<const ModelFile> trained) {
                probeTimer_->stop();
                setState(State::Idle);
                emit finished(s, trained);
            });
    probeTimer_->setInterval(250);
    connect(probeTimer_, &QTimer::timeout, this, &TrainingController::pollProbe);
    thread_->start();
}

TrainingController::~TrainingController() {
    data_->disconnect(this);  // the session may outlive the controller
    worker_->requestStop();
    worker_->setPaused(false);
    thread_->quit();
    thread_->wait();
    delete worker_;
}

void TrainingController::setState(State s) {
    if (s == state_) return;
    state_ = s;
    emit stateChanged(s);
}

// ---- Data ----

bool TrainingController::hasDataFor(const QString& source, const Preprocessing& pre) const {
    return data_->hasDataFor(source, pre);
}

bool TrainingController::isLoading() const { return data_->isLoading(); }
std::shared_ptr<const DataSplits> TrainingController::data() const { return data_->data(); }
QString TrainingController::dataSource() const { return data_->source(); }

void TrainingController::loadData(const QString& source, const Preprocessing& pre) { data_->ensure(source, pre); }

void TrainingController::cancelLoading() {
    dropPending();
    data_->cancelLoading();
}

void TrainingController::dropPending() {
    pendingEvaluation_.reset();
    if (pending_) {
        pending_.reset();
        setState(State::Idle);
    }
}

void TrainingController::onLoaded() {
    emit dataLoaded(data_->data(), data_->source());
    if (!pending_ && !pendingEvaluation_) return;
    if (data_->key() != pendingKey_) {
        // Another page asked for other data meanwhile (the project's dataset changed).
        const bool run = pending_ != nullptr;
        dropPending();
        if (run) emit error(tr("The dataset changed while the run waited for it; start it again."));
        return;
    }
    if (pending_) {
        PendingRun run = std::move(*pending_);
        pending_.reset();
        pendingEvaluation_.reset();
        run.job.data = data_->data();
        dispatch(std::move(run));
    } else {
        const std::shared_ptr<const ModelFile> project = std::move(pendingEvaluation_);
        evaluate(*project);
    }
}

void TrainingController::onLoadEnded(const QString& message) {
    if (message.isEmpty())
        emit loadCancelled();
    else
        emit dataFailed(message);
    const bool run = pending_ != nullptr;
    dropPending();
    if (run && !message.isEmpty()) emit error(tr("The dataset could not be loaded: %1").arg(message));
}

// ---- Runs ----

bool TrainingController::start(const ModelFile& project, const TrainSettings& settings, const StartOptions& options) {
    if (isBusy()) {
        emit error(tr("A training is already running."));
        return false;
    }
    try {
        settings.validate();
    } catch (const Error& e) {
        emit error(tr("The training settings are not valid: %1").arg(engineText(e)));
        return false;
    }
    PendingRun run;
    run.job.project = project;
    run.job.settings = settings;
    run.job.checkpointPath = options.checkpointPath.toStdString();
    run.job.dataSource = options.dataSource.toStdString();
    run.job.start = options.start;
    run.job.evaluateAfter = options.evaluateAfter;
    run.job.dataChanges = options.dataChanges;
    if (!options.checkpointPath.isEmpty()) QDir().mkpath(QFileInfo(options.checkpointPath).absolutePath());
    if (data_->hasDataFor(options.dataSource, project.preprocessing)) {
        run.job.data = data_->data();
        dispatch(std::move(run));
    } else {
        pendingEvaluation_.reset();
        pendingKey_ = DatasetSession::keyOf(options.dataSource, project.preprocessing);
        pending_ = std::make_unique<PendingRun>(std::move(run));
        setState(State::Loading);
        data_->ensure(options.dataSource, project.preprocessing);
    }
    return true;
}

void TrainingController::dispatch(PendingRun run) {
    runDataKey_ = data_->key();
    worker_->setPaused(false);
    const bool resumed = run.job.start == StartMode::Resume;
    const TrainSettings settings = run.job.settings;
    setState(State::Training);
    emit runStarted(settings, resumed);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, job = std::move(run.job)]() mutable { w->run(std::move(job)); }, Qt::QueuedConnection);
    // The timer runs for the whole run: a probe image picked or live probes wanted later are
    // served from then on.
    if (probeTimer_->interval() > 0) probeTimer_->start();
    pollProbe();
}

void TrainingController::pause() {
    if (state_ != State::Training) return;
    worker_->setPaused(true);
    setState(State::Paused);
}

void TrainingController::resume() {
    if (state_ != State::Paused) return;
    worker_->setPaused(false);
    setState(State::Training);
}

void TrainingController::stop() {
    if (state_ == State::Loading) {
        cancelLoading();
        return;
    }
    if (!isRunning()) return;
    worker_->requestStop();
    setState(State::Stopping);
}

bool TrainingController::evaluate(const ModelFile& project) {
    if (isBusy()) {
        emit error(tr("Wait for the training to finish before evaluating."));
        return false;
    }
    if (!data_->data()) {
        emit error(tr("Load a dataset first."));
        return false;
    }
    setState(State::Evaluating);
    auto file = std::make_shared<const ModelFile>(project);
    // The last run's split (its validation set) when it was made from this data.
    auto data = runData_ && runDataKey_ == data_->key() ? runData_ : data_->data();
    QMetaObject::invokeMethod(
        worker_, [w = worker_, file, data] { w->evaluate(file, data); }, Qt::QueuedConnection);
    return true;
}

bool TrainingController::evaluate(const ModelFile& project, const QString& source) {
    if (isBusy() || data_->hasDataFor(source, project.preprocessing)) return evaluate(project);
    pendingKey_ = DatasetSession::keyOf(source, project.preprocessing);
    pendingEvaluation_ = std::make_shared<const ModelFile>(project);
    data_->ensure(source, project.preprocessing);
    return true;
}

// ---- Probes ----

void TrainingController::setProbeImage(const ProbeImage& image) {
    probeImage_ = image;
    if (isRunning() && image.isValid() && liveProbesWanted_ && probeTimer_->interval() > 0)
        worker_->requestProbe(image);
}

void TrainingController::setLiveProbesWanted(bool wanted) {
    if (wanted == liveProbesWanted_) return;
    liveProbesWanted_ = wanted;
    pollProbe();
}

void TrainingController::setProbeInterval(int ms) {
    if (ms <= 0) {
        probeTimer_->stop();
        probeTimer_->setInterval(0);
        return;
    }
    probeTimer_->setInterval(ms);
    if (isRunning()) probeTimer_->start();
}

int TrainingController::probeInterval() const { return probeTimer_->interval(); }

void TrainingController::pollProbe() {
    if (state_ != State::Training || !liveProbesWanted_ || probeTimer_->interval() <= 0 || !probeImage_.isValid() ||
        worker_->probePending())
        return;
    worker_->requestProbe(probeImage_);
}

void TrainingController::probeIdle(const ModelFile& project) {
    if (isRunning() || state_ == State::Evaluating || !probeImage_.isValid()) return;
    auto file = std::make_shared<const ModelFile>(project);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, file, image = probeImage_] { w->probeIdle(file, image); }, Qt::QueuedConnection);
}

// ---- Checkpoints ----

QString TrainingController::checkpointPathFor(const QString& projectPath, const QString& folder) {
    const QString base = projectPath.isEmpty() ? QStringLiteral("untitled") : QFileInfo(projectPath).completeBaseName();
    QString dir = folder;
    if (dir.isEmpty())
        dir = projectPath.isEmpty()
                  ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/checkpoints")
                  : QFileInfo(projectPath).absolutePath();
    return QDir(dir).filePath(base + QStringLiteral(".checkpoint.csmodel"));
}

std::pair<int, int> TrainingController::checkpointProgress(const QString& checkpointPath) {
    try {
        const auto position = checkpointPosition(loadModelFileDescription(checkpointPath.toStdString()));
        if (position) return {position->epochsDone, position->epochsPlanned};
    } catch (const Error&) {
    }
    return {-1, -1};
}

bool TrainingController::hasResumableCheckpoint(const QString& checkpointPath, const QString& projectPath) {
    const QFileInfo ck(checkpointPath);
    if (!ck.exists()) return false;
    if (!projectPath.isEmpty()) {
        const QFileInfo project(projectPath);
        if (project.exists() && project.lastModified() > ck.lastModified()) return false;
    }
    const auto [done, planned] = checkpointProgress(checkpointPath);
    return done >= 0 && done < planned;
}

}  // namespace cs::gui
