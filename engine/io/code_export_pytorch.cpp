// PyTorch code export: model.py, train.py and README.md from the templates
// resources/codegen/pytorch_*.{py,md} (model.py's layers from the compiled model, kind by kind),
// weights as weights.json + weights.bin.
#include <filesystem>
#include <map>
#include <sstream>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/code_export.h"
#include "io/code_export_util.h"
#include "io/code_template.h"

namespace cs {

namespace {

using namespace codegen;

std::string applyActivation(std::string_view a, const std::string& x) {
    if (a == "relu") return "F.relu(" + x + ")";
    if (a == "leaky_relu") return "F.leaky_relu(" + x + ", 0.2)";
    if (a == "elu") return "F.elu(" + x + ")";
    if (a == "sigmoid") return "torch.sigmoid(" + x + ")";
    if (a == "tanh") return "torch.tanh(" + x + ")";
    if (a == "softmax") return "torch.softmax(" + x + ", dim=1)";
    if (a == "relu6") return "F.relu6(" + x + ")";
    if (a == "hard_sigmoid") return "F.hardsigmoid(" + x + ")";
    if (a == "hard_swish") return "F.hardswish(" + x + ")";
    if (a == "silu") return "F.silu(" + x + ")";
    if (a == "gelu") return "F.gelu(" + x + ")";
    return x;
}

std::string padArgs(const WindowInfo& w) {
    // F.pad orders the last axis first: (left, right, top, bottom).
    return "(" + std::to_string(w.l) + ", " + std::to_string(w.r) + ", " + std::to_string(w.t) + ", " +
           std::to_string(w.b) + ")";
}

// What the emitters write: __init__'s modules (init), forward_logits's lines (forward) and the
// WEIGHT_NAMES entries.
struct ModuleCode {
    std::ostringstream init, forward;
    std::ostringstream weightNames;  // ConvStudio "layer/param" -> state_dict key
};

// One node to write: its layer, its Python variable and those of its inputs, and the
// activation to apply (the output node's softmax is left to forward()).
struct NodeCode {
    const Model::Node& node;
    const Layer& layer;
    Options o;  // the layer's options
    std::string var, self;
    std::vector<std::string> in;
    std::string act;

