#include "inference/stream_classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <thread>

#include "core/errors.h"

namespace cs {

using Clock = std::chrono::steady_clock;

namespace {
double millisecondsSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
}  // namespace

// ---------------------------------------------------------------------------------------------
cv::Rect RegionOfInterest::in(cv::Size frame) const {
    const double w = frame.width, h = frame.height;
    if (w <= 0 || h <= 0) return {};
    cv::Rect2d r;
    if (isCentre()) {
        const double side = std::min(w, h) * kCentreFraction;
        r = {(w - side) / 2, (h - side) / 2, side, side};
    } else if (inPixels) {
        r = rect;
    } else {
        r = {rect.x * w, rect.y * h, rect.width * w, rect.height * h};
    }
    cv::Rect px(static_cast<int>(std::lround(r.x)), static_cast<int>(std::lround(r.y)),
                std::max(1, static_cast<int>(std::lround(r.width))),
                std::max(1, static_cast<int>(std::lround(r.height))));
    return px & cv::Rect(0, 0, frame.width, frame.height);
}

RegionOfInterest RegionOfInterest::parsePixels(const std::string& text) {
    double v[4];
    char tail = 0;
    if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &v[0], &v[1], &v[2], &v[3], &tail) != 4)
        throw Error(msg("roi.malformed",
                        "the region of interest must be x,y,w,h in pixels (e.g. 80,0,480,480), got '{value}'",
                        {{"value", text}}));
    if (v[0] < 0 || v[1] < 0 || v[2] < 1 || v[3] < 1)
        throw Error(msg("roi.out_of_range",
                        "the region of interest '{value}' needs x,y >= 0 and a width and height of at least 1",
                        {{"value", text}}));
    RegionOfInterest roi;
    roi.rect = {v[0], v[1], v[2], v[3]};
    roi.inPixels = true;
    return roi;
}

RegionOfInterest RegionOfInterest::fraction(double x, double y, double w, double h) {
    RegionOfInterest roi;
    roi.rect = {x, y, w, h};
    return roi;
}

cv::Mat networkViewOf(const float* chw, const Preprocessing& pre) {
    const int plane = pre.height * pre.width;
    cv::Mat view(pre.height, pre.width, pre.channels == 1 ? CV_8UC1 : CV_8UC3);
    for (int c = 0; c < pre.channels; ++c) {
        const float* in = chw + static_cast<std::size_t>(c) * plane;
        const float a = pre.scaling == Scaling::Standardize ? pre.stdev[c] : 1.f;
        const float b = pre.scaling == Scaling::Standardize ? pre.mean[c] : 0.f;
        uint8_t* out = view.data;
        for (int i = 0; i < plane; ++i) {
            const float unit = in[i] * a + b;
            out[i * pre.channels + c] = static_cast<uint8_t>(std::clamp(std::lround(unit * 255.f), 0L, 255L));
        }
    }
    return view;
}

// ---------------------------------------------------------------------------------------------
StreamClassifier::StreamClassifier(const ModelFile& model)
    : classNames_(model.classNames), classifier_(std::make_unique<Classifier>(model)) {}

StreamClassifier::~StreamClassifier() = default;

void StreamClassifier::setSettings(const StreamSettings& settings) {
    StreamSettings s = settings;
    s.topK = std::max(1, s.topK);
    s.smoothing = std::clamp(s.smoothing, 1, 100);
    s.minConfidence = std::clamp(s.minConfidence, 0.f, 1.f);
    s.maxRate = std::max(0.0, s.maxRate);
    std::lock_guard lock(mutex_);
    settings_ = s;
    settingsChanged_ = true;
}

StreamSettings StreamClassifier::settings() const {
    std::lock_guard lock(mutex_);
    return settings_;
}

void StreamClassifier::setModel(const ModelFile& model) {
    auto next = std::make_unique<Classifier>(model);
    std::lock_guard lock(mutex_);
    pending_ = std::move(next);
    classNames_ = model.classNames;
}

std::vector<std::string> StreamClassifier::classNames() const {
    std::lock_guard lock(mutex_);
    return classNames_;
}

void StreamClassifier::submitStill(const Frame& frame) {
    std::lock_guard lock(mutex_);
    still_ = frame;
}

void StreamClassifier::swapPendingModel() {
    std::lock_guard lock(mutex_);
    if (pending_) {
        // New weights or classes: old probabilities would hide the change for a few frames.
        history_.clear();
        explainer_.reset();  // it refers to the old model
        classifier_ = std::move(pending_);
    }
    if (settingsChanged_) {
        if (!(settings_.roi == active_.roi) || settings_.smoothing != active_.smoothing) history_.clear();
        active_ = settings_;
        settingsChanged_ = false;
    }
}

