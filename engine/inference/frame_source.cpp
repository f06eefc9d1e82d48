#include "inference/frame_source.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <opencv2/videoio/registry.hpp>

namespace cs {

namespace {

// Camera indices are opened through V4L2, the Linux camera interface: with CAP_ANY OpenCV also
// tries other backends (libgphoto2 among them), and two threads doing that at once deadlocked
// inside gphoto2's plugin loading (seen when two studios probed cameras in one process).
constexpr int kCameraBackend = cv::CAP_V4L2;

// One camera open or probe at a time in this process, for the same reason.
std::mutex& cameraOpenMutex() {
    static std::mutex m;
    return m;
}

}  // namespace

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// OpenCV's backends print a warning for every device they fail to open; the caller gets a
// CaptureError instead, so they are quiet while we open. The level is process-wide: nested and
// concurrent opens share one guard count, and the last one out restores the level.
class QuietOpenCvLog {
public:
    QuietOpenCvLog() {
        std::lock_guard lock(mutex());
        if (depth()++ == 0) previous() = cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
    }
    ~QuietOpenCvLog() {
        std::lock_guard lock(mutex());
        if (--depth() == 0) cv::utils::logging::setLogLevel(previous());
    }

private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    static int& depth() {
        static int d = 0;
        return d;
    }
    static cv::utils::logging::LogLevel& previous() {
        static cv::utils::logging::LogLevel level = cv::utils::logging::LOG_LEVEL_WARNING;
        return level;
    }
};

// 8-bit gray or BGR, whatever the backend delivered.
cv::Mat normalised(cv::Mat image) {
    if (image.depth() == CV_16U)
        image.convertTo(image, CV_8U, 1.0 / 257.0);
    else if (image.depth() != CV_8U)
        image.convertTo(image, CV_8U);
    if (image.channels() == 4)
        cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);
    else if (image.channels() == 2)
        cv::cvtColor(image, image, cv::COLOR_YUV2BGR_YUYV);
    return image;
}

enum class SourceProblem { OpenFailed, NoFrames };

// A source that failed to open or to deliver, one template per kind of source so that a
// translation never has to splice in an English "camera" or "stream".
Message sourceMessage(const SourceSpec& spec, SourceProblem problem, const std::string& reason = {}) {
    const bool open = problem == SourceProblem::OpenFailed;
    std::vector<MessageArg> args{
        {"source", spec.kind == SourceSpec::Kind::Camera ? std::to_string(spec.camera) : spec.location},
        {"reason", reason}};
    switch (spec.kind) {
        case SourceSpec::Kind::Camera:
            return open ? msg("capture.camera_open_error", "the camera {source} could not be opened: {reason}", args)
                        : msg("capture.camera_no_frames", "the camera {source} opened but delivers no frames", args);
        case SourceSpec::Kind::File:
            return open ? msg("capture.video_open_error", "the video file '{source}' could not be opened: {reason}",
                              args)
                        : msg("capture.video_no_frames",
                              "the video file '{source}' opened but delivers no frames (empty, or a format OpenCV "
                              "cannot decode)",
                              args);
        case SourceSpec::Kind::Url:
            return open ? msg("capture.stream_open_error", "the stream '{source}' could not be opened: {reason}", args)
                        : msg("capture.stream_no_frames", "the stream '{source}' opened but delivers no frames", args);
        case SourceSpec::Kind::Pipeline:
            break;
    }
    return open ? msg("capture.pipeline_open_error", "the GStreamer pipeline '{source}' could not be opened: {reason}",
                      args)
                : msg("capture.pipeline_no_frames", "the GStreamer pipeline '{source}' opened but delivers no frames",
                      args);
}

