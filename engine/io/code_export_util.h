#pragma once
// Engine-internal helpers shared by the Keras and PyTorch code generators.
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/model.h"
#include "layers/window_geometry.h"

namespace cs::codegen {

// A Python identifier for a layer name, unique within `used` (which it extends).
std::string identifier(const std::string& name, std::set<std::string>& used);
// A Python literal: 'text' (escaped), numbers with full float precision, True/False, lists.
std::string pyString(const std::string& s);
std::string pyNumber(double v);
std::string pyJson(const nlohmann::json& j);  // JSON value as a Python literal (dicts, lists, ...)

// The items separated by `separator`: "a, b, c".
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");

// Trainable parameters (without BatchNorm's moving statistics, which Model::paramCount counts).
int64_t trainableParams(const Model& model);

// Window geometry of a Conv2D/pooling node and its TF 'same' pads (top, left, bottom, right).
struct WindowInfo {
    int k = 1, s = 1, d = 1;  // d: dilation (convolutions)
    bool same = false;
    int t = 0, l = 0, b = 0, r = 0;
    bool symmetric() const { return t == b && l == r; }
    bool anyPads() const { return t || l || b || r; }
};
// `sizeKey`: the option with the window's size ("kernel_size", "pool_size").
WindowInfo windowInfo(const Model::Node& node, const char* sizeKey);
// A convolution's (Conv2D, DepthwiseConv2D, SeparableConv2D): pads from any padding mode, and
// `same` when they are TensorFlow's 'same' for this input (explicit pads may be, too).
WindowInfo convWindowInfo(const Model::Node& node);

// The Python data-loading helpers (IDX plain/gz, image folders with train/val/test and
// classes.txt, preprocessing) shared by the Keras script and train.py; numpy only. The template
// resources/codegen/python_data.py, ending with a newline.
const std::string& pythonDataSource();

}  // namespace cs::codegen
