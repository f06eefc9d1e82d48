#include "camera_controller.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include "camera/camera_panel.h"
#include "camera/camera_view.h"
#include "camera/capture_panel.h"
#include "camera_worker.h"
#include "common/engine_message.h"
#include "common/setting.h"
#include "designer/model_document.h"
#include "inference/classifier.h"
#include "inference/stream_classifier.h"

namespace cs::gui {

namespace {

inline const Setting<QStringList> kRecentSources{"camera/recentSources", {}};
inline const Setting<QString> kLastSource{"camera/lastSource", {}};

QImage toQImage(const cv::Mat& m) {
    if (m.empty()) return {};
    const QImage::Format format = m.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_BGR888;
    return QImage(m.data, m.cols, m.rows, static_cast<qsizetype>(m.step), format).copy();
}

}  // namespace

CameraController::CameraController(CameraPanel* panel, ModelDocument* doc, DatasetSession* data, QObject* parent)
    : QObject(parent), panel_(panel), doc_(doc), data_(data) {
    qRegisterMetaType<LivePrediction>();
    qRegisterMetaType<CaptureOutcome>();
    qRegisterMetaType<ProbeImage>();
    qRegisterMetaType<std::shared_ptr<FrameSource>>();

    timer_ = new QTimer(this);
    timer_->setInterval(30);
    connect(timer_, &QTimer::timeout, this, &CameraController::tick);
    recordTimer_ = new QTimer(this);
    connect(recordTimer_, &QTimer::timeout, this, [this] {
        if (savesInFlight_ < 2) captureOnce(recordClass_);
    });

    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("camera-classifier"));
    worker_ = new CameraWorker;
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &CameraWorker::predicted, this, &CameraController::onPrediction, Qt::QueuedConnection);
    connect(worker_, &CameraWorker::ended, this, &CameraController::onRunEnded, Qt::QueuedConnection);
    thread_->start();

    connectPanel();
    if (doc_) {
        // The classifier is rebuilt when what it depends on changes: the graph (and with it the
        // preprocessing) or the weights and their class names.
        for (auto revision :
             {&ModelDocument::documentReset, &ModelDocument::graphChanged, &ModelDocument::weightsChanged})
            connect(doc_, revision, this, &CameraController::refreshModelFromDocument);
        connect(doc_, &ModelDocument::documentReset, this, &CameraController::refreshCaptureFolder);
        connect(doc_, &ModelDocument::datasetChanged, this, &CameraController::refreshCaptureFolder);
        connect(doc_, &ModelDocument::filePathChanged, this, &CameraController::refreshCaptureFolder);
    }
    panel_->setRecentSources(kRecentSources.get());
    const QString last = kLastSource.get();
    if (!last.isEmpty()) panel_->setSourceText(last);
    refreshModelFromDocument();
    refreshCaptureFolder();
    idleMessage();
    // Probing devices takes a moment and touches drivers: only once someone looks at the page.
    connect(panel_, &CameraPanel::firstShown, this, &CameraController::listCamerasInBackground);
    if (panel_->isVisible()) listCamerasInBackground();
}

CameraController::~CameraController() {
    recordTimer_->stop();
    timer_->stop();
    stopWorker();
    thread_->quit();
    thread_->wait();
    frames_.reset();  // the worker has let go of it: closes here, bounded by FrameSource::close
    for (const QPointer<QThread>& job : jobs_)
        if (job) job->wait(5000);  // opening, listing, releasing or saving: seconds at most
}