// Why a running source ended or failed, one template per kind of source; `why` is OpenCV's
// reason, empty when it gave none.
Message endMessage(const SourceSpec& spec, const std::string& why) {
    const std::vector<MessageArg> args{
        {"source", spec.kind == SourceSpec::Kind::Camera ? std::to_string(spec.camera) : spec.location},
        {"reason", why}};
    const bool reason = !why.empty();
    switch (spec.kind) {
        case SourceSpec::Kind::Camera:
            return reason
                       ? msg("capture.camera_stopped_reason",
                             "the camera {source} stopped delivering frames (unplugged, or taken by another "
                             "program?): {reason}",
                             args)
                       : msg("capture.camera_stopped",
                             "the camera {source} stopped delivering frames (unplugged, or taken by another program?)",
                             args);
        case SourceSpec::Kind::Url:
            return reason ? msg("capture.stream_lost_reason",
                                "the stream '{source}' ended or the connection was lost: {reason}", args)
                          : msg("capture.stream_lost", "the stream '{source}' ended or the connection was lost", args);
        case SourceSpec::Kind::File:
            return reason ? msg("capture.video_read_failed", "reading the video file '{source}' failed: {reason}", args)
                          : msg("capture.video_ended", "the video file '{source}' has ended", args);
        case SourceSpec::Kind::Pipeline:
            break;
    }
    return reason
               ? msg("capture.pipeline_read_failed", "reading the GStreamer pipeline '{source}' failed: {reason}", args)
               : msg("capture.pipeline_ended", "the GStreamer pipeline '{source}' has ended", args);
}

