#pragma once
// Grad-CAM (Selvaraju et al. 2017): which places of a convolutional layer's output raise a
// class's score. Channel weights are the spatial means of d score / d activation; the map is
// ReLU(sum_c weight_c * activation_c), upsampled bilinearly to the input's size.
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/tensor.h"

namespace cs {

class Model;
class Executor;

struct GradCamMaps {
    std::vector<float> weights;  // one per channel of the layer
    cv::Mat layerMap;            // CV_32F, the layer's height x width, after the ReLU
    cv::Mat inputMap;            // CV_32F, the input's height x width
};

// `layer` is a node index with an image output (spatialLayers()); `input` one sample.
// `forwardDone`: ex already holds the forward pass of `input` (classScoreGradient).
GradCamMaps gradCam(const Model& model, Executor& ex, const Tensor& input, int layer, int targetClass,
                    Tensor& outputGrad, bool forwardDone = false);

}  // namespace cs
