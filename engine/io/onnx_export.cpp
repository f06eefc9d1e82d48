#include "io/onnx_export.h"

#include <algorithm>

#include <onnx/checker.h>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/onnx_common.h"
#include "layers/window_geometry.h"

namespace cs {

namespace {

using namespace onnxio;

inline constexpr const char* kProducerVersion = "0.1.0";  // the project's version (CMakeLists.txt)

// ONNX pads of a window op: [top, left, bottom, right]. TensorFlow's 'same' puts the odd pixel
// after (bottom/right), so the result may be asymmetric.
struct Pads {
    int64_t t = 0, l = 0, b = 0, r = 0;
    std::vector<int64_t> attr() const { return {t, l, b, r}; }
};

Pads windowPads(const WindowGeometry& g, Padding p) {
    Pads pd;
    if (p == Padding::Valid) return pd;
    const int totalH = std::max((g.outH - 1) * g.stride + g.window - g.inH, 0);
    const int totalW = std::max((g.outW - 1) * g.stride + g.window - g.inW, 0);
    pd.t = g.padTop;
    pd.b = totalH - g.padTop;
    pd.l = g.padLeft;
    pd.r = totalW - g.padLeft;
    return pd;
}

std::vector<int64_t> dimsOf(const Shape& s) {
    std::vector<int64_t> d;
    for (int i = 0; i < s.rank(); ++i) d.push_back(s[i]);
    return d;
}

class Exporter {
public:
    Exporter(const Model& model, const ModelFile& file, const OnnxExportOptions& options)
        : model_(model), file_(file), options_(options) {}

    onnx::ModelProto run();

private:
    std::string emitActivation(std::string_view act, const std::string& in, const std::string& name,
                               const std::string& out);
    std::string emitConv(const Model::Node& node, const std::string& in);
    std::string emitPooling(const Model::Node& node, const std::string& in);
    std::string emitPreprocessing(const std::string& in);
    void addParam(const Layer& layer, const std::string& param, const std::vector<int64_t>& dims);
    const Param* findParam(const Layer& layer, const std::string& name) const;
    std::string valueName(const Layer& layer) const;