void CameraController::connectPanel() {
    connect(panel_, &CameraPanel::startRequested, this, &CameraController::open);
    connect(panel_, &CameraPanel::stopRequested, this, &CameraController::stop);
    connect(panel_, &CameraPanel::freezeToggled, this, &CameraController::setFrozen);
    connect(panel_, &CameraPanel::snapshotRequested, this, [this] {
        if (!interactive_) return;
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        const QString name = QStringLiteral("snapshot-%1.png")
                                 .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        const QString path = QFileDialog::getSaveFileName(panel_, tr("Save Snapshot"), QDir(dir).filePath(name),
                                                          tr("Images (*.png *.jpg *.bmp)"));
        if (!path.isEmpty()) saveSnapshot(path);
    });
    connect(panel_, &CameraPanel::probeRequested, this, &CameraController::sendRoiToFeatureMaps);
    connect(panel_, &CameraPanel::settingsChanged, this, &CameraController::applySettings);
    connect(panel_, &CameraPanel::browseRequested, this, &CameraController::browseVideo);
    connect(panel_->view(), &CameraView::retryRequested, this, &CameraController::retry);
    connect(panel_->view(), &CameraView::roiChanged, this, [this] {
        applySettings();
        if (frozen_ && classifier_ && !frozenFrame_.empty()) classifier_->submitStill(frozenFrame_);
    });
    CapturePanel* cap = panel_->capture();
    connect(cap, &CapturePanel::captureRequested, this, &CameraController::captureOnce);
    connect(cap, &CapturePanel::recordingChanged, this,
            [this](bool on, const QString& cls, double rate) { setRecording(on, cls, rate); });
    connect(cap, &CapturePanel::addClassRequested, this, &CameraController::addClass);
    connect(cap, &CapturePanel::chooseFolderRequested, this, &CameraController::chooseCaptureFolder);
    connect(cap, &CapturePanel::trainRequested, this, &CameraController::trainOnCaptures);
}

void CameraController::setState(State s) {
    if (s == state_) return;
    state_ = s;
    panel_->setBusy(s == State::Opening);
    panel_->setRunning(s == State::Running);
    emit stateChanged(s);
}

void CameraController::idleMessage() {
    panel_->view()->setMessage(tr("Choose a camera, a video file or the test pattern, then press Start."),
                               CameraView::MessageKind::Info);
}

// ---- Source -------------------------------------------------------------------------------

void CameraController::open(const QString& text) {
    SourceSpec spec;
    try {
        spec = SourceSpec::parse(text.toStdString());
    } catch (const Error& e) {
        panel_->view()->setMessage(engineText(e), CameraView::MessageKind::Error);
        setState(State::Failed);
        emit error(engineText(e));
        return;
    }
    stopWorker();
    releaseSource();
    setFrozen(false);
    source_ = text;
    kLastSource.set(text);
    const int generation = ++generation_;
    setState(State::Opening);
    panel_->view()->setMessage(tr("Opening %1…").arg(QString::fromStdString(spec.describe())),
                               CameraView::MessageKind::Busy);

    CaptureOptions options;
    options.loop = panel_->loopFiles();
    struct Result {
        std::shared_ptr<FrameSource> source = std::make_shared<FrameSource>();
        QString error;
    };
    auto result = std::make_shared<Result>();
    background(
        [result, spec, options] {
            try {
                result->source->open(spec, options);
            } catch (...) {
                result->error = currentExceptionText();
            }
        },
        [this, result, generation] { onOpened(generation, std::move(result->source), result->error); });
}

void CameraController::onOpened(int generation, std::shared_ptr<FrameSource> source, QString message) {
    if (generation != generation_) {
        // Stopped or re-opened meanwhile: let this one go without waiting for it here.
        background([s = std::move(source)]() mutable { s.reset(); }, [] {});
        return;
    }
    if (!message.isEmpty()) {
        if (message[0].isLower()) message[0] = message[0].toUpper();
        setState(State::Failed);
        panel_->view()->clearPrediction();
        panel_->view()->setMessage(message + QLatin1Char('\n') + tr("Check the source and press Retry."),
                                   CameraView::MessageKind::Error);
        emit error(message);
        return;
    }
    frames_ = std::move(source);
    shown_ = Frame();
    panel_->view()->setMessage({}, CameraView::MessageKind::None);
    if (frames_->spec().kind != SourceSpec::Kind::Camera) {
        QStringList recent = kRecentSources.get();
        recent.removeAll(source_);
        recent.prepend(source_);
        while (recent.size() > 8) recent.removeLast();
        kRecentSources.set(recent);
        panel_->setRecentSources(recent);
        panel_->setSourceText(source_);
    }
    setState(State::Running);
    tick();
    timer_->start();
    startWorker();
}