StreamPrediction StreamClassifier::classify(const Frame& frame, bool still) {
    swapPendingModel();
    if (frame.image.empty()) throw Error(msg("classify.empty_frame", "cannot classify an empty frame"));
    const auto start = Clock::now();
    StreamPrediction p;
    p.frameIndex = frame.index;
    p.frame = frame.image;
    p.still = still;
    p.roi = active_.roi.in(frame.image.size());
    if (p.roi.empty())
        throw Error(msg("roi.outside_frame", "the region of interest lies outside the {size} frame",
                        {{"size", std::to_string(frame.image.cols) + "x" + std::to_string(frame.image.rows)}}));
    const Preprocessing& pre = classifier_->file().preprocessing;
    input_.resize(1, pre.inputShape());
    classifier_->prepare(frame.image(p.roi), input_.data());
    p.raw = classifier_->probabilitiesOf(input_);
    p.inferenceMs = millisecondsSince(start);
    p.networkView = networkViewOf(input_.data(), pre);
    if (active_.explain) {
        const auto explainStart = Clock::now();
        if (!explainer_) explainer_ = std::make_unique<Explainer>(classifier_->model());
        ExplainOptions o;
        if (defaultGradCamLayer(classifier_->model()) < 0) o.method = ExplainMethod::Occlusion;
        p.explanation = explainer_->explain(input_, o);
        p.explained = true;
        p.explainMs = millisecondsSince(explainStart);
    }

    if (still) {
        p.probabilities = p.raw;
    } else {
        history_.push_back(p.raw);
        while (static_cast<int>(history_.size()) > active_.smoothing) history_.pop_front();
        p.probabilities.assign(p.raw.size(), 0.f);
        int n = 0;
        for (const auto& h : history_) {
            if (h.size() != p.raw.size()) continue;
            for (std::size_t i = 0; i < h.size(); ++i) p.probabilities[i] += h[i];
            ++n;
        }
        for (float& v : p.probabilities) v /= static_cast<float>(std::max(n, 1));
    }

    std::vector<int> order(p.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    const int k = std::clamp(active_.topK, 1, static_cast<int>(order.size()));
    std::partial_sort(order.begin(), order.begin() + k, order.end(),
                      [&](int a, int b) { return p.probabilities[a] > p.probabilities[b]; });
    for (int i = 0; i < k; ++i)
        p.top.push_back({order[i], classifier_->className(order[i]), p.probabilities[order[i]]});
    p.confidence = p.top.front().probability;
    p.uncertain = p.confidence < active_.minConfidence;
    p.predicted = p.uncertain ? -1 : p.top.front().index;

    const auto now = Clock::now();
    if (!still) {
        ++classified_;
        times_.push_back(now);
        while (times_.size() > 2 && now - times_.front() > std::chrono::seconds(2)) times_.pop_front();
        p.latencyMs = std::chrono::duration<double, std::milli>(now - frame.captured).count();
    }
    if (times_.size() >= 2) {
        const double span = std::chrono::duration<double>(times_.back() - times_.front()).count();
        p.fps = span > 0 ? (times_.size() - 1) / span : 0;
    }
    p.captureFps = captureFps_;
    p.classified = classified_;
    p.dropped = dropped_;
    return p;
}

Message StreamClassifier::run(FrameSource& source, const std::function<void(const StreamPrediction&)>& onResult,
                              const std::atomic<bool>& stop) {
    lastIndex_ = 0;
    bool resumed = true;  // the first frame, and the first after a pause, count no drops
    while (!stop) {
        std::optional<Frame> still;
        {
            std::lock_guard lock(mutex_);
            still.swap(still_);
        }
        if (still) {
            onResult(classify(*still, true));
            continue;
        }
        if (paused_) {
            resumed = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        Frame frame;
        if (!source.waitNewer(frame, lastIndex_, std::chrono::milliseconds(50))) {
            const SourceState state = source.state();
            if (state == SourceState::Running) continue;
            if (state == SourceState::Closed) return msg("stream.source_closed", "the video source was closed");
            return source.error();
        }
        if (!resumed && frame.index > lastIndex_ + 1) dropped_ += frame.index - lastIndex_ - 1;
        resumed = false;
        lastIndex_ = frame.index;
        captureFps_ = source.fps();
        const auto start = Clock::now();
        onResult(classify(frame));
        double rate;
        {
            std::lock_guard lock(mutex_);
            rate = settings_.maxRate;
        }
        if (rate > 0) {
            const auto due =
                start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
            while (!stop && Clock::now() < due) {
                {
                    std::lock_guard lock(mutex_);
                    if (still_) break;
                }
                std::this_thread::sleep_for(
                    std::min<Clock::duration>(due - Clock::now(), std::chrono::milliseconds(10)));
            }
        }
    }
    return {};
}

}  // namespace cs