    const Model& model_;
    const ModelFile& file_;
    const OnnxExportOptions& options_;
    onnx::GraphProto* g_ = nullptr;
};

std::string Exporter::valueName(const Layer& layer) const {
    // The graph's input and output names are reserved.
    const std::string& n = layer.name();
    return (n == kInputName || n == kOutputName) ? n + "_value" : n;
}

const Param* Exporter::findParam(const Layer& layer, const std::string& name) const {
    for (const auto& p : layer.params())
        if (p.name == name) return &p;
    for (const auto& p : layer.state())
        if (p.name == name) return &p;
    return nullptr;
}

void Exporter::addParam(const Layer& layer, const std::string& param, const std::vector<int64_t>& dims) {
    const Param* p = findParam(layer, param);
    if (!p) throw Error(describeLayer(layer.kind(), layer.name()) + ": has no parameter '" + param + "'");
    addFloatInitializer(*g_, layer.name() + "/" + param, dims, p->value.data());
}

std::string Exporter::emitActivation(std::string_view act, const std::string& in, const std::string& name,
                                     const std::string& out) {
    if (act == "relu")
        addNode(*g_, "Relu", name, {in}, {out});
    else if (act == "leaky_relu")
        setAttr(addNode(*g_, "LeakyRelu", name, {in}, {out}), "alpha", kLeakyReluSlope);
    else if (act == "elu")
        setAttr(addNode(*g_, "Elu", name, {in}, {out}), "alpha", kEluAlpha);
    else if (act == "sigmoid")
        addNode(*g_, "Sigmoid", name, {in}, {out});
    else if (act == "tanh")
        addNode(*g_, "Tanh", name, {in}, {out});
    // Opset 13 Softmax works over one axis: 1 is the channels of NCHW images and the features
    // of flat (N, F) values, which is what the engine's softmax does for each.
    else if (act == "softmax")
        setAttr(addNode(*g_, "Softmax", name, {in}, {out}), "axis", int64_t(1));
    else if (act == "linear")
        addNode(*g_, "Identity", name, {in}, {out});
    else
        throw Error("ONNX export: activation '" + std::string(act) + "' has no ONNX form");
    return out;
}

std::string Exporter::emitConv(const Model::Node& node, const std::string& in) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const int k = o.at("kernel_size").get<int>(), s = o.at("strides").get<int>();
    const WindowGeometry geo = WindowGeometry::make(
        node.inputShapes[0], k, s, paddingFromName(o.at("padding").get<std::string>()), layer.name(), "kernel");
    // TensorFlow's 'same' may pad one more after than before: ONNX pads say so directly, and
    // OpenCV 4.6 applies such asymmetric pads correctly (the tests compare every case).
    const Pads pads = windowPads(geo, paddingFromName(o.at("padding").get<std::string>()));
    const int filters = o.at("filters").get<int>(), channels = node.inputShapes[0].channels();
    addParam(layer, "kernel", {filters, channels, k, k});
    std::vector<std::string> inputs{in, layer.name() + "/kernel"};
    if (o.at("use_bias").get<bool>()) {
        addParam(layer, "bias", {filters});
        inputs.push_back(layer.name() + "/bias");
    }
    const std::string act(layer.activationName());
    const std::string out = act == "linear" ? valueName(layer) : layer.name() + "/conv";
    auto& conv = addNode(*g_, "Conv", layer.name(), inputs, {out});
    setAttr(conv, "kernel_shape", std::vector<int64_t>{k, k});
    setAttr(conv, "strides", std::vector<int64_t>{s, s});
    setAttr(conv, "pads", pads.attr());
    setAttr(conv, "dilations", std::vector<int64_t>{1, 1});
    setAttr(conv, "group", int64_t(1));
    if (act == "linear") return out;
    return emitActivation(act, out, layer.name() + "/" + act, valueName(layer));
}

std::string Exporter::emitPooling(const Model::Node& node, const std::string& in) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const bool isMax = layer.kind() == "MaxPooling2D";
    const int k = o.at("pool_size").get<int>();
    const int s = o.at("strides").get<int>() > 0 ? o.at("strides").get<int>() : k;
    const Padding padding = paddingFromName(o.at("padding").get<std::string>());
    const WindowGeometry geo = WindowGeometry::make(node.inputShapes[0], k, s, padding, layer.name(), "pool");
    const Pads pads = windowPads(geo, padding);
    // Average pooling must not count the padding (count_include_pad = 0, as Keras); OpenCV 4.6
    // excludes it for every producer but "pytorch", so the producer name matters.
    auto& pool = addNode(*g_, isMax ? "MaxPool" : "AveragePool", layer.name(), {in}, {valueName(layer)});
    setAttr(pool, "kernel_shape", std::vector<int64_t>{k, k});
    setAttr(pool, "strides", std::vector<int64_t>{s, s});
    setAttr(pool, "pads", pads.attr());
    if (!isMax) setAttr(pool, "count_include_pad", int64_t(0));
    return valueName(layer);
}

std::string Exporter::emitPreprocessing(const std::string& in) {
    const Preprocessing& pre = file_.preprocessing;
    const int c = model_.inputShape().channels();
    if (pre.channels != c)
        throw OptionError("ONNX export: cannot bake the preprocessing: it makes " + std::to_string(pre.channels) +
                          " channels but the model's input has " + std::to_string(c));
    // y = x * scale + shift per channel, with x the raw 0..255 value; inversion (255 - x) folds in.
    std::vector<float> scale(c), shift(c);
    for (int i = 0; i < c; ++i) {
        float sc = 1.f / 255.f, sh = 0.f;
        if (pre.scaling == Scaling::Standardize) {
            sc /= pre.stdev[i];
            sh = -pre.mean[i] / pre.stdev[i];
        }
        if (pre.invert) {
            sh += 255.f * sc;
            sc = -sc;
        }
        scale[i] = sc;
        shift[i] = sh;
    }
    // A 1x1 convolution with one group per channel: OpenCV 4.6 cannot broadcast a per-channel
    // Mul/Add constant (1,C,1,1) over colour images, but runs grouped convolutions exactly.
    addFloatInitializer(*g_, "preprocess/scale", {c, 1, 1, 1}, scale.data());
    addFloatInitializer(*g_, "preprocess/shift", {c}, shift.data());
    auto& conv = addNode(*g_, "Conv", "preprocess", {in, "preprocess/scale", "preprocess/shift"}, {"preprocessed"});
    setAttr(conv, "kernel_shape", std::vector<int64_t>{1, 1});
    setAttr(conv, "group", int64_t(c));
    return "preprocessed";
}