// A live source silent for `seconds` (the stall timeout), one template per kind of source.
Message stallMessage(const SourceSpec& spec, const std::string& seconds) {
    const std::vector<MessageArg> args{
        {"source", spec.kind == SourceSpec::Kind::Camera ? std::to_string(spec.camera) : spec.location},
        {"seconds", seconds}};
    switch (spec.kind) {
        case SourceSpec::Kind::Camera:
            return msg("capture.camera_stalled",
                       "the camera {source} has delivered no frame for {seconds} s (unplugged, or taken by another "
                       "program?)",
                       args);
        case SourceSpec::Kind::Url:
            return msg("capture.stream_stalled",
                       "the stream '{source}' has delivered no frame for {seconds} s (unplugged, or taken by another "
                       "program?)",
                       args);
        case SourceSpec::Kind::File:
            return msg("capture.video_stalled",
                       "the video file '{source}' has delivered no frame for {seconds} s (unplugged, or taken by "
                       "another program?)",
                       args);
        case SourceSpec::Kind::Pipeline:
            break;
    }
    return msg("capture.pipeline_stalled",
               "the GStreamer pipeline '{source}' has delivered no frame for {seconds} s (unplugged, or taken by "
               "another program?)",
               args);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
SourceSpec SourceSpec::parse(const std::string& text) {
    const std::string t = trim(text);
    if (t.empty())
        throw CaptureError(
            msg("capture.no_source",
                "no video source given: enter a camera number, a video file, a stream URL or a GStreamer pipeline"));
    SourceSpec s;
    std::string index;
    if (allDigits(t))
        index = t;
    else if (startsWith(t, "camera:"))
        index = trim(t.substr(7));
    if (!index.empty() || startsWith(t, "camera:")) {
        if (!allDigits(index) || index.size() > 4)
            throw CaptureError(
                msg("capture.bad_camera_number", "'{value}' is not a camera number (0, 1, 2, ...)", {{"value", t}}));
        return cameraIndex(std::stoi(index));
    }
    if (startsWith(t, "gst:")) {
        s.kind = Kind::Pipeline;
        s.location = trim(t.substr(4));
    } else if (startsWith(t, "file://")) {
        s.kind = Kind::File;
        s.location = t.substr(7);
    } else if (t.find("://") != std::string::npos) {
        s.kind = Kind::Url;
        s.location = t;
    } else if (t.find(" ! ") != std::string::npos || t.find("appsink") != std::string::npos ||
               startsWith(t, "videotestsrc") || startsWith(t, "v4l2src") || startsWith(t, "filesrc")) {
        s.kind = Kind::Pipeline;
        s.location = t;
    } else {
        s.kind = Kind::File;
        s.location = t;
    }
    if (s.location.empty()) throw CaptureError(msg("capture.no_location", "'{value}' names no source", {{"value", t}}));
    return s;
}

SourceSpec SourceSpec::cameraIndex(int index) {
    if (index < 0)
        throw CaptureError(msg("capture.negative_camera", "camera numbers start at 0, got {value}",
                               {{"value", std::to_string(index)}}));
    SourceSpec s;
    s.kind = Kind::Camera;
    s.camera = index;
    return s;
}

std::string SourceSpec::toString() const {
    switch (kind) {
        case Kind::Camera:
            return std::to_string(camera);
        case Kind::Pipeline:
            return location.find(" ! ") == std::string::npos ? "gst:" + location : location;
        case Kind::File:
            // A file whose name would read as something else keeps its meaning with file://.
            return parse(location).kind == Kind::File && parse(location).location == location ? location
                                                                                              : "file://" + location;
        case Kind::Url:
            return location;
    }
    return location;
}

std::string SourceSpec::describe() const {
    switch (kind) {
        case Kind::Camera:
            return "camera " + std::to_string(camera);
        case Kind::File:
            return "video file '" + location + "'";
        case Kind::Url:
            return "stream '" + location + "'";
        case Kind::Pipeline:
            return "GStreamer pipeline '" + location + "'";
    }
    return location;
}

// ---------------------------------------------------------------------------------------------
struct FrameSource::Shared {
    mutable std::mutex mutex;
    mutable std::condition_variable changed;  // a new frame, a taken frame, stop or the end
    cv::VideoCapture capture;                 // capture thread only, once it runs
    SourceSpec spec;
    CaptureOptions options;
    double fileFps = 0;

    // Guarded by mutex.
    Frame latest;
    mutable int64_t taken = 0;  // newest index a consumer has received
    SourceState state = SourceState::Closed;
    Message error;
    std::deque<Clock::time_point> recent;  // capture times within the last two seconds
    cv::Size size;
    bool stop = false;
    bool finished = false;

    void publish(cv::Mat image) {
        const auto now = Clock::now();
        std::lock_guard lock(mutex);
        latest = Frame{std::move(image), latest.index + 1, now};
        recent.push_back(now);
        while (recent.size() > 2 && now - recent.front() > std::chrono::seconds(2)) recent.pop_front();
        changed.notify_all();
    }
    void finish(SourceState end, Message why) {
        std::lock_guard lock(mutex);
        if (state == SourceState::Running) {
            state = end;
            error = std::move(why);
        }
        changed.notify_all();
    }
    // A live source silent for longer than the stall timeout has gone (its read may be stuck
    // in the driver, so the thread cannot say so itself). Caller holds the mutex.
    bool stalled() const {
        return state == SourceState::Running && spec.isLive() && latest.index > 0 &&
               Clock::now() - latest.captured > std::chrono::milliseconds(options.stallTimeoutMs);
    }
    Message stallMessage() const {
        return cs::stallMessage(spec, std::to_string(options.stallTimeoutMs / 1000.0).substr(0, 3));
    }

    void run();
};

void FrameSource::Shared::run() {
    const bool pace = options.paceFiles && spec.kind == SourceSpec::Kind::File && !options.everyFrame;
    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / (fileFps > 0 ? fileFps : 30.0)));
    const bool handOff = options.everyFrame && !spec.isLive();
    auto due = Clock::now() + period;
    for (;;) {
        {
            std::unique_lock lock(mutex);
            if (handOff) changed.wait(lock, [&] { return stop || taken >= latest.index; });
            if (pace) changed.wait_until(lock, due, [&] { return stop; });
            if (stop) break;
        }
        if (pace) {
            due += period;
            if (due < Clock::now() - period) due = Clock::now() + period;  // fell behind: do not catch up
        }
        cv::Mat image;
        bool ok = false;
        std::string why;
        try {
            ok = capture.read(image) && !image.empty();
            if (!ok && options.loop && spec.kind == SourceSpec::Kind::File) {
                capture.set(cv::CAP_PROP_POS_FRAMES, 0);
                ok = capture.read(image) && !image.empty();
            }
            if (ok) image = normalised(std::move(image));
        } catch (const cv::Exception& e) {
            ok = false;
            why = e.what();
        }
        if (!ok) {
            // A camera or stream that stops has failed; a file or pipeline without a reason has ended.
            const bool live = spec.kind == SourceSpec::Kind::Camera || spec.kind == SourceSpec::Kind::Url;
            finish(live || !why.empty() ? SourceState::Failed : SourceState::Ended, endMessage(spec, why));
            break;
        }
        publish(std::move(image));
    }
    capture.release();
    std::lock_guard lock(mutex);
    finished = true;
    changed.notify_all();
}

