#pragma once
// Classifies images with a trained model, applying the model's saved preprocessing exactly as
// training did (size, channels, scaling, inversion). Used by `convstudio-cli predict`, the
// webcam view and the parity check.
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/tensor.h"
#include "io/model_file.h"

namespace cs {

class Model;
class Executor;

struct ClassScore {
    int index = 0;
    std::string name;
    float probability = 0;
};

class Classifier {
public:
    // Builds the model and applies the file's weights (throws FileError when it has none).
    explicit Classifier(const ModelFile& file);
    ~Classifier();

    // The network input (CHW floats) for an image as OpenCV decodes it: 8-bit gray, BGR or BGRA,
    // any size (resized with INTER_AREA to the model's input size).
    void prepare(const cv::Mat& image, float* chw) const;
    // Probabilities of every class for one image.
    std::vector<float> probabilities(const cv::Mat& image);
    // The k most probable classes, best first.
    std::vector<ClassScore> topK(const cv::Mat& image, int k);
    // Class scores for an already prepared input.
    std::vector<float> probabilitiesOf(const Tensor& input);

    const ModelFile& file() const { return file_; }
    const Model& model() const { return *model_; }
    std::string className(int index) const;

private:
    ModelFile file_;
    std::unique_ptr<Model> model_;
    std::unique_ptr<Executor> executor_;
    Tensor input_;
};

// The network's view of an image as OpenCV decodes it (8-bit gray, BGR or BGRA, any size):
// converted to `pre`'s channels (gray, or RGB as the datasets store colour) and resized with
// INTER_AREA to its size — 8-bit HWC, before the scaling Preprocessing::toFloat applies. What
// Classifier::prepare feeds the network, so a view of "what the model saw" shows exactly this.
// Throws Error for an empty or not 8-bit image.
cv::Mat toModelImage(const cv::Mat& image, const Preprocessing& pre);

// Reads an image file for classification (any format OpenCV decodes; non-ASCII paths work).
// Throws FileError naming the path when it cannot be read or decoded.
cv::Mat readImageFile(const std::string& path);

}  // namespace cs