void CameraController::stop() {
    ++generation_;
    setRecording(false);
    stopWorker();
    releaseSource();
    timer_->stop();
    frozen_ = false;
    panel_->setFrozen(false);
    panel_->view()->setFrozen(false);
    panel_->view()->clearPrediction();
    panel_->view()->clearFrame();
    panel_->view()->setSourceFps(0);
    last_ = LivePrediction();
    setState(State::Idle);
    idleMessage();
}

void CameraController::retry() {
    if (!source_.isEmpty()) open(source_);
}

void CameraController::releaseSource() {
    if (!frames_) return;
    // Closing can take a moment (a driver finishing a read): not on the GUI thread.
    background([s = std::move(frames_)]() mutable { s.reset(); }, [] {});
    frames_.reset();
}

void CameraController::tick() {
    if (!frames_) return;
    Frame f;
    if (!frozen_ && frames_->latest(f, shown_.index)) {
        shown_ = f;
        // Converting frames nobody sees (another page is showing) would only cost time.
        if (panel_->view()->isVisible() || panel_->view()->frame().isNull()) {
            panel_->view()->setFrame(toQImage(f.image));
            emit frameShown(f.index);
        }
    }
    panel_->view()->setSourceFps(frames_->fps());
    const SourceState s = frames_->state();
    // Without a classifier nobody else watches the source.
    if ((s == SourceState::Failed || s == SourceState::Ended) && !run_)
        showSourceEnd(engineText(frames_->error()), s == SourceState::Failed);
}

void CameraController::showSourceEnd(const QString& reason, bool failed) {
    if (state_ != State::Running) return;
    stopWorker();
    timer_->stop();
    setRecording(false);
    setState(State::Failed);
    QString text = reason.isEmpty() ? tr("The video source stopped.") : reason;
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    text += QLatin1Char('\n') +
            (failed ? tr("Check the connection and press Retry.") : tr("Press Retry to play it again."));
    panel_->view()->setMessage(text, failed ? CameraView::MessageKind::Error : CameraView::MessageKind::Ended);
    if (failed) emit error(reason);
}

void CameraController::setFrozen(bool frozen) {
    if (frozen && (state_ != State::Running || shown_.empty())) frozen = false;
    frozen_ = frozen;
    frozenFrame_ = frozen ? shown_ : Frame();
    panel_->setFrozen(frozen);
    panel_->view()->setFrozen(frozen);
    if (classifier_) classifier_->setPaused(frozen);
    if (frozen && classifier_) classifier_->submitStill(frozenFrame_);
}

QImage CameraController::currentFrame() const { return panel_->view()->frame(); }

