#pragma once
// Shared by the inference tests: a small untrained-but-weighted model file and test videos
// written with OpenCV (MJPG AVI), so no test depends on files outside its temporary folder.
#include <string>

#include <opencv2/core/mat.hpp>

#include "io/model_file.h"

namespace cs::testing {

// A Conv2D + Dense softmax model with seeded random weights, 3 named classes. `channels` 1
// or 3; standardized and inverted preprocessing exercise every step of Classifier::prepare.
ModelFile tinyStreamModel(int channels = 3, int size = 16, bool invert = true);

// Frame `i` of the test video: a coloured, moving rectangle and circle on a gradient, so
// consecutive frames differ and the classifier's input changes from frame to frame.
cv::Mat syntheticFrame(int i, cv::Size size);

// Writes `frames` frames of syntheticFrame at `fps` as MJPG AVI; returns false if OpenCV
// cannot write it.
bool writeTestVideo(const std::string& path, int frames, double fps, cv::Size size = {160, 120});

// A videotestsrc pipeline delivering `buffers` BGR frames of the given size, unpaced.
std::string testPipeline(int buffers, cv::Size size = {160, 120}, const std::string& pattern = "ball");

// True when OpenCV can open GStreamer pipelines here.
bool haveGStreamer();

}  // namespace cs::testing