FrameSource::FrameSource() = default;

FrameSource::~FrameSource() { close(); }

void FrameSource::open(const SourceSpec& spec, const CaptureOptions& options) {
    close();
    spec_ = spec;
    auto shared = std::make_shared<Shared>();
    shared->spec = spec;
    shared->options = options;
    cv::VideoCapture& cap = shared->capture;
    {
        QuietOpenCvLog quiet;
        try {
            switch (spec.kind) {
                case SourceSpec::Kind::Camera: {
                    std::lock_guard lock(cameraOpenMutex());
                    if (!cap.open(spec.camera, kCameraBackend))
                        throw CaptureError(msg("capture.camera_unavailable",
                                               "camera {camera} could not be opened: there is no such camera, or "
                                               "another program is using it",
                                               {{"camera", std::to_string(spec.camera)}}));
                    break;
                }
                case SourceSpec::Kind::File: {
                    std::error_code ec;
                    if (!fs::exists(fs::u8path(spec.location), ec))
                        throw CaptureError(msg("capture.video_missing", "the video file '{file}' does not exist",
                                               {{"file", spec.location}}));
                    if (fs::is_directory(fs::u8path(spec.location), ec))
                        throw CaptureError(msg("capture.video_is_folder", "'{file}' is a folder, not a video file",
                                               {{"file", spec.location}}));
                    if (!cap.open(spec.location, cv::CAP_ANY))
                        throw CaptureError(msg(
                            "capture.video_unreadable",
                            "the video file '{file}' could not be opened: not a video, or no decoder for its format",
                            {{"file", spec.location}}));
                    break;
                }
                case SourceSpec::Kind::Url:
                    if (cv::videoio_registry::hasBackend(cv::CAP_FFMPEG)) {
                        cap.open(spec.location, cv::CAP_FFMPEG,
                                 {cv::CAP_PROP_OPEN_TIMEOUT_MSEC, options.openTimeoutMs, cv::CAP_PROP_READ_TIMEOUT_MSEC,
                                  options.stallTimeoutMs});
                    }
                    if (!cap.isOpened() && !cap.open(spec.location, cv::CAP_ANY))
                        throw CaptureError(msg("capture.stream_unavailable",
                                               "the stream '{url}' could not be opened: check the address and that the "
                                               "server is reachable",
                                               {{"url", spec.location}}));
                    break;
                case SourceSpec::Kind::Pipeline: {
                    if (!cv::videoio_registry::hasBackend(cv::CAP_GSTREAMER))
                        throw CaptureError(msg("capture.no_gstreamer",
                                               "this OpenCV has no GStreamer support, so pipelines cannot be opened"));
                    std::string pipeline = spec.location;
                    if (pipeline.find("appsink") == std::string::npos)
                        pipeline += " ! videoconvert ! video/x-raw,format=BGR ! appsink";
                    if (!cap.open(pipeline, cv::CAP_GSTREAMER))
                        throw CaptureError(
                            msg("capture.pipeline_failed",
                                "the GStreamer pipeline '{pipeline}' could not be started: check its "
                                "elements (gst-inspect-1.0) and that it ends in '! videoconvert ! appsink'",
                                {{"pipeline", spec.location}}));
                    break;
                }
            }
        } catch (const cv::Exception& e) {
            throw CaptureError(sourceMessage(spec, SourceProblem::OpenFailed, e.what()));
        }
        cv::Mat first;
        bool ok = false;
        try {
            ok = cap.read(first) && !first.empty();
        } catch (const cv::Exception&) {
            ok = false;
        }
        if (!ok) {
            cap.release();
            throw CaptureError(sourceMessage(spec, SourceProblem::NoFrames));
        }
        first = normalised(std::move(first));
        shared->size = first.size();
        if (spec.kind == SourceSpec::Kind::File) {
            const double fps = cap.get(cv::CAP_PROP_FPS);
            shared->fileFps = fps > 0.5 && fps < 1000 ? fps : 30.0;
        }
        shared->state = SourceState::Running;
        shared->publish(std::move(first));
    }
    shared_ = shared;
    std::thread([shared] { shared->run(); }).detach();
}