    // "        var = expr" in forward_logits.
    void line(ModuleCode& m, const std::string& expr) const { m.forward << "        " << var << " = " << expr << "\n"; }
    void mapWeight(ModuleCode& m, const char* param, const std::string& key) const {
        m.weightNames << "    " << pyString(layer.name() + "/" + param) << ": " << pyString(key) << ",\n";
    }
};

void emitInput(ModuleCode&, const NodeCode&) {}  // the input is forward's argument x

// "nn.Conv2d(...)" for a convolution with window `w` (padding only when symmetric: asymmetric
// pads are an F.pad before it).
std::string conv2dModule(int in, int out, const WindowInfo& w, int groups, bool bias) {
    std::ostringstream c;
    c << "nn.Conv2d(" << in << ", " << out << ", kernel_size=" << w.k << ", stride=" << w.s;
    if (w.symmetric() && w.anyPads()) c << ", padding=(" << w.t << ", " << w.l << ")";
    if (w.d != 1) c << ", dilation=" << w.d;
    if (groups != 1) c << ", groups=" << groups;
    if (!bias) c << ", bias=False";
    return c.str() + ")";
}

// The convolution's input, after an F.pad line when its pads are asymmetric.
std::string paddedInput(ModuleCode& m, const NodeCode& n, const WindowInfo& w) {
    if (w.symmetric()) return n.in[0];
    n.line(m, "F.pad(" + n.in[0] + ", " + padArgs(w) + ")" +
                  (w.same ? "  # TensorFlow 'same': one more pixel after" : "  # asymmetric padding"));
    return n.var;
}

void emitConv(ModuleCode& m, const NodeCode& n) {
    const WindowInfo w = convWindowInfo(n.node);
    const bool bias = n.o["use_bias"].get<bool>();
    m.init << "        " << n.self << " = "
           << conv2dModule(n.node.inputShapes[0].channels(), n.o["filters"].get<int>(), w, n.o["groups"].get<int>(),
                           bias)
           << "\n";
    n.line(m, applyActivation(n.act, n.self + "(" + paddedInput(m, n, w) + ")"));
    n.mapWeight(m, "kernel", n.var + ".weight");
    if (bias) n.mapWeight(m, "bias", n.var + ".bias");
}

void emitDepthwiseConv(ModuleCode& m, const NodeCode& n) {
    const WindowInfo w = convWindowInfo(n.node);
    const bool bias = n.o["use_bias"].get<bool>();
    const int c = n.node.inputShapes[0].channels();
    m.init << "        " << n.self << " = " << conv2dModule(c, c * n.o["depth_multiplier"].get<int>(), w, c, bias)
           << "  # depthwise\n";
    n.line(m, applyActivation(n.act, n.self + "(" + paddedInput(m, n, w) + ")"));
    n.mapWeight(m, "kernel", n.var + ".weight");
    if (bias) n.mapWeight(m, "bias", n.var + ".bias");
}

// Keras's SeparableConv2D: a depthwise convolution without bias, then a 1x1 convolution.
void emitSeparableConv(ModuleCode& m, const NodeCode& n) {
    const WindowInfo w = convWindowInfo(n.node);
    const bool bias = n.o["use_bias"].get<bool>();
    const int c = n.node.inputShapes[0].channels(), mid = c * n.o["depth_multiplier"].get<int>();
    WindowInfo pointwise;
    m.init << "        " << n.self << "_depthwise = " << conv2dModule(c, mid, w, c, false) << "\n";
    m.init << "        " << n.self
           << "_pointwise = " << conv2dModule(mid, n.o["filters"].get<int>(), pointwise, 1, bias) << "\n";
    const std::string x = paddedInput(m, n, w);
    n.line(m, applyActivation(n.act, n.self + "_pointwise(" + n.self + "_depthwise(" + x + "))"));
    n.mapWeight(m, "depthwise_kernel", n.var + "_depthwise.weight");
    n.mapWeight(m, "pointwise_kernel", n.var + "_pointwise.weight");
    if (bias) n.mapWeight(m, "bias", n.var + "_pointwise.bias");
}

void emitPooling(ModuleCode& m, const NodeCode& n, bool isMax) {
    const WindowInfo w = windowInfo(n.node, "pool_size");
    const bool simplePad = w.symmetric() && w.t <= w.k / 2 && w.l <= w.k / 2;
    if (!w.same || simplePad) {
        m.init << "        " << n.self << " = nn." << (isMax ? "MaxPool2d" : "AvgPool2d") << "(kernel_size=" << w.k
               << ", stride=" << w.s;
        if (w.t || w.l) m.init << ", padding=(" << w.t << ", " << w.l << ")";
        if (!isMax) m.init << ", count_include_pad=False";  // as Keras; PyTorch's ONNX then needs no Pad
        m.init << ")\n";
        n.line(m, n.self + "(" + n.in[0] + ")");
    } else if (isMax) {
        n.line(m, "F.max_pool2d(F.pad(" + n.in[0] + ", " + padArgs(w) + ", value=float('-inf')), " +
                      std::to_string(w.k) + ", " + std::to_string(w.s) + ")");
    } else {
        n.line(m, "avg_pool_same(" + n.in[0] + ", " + std::to_string(w.k) + ", " + std::to_string(w.s) + ", " +
                      padArgs(w) + ")");
    }
}

void emitMaxPooling(ModuleCode& m, const NodeCode& n) { emitPooling(m, n, true); }
void emitAveragePooling(ModuleCode& m, const NodeCode& n) { emitPooling(m, n, false); }

void emitGlobalAveragePooling(ModuleCode& m, const NodeCode& n) { n.line(m, n.in[0] + ".mean(dim=(2, 3))"); }

void emitFlatten(ModuleCode& m, const NodeCode& n) {
    n.line(m, n.node.inputShapes[0].isFlat() ? n.in[0]
                                             : "torch.flatten(" + n.in[0] + ", 1)  # C,H,W order, as ConvStudio");
}

void emitDense(ModuleCode& m, const NodeCode& n) {
    const bool bias = n.o["use_bias"].get<bool>();
    m.init << "        " << n.self << " = nn.Linear(" << n.node.inputShapes[0].size() << ", " << n.o["units"].get<int>()
           << (bias ? "" : ", bias=False") << ")\n";
    n.line(m, applyActivation(n.act, n.self + "(" + n.in[0] + ")"));
    n.mapWeight(m, "kernel", n.var + ".weight");
    if (bias) n.mapWeight(m, "bias", n.var + ".bias");
}

void emitBatchNormalization(ModuleCode& m, const NodeCode& n) {
    const Shape& in = n.node.inputShapes[0];
    const bool image = in.isImage();
    const int c = image ? in.channels() : static_cast<int>(in.size());
    const bool center = n.o["center"].get<bool>(), scale = n.o["scale"].get<bool>();
    const bool affine = center && scale;
    // PyTorch's momentum weighs the new batch; Keras's (ConvStudio's) the old statistics.
    m.init << "        " << n.self << " = nn.BatchNorm" << (image ? "2d(" : "1d(") << c
           << ", eps=" << pyNumber(n.o["epsilon"].get<double>())
           << ", momentum=" << pyNumber(1.0 - n.o["momentum"].get<double>()) << (affine ? "" : ", affine=False")
           << ")\n";
    n.mapWeight(m, "moving_mean", n.var + ".running_mean");
    n.mapWeight(m, "moving_variance", n.var + ".running_var");
    std::string expr = n.self + "(" + n.in[0] + ")";
    const std::string view = image ? ".view(1, -1, 1, 1)" : ".view(1, -1)";
    if (affine) {
        n.mapWeight(m, "gamma", n.var + ".weight");
        n.mapWeight(m, "beta", n.var + ".bias");
    } else {  // PyTorch's affine is both or neither: the one present is a parameter of its own
        if (scale) {
            m.init << "        " << n.self << "_gamma = nn.Parameter(torch.ones(" << c << "))\n";
            expr += " * " + n.self + "_gamma" + view;
            n.mapWeight(m, "gamma", n.var + "_gamma");
        }
        if (center) {
            m.init << "        " << n.self << "_beta = nn.Parameter(torch.zeros(" << c << "))\n";
            expr += " + " + n.self + "_beta" + view;
            n.mapWeight(m, "beta", n.var + "_beta");
        }
    }
    n.line(m, expr);
}

void emitDropout(ModuleCode& m, const NodeCode& n) {
    m.init << "        " << n.self << " = nn.Dropout(" << pyNumber(n.o["rate"].get<double>()) << ")\n";
    n.line(m, n.self + "(" + n.in[0] + ")");
}

void emitActivation(ModuleCode& m, const NodeCode& n) { n.line(m, applyActivation(n.act, n.in[0])); }
void emitAdd(ModuleCode& m, const NodeCode& n) { n.line(m, join(n.in, " + ")); }
void emitConcatenate(ModuleCode& m, const NodeCode& n) { n.line(m, "torch.cat([" + join(n.in) + "], dim=1)"); }

// The blocks of MobileNet/ShuffleNet/EfficientNet-style models (issue 15).
void emitMultiply(ModuleCode& m, const NodeCode& n) {
    std::vector<std::string> in = n.in;
    for (int i = 0; i < 2; ++i)  // a per-channel gate (N, C) scales the (N, C, H, W) maps
        if (n.node.inputShapes[i].isFlat() && n.node.outputShape.isImage())
            in[i] += ".reshape(-1, " + std::to_string(n.node.inputShapes[i][0]) + ", 1, 1)";
    n.line(m, in[0] + " * " + in[1]);
}

void emitZeroPadding(ModuleCode& m, const NodeCode& n) {
    n.line(m, "F.pad(" + n.in[0] + ", (" + std::to_string(n.o["left"].get<int>()) + ", " +
                  std::to_string(n.o["right"].get<int>()) + ", " + std::to_string(n.o["top"].get<int>()) + ", " +
                  std::to_string(n.o["bottom"].get<int>()) + "))");
}

void emitChannelShuffle(ModuleCode& m, const NodeCode& n) {
    const Shape& s = n.node.inputShapes[0];
    const int g = n.o["groups"].get<int>();
    n.line(m, n.in[0] + ".reshape(-1, " + std::to_string(g) + ", " + std::to_string(s.channels() / g) + ", " +
                  std::to_string(s.height()) + ", " + std::to_string(s.width()) + ").transpose(1, 2).reshape(-1, " +
                  std::to_string(s.channels()) + ", " + std::to_string(s.height()) + ", " + std::to_string(s.width()) +
                  ")");
}

void emitChannelSlice(ModuleCode& m, const NodeCode& n) {
    n.line(m, n.in[0] + "[:, " + std::to_string(n.o["start"].get<int>()) + ":" +
                  std::to_string(n.o["stop"].get<int>()) + "]");
}

// Writes a node's modules in __init__, its lines in forward_logits and its weight names.
using PyTorchEmitter = void (*)(ModuleCode& m, const NodeCode& n);

PyTorchEmitter pytorchEmitter(std::string_view kind) {
    static const std::map<std::string_view, PyTorchEmitter> emitters{
        {"Input", emitInput},
        {"Conv2D", emitConv},
        {"MaxPooling2D", emitMaxPooling},
        {"AveragePooling2D", emitAveragePooling},
        {"GlobalAveragePooling2D", emitGlobalAveragePooling},
        {"Flatten", emitFlatten},
        {"Dense", emitDense},
        {"BatchNormalization", emitBatchNormalization},
        {"Dropout", emitDropout},
        {"Activation", emitActivation},
        {"Add", emitAdd},
        {"Concatenate", emitConcatenate},
        {"DepthwiseConv2D", emitDepthwiseConv},
        {"SeparableConv2D", emitSeparableConv},
        {"Multiply", emitMultiply},
        {"ZeroPadding2D", emitZeroPadding},
        {"ChannelShuffle", emitChannelShuffle},
        {"ChannelSlice", emitChannelSlice},
    };
    auto it = emitters.find(kind);
    return it == emitters.end() ? nullptr : it->second;
}

std::string modelPy(const Model& model, const ModelFile& file) {
    const Shape in = model.inputShape();
    ModuleCode m;
    std::set<std::string> used;
    const auto& nodes = model.nodes();
    std::vector<std::string> var(nodes.size());
    const bool softmaxOut = model.outputActivation() == Activation::Softmax;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Model::Node& node = nodes[i];
        const PyTorchEmitter emit = pytorchEmitter(node.layer->kind());
        if (!emit)
            throw Error(msg("pytorch_export.no_form",
                            "PyTorch export: {layer} has no PyTorch form (layer kind '{kind}')",
                            {{"layer", describeLayer(node.layer->kind(), node.layer->name())},
                             {"kind", std::string(node.layer->kind())}}));
        var[i] = i == 0 ? "x" : identifier(node.layer->name(), used);  // nodes[0]: the input, forward's x
        std::vector<std::string> inputs;
        for (int j : node.inputs) inputs.push_back(var[j]);
        std::string act(node.layer->activationName());
        if (softmaxOut && i + 1 == nodes.size() && act == "softmax") act = "linear";  // forward() applies it
        emit(m, NodeCode{node, *node.layer, node.layer->options(), var[i], "self." + var[i], inputs, act});
    }
    return fillTemplate(
        "pytorch_model.py",
        {{"PARAMS", std::to_string(trainableParams(model))},
         {"CLASS_NAMES", pyJson(file.classNames)},
         {"PREPROCESSING", pyJson(file.preprocessing.toJson())},
         {"TRAINING", pyJson(file.training)},
         {"INPUT_SHAPE",
          "(" + join({std::to_string(in.channels()), std::to_string(in.height()), std::to_string(in.width())}) + ")"},
         {"OUTPUT_SOFTMAX", softmaxOut ? "True" : "False"},
         {"GRAPH", pyString(file.graph.toJson().dump())},
         {"WEIGHT_NAMES", m.weightNames.str()},
         {"MODULES", m.init.str().empty() ? "        pass\n" : m.init.str()},
         {"FORWARD", m.forward.str()},
         {"OUTPUT", var.back()},
         {"FORWARD_PROBABILITIES", softmaxOut ? "        z = self.forward_logits(x)\n"
                                                "        return z if logits else torch.softmax(z, dim=1)\n"
                                              : "        return self.forward_logits(x)\n"}});
}

}  // namespace

