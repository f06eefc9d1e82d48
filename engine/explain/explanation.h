#pragma once
// Where in an image a model looked: Grad-CAM, occlusion sensitivity and input-gradient saliency
// for one preprocessed sample, as a heat map of the input's size. Shared by
// `convstudio-cli explain`, the Inspect page, the Evaluation gallery and the camera.
#include <memory>
#include <string>
#include <vector>

#include "core/tensor.h"

namespace cs {

class Model;
class Executor;

enum class ExplainMethod { GradCam, Occlusion, Saliency };

// "gradcam", "occlusion", "saliency"; methodFromName throws OptionError for any other name.
std::string explainMethodName(ExplainMethod method);
ExplainMethod explainMethodFromName(const std::string& name);

struct ExplainOptions {
    ExplainMethod method = ExplainMethod::GradCam;
    std::string layer;     // Grad-CAM: the node's name; empty = the last layer with a spatial output
    int targetClass = -1;  // -1 = the predicted class
    // Occlusion: square patch side and step in input pixels; 0 = a quarter of the smaller side
    // (7 on 28x28, 8 on 32x32) and half the patch.
    int patch = 0;
    int stride = 0;
    // Occlusion: the value written into every channel of the patch, in network input units: 0 is
    // black under Unit scaling and the training mean under Standardize.
    float fill = 0.f;
};

struct Explanation {
    ExplainMethod method = ExplainMethod::GradCam;
    int predicted = 0;                 // the most probable class
    float probability = 0.f;           // its probability
    int target = 0;                    // the class explained
    std::string layer;                 // Grad-CAM's layer; empty for the other methods
    int height = 0, width = 0;         // the input's size
    std::vector<float> heat;           // height x width, row-major, in [0,1] (all 0 when nothing mattered)
    int maxRow = 0, maxCol = 0;        // the position of heat's maximum
    std::vector<float> probabilities;  // of every class
};

// The nodes Grad-CAM can use: an image output larger than 1x1, not the input or the output.
std::vector<int> spatialLayers(const Model& model);
// The last of spatialLayers(), or -1 when there is none.
int defaultGradCamLayer(const Model& model);

// Explains one sample after another with the same buffers (the camera explains every frame).
// The model must outlive it and must not change while it runs; one Explainer per thread.
class Explainer {
public:
    explicit Explainer(const Model& model);
    ~Explainer();

    // `input` holds one preprocessed sample of the model's input shape. Runs the model in
    // inference mode (BatchNorm's stored statistics, no dropout). Throws Error naming the layer,
    // class, patch or shape at fault.
    Explanation explain(const Tensor& input, const ExplainOptions& options);

private:
    const Model& model_;
    std::unique_ptr<Executor> executor_;
    Tensor batch_;       // occlusion's occluded copies
    Tensor outputGrad_;  // the one-hot seed of the backward pass
};

// One-off form of Explainer::explain.
Explanation explain(const Model& model, const Tensor& input, const ExplainOptions& options);

}  // namespace cs
