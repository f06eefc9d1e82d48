#include "io/code_export_util.h"

#include "layers/conv_window.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "io/code_template.h"

namespace cs::codegen {

namespace {

const std::set<std::string>& reserved() {
    // Python keywords and builtins, and nn.Module attributes a layer must not shadow.
    static const std::set<std::string> words{
        "False",   "None",     "True",  "and",        "as",      "assert",  "async",    "await",      "break",
        "class",   "continue", "def",   "del",        "elif",    "else",    "except",   "finally",    "for",
        "from",    "global",   "if",    "import",     "in",      "is",      "lambda",   "nonlocal",   "not",
        "or",      "pass",     "raise", "return",     "try",     "while",   "with",     "yield",      "x",
        "F",       "nn",       "torch", "tf",         "keras",   "layers",  "models",   "self",       "training",
        "forward", "eval",     "train", "parameters", "buffers", "modules", "children", "state_dict", "cuda",
        "cpu",     "to",       "type",  "float",      "double",  "half",    "apply",    "zero_grad",  "inputs",
        "outputs", "model",    "print", "len",        "list",    "dict",    "range",    "max",        "min",
        "sum",     "input"};
    return words;
}

}  // namespace

std::string identifier(const std::string& name, std::set<std::string>& used) {
    std::string id;
    for (unsigned char c : name) id += std::isalnum(c) || c == '_' ? static_cast<char>(std::tolower(c)) : '_';
    if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id = "layer_" + id;
    if (reserved().count(id)) id += "_";
    std::string unique = id;
    for (int i = 1; used.count(unique); ++i) unique = id + "_" + std::to_string(i);
    used.insert(unique);
    return unique;
}

std::string pyString(const std::string& s) {
    std::string out = "'";
    for (unsigned char c : s) {
        if (c == '\\' || c == '\'') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);  // UTF-8 passes through (Python 3 sources are UTF-8)
        }
    }
    return out + "'";
}

std::string pyNumber(double v) {
    if (std::isnan(v)) return "float('nan')";
    if (std::isinf(v)) return v > 0 ? "float('inf')" : "float('-inf')";
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return buf;
    }
    // The shortest text that reads back as the same float32 (options are stored as floats).
    char buf[40];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (static_cast<float>(std::strtod(buf, nullptr)) == static_cast<float>(v)) break;
    }
    return buf;
}

std::string pyJson(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::null:
            return "None";
        case nlohmann::json::value_t::boolean:
            return j.get<bool>() ? "True" : "False";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
            return std::to_string(j.get<int64_t>());
        case nlohmann::json::value_t::number_float:
            return pyNumber(j.get<double>());
        case nlohmann::json::value_t::string:
            return pyString(j.get<std::string>());
        case nlohmann::json::value_t::array: {
            std::string s = "[";
            for (size_t i = 0; i < j.size(); ++i) s += (i ? ", " : "") + pyJson(j[i]);
            return s + "]";
        }
        case nlohmann::json::value_t::object: {
            std::string s = "{";
            bool first = true;
            for (const auto& [k, v] : j.items()) {
                s += (first ? "" : ", ") + pyString(k) + ": " + pyJson(v);
                first = false;
            }
            return s + "}";
        }
        default:
            return "None";
    }
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string s;
    for (size_t i = 0; i < items.size(); ++i) s += (i ? separator : "") + items[i];
    return s;
}

int64_t trainableParams(const Model& model) {
    int64_t n = 0;
    for (const auto& node : model.nodes()) n += node.layer->paramCount();
    return n;
}

const std::string& pythonDataSource() { return codeTemplate("python_data.py"); }

WindowInfo convWindowInfo(const Model::Node& node) {
    const ConvWindowOptions o = ConvWindowOptions::fromJson(node.layer->options());
    const Shape& in = node.inputShapes[0];
    const WindowGeometry g = o.geometry(in, node.layer->kind(), node.layer->name());
    WindowInfo w;
    w.k = g.window;
    w.s = g.stride;
    w.d = g.dilation;
    w.t = g.padTop;
    w.b = g.padBottom;
    w.l = g.padLeft;
    w.r = g.padRight;
    ConvWindowOptions same = o;
    same.padding = Padding::Same;
    const WindowGeometry gs = same.geometry(in, node.layer->kind(), node.layer->name());
    w.same = w.anyPads() && gs.padTop == w.t && gs.padBottom == w.b && gs.padLeft == w.l && gs.padRight == w.r;
    return w;
}

WindowInfo windowInfo(const Model::Node& node, const char* sizeKey) {
    const Options o = node.layer->options();
    WindowInfo w;
    w.k = o.at(sizeKey).get<int>();
    const int s = o.at("strides").get<int>();
    w.s = s > 0 ? s : w.k;  // pooling's 0: the pool size
    const Padding p = paddingFromName(o.at("padding").get<std::string>());
    w.same = p == Padding::Same;
    const WindowGeometry g = WindowGeometry::make(node.inputShapes[0], w.k, w.s, p, node.layer->name(), "window");
    if (w.same) {
        const int totalH = std::max((g.outH - 1) * w.s + w.k - g.inH, 0);
        const int totalW = std::max((g.outW - 1) * w.s + w.k - g.inW, 0);
        w.t = g.padTop;
        w.b = totalH - g.padTop;
        w.l = g.padLeft;
        w.r = totalW - g.padLeft;
    }
    return w;
}

}  // namespace cs::codegen
