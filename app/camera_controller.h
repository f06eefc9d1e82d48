#pragma once
// Live classification and capture for the studio. Owns the engine's FrameSource (its own
// capture thread), a CameraWorker on a QThread running the StreamClassifier, and the
// CaptureWriter of the capture folder. Opening a source, listing cameras, releasing a source
// and saving captures all happen off the GUI thread; the GUI shows the newest frame on a
// timer and never waits for the camera. Teardown: stop flag, quit, wait.
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRectF>
#include <memory>

#include "camera/camera_types.h"
#include "camera_worker.h"
#include "inference/frame_source.h"
#include "io/model_file.h"
#include "training/training_types.h"

class QThread;
class QTimer;

namespace cs {
class CaptureWriter;
class StreamClassifier;
}  // namespace cs

namespace cs::gui {

class CameraPanel;
class CameraWorker;
class DatasetSession;
class ModelDocument;
struct CameraRunToken;

class CameraController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Opening, Running, Failed };
    Q_ENUM(State)

    // `panel` is fed and listened to; `doc` gives the model and the project's dataset; `data`
    // (the studio's dataset session) hears when captures change the project's image folder.
    CameraController(CameraPanel* panel, ModelDocument* doc, DatasetSession* data = nullptr, QObject* parent = nullptr);
    ~CameraController() override;

    // Off: no dialogs (tests); errors still show in the view and through error().
    void setInteractive(bool on) { interactive_ = on; }
    CameraPanel* panel() const { return panel_; }
    State state() const { return state_; }
    QString source() const { return source_; }

    // ---- Source ----
    void open(const QString& source);  // asynchronous: Opening, then Running or Failed
    void stop();
    void retry();
    void setFrozen(bool frozen);
    bool isFrozen() const { return frozen_; }
    QImage currentFrame() const;  // the frame shown (frozen or newest)
    bool saveSnapshot(const QString& path);

    // ---- Model ----
    // The trained model predictions come from (a model without weights: no predictions).
    void setModel(const ModelFile& model);
    // Takes the document's model (on its graph, weights and reset revisions).
    void refreshModelFromDocument();
    int modelUpdates() const { return modelUpdates_; }  // classifier rebuilds (tests)
    bool hasClassifier() const { return classifier_ != nullptr; }
    const ModelFile& model() const { return model_; }
    const LivePrediction& lastPrediction() const { return last_; }
    // The ROI of the shown frame at the model's input size and channels.
    ProbeImage roiProbe() const;
    // The region `roi` (fractions of the frame; empty: the default centre square) of a frame
    // (8-bit gray, BGR or BGRA) exactly as the classifier prepares it for the network.
    static ProbeImage probeOf(const cv::Mat& frame, const QRectF& roi, const Preprocessing& pre);
    void sendRoiToFeatureMaps();

    // ---- Capture ----
    QString captureFolder() const;
    void setCaptureFolder(const QString& folder);  // empty: back to the project's default
    bool addClass(const QString& name);
    void captureOnce(const QString& className);
    void setRecording(bool on, const QString& className = {}, double perSecond = 5);
    bool isRecording() const;
    // "Train on the Captures". A model with trained weights learns the captured classes with a
    // new head on its frozen layers (transfer learning: the head trains on cached features, in
    // seconds) when the user agrees (always when not interactive); then the project trains.
    void trainOnCaptures();
    int pendingSaves() const { return savesInFlight_; }
    // Where captures go when the project names no image folder: next to the project file.
    static QString defaultCaptureFolder(const QString& projectPath);

signals:
    void stateChanged(cs::gui::CameraController::State state);
    void frameShown(qint64 index);
    void predictionShown(const cs::gui::LivePrediction& prediction);
    void captured(const cs::gui::CaptureOutcome& outcome);
    void probeImageReady(const cs::gui::ProbeImage& image);  // "send to feature maps"
    void trainOnCapturesRequested();                         // the project trains on the captures
    void error(const QString& message);

private:
    void setState(State s);
    void connectPanel();
    void onOpened(int generation, std::shared_ptr<FrameSource> source, QString error);
    void onRunEnded(int runId, const QString& reason, bool failed);
    void onPrediction(int runId, const LivePrediction& prediction);
    void showSourceEnd(const QString& reason, bool failed);
    void tick();
    void startWorker();
    void stopWorker();
    void releaseSource();
    void applySettings();
    void refreshCaptureFolder();
    void refreshCounts();
    void adoptCaptureFolder();
    // Before the first capture into a folder the project does not train on: asks whether the
    // project should train on it, saying what becomes of the model's classes. False: cancelled
    // (nothing is captured). Without dialogs the project trains on the captures.
    bool confirmCaptureFolder(const QString& newClass = {});
    void chooseCaptureFolder();
    void browseVideo();
    void listCamerasInBackground();
    void idleMessage();
    Frame frameForCapture() const;
    // Starts a background job and remembers it: the destructor waits for the ones still
    // running (a job inside OpenCV when the process exits would crash its static teardown).
    template <typename Job, typename Done>
    void background(Job job, Done done);

    CameraPanel* panel_;
    ModelDocument* doc_;
    DatasetSession* data_;
    bool interactive_ = true;
    State state_ = State::Idle;
    QString source_;
    int generation_ = 0;  // bumps on every open/stop: late answers of older opens are dropped

    std::shared_ptr<FrameSource> frames_;
    Frame shown_;  // the frame on screen
    Frame frozenFrame_;
    bool frozen_ = false;
    QTimer* timer_;

    QThread* thread_;
    CameraWorker* worker_;
    std::shared_ptr<CameraRunToken> run_;
    int runIds_ = 0;
    std::shared_ptr<StreamClassifier> classifier_;
    ModelFile model_;
    int modelUpdates_ = 0;
    LivePrediction last_;

    QString userFolder_;
    QString decidedFolder_;      // the capture folder the user answered for
    bool adoptDecided_ = false;  // that answer: the project trains on the captures
    std::shared_ptr<CaptureWriter> writer_;
    QTimer* recordTimer_;
    QString recordClass_;
    int savesInFlight_ = 0;
    QList<QPointer<QThread>> jobs_;
    bool camerasListed_ = false;
};

template <typename Job, typename Done>
void CameraController::background(Job job, Done done) {
    jobs_.removeAll(nullptr);
    jobs_.append(runInBackground(this, std::move(job), std::move(done)));
}

}  // namespace cs::gui

Q_DECLARE_METATYPE(std::shared_ptr<cs::FrameSource>)
