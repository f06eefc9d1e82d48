#pragma once
// Engine vs OpenCV DNN parity: runs the same images through the engine and through OpenCV's DNN
// module loading the model's ONNX export, and reports how far the class probabilities differ
// and whether the top-1 class agrees. Used by the tests, `convstudio-cli parity` and the
// studio's export dialog.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tensor.h"
#include "data/dataset.h"
#include "io/model_file.h"
#include "io/onnx_export.h"

namespace cs {

struct ParityReport {
    int samples = 0;
    // Largest and mean |p_engine - p_opencv| over every sample and class. Probabilities are the
    // model's outputs, or their softmax when the model ends without one (as the classifier does).
    double maxAbsDiff = 0;
    double meanAbsDiff = 0;
    double maxOutputDiff = 0;  // the same on the raw outputs
    int top1Agreements = 0;
    std::vector<int> disagreements;  // sample indices whose top-1 classes differ
    bool allTop1Agree() const { return top1Agreements == samples; }
    nlohmann::json toJson() const;
};

struct ParityOptions {
    int count = 100;                  // images compared (at most the dataset's size)
    OnnxExportOptions exportOptions;  // with bakePreprocessing, OpenCV gets raw pixels
};

// Runs `input` (batch x C x H x W floats) through OpenCV's DNN on the serialized ONNX model.
// Throws Error with OpenCV's message when the model does not load or run.
Tensor runOpenCvDnn(const std::string& onnxBytes, const Tensor& input);

// Compares the engine on `engineInput` with OpenCV on `onnxInput` (the same images, raw pixel
// values when the preprocessing is baked into the ONNX model, else identical to engineInput).
ParityReport compareWithOpenCv(const ModelFile& file, const std::string& onnxBytes, const Tensor& engineInput,
                               const Tensor& onnxInput);

// Exports `file` to ONNX in memory and compares options.count images of `data` (evenly spread
// over it). The dataset's images must have the model's preprocessing size and channels.
// Throws Error when they do not or when the model has no weights.
ParityReport checkParity(const ModelFile& file, const Dataset& data, const ParityOptions& options = {});

}  // namespace cs
