#pragma once
// `convstudio-cli classify-stream`: the studio's live classification, headless. Opens a camera,
// video file, stream URL or GStreamer pipeline, classifies the newest frame's region of interest
// again and again, prints each classified frame's top-1 class and confidence, then the FPS.
#include <ostream>
#include <string>
#include <vector>

namespace cs::cli {

// args are the words after "classify-stream". Returns the exit code: 0 done, 1 the model or
// the source failed (message on err), 2 bad usage (UsageError).
int runClassifyStream(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

extern const char* const kClassifyStreamUsage;

}  // namespace cs::cli