PyTorchProject exportPyTorchProject(const ModelFile& file) {
    return exportPyTorchProject(Model(file.graph, file.seed), file);
}

bool isPyTorchExportable(std::string_view kind) { return pytorchEmitter(kind) != nullptr; }

PyTorchProject exportPyTorchProject(const Model& model, const ModelFile& file) {
    PyTorchProject p;
    p.modelPy = modelPy(model, file);
    p.trainPy = fillTemplate("pytorch_train.py", {{"DATA", pythonDataSource()}});
    p.readme = fillTemplate("pytorch_readme.md", {{"PARAMS", std::to_string(trainableParams(model))},
                                                  {"EPOCHS", std::to_string(file.training.value("epochs", 5))}});
    return p;
}

void writePyTorchProject(const std::string& folder, const ModelFile& file) {
    const PyTorchProject p = exportPyTorchProject(file);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::u8path(folder), ec);
    if (ec)
        throw FileError(msg("pytorch_export.create_folder", "{folder}: cannot create the folder: {reason}",
                            {{"folder", folder}, {"reason", ec.message()}}));
    writeFileAtomically(folder + "/model.py", p.modelPy);
    writeFileAtomically(folder + "/train.py", p.trainPy);
    writeFileAtomically(folder + "/README.md", p.readme);
    if (!file.hasWeights()) return;
    nlohmann::json index = nlohmann::json::array();
    std::string blob;
    int64_t offset = 0;
    for (const auto& [name, t] : file.weights) {
        index.push_back({{"name", name}, {"offset", offset}, {"count", t.size()}});
        blob.append(reinterpret_cast<const char*>(t.data()), static_cast<size_t>(t.size()) * sizeof(float));
        offset += t.size();
    }
    writeFileAtomically(folder + "/weights.json", index.dump(1));
    writeFileAtomically(folder + "/weights.bin", blob);
}

}  // namespace cs
