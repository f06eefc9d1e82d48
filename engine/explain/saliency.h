#pragma once
// Input-gradient saliency (Simonyan et al. 2013): per pixel, the largest |d score / d input| over
// the channels.
#include <opencv2/core/mat.hpp>

#include "core/tensor.h"

namespace cs {

class Model;
class Executor;

// CV_32F, the input's height x width. `input` is one sample; `forwardDone`: ex already holds its
// forward pass (classScoreGradient).
cv::Mat saliency(const Model& model, Executor& ex, const Tensor& input, int targetClass, Tensor& outputGrad,
                 bool forwardDone = false);

}  // namespace cs
