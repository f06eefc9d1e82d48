#pragma once
// Live classification of a frame stream: the region of interest of the newest frame goes
// through the model's saved preprocessing (Classifier::prepare) and the network; the class
// probabilities are averaged over the last few frames, and a best class below the minimum
// confidence is reported as uncertain. run() is the loop the studio and `convstudio-cli
// classify-stream` share: it always takes the newest frame, so frames the model is too slow
// for are skipped (and counted), never queued.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "explain/explanation.h"
#include "inference/classifier.h"
#include "inference/frame_source.h"

namespace cs {

// The part of the frame that is classified. Fractions of the frame's width and height
// (so it survives a change of resolution) or pixels; empty: the centre square.
struct RegionOfInterest {
    cv::Rect2d rect;  // empty (0x0): centre square
    bool inPixels = false;

    static constexpr double kCentreFraction = 0.8;  // side of the default square / shorter side

    // The rectangle in a frame of `frame` size, clipped to it and at least 1x1.
    cv::Rect in(cv::Size frame) const;
    bool isCentre() const { return rect.width <= 0 || rect.height <= 0; }
    // "x,y,w,h" in pixels (the CLI's --roi). Throws Error on anything else.
    static RegionOfInterest parsePixels(const std::string& text);
    static RegionOfInterest fraction(double x, double y, double w, double h);
    bool operator==(const RegionOfInterest& o) const { return rect == o.rect && inPixels == o.inPixels; }
};

struct StreamSettings {
    RegionOfInterest roi;
    int topK = 5;
    int smoothing = 1;          // average the probabilities of the last N classified frames
    float minConfidence = 0.f;  // best class below this: uncertain
    double maxRate = 0;         // classify at most this many frames per second (0: as fast as it can)
    // Also explain each frame's raw prediction (Grad-CAM at the last spatial layer; occlusion for
    // a model without one). Measured on seed-cnn, 640x480 frames, a loaded 2-core machine: 0.5-0.7 ms
    // per frame on top of 2.1-2.2 ms for the classification: well within a 30 fps camera's 33 ms.
    bool explain = false;
};

// One classified frame, a value that can cross threads (the Mats are never written again).
struct StreamPrediction {
    int64_t frameIndex = 0;
    cv::Mat frame;                     // the whole frame (BGR or gray)
    cv::Rect roi;                      // in frame pixels
    cv::Mat networkView;               // the input as the network sees it: HxW gray or HxWx3 RGB, 8-bit
    std::vector<float> raw;            // this frame's probabilities
    std::vector<float> probabilities;  // smoothed over the last frames
    std::vector<ClassScore> top;       // from the smoothed probabilities, best first
    int predicted = -1;                // best class, -1 when uncertain
    float confidence = 0;              // its smoothed probability
    bool uncertain = false;
    bool still = false;      // a submitted still (frozen frame), not the live stream
    double inferenceMs = 0;  // crop + preprocessing + forward, this frame
    bool explained = false;  // StreamSettings::explain: `explanation` holds this frame's
    Explanation explanation;
    double explainMs = 0;
    double latencyMs = 0;    // capture to result
    double fps = 0;          // frames classified per second, over the last two seconds
    double captureFps = 0;   // frames the source delivered per second
    int64_t classified = 0;  // live frames classified so far
    int64_t dropped = 0;     // live frames skipped because the model was busy

    std::string bestName() const { return predicted >= 0 && !top.empty() ? top.front().name : std::string(); }
};

class StreamClassifier {
public:
    // Throws what Classifier throws (no weights, mismatched preprocessing).
    explicit StreamClassifier(const ModelFile& model);
    ~StreamClassifier();

    // Thread-safe; applied from the next frame on. A changed ROI or smoothing clears the history.
    void setSettings(const StreamSettings& settings);
    StreamSettings settings() const;
    // Thread-safe: builds the new model here (throws like the constructor) and swaps it in
    // before the next frame; the smoothing history is cleared.
    void setModel(const ModelFile& model);
    std::vector<std::string> classNames() const;
    // Thread-safe: while paused, run() classifies no live frames (submitted stills only).
    void setPaused(bool paused) { paused_ = paused; }
    bool paused() const { return paused_; }
    // Thread-safe: run() classifies this frame next (e.g. the frozen frame after an ROI move).
    void submitStill(const Frame& frame);

    // Classifies one frame on the calling thread (one caller at a time; run() is one).
    StreamPrediction classify(const Frame& frame, bool still = false);

    // Classifies the newest frame of `source`, again and again, until `stop` is set or the
    // source ends or fails; onResult runs on this thread after each frame. Returns the reason
    // it stopped (the source's error, or an empty message when stopped).
    Message run(FrameSource& source, const std::function<void(const StreamPrediction&)>& onResult,
                const std::atomic<bool>& stop);

    int64_t classified() const { return classified_; }
    int64_t dropped() const { return dropped_; }

private:
    void swapPendingModel();

    mutable std::mutex mutex_;  // guards settings_, pending_, still_, classNames_
    StreamSettings settings_;
    bool settingsChanged_ = false;
    std::unique_ptr<Classifier> pending_;
    std::vector<std::string> classNames_;
    std::optional<Frame> still_;
    std::atomic<bool> paused_{false};

    // The classifying thread's own.
    std::unique_ptr<Classifier> classifier_;
    std::unique_ptr<Explainer> explainer_;  // for classifier_'s model, made when first asked
    Tensor input_;
    StreamSettings active_;
    std::deque<std::vector<float>> history_;
    std::deque<std::chrono::steady_clock::time_point> times_;
    int64_t lastIndex_ = 0;
    std::atomic<int64_t> classified_{0};
    std::atomic<int64_t> dropped_{0};
    double captureFps_ = 0;
};

// The image the network sees for a prepared CHW input: the preprocessing's scaling undone,
// 8-bit (inversion kept, so an inverted input looks inverted). HxW gray or HxWx3 RGB.
cv::Mat networkViewOf(const float* chw, const Preprocessing& pre);

}  // namespace cs
