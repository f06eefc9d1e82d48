#pragma once
// ONNX import: models built from the ops the exporter writes, and the equivalent patterns that
// PyTorch's and Keras's (tf2onnx) exporters produce for the same layers, become a ModelFile
// (graph + weights + preprocessing + class names) that can be inspected, fine-tuned, evaluated
// and used on the webcam.
//
// Ops: Conv, Relu, LeakyRelu (slope 0.2), Elu (alpha 1), Sigmoid, Tanh, Softmax, MaxPool,
// AveragePool, GlobalAveragePool / ReduceMean over H,W, BatchNormalization, Gemm, MatMul+Add,
// Flatten, Reshape (constant or Shape/Gather/Unsqueeze/Concat-computed), Squeeze, Dropout,
// Identity, Add/Sum, Concat, Pad (absorbed into the next Conv/MaxPool), Transpose (an NHWC input,
// and channels-last flattening before a Dense), and Mul/Add/Sub/Div by per-channel constants
// right after the input (folded into the preprocessing).
// The blocks of MobileNet/ShuffleNet/EfficientNet (onnx_importer_blocks.cpp): Clip(0, 6) as relu6,
// HardSigmoid, HardSwish (or x * HardSigmoid(x)), x * Sigmoid(x) as silu, GELU (Gelu or PyTorch's
// Erf chain), Mul of two computed values (Multiply; squeeze-and-excitation), 1x1 Conv on pooled
// features (Dense), channel shuffle (Reshape-Transpose-Reshape), Slice/Split of channels, a zero
// Pad no Conv absorbs (ZeroPadding2D), and a padded MaxPool after a ReLU (exact ZeroPadding2D).
// Activations fold into the Conv/Dense before them where that output has no other use.
// Pads become 'valid' or TensorFlow's 'same' (possibly asymmetric); pads that fit neither, and
// anything else unsupported, throw FileError naming the node and its op. Malformed files
// (truncated, missing initializers, inconsistent shapes) throw FileError too, never crash.
#include <string>
#include <vector>

#include "io/model_file.h"

namespace cs {

struct OnnxImportReport {
    bool preprocessingFromMetadata = false;  // else the default for the input shape (x/255)
    bool classNamesFromMetadata = false;     // else "0".."N-1"
    bool graphFromMetadata = false;          // the exporter's GraphSpec (ids, options, layout) restored
    std::vector<std::string> notes;          // decisions worth telling the user ("folded Relu 'r' into Conv 'c'")
};

// `what` names the source in messages (usually the path).
ModelFile importOnnx(const std::string& bytes, const std::string& what = "ONNX model",
                     OnnxImportReport* report = nullptr);
// Reads and imports a file; throws FileError naming the path.
ModelFile loadOnnxFile(const std::string& path, OnnxImportReport* report = nullptr);

}  // namespace cs
