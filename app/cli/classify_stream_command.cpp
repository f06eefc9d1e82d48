#include "classify_stream_command.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli_args.h"
#include "core/errors.h"
#include "inference/frame_source.h"
#include "inference/stream_classifier.h"
#include "io/model_file.h"

namespace cs::cli {

const char* const kClassifyStreamUsage =
    "classify-stream --model FILE --source SRC [--roi x,y,w,h] [--top K] [--smoothing N]\n"
    "      [--min-confidence F] [--frames N] [--seconds S] [--every-frame] [--loop] [--json]\n"
    "      classify live frames: SRC is a camera number (0), a video file, a stream URL or a\n"
    "      GStreamer pipeline; prints each frame's top-1 class and confidence, then the FPS.\n"
    "      Frames the model is too slow for are skipped; --every-frame classifies each frame of a\n"
    "      file or pipeline instead. Ctrl-C stops.";

namespace {

std::atomic<bool> g_stop{false};
void onInterrupt(int) { g_stop = true; }

nlohmann::json roiJson(const cv::Rect& r) { return {r.x, r.y, r.width, r.height}; }

}  // namespace

int runClassifyStream(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"model", "source", "roi", "top", "smoothing", "min-confidence", "frames", "seconds"},
                 {"json", "every-frame", "loop"});
    if (!args.has("model")) throw UsageError("classify-stream needs --model FILE (a trained .csmodel)");
    if (!args.has("source"))
        throw UsageError(
            "classify-stream needs --source SRC (camera number, video file, stream URL or GStreamer pipeline)");
    if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional().front() + "'");
    const bool json = args.has("json");

    StreamSettings settings;
    if (args.has("roi")) {
        try {
            settings.roi = RegionOfInterest::parsePixels(args.get("roi"));
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
    }
    settings.topK = args.getInt("top", 1);
    settings.smoothing = args.getInt("smoothing", 1);
    settings.minConfidence = static_cast<float>(args.getDouble("min-confidence", 0.0));
    const int maxFrames = args.getInt("frames", 0);
    const double maxSeconds = args.getDouble("seconds", 0.0);
    if (settings.topK < 1) throw UsageError("--top must be at least 1");
    if (settings.smoothing < 1 || settings.smoothing > 100) throw UsageError("--smoothing must be 1..100 frames");
    if (settings.minConfidence < 0 || settings.minConfidence > 1) throw UsageError("--min-confidence must be 0..1");
    if (maxFrames < 0 || maxSeconds < 0) throw UsageError("--frames and --seconds cannot be negative");

    StreamClassifier classifier(loadModelFile(args.get("model")));
    classifier.setSettings(settings);

    CaptureOptions options;
    options.everyFrame = args.has("every-frame");
    options.loop = args.has("loop");
    SourceSpec spec;
    try {
        spec = SourceSpec::parse(args.get("source"));
    } catch (const CaptureError& e) {
        throw UsageError(e.what());
    }
    FrameSource source;
    source.open(spec, options);
    if (!json) {
        const cv::Size size = source.frameSize();
        out << "source: " << spec.describe() << ", " << size.width << "x" << size.height << "\n";
    }

    g_stop = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const auto start = std::chrono::steady_clock::now();
    double inferenceTotal = 0;
    Message stopped;  // why the stream stopped; empty when interrupted
    try {
        stopped = classifier.run(
            source,
            [&](const StreamPrediction& p) {
                inferenceTotal += p.inferenceMs;
                if (json) {
                    nlohmann::json top = nlohmann::json::array();
                    for (const auto& s : p.top)
                        top.push_back({{"index", s.index}, {"name", s.name}, {"probability", s.probability}});
                    out << nlohmann::
                               json{{"frame", p.frameIndex},
                                    {"class", p.uncertain ? nlohmann::json() : nlohmann::json(p.top.front().name)},
                                    {"index", p.predicted},
                                    {"confidence", p.confidence},
                                    {"uncertain", p.uncertain},
                                    {"top", top},
                                    {"roi", roiJson(p.roi)},
                                    {"inference_ms", p.inferenceMs},
                                    {"latency_ms", p.latencyMs},
                                    {"dropped", p.dropped}}
                                   .dump()
                        << "\n";
                } else {
                    char line[256];
                    std::snprintf(line, sizeof line, "frame %6lld  %-20s %.4f%s  (%.1f ms)\n",
                                  static_cast<long long>(p.frameIndex), p.top.front().name.c_str(), p.confidence,
                                  p.uncertain ? " uncertain" : "", p.inferenceMs);
                    out << line;
                }
                out.flush();
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                if ((maxFrames > 0 && p.classified >= maxFrames) || (maxSeconds > 0 && elapsed >= maxSeconds))
                    g_stop = true;
            },
            g_stop);
    } catch (...) {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        throw;
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const std::string error = stopped.english();

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int64_t classified = classifier.classified();
    const double fps = seconds > 0 ? classified / seconds : 0;
    const double meanInference = classified > 0 ? inferenceTotal / classified : 0;
    // A file or pipeline that ended is a normal finish; a camera that vanished is not.
    const bool failed = source.state() == SourceState::Failed;
    if (json) {
        out << nlohmann::json{{"summary",
                               {{"frames_classified", classified},
                                {"frames_captured", source.framesCaptured()},
                                {"frames_dropped", classifier.dropped()},
                                {"seconds", seconds},
                                {"fps", fps},
                                {"mean_inference_ms", meanInference},
                                {"source", spec.describe()},
                                {"stopped", error.empty() ? "stopped"
                                            : failed      ? "failed"
                                                          : "ended"},
                                {"error", failed ? nlohmann::json(error) : nlohmann::json()}}}}
                   .dump()
            << "\n";
    } else {
        char line[256];
        std::snprintf(
            line, sizeof line,
            "%lld frames classified in %.2f s: %.1f FPS, mean inference %.2f ms; %lld captured, %lld dropped\n",
            static_cast<long long>(classified), seconds, fps, meanInference,
            static_cast<long long>(source.framesCaptured()), static_cast<long long>(classifier.dropped()));
        out << line;
    }
    source.close();
    if (failed) {
        err << "convstudio-cli classify-stream: " << error << "\n";
        return 1;
    }
    return 0;
}

}  // namespace cs::cli