bool CameraController::saveSnapshot(const QString& path) {
    const QImage frame = currentFrame();
    if (frame.isNull() || !frame.save(path)) {
        const QString message =
            frame.isNull() ? tr("There is no frame to save yet.") : tr("Could not write %1").arg(path);
        panel_->capture()->showStatus(message, true);
        emit error(message);
        return false;
    }
    panel_->capture()->showStatus(tr("Snapshot saved to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void CameraController::browseVideo() {
    if (!interactive_) return;
    const QString path = QFileDialog::getOpenFileName(
        panel_, tr("Open Video File"), QString(), tr("Videos (*.avi *.mp4 *.mkv *.mov *.webm *.mjpg);;All files (*)"));
    if (path.isEmpty()) return;
    panel_->setSourceText(path);
    open(path);
}

void CameraController::listCamerasInBackground() {
    if (camerasListed_) return;
    camerasListed_ = true;
    auto found = std::make_shared<std::vector<int>>();
    background(
        [found] {
            try {
                *found = listCameras(6);
            } catch (...) {
                found->clear();  // no camera to offer; the test pattern and files still work
            }
        },
        [this, found] { panel_->setCameras(QList<int>(found->begin(), found->end())); });
}

// ---- Classification -----------------------------------------------------------------------

void CameraController::refreshModelFromDocument() {
    if (doc_) setModel(doc_->file());
}

void CameraController::setModel(const ModelFile& model) {
    model_ = model;
    ++modelUpdates_;
    const Preprocessing& pre = model.preprocessing;
    panel_->view()->setRoiAspect(double(pre.width) / pre.height);
    if (!model.hasWeights()) {
        stopWorker();
        classifier_.reset();
        last_ = LivePrediction();
        panel_->view()->clearPrediction();
        panel_->view()->setBanner(tr("No trained model yet: capture examples, train, and predictions appear here."));
        return;
    }
    try {
        if (classifier_)
            classifier_->setModel(model);
        else
            classifier_ = std::make_shared<StreamClassifier>(model);
    } catch (const std::exception& e) {
        stopWorker();
        classifier_.reset();
        panel_->view()->clearPrediction();
        panel_->view()->setBanner(tr("The model cannot classify: %1").arg(engineText(e)));
        return;
    }
    panel_->view()->setBanner({});
    applySettings();
    if (frozen_) {
        classifier_->setPaused(true);
        classifier_->submitStill(frozenFrame_);
    }
    startWorker();
}

void CameraController::applySettings() {
    if (!classifier_) return;
    StreamSettings s;
    const QRectF roi = panel_->view()->roi();
    if (!roi.isEmpty()) s.roi = RegionOfInterest::fraction(roi.x(), roi.y(), roi.width(), roi.height());
    s.topK = panel_->topK();
    s.smoothing = panel_->smoothing();
    s.minConfidence = static_cast<float>(panel_->minConfidence());
    s.explain = panel_->showsHeatMap();
    classifier_->setSettings(s);
}

void CameraController::startWorker() {
    if (run_ || !classifier_ || !frames_ || state_ != State::Running) return;
    run_ = std::make_shared<CameraRunToken>();
    run_->id = ++runIds_;
    classifier_->setPaused(frozen_);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, s = frames_, c = classifier_, t = run_] { w->run(s, c, t); }, Qt::QueuedConnection);
}

void CameraController::stopWorker() {
    if (!run_) return;
    run_->stop = true;
    run_.reset();
}

void CameraController::onPrediction(int runId, const LivePrediction& prediction) {
    if (!run_ || runId != run_->id) return;
    --run_->inFlight;
    if (frozen_ && !prediction.still) return;
    last_ = prediction;
    panel_->view()->setPrediction(prediction);
    emit predictionShown(prediction);
}

void CameraController::onRunEnded(int runId, const QString& reason, bool failed) {
    if (!run_ || runId != run_->id) return;
    run_.reset();
    if (!frames_) return;
    const SourceState s = frames_->state();
    if (s == SourceState::Running) {
        // The classifier failed, not the source: keep showing video, say why.
        panel_->view()->setBanner(tr("Classification stopped: %1").arg(reason));
        return;
    }
    // Show the last frames first, then the message.
    tick();
    showSourceEnd(reason, failed || s == SourceState::Failed);
}

ProbeImage CameraController::roiProbe() const {
    const Frame f = frozen_ ? frozenFrame_ : shown_;
    if (f.empty()) return {};
    ProbeImage probe = probeOf(f.image, panel_->view()->roi(), model_.preprocessing);
    probe.source = tr("camera frame %1").arg(f.index);
    return probe;
}

ProbeImage CameraController::probeOf(const cv::Mat& frame, const QRectF& roi, const Preprocessing& pre) {
    ProbeImage probe;
    const QRect r = CameraView::roiInFrame(roi, QSize(frame.cols, frame.rows));
    if (frame.empty() || r.isEmpty()) return probe;
    // The classifier's own conversion, so the feature maps are of the image it classifies.
    const cv::Mat sized = toModelImage(frame(cv::Rect(r.x(), r.y(), r.width(), r.height())), pre);
    probe.height = sized.rows;
    probe.width = sized.cols;
    probe.channels = sized.channels();
    probe.pixels.assign(sized.data, sized.data + sized.total() * sized.elemSize());
    return probe;
}

void CameraController::sendRoiToFeatureMaps() {
    const ProbeImage probe = roiProbe();
    if (!probe.isValid()) return;
    emit probeImageReady(probe);
}

}  // namespace cs::gui
