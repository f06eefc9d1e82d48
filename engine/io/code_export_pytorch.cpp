// PyTorch code export: model.py generated from the compiled model, train.py and README.md from
// templates (code_export_pytorch_train.cpp), weights as weights.json + weights.bin.
#include <filesystem>
#include <sstream>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/code_export.h"
#include "io/code_export_util.h"

namespace cs {

namespace codegen {
const char* pytorchTrainTemplate();
const char* pytorchReadmeTemplate();
}  // namespace codegen

namespace {

using namespace codegen;

std::string applyActivation(std::string_view a, const std::string& x) {
    if (a == "relu") return "F.relu(" + x + ")";
    if (a == "leaky_relu") return "F.leaky_relu(" + x + ", 0.2)";
    if (a == "elu") return "F.elu(" + x + ")";
    if (a == "sigmoid") return "torch.sigmoid(" + x + ")";
    if (a == "tanh") return "torch.tanh(" + x + ")";
    if (a == "softmax") return "torch.softmax(" + x + ", dim=1)";
    return x;
}

std::string padArgs(const WindowInfo& w) {
    // F.pad orders the last axis first: (left, right, top, bottom).
    return "(" + std::to_string(w.l) + ", " + std::to_string(w.r) + ", " + std::to_string(w.t) + ", " +
           std::to_string(w.b) + ")";
}

struct ModuleCode {
    std::ostringstream init, forward;
    std::ostringstream weightNames;  // ConvStudio "layer/param" -> state_dict key
};

void mapWeight(ModuleCode& m, const std::string& layer, const char* param, const std::string& key) {
    m.weightNames << "    " << pyString(layer + "/" + param) << ": " << pyString(key) << ",\n";
}

// Emits one node: its module in __init__ and its line(s) in forward_logits. `finalLogits`: the
// output node's softmax is left to forward().
void emitNode(ModuleCode& m, const Model::Node& node, const std::string& var, const std::vector<std::string>& in,
              bool finalLogits) {
    const Layer& layer = *node.layer;
    const std::string kind(layer.kind());
    const std::string name = layer.name();
    const Options o = layer.options();
    const std::string self = "self." + var;
    std::string act = std::string(layer.activationName());
    if (finalLogits && act == "softmax") act = "linear";
    auto line = [&](const std::string& expr) { m.forward << "        " << var << " = " << expr << "\n"; };
    if (kind == "Conv2D") {
        const WindowInfo w = windowInfo(node);
        const bool sym = w.symmetric();
        m.init << "        " << self << " = nn.Conv2d(" << node.inputShapes[0].channels() << ", "
               << o["filters"].get<int>() << ", kernel_size=" << w.k << ", stride=" << w.s;
        if (sym && (w.t || w.l)) m.init << ", padding=(" << w.t << ", " << w.l << ")";
        if (!o["use_bias"].get<bool>()) m.init << ", bias=False";
        m.init << ")\n";
        std::string x = in[0];
        if (!sym) x = "F.pad(" + x + ", " + padArgs(w) + ")  # TensorFlow 'same': one more pixel after";
        if (!sym) {
            m.forward << "        " << var << " = " << x << "\n";
            x = var;
        }
        line(applyActivation(act, self + "(" + x + ")"));
        mapWeight(m, name, "kernel", var + ".weight");
        if (o["use_bias"].get<bool>()) mapWeight(m, name, "bias", var + ".bias");
    } else if (kind == "MaxPooling2D" || kind == "AveragePooling2D") {
        const WindowInfo w = windowInfo(node);
        const bool isMax = kind == "MaxPooling2D";
        const bool simplePad = w.symmetric() && w.t <= w.k / 2 && w.l <= w.k / 2;
        if (!w.same || simplePad) {
            m.init << "        " << self << " = nn." << (isMax ? "MaxPool2d" : "AvgPool2d") << "(kernel_size=" << w.k
                   << ", stride=" << w.s;
            if (w.t || w.l) m.init << ", padding=(" << w.t << ", " << w.l << ")";
            if (!isMax) m.init << ", count_include_pad=False";  // as Keras; PyTorch's ONNX then needs no Pad
            m.init << ")\n";
            line(self + "(" + in[0] + ")");
        } else if (isMax) {
            line("F.max_pool2d(F.pad(" + in[0] + ", " + padArgs(w) + ", value=float('-inf')), " + std::to_string(w.k) +
                 ", " + std::to_string(w.s) + ")");
        } else {
            line("avg_pool_same(" + in[0] + ", " + std::to_string(w.k) + ", " + std::to_string(w.s) + ", " +
                 padArgs(w) + ")");
        }
    } else if (kind == "GlobalAveragePooling2D") {
        line(in[0] + ".mean(dim=(2, 3))");
    } else if (kind == "Flatten") {
        line(node.inputShapes[0].isFlat() ? in[0] : "torch.flatten(" + in[0] + ", 1)  # C,H,W order, as ConvStudio");
    } else if (kind == "Dense") {
        m.init << "        " << self << " = nn.Linear(" << node.inputShapes[0].size() << ", " << o["units"].get<int>()
               << (o["use_bias"].get<bool>() ? "" : ", bias=False") << ")\n";
        line(applyActivation(act, self + "(" + in[0] + ")"));
        mapWeight(m, name, "kernel", var + ".weight");
        if (o["use_bias"].get<bool>()) mapWeight(m, name, "bias", var + ".bias");
    } else if (kind == "BatchNormalization") {
        const bool image = node.inputShapes[0].isImage();
        const int c = image ? node.inputShapes[0].channels() : static_cast<int>(node.inputShapes[0].size());
        const bool center = o["center"].get<bool>(), scale = o["scale"].get<bool>();
        const bool affine = center && scale;
        // PyTorch's momentum weighs the new batch; Keras's (ConvStudio's) the old statistics.
        m.init << "        " << self << " = nn.BatchNorm" << (image ? "2d(" : "1d(") << c
               << ", eps=" << pyNumber(o["epsilon"].get<double>())
               << ", momentum=" << pyNumber(1.0 - o["momentum"].get<double>()) << (affine ? "" : ", affine=False")
               << ")\n";
        mapWeight(m, name, "moving_mean", var + ".running_mean");
        mapWeight(m, name, "moving_variance", var + ".running_var");
        std::string expr = self + "(" + in[0] + ")";
        const std::string view = image ? ".view(1, -1, 1, 1)" : ".view(1, -1)";
        if (affine) {
            mapWeight(m, name, "gamma", var + ".weight");
            mapWeight(m, name, "beta", var + ".bias");
        } else {
            if (scale) {
                m.init << "        " << self << "_gamma = nn.Parameter(torch.ones(" << c << "))\n";
                expr += " * " + self + "_gamma" + view;
                mapWeight(m, name, "gamma", var + "_gamma");
            }
            if (center) {
                m.init << "        " << self << "_beta = nn.Parameter(torch.zeros(" << c << "))\n";
                expr += " + " + self + "_beta" + view;
                mapWeight(m, name, "beta", var + "_beta");
            }
        }
        line(expr);
    } else if (kind == "Dropout") {
        m.init << "        " << self << " = nn.Dropout(" << pyNumber(o["rate"].get<double>()) << ")\n";
        line(self + "(" + in[0] + ")");
    } else if (kind == "Activation") {
        line(applyActivation(act, in[0]));
    } else if (kind == "Add") {
        std::string s;
        for (size_t i = 0; i < in.size(); ++i) s += (i ? " + " : "") + in[i];
        line(s);
    } else if (kind == "Concatenate") {
        std::string s = "torch.cat([";
        for (size_t i = 0; i < in.size(); ++i) s += (i ? ", " : "") + in[i];
        line(s + "], dim=1)");
    } else {
        throw Error("PyTorch export: " + describeLayer(layer.kind(), layer.name()) + " has no PyTorch form");
    }
}

std::string modelPy(const ModelFile& file) {
    const Model model(file.graph, file.seed);
    const Shape in = model.inputShape();
    ModuleCode m;
    std::set<std::string> used;
    std::vector<std::string> var(model.nodes().size());
    const bool softmaxOut = model.outputActivation() == Activation::Softmax;
    for (size_t i = 0; i < model.nodes().size(); ++i) {
        const auto& node = model.nodes()[i];
        if (node.layer->kind() == "Input") {
            var[i] = "x";
            continue;
        }
        var[i] = identifier(node.layer->name(), used);
        std::vector<std::string> inputs;
        for (int j : node.inputs) inputs.push_back(var[j]);
        emitNode(m, node, var[i], inputs, softmaxOut && i + 1 == model.nodes().size());
    }
    std::ostringstream py;
    py << "\"\"\"PyTorch model generated by ConvStudio.\n\n"
       << "Channels-first (NCHW) like ConvStudio, so every parameter maps 1:1 (WEIGHT_NAMES): Conv2d.weight is\n"
       << "ConvStudio's kernel (filters, channels, k, k), Linear.weight its kernel (units, inputs), BatchNorm's\n"
       << "weight/bias/running_mean/running_var its gamma/beta/moving_mean/moving_variance. Flatten orders\n"
       << "features C,H,W in both. " << trainableParams(model) << " trainable parameters.\n\"\"\"\n"
       << "import json\nimport os\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
       << "CLASS_NAMES = " << pyJson(file.classNames) << "\n"
       << "PREPROCESSING = " << pyJson(file.preprocessing.toJson()) << "\n"
       << "TRAINING = " << pyJson(file.training) << "\n"
       << "INPUT_SHAPE = (" << in.channels() << ", " << in.height() << ", " << in.width()
       << ")  # channels, height, width\n"
       << "OUTPUT_SOFTMAX = " << (softmaxOut ? "True" : "False") << "\n"
       << "# The ConvStudio graph, written into the ONNX metadata so the studio restores its layout.\n"
       << "GRAPH = " << pyString(file.graph.toJson().dump()) << "\n"
       << "# ConvStudio tensor name -> state_dict key.\nWEIGHT_NAMES = {\n"
       << m.weightNames.str() << "}\n\n\n"
       << "def avg_pool_same(x, k, s, pads):\n"
       << "    \"\"\"Average pooling with TensorFlow 'same' padding that is not counted (as Keras and "
          "ConvStudio).\"\"\"\n"
       << "    ones = torch.ones_like(x[:, :1])\n"
       << "    return F.avg_pool2d(F.pad(x, pads), k, s) / F.avg_pool2d(F.pad(ones, pads), k, s)\n\n\n"
       << "class ConvStudioNet(nn.Module):\n"
       << "    def __init__(self):\n        super().__init__()\n"
       << (m.init.str().empty() ? "        pass\n" : m.init.str()) << "\n"
       << "    def forward_logits(self, x):\n"
       << "        \"\"\"The network without its final softmax (what cross-entropy wants).\"\"\"\n"
       << m.forward.str() << "        return " << var.back() << "\n\n"
       << "    def forward(self, x, logits=False):\n"
       << "        \"\"\"Class probabilities as ConvStudio outputs them; logits=True skips the final softmax.\"\"\"\n"
       << (softmaxOut ? "        z = self.forward_logits(x)\n        return z if logits else torch.softmax(z, dim=1)\n"
                      : "        return self.forward_logits(x)\n")
       << "\n\n"
       << "def load_convstudio_weights(model, folder):\n"
       << "    \"\"\"Loads weights.json + weights.bin (written by ConvStudio's export) into the model.\"\"\"\n"
       << "    with open(os.path.join(folder, 'weights.json'), encoding='utf-8') as f:\n"
       << "        index = json.load(f)\n"
       << "    with open(os.path.join(folder, 'weights.bin'), 'rb') as f:\n"
       << "        blob = f.read()\n"
       << "    state = model.state_dict()\n"
       << "    for entry in index:\n"
       << "        key = WEIGHT_NAMES[entry['name']]\n"
       << "        start = entry['offset'] * 4\n"
       << "        values = torch.frombuffer(bytearray(blob[start:start + entry['count'] * 4]), dtype=torch.float32)\n"
       << "        state[key] = values.reshape(state[key].shape).clone()\n"
       << "    model.load_state_dict(state)\n"
       << "    return model\n";
    return py.str();
}

}  // namespace

PyTorchProject exportPyTorchProject(const ModelFile& file) {
    PyTorchProject p;
    p.modelPy = modelPy(file);
    p.trainPy = fill(pytorchTrainTemplate(), {{"DATA", pythonDataSource()}});
    const Model model(file.graph, file.seed);
    p.readme = fill(pytorchReadmeTemplate(), {{"PARAMS", std::to_string(trainableParams(model))},
                                              {"EPOCHS", std::to_string(file.training.value("epochs", 5))}});
    return p;
}

void writePyTorchProject(const std::string& folder, const ModelFile& file) {
    const PyTorchProject p = exportPyTorchProject(file);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::u8path(folder), ec);
    if (ec) throw FileError(folder + ": cannot create the folder: " + ec.message());
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