onnx::ModelProto Exporter::run() {
    if (options_.opset < kOnnxMinOpset || options_.opset > kOnnxMaxOpset)
        throw OptionError("ONNX export: opset " + std::to_string(options_.opset) + " is not supported; use " +
                          std::to_string(kOnnxMinOpset) + " to " + std::to_string(kOnnxMaxOpset));
    onnx::ModelProto proto;
    proto.set_ir_version(options_.opset <= 13 ? 7 : 8);
    proto.set_producer_name("ConvStudio");
    proto.set_producer_version(kProducerVersion);
    proto.set_model_version(1);
    proto.set_doc_string("Image classifier exported by ConvStudio");
    auto* opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(options_.opset);
    g_ = proto.mutable_graph();
    g_->set_name("convstudio");

    const auto& nodes = model_.nodes();
    std::vector<std::string> values(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Model::Node& node = nodes[i];
        const Layer& layer = *node.layer;
        const std::string kind(layer.kind());
        std::vector<std::string> in;
        for (int j : node.inputs) in.push_back(values[j]);
        const std::string out = valueName(layer);
        if (kind == "Input") {
            values[i] = options_.bakePreprocessing ? emitPreprocessing(kInputName) : std::string(kInputName);
        } else if (kind == "Conv2D") {
            values[i] = emitConv(node, in[0]);
        } else if (kind == "MaxPooling2D" || kind == "AveragePooling2D") {
            values[i] = emitPooling(node, in[0]);
        } else if (kind == "Dense") {
            const int units = node.outputShape[0], features = node.inputShapes[0][0];
            addParam(layer, "kernel", {units, features});
            std::vector<std::string> inputs{in[0], layer.name() + "/kernel"};
            if (layer.options().at("use_bias").get<bool>()) {
                addParam(layer, "bias", {units});
                inputs.push_back(layer.name() + "/bias");
            }
            const std::string act(layer.activationName());
            const std::string gemmOut = act == "linear" ? out : layer.name() + "/gemm";
            setAttr(addNode(*g_, "Gemm", layer.name(), inputs, {gemmOut}), "transB", int64_t(1));
            values[i] = act == "linear" ? gemmOut : emitActivation(act, gemmOut, layer.name() + "/" + act, out);
        } else if (kind == "GlobalAveragePooling2D") {
            addNode(*g_, "GlobalAveragePool", layer.name(), {in[0]}, {layer.name() + "/pooled"});
            setAttr(addNode(*g_, "Flatten", layer.name() + "/flatten", {layer.name() + "/pooled"}, {out}), "axis",
                    int64_t(1));
            values[i] = out;
        } else if (kind == "Flatten") {
            // axis=1 keeps the batch dimension (OpenCV 4.6 mishandles Reshape [1,-1] for batches).
            setAttr(addNode(*g_, "Flatten", layer.name(), {in[0]}, {out}), "axis", int64_t(1));
            values[i] = out;
        } else if (kind == "BatchNormalization") {
            const Options o = layer.options();
            const int c = node.outputShape.channels();
            for (const char* p : {"gamma", "beta"}) {
                if (findParam(layer, p)) {
                    addParam(layer, p, {c});
                } else {
                    const std::vector<float> fill(c, std::string(p) == "gamma" ? 1.f : 0.f);
                    addFloatInitializer(*g_, layer.name() + "/" + p, {c}, fill.data());
                }
            }
            addParam(layer, "moving_mean", {c});
            addParam(layer, "moving_variance", {c});
            auto& bn = addNode(*g_, "BatchNormalization", layer.name(),
                               {in[0], layer.name() + "/gamma", layer.name() + "/beta", layer.name() + "/moving_mean",
                                layer.name() + "/moving_variance"},
                               {out});
            setAttr(bn, "epsilon", o.at("epsilon").get<float>());
            setAttr(bn, "momentum", o.at("momentum").get<float>());
            values[i] = out;
        } else if (kind == "Dropout") {
            const float rate = layer.options().at("rate").get<float>();
            addFloatInitializer(*g_, layer.name() + "/ratio", {}, &rate);
            addNode(*g_, "Dropout", layer.name(), {in[0], layer.name() + "/ratio"}, {out});
            values[i] = out;
        } else if (kind == "Activation") {
            values[i] = emitActivation(layer.activationName(), in[0], layer.name(), out);
        } else if (kind == "Add") {
            // ONNX Add takes two inputs: a chain for three or more.
            std::string acc = in[0];
            for (size_t j = 1; j < in.size(); ++j) {
                const bool last = j + 1 == in.size();
                const std::string sum = last ? out : layer.name() + "/sum" + std::to_string(j);
                addNode(*g_, "Add", last ? layer.name() : layer.name() + "/add" + std::to_string(j), {acc, in[j]},
                        {sum});
                acc = sum;
            }
            values[i] = out;
        } else if (kind == "Concatenate") {
            setAttr(addNode(*g_, "Concat", layer.name(), in, {out}), "axis", int64_t(1));
            values[i] = out;
        } else {
            throw Error("ONNX export: " + describeLayer(layer.kind(), layer.name()) + " has no ONNX form");
        }
    }

    // The last node's value becomes the graph output "output".
    std::string last = values.back();
    if (last == kInputName || last == "preprocessed") {
        addNode(*g_, "Identity", "output_identity", {last}, {kOutputName});
    } else {
        for (auto& n : *g_->mutable_node()) {
            for (auto& o : *n.mutable_output())
                if (o == last) o = kOutputName;
            for (auto& i : *n.mutable_input())
                if (i == last) i = kOutputName;
        }
    }
    setBatchedType(*g_->add_input(), kInputName, dimsOf(model_.inputShape()));
    setBatchedType(*g_->add_output(), kOutputName, dimsOf(model_.outputShape()));

    auto meta = [&](const char* key, const std::string& value) {
        auto* p = proto.add_metadata_props();
        p->set_key(key);
        p->set_value(value);
    };
    meta(kMetaVersion, kProducerVersion);
    meta(kMetaClassNames, nlohmann::json(file_.classNames).dump());
    meta(kMetaPreprocessing, file_.preprocessing.toJson().dump());
    meta(kMetaBaked, options_.bakePreprocessing ? "true" : "false");
    meta(kMetaGraph, model_.spec().toJson().dump());
    if (!file_.training.empty()) meta(kMetaTraining, file_.training.dump());

    try {
        onnx::checker::check_model(proto);
    } catch (const std::exception& e) {
        throw Error(std::string("ONNX export produced a model the ONNX checker rejects (a ConvStudio bug): ") +
                    e.what());
    }
    return proto;
}

}  // namespace

std::string exportOnnx(const Model& model, const ModelFile& file, const OnnxExportOptions& options) {
    const onnx::ModelProto proto = Exporter(model, file, options).run();
    std::string bytes;
    if (!proto.SerializeToString(&bytes)) throw Error("ONNX export: the model could not be serialized");
    return bytes;
}

std::string exportOnnx(const ModelFile& file, const OnnxExportOptions& options) {
    Model model(file.graph, file.seed);
    if (file.hasWeights()) applyWeights(file, model);
    return exportOnnx(model, file, options);
}

void saveOnnxFile(const std::string& path, const ModelFile& file, const OnnxExportOptions& options) {
    writeFileAtomically(path, exportOnnx(file, options));
}

}  // namespace cs