void FrameSource::close() {
    if (!shared_) return;
    std::shared_ptr<Shared> shared = std::move(shared_);
    std::unique_lock lock(shared->mutex);
    shared->stop = true;
    if (shared->state == SourceState::Running) shared->state = SourceState::Closed;
    shared->changed.notify_all();
    // The thread owns a reference to the shared state: one stuck inside a driver's read() can
    // finish later without touching freed memory.
    shared->changed.wait_for(lock, std::chrono::seconds(2), [&] { return shared->finished; });
}

bool FrameSource::latest(Frame& out, int64_t after) const {
    if (!shared_) return false;
    std::lock_guard lock(shared_->mutex);
    if (shared_->latest.index <= after) return false;
    out = shared_->latest;
    if (out.index > shared_->taken) {
        shared_->taken = out.index;
        shared_->changed.notify_all();
    }
    return true;
}

bool FrameSource::waitNewer(Frame& out, int64_t after, std::chrono::milliseconds timeout) const {
    if (!shared_) return false;
    std::unique_lock lock(shared_->mutex);
    const bool got = shared_->changed.wait_for(lock, timeout, [&] {
        return shared_->latest.index > after || shared_->state != SourceState::Running || shared_->stop ||
               shared_->stalled();
    });
    if (!got || shared_->latest.index <= after) return false;
    out = shared_->latest;
    if (out.index > shared_->taken) {
        shared_->taken = out.index;
        shared_->changed.notify_all();
    }
    return true;
}

SourceState FrameSource::state() const {
    if (!shared_) return SourceState::Closed;
    std::lock_guard lock(shared_->mutex);
    return shared_->stalled() ? SourceState::Failed : shared_->state;
}

Message FrameSource::error() const {
    if (!shared_) return {};
    std::lock_guard lock(shared_->mutex);
    return shared_->stalled() ? shared_->stallMessage() : shared_->error;
}

double FrameSource::fps() const {
    if (!shared_) return 0;
    std::lock_guard lock(shared_->mutex);
    const auto& r = shared_->recent;
    if (r.size() < 2) return 0;
    const double span = std::chrono::duration<double>(r.back() - r.front()).count();
    return span > 0 ? (r.size() - 1) / span : 0;
}

int64_t FrameSource::framesCaptured() const {
    if (!shared_) return 0;
    std::lock_guard lock(shared_->mutex);
    return shared_->latest.index;
}

cv::Size FrameSource::frameSize() const {
    if (!shared_) return {};
    std::lock_guard lock(shared_->mutex);
    return shared_->size;
}

std::vector<int> listCameras(int maxIndex) {
    std::lock_guard lock(cameraOpenMutex());
    QuietOpenCvLog quiet;
    std::vector<int> found;
    for (int i = 0; i < maxIndex; ++i) {
        try {
            cv::VideoCapture cap(i, kCameraBackend);
            if (cap.isOpened()) found.push_back(i);
        } catch (const cv::Exception&) {
        }
    }
    return found;
}

}  // namespace cs
