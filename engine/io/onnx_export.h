#pragma once
// ONNX export of any model the engine can build, with ONNX's own protobuf classes (libonnx).
//
// The file has one float input "input" (batch x C x H x W, the batch dimension symbolic) and one
// output "output" (batch x classes), opset 13..17, and the model's class names, preprocessing,
// graph and training settings in ModelProto.metadata_props (keys in onnx_common.h:
// "convstudio.class_names", "convstudio.preprocessing", ...). Every written model passes
// onnx::checker::check_model and loads in OpenCV 4.6's DNN module (cv::dnn::readNetFromONNX);
// where an ONNX form does not work there, an equivalent one that does is written (baked
// preprocessing is a grouped 1x1 convolution, since OpenCV cannot broadcast per-channel Mul/Add).
// TensorFlow's asymmetric 'same' padding is written as asymmetric pads on Conv/MaxPool/AveragePool.
#include <string>
#include <string_view>

#include "io/model_file.h"

namespace cs {

class Model;

inline constexpr int kOnnxMinOpset = 13;
inline constexpr int kOnnxMaxOpset = 17;  // the newest the installed ONNX 1.12 checker knows

struct OnnxExportOptions {
    int opset = 13;
    // true: the input takes raw pixel values (0..255, channels in the preprocessing's order, RGB
    // for colour) and the model's first nodes apply inversion, scaling and normalisation.
    // false: the input is already preprocessed, exactly as the engine's own input.
    bool bakePreprocessing = false;
};

// The serialized ModelProto. Uses the file's weights, or the seed's initial weights when it has
// none. Throws OptionError for an opset outside kOnnxMinOpset..kOnnxMaxOpset, ShapeError for a
// graph that does not compile, and Error if the checker rejects the result (a bug).
std::string exportOnnx(const ModelFile& file, const OnnxExportOptions& options = {});
// The same from an already compiled model (with its current weights); `file` supplies the
// metadata (class names, preprocessing, training settings).
std::string exportOnnx(const Model& model, const ModelFile& file, const OnnxExportOptions& options = {});
// Whether ONNX export can write a layer kind (each kind's emitter is in onnx_export_layers.cpp;
// a test checks that every registered kind has one). A model with a kind it cannot write fails
// with an Error naming the node and the kind.
bool isOnnxExportable(std::string_view kind);
// Writes exportOnnx(file, options) to `path` atomically; throws FileError naming the path.
void saveOnnxFile(const std::string& path, const ModelFile& file, const OnnxExportOptions& options = {});

}  // namespace cs
