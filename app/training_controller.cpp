#include "training_controller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include "core/errors.h"
#include "data/data_source.h"
#include "train/trainer.h"
#include "training_worker.h"

namespace cs::gui {

struct TrainingController::PendingRun {
    TrainingJob job;
    QString source;
};

struct TrainingController::LoadOutcome {
    std::shared_ptr<const DataSplits> data;
    QString error;
    bool cancelled = false;
};

namespace {
QString keyOf(const QString& source, const Preprocessing& pre) {
    return QStringLiteral("%1|%2x%3x%4").arg(source).arg(pre.height).arg(pre.width).arg(pre.channels);
}
}  // namespace

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), thread_(new QThread(this)), worker_(new TrainingWorker), probeTimer_(new QTimer(this)) {
    qRegisterMetaType<cs::BatchStats>();
    qRegisterMetaType<cs::EpochStats>();
    qRegisterMetaType<QVector<cs::BatchStats>>();
    qRegisterMetaType<cs::gui::ProbeResult>();
    qRegisterMetaType<cs::gui::ProbeImage>();
    qRegisterMetaType<cs::gui::EvalReport>();
    qRegisterMetaType<cs::gui::RunSummary>();
    qRegisterMetaType<std::shared_ptr<const cs::ModelFile>>();
    qRegisterMetaType<std::shared_ptr<const cs::DataSplits>>();

    thread_->setObjectName(QStringLiteral("training"));
    worker_->moveToThread(thread_);
    connect(worker_, &TrainingWorker::batches, this, &TrainingController::batches);
    connect(worker_, &TrainingWorker::epochFinished, this, &TrainingController::epochFinished);
    connect(worker_, &TrainingWorker::message, this, &TrainingController::message);
    connect(worker_, &TrainingWorker::probeReady, this, &TrainingController::probeReady);
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
    abandonLoad();
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
    return data_ && !loader_ && keyOf(source, pre) == dataKey_;
}

void TrainingController::loadData(const QString& source, const Preprocessing& pre) {
    abandonLoad();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto outcome = std::make_shared<LoadOutcome>();
    LoadOptions o;
    o.height = pre.height;
    o.width = pre.width;
    o.channels = pre.channels;
    o.cancel = cancel.get();
    o.progress = [this](std::size_t done, std::size_t total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { emit loadProgress(qint64(done), qint64(total)); }, Qt::QueuedConnection);
    };
    const std::string path = source.toStdString();
    QThread* t = QThread::create([path, o, cancel, outcome] {
        try {
            outcome->data = std::make_shared<const DataSplits>(loadDataSource(path, o));
        } catch (const LoadCancelled&) {
            outcome->cancelled = true;
        } catch (const std::exception& e) {
            outcome->error = QString::fromStdString(e.what());
        }
    });
    t->setObjectName(QStringLiteral("dataset loader"));
    loader_ = t;
    loadCancel_ = cancel;
    loadOutcome_ = outcome;
    loadingSource_ = source;
    loadingKey_ = keyOf(source, pre);
    connect(t, &QThread::finished, this, [this, t] { onLoaded(t); });
    t->start(QThread::LowPriority);
}

void TrainingController::cancelLoading() {
    if (abandonLoad()) emit loadCancelled();
}

bool TrainingController::abandonLoad() {
    if (!loader_) return false;
    *loadCancel_ = true;
    QThread* t = loader_;
    loader_ = nullptr;
    t->disconnect(this);
    t->wait();
    delete t;
    if (pending_) {
        pending_.reset();
        setState(State::Idle);
    }
    return true;
}

void TrainingController::onLoaded(QThread* thread) {
    if (thread != loader_) return;
    loader_ = nullptr;
    thread->deleteLater();
    const auto outcome = std::move(loadOutcome_);
    if (!outcome->data) {
        if (!outcome->cancelled) emit dataFailed(outcome->error);
        if (pending_) {
            pending_.reset();
            setState(State::Idle);
            if (!outcome->cancelled) emit error(tr("The dataset could not be loaded: %1").arg(outcome->error));
        }
        return;
    }
    data_ = outcome->data;
    dataSource_ = loadingSource_;
    dataKey_ = loadingKey_;
    emit dataLoaded(data_, dataSource_);
    if (pending_) {
        PendingRun run = std::move(*pending_);
        pending_.reset();
        run.job.data = data_;
        dispatch(std::move(run));
    }
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
        emit error(tr("The training settings are not valid: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    PendingRun run;
    run.job.project = project;
    run.job.settings = settings;
    run.job.checkpointPath = options.checkpointPath.toStdString();
    run.job.dataSource = options.dataSource.toStdString();
    run.job.start = options.start;
    run.job.evaluateAfter = options.evaluateAfter;
    run.source = options.dataSource;
    if (!options.checkpointPath.isEmpty()) QDir().mkpath(QFileInfo(options.checkpointPath).absolutePath());
    if (data_ && keyOf(options.dataSource, project.preprocessing) == dataKey_ && !loader_) {
        run.job.data = data_;
        dispatch(std::move(run));
    } else {
        if (!loader_ || keyOf(options.dataSource, project.preprocessing) != loadingKey_)
            loadData(options.dataSource, project.preprocessing);
        pending_ = std::make_unique<PendingRun>(std::move(run));
        setState(State::Loading);
    }
    return true;
}

void TrainingController::dispatch(PendingRun run) {
    worker_->setPaused(false);
    const bool resumed = run.job.start == StartMode::Resume;
    const TrainSettings settings = run.job.settings;
    setState(State::Training);
    emit runStarted(settings, resumed);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, job = std::move(run.job)]() mutable { w->run(std::move(job)); }, Qt::QueuedConnection);
    if (probeImage_.isValid() && probeTimer_->interval() > 0) {
        worker_->requestProbe(probeImage_);
        probeTimer_->start();
    }
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
    if (!data_) {
        emit error(tr("Load a dataset first."));
        return false;
    }
    setState(State::Evaluating);
    auto file = std::make_shared<const ModelFile>(project);
    auto data = runData_ && dataSource_ == loadingSource_ ? runData_ : data_;
    QMetaObject::invokeMethod(
        worker_, [w = worker_, file, data] { w->evaluate(file, data); }, Qt::QueuedConnection);
    return true;
}

// ---- Probes ----

void TrainingController::setProbeImage(const ProbeImage& image) {
    probeImage_ = image;
    if (isRunning() && image.isValid()) worker_->requestProbe(image);
    emit probeImageSet(image);
}

void TrainingController::setProbeInterval(int ms) {
    if (ms <= 0) {
        probeTimer_->stop();
        probeTimer_->setInterval(0);
        return;
    }
    probeTimer_->setInterval(ms);
    if (isRunning() && probeImage_.isValid()) probeTimer_->start();
}

int TrainingController::probeInterval() const { return probeTimer_->interval(); }

void TrainingController::pollProbe() {
    if (state_ != State::Training || !probeImage_.isValid() || worker_->probePending()) return;
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
