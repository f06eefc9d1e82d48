#pragma once
// Occlusion sensitivity (Zeiler & Fergus 2014): slide a patch of a fill value over the input and
// record how much the target class's probability drops. Needs only forward passes, so it works
// for any model, also those without a spatial layer.
#include <opencv2/core/mat.hpp>

#include "core/tensor.h"

namespace cs {

class Model;
class Executor;

struct OcclusionOptions {
    int patch = 7;  // side of the square patch, in input pixels
    int stride = 3;
    float fill = 0.f;  // in network input units, every channel
};

// The start positions of a patch sliding over `extent` pixels: 0, stride, ... and, when that
// misses the last pixels, extent - patch, so every pixel is covered.
std::vector<int> occlusionStarts(int extent, int patch, int stride);

// CV_32F, the input's height x width: per pixel, the mean drop of the target's probability over
// the patches that cover it, negative drops clipped to 0. `probability` is the target's
// probability without occlusion; `batch` is scratch for the occluded copies (run through the
// model in slices of Model::kPredictSlice).
cv::Mat occlusion(const Model& model, Executor& ex, const Tensor& input, int targetClass, float probability,
                  const OcclusionOptions& options, Tensor& batch);

}  // namespace cs
