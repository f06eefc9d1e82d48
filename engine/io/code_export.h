#pragma once
// Code export: Python that rebuilds a model outside ConvStudio.
//
// Keras (TensorFlow 2): one script with build_model() (a models.Sequential() listing for plain
// chains, the functional API for graphs with Add/Concatenate), the training settings as
// compile()/fit() arguments and callbacks (the class balance as fit()'s class_weight or an
// oversampled tf.data order per epoch), the preprocessing and a data loader. Keras is
// channels-last, so its Flatten orders features H,W,C where ConvStudio's orders C,H,W; the
// generated code says so where it matters.
//
// PyTorch: a project folder — model.py (an nn.Module in NCHW like ConvStudio, so parameter
// names/shapes map 1:1 and weights transfer), train.py (same data layouts, preprocessing,
// augmentation choices and class balance; one CPU, GPUs, or torchrun/DistributedDataParallel;
// writes ONNX opset 13 with ConvStudio's metadata keys so the studio imports it back) and
// README.md. When the model has weights they are written too (weights.json + weights.bin,
// loaded by model.py).
#include <string>
#include <string_view>

#include "io/model_file.h"

namespace cs {

class Model;

// Both throw Error naming the node and its kind when the model has a kind they cannot write.
std::string exportKerasCode(const ModelFile& file);

struct PyTorchProject {
    std::string modelPy;
    std::string trainPy;
    std::string readme;
};
PyTorchProject exportPyTorchProject(const ModelFile& file);

// The same from an already compiled model; `file` supplies class names, preprocessing and
// training settings.
std::string exportKerasCode(const Model& model, const ModelFile& file);
PyTorchProject exportPyTorchProject(const Model& model, const ModelFile& file);

// Whether the Keras / PyTorch export can write a layer kind: each kind's form is in a table in
// code_export_keras.cpp / code_export_pytorch.cpp (a test checks every registered kind has one).
bool isKerasExportable(std::string_view kind);
bool isPyTorchExportable(std::string_view kind);

// Writes the Keras script to `path`; throws FileError naming the path.
void saveKerasCode(const std::string& path, const ModelFile& file);
// Creates `folder` if needed and writes model.py, train.py, README.md and, when the model has
// weights, weights.json + weights.bin. Throws FileError naming the path.
void writePyTorchProject(const std::string& folder, const ModelFile& file);

}  // namespace cs
