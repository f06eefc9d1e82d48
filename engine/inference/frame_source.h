#pragma once
// Live frames from a camera, a video file, a stream URL or a GStreamer pipeline, read with
// OpenCV's VideoCapture on a capture thread of their own. Only the newest frame is kept: a
// consumer slower than the source skips frames instead of queueing them, and no call of the
// consumer's ever waits for the device (open() excepted: call it off the GUI thread).
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/errors.h"

namespace cs {

// A source that cannot be opened, or stopped delivering; the message is meant for the user.
class CaptureError : public Error {
public:
    using Error::Error;
};

// What to open, as the user typed it.
struct SourceSpec {
    enum class Kind { Camera, File, Url, Pipeline };
    Kind kind = Kind::Camera;
    int camera = 0;        // Kind::Camera
    std::string location;  // path, URL or pipeline

    // "0" or "camera:2" → camera; "scheme://..." → URL; text holding " ! " or naming
    // appsink/videotestsrc → GStreamer pipeline; anything else → video file.
    // Throws CaptureError for an empty text or a negative camera index.
    static SourceSpec parse(const std::string& text);
    static SourceSpec cameraIndex(int index);
    std::string toString() const;  // parse(toString()) gives the same spec back
    std::string describe() const;  // "camera 0", "video file 'a.avi'", ...
    bool isLive() const { return kind == Kind::Camera || kind == Kind::Url; }
};

// One captured image. `image` is shared, never written after it was published.
struct Frame {
    cv::Mat image;      // 8-bit BGR, or 8-bit gray when the source is gray
    int64_t index = 0;  // 1, 2, ... in capture order; 0: no frame yet
    std::chrono::steady_clock::time_point captured;

    bool empty() const { return index == 0 || image.empty(); }
};

enum class SourceState { Closed, Running, Ended, Failed };

struct CaptureOptions {
    int openTimeoutMs = 5000;   // stream URLs (FFmpeg honours it)
    int stallTimeoutMs = 3000;  // a running live source silent this long counts as gone
    bool loop = false;          // video files start over at their end
    bool paceFiles = true;      // video files play at their own frame rate, like a camera
    // Files and pipelines: the capture thread waits until the consumer took each frame
    // (every frame is seen, none dropped). Cameras ignore it: they cannot be paused.
    bool everyFrame = false;
};

class FrameSource {
public:
    FrameSource();
    ~FrameSource();  // close()
    FrameSource(const FrameSource&) = delete;
    FrameSource& operator=(const FrameSource&) = delete;

    // Opens the source, reads its first frame and starts the capture thread. Blocks for as
    // long as the device takes; throws CaptureError saying what failed and what to check.
    void open(const SourceSpec& spec, const CaptureOptions& options = {});
    // Stops the capture thread and releases the device. Never waits more than about two
    // seconds: a thread stuck inside the driver is left to finish on its own.
    void close();

    // The newest frame if it is newer than `after` (never blocks).
    bool latest(Frame& out, int64_t after = 0) const;
    // Waits up to `timeout` for a frame newer than `after`; false on timeout, or at once when
    // the source has ended or failed and holds nothing newer.
    bool waitNewer(Frame& out, int64_t after, std::chrono::milliseconds timeout) const;

    SourceState state() const;
    Message error() const;  // why it failed or ended (empty text while running)
    const SourceSpec& spec() const { return spec_; }
    double fps() const;  // frames captured per second, over the last two seconds
    int64_t framesCaptured() const;
    cv::Size frameSize() const;  // of the first frame

    struct Shared;  // state shared with the capture thread (public for the thread function)

private:
    SourceSpec spec_;
    std::shared_ptr<Shared> shared_;
};

// Camera indices below `maxIndex` that OpenCV can open (a missing one costs about 0.1 s here;
// real drivers can take longer, so list off the GUI thread).
std::vector<int> listCameras(int maxIndex = 6);

}  // namespace cs
