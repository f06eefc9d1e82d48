#include "camera_worker.h"

#include <chrono>

#include "common/engine_message.h"
#include "inference/frame_source.h"
#include "inference/stream_classifier.h"
#include "inspect/explanation_job.h"

namespace cs::gui {

namespace {

QImage toQImage(const cv::Mat& m) {
    if (m.empty()) return {};
    const QImage::Format format = m.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    return QImage(m.data, m.cols, m.rows, static_cast<qsizetype>(m.step), format).copy();
}

}  // namespace

LivePrediction CameraWorker::toLive(const StreamPrediction& p, float minConfidence, std::size_t namedClasses) {
    LivePrediction live;
    live.frameIndex = p.frameIndex;
    live.frameSize = QSize(p.frame.cols, p.frame.rows);
    live.roi = QRect(p.roi.x, p.roi.y, p.roi.width, p.roi.height);
    live.networkView = toQImage(p.networkView);  // gray, or RGB in the network's channel order
    // A model with more outputs than the data had classes: the unnamed outputs are noise.
    for (const ClassScore& s : p.top)
        if (namedClasses == 0 || static_cast<std::size_t>(s.index) < namedClasses || s.index == p.top.front().index)
            live.top.push_back({s.index, QString::fromStdString(s.name), s.probability});
    live.uncertain = p.uncertain;
    live.minConfidence = minConfidence;
    live.still = p.still;
    live.inferenceMs = p.inferenceMs;
    if (p.explained) live.heatMap = heatMapImage(p.explanation);
    live.explainMs = p.explainMs;
    live.fps = p.fps;
    live.captureFps = p.captureFps;
    live.dropped = p.dropped;
    live.classified = p.classified;
    return live;
}

void CameraWorker::run(std::shared_ptr<FrameSource> source, std::shared_ptr<StreamClassifier> classifier,
                       std::shared_ptr<CameraRunToken> token) {
    using Clock = std::chrono::steady_clock;
    auto lastSent = Clock::time_point();
    QString reason;
    bool failed = false;
    try {
        reason = engineText(classifier->run(
            *source,
            [&](const StreamPrediction& p) {
                const auto now = Clock::now();
                if (!p.still && (token->inFlight.load() >= 2 || now - lastSent < std::chrono::milliseconds(16))) return;
                lastSent = now;
                ++token->inFlight;
                emit predicted(token->id,
                               toLive(p, classifier->settings().minConfidence, classifier->classNames().size()));
            },
            token->stop));
        failed = source->state() == SourceState::Failed;
    } catch (...) {
        reason = currentExceptionText();
        failed = true;
    }
    if (!token->stop) emit ended(token->id, reason, failed);
}

}  // namespace cs::gui
