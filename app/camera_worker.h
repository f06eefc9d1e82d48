#pragma once
// The object on CameraController's classification thread. run() drives the engine's
// StreamClassifier over the newest frames of a FrameSource until its stop flag is set or the
// source ends, and sends each result to the GUI thread as a queued signal carrying a value.
// At most two results are in flight and at most ~60 a second are sent, so a fast model never
// floods the GUI's event queue (the newest result always wins).
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

#include "camera/camera_types.h"

namespace cs {
class FrameSource;
class StreamClassifier;
struct StreamPrediction;
}  // namespace cs

namespace cs::gui {

// Shared between the controller (GUI thread) and one run of the worker.
struct CameraRunToken {
    int id = 0;
    std::atomic<bool> stop{false};
    std::atomic<int> inFlight{0};  // results sent and not yet taken by the GUI
};

// Runs `job` on a thread of its own; `done` runs on `context`'s thread afterwards, unless
// `context` is gone by then (the job's captures keep what it needs alive). The thread deletes
// itself; the caller may keep a QPointer to wait for it before the process exits.
template <typename Job, typename Done>
QThread* runInBackground(QObject* context, Job job, Done done) {
    QThread* t = QThread::create(std::move(job));
    QObject::connect(t, &QThread::finished, context, std::move(done));
    QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
    t->start();
    return t;
}

class CameraWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The GUI-side picture of a result (images converted to QImage here, off the GUI thread).
    // Bars of outputs beyond the `namedClasses` class names are left out (0: keep all).
    static LivePrediction toLive(const StreamPrediction& p, float minConfidence, std::size_t namedClasses);

public slots:
    // Blocks this thread until token->stop or the source ends or fails.
    void run(std::shared_ptr<cs::FrameSource> source, std::shared_ptr<cs::StreamClassifier> classifier,
             std::shared_ptr<cs::gui::CameraRunToken> token);

signals:
    void predicted(int runId, cs::gui::LivePrediction prediction);
    // The run ended by itself: the source ended (failed = false) or failed, or classifying threw.
    void ended(int runId, QString reason, bool failed);
};

}  // namespace cs::gui
