// ONNX forms of the layer kinds, one emitter per kind, looked up in one table.
#include "io/onnx_export_layers.h"

#include <algorithm>
#include <map>

#include "core/errors.h"
#include "layers/conv_window.h"
#include "layers/window_geometry.h"

namespace cs::onnxio {

std::string GraphWriter::valueName(const Layer& layer) const {
    const std::string& n = layer.name();
    return (n == kInputName || n == kOutputName) ? n + "_value" : n;
}

const Param* GraphWriter::findParam(const Layer& layer, const std::string& name) const {
    for (const auto& p : layer.params())
        if (p.name == name) return &p;
    for (const auto& p : layer.state())
        if (p.name == name) return &p;
    return nullptr;
}

void GraphWriter::addParam(const Layer& layer, const std::string& param, const std::vector<int64_t>& dims) {
    const Param* p = findParam(layer, param);
    if (!p) throw Error(describeLayer(layer.kind(), layer.name()) + ": has no parameter '" + param + "'");
    addFloatInitializer(graph, layer.name() + "/" + param, dims, p->value.data());
}

namespace {

// The activations MobileNet/EfficientNet-style models use, in the forms PyTorch's exporter writes
// (so the importer has one pattern per activation), except relu6: OpenCV 4.6 cannot read an
// opset-11 Clip, so relu6 is 6 * HardSigmoid(x / 6), exact to a rounding.
bool modernActivation(GraphWriter& w, std::string_view act, const std::string& in, const std::string& name,
                      const std::string& out) {
    auto scalar = [&](const std::string& n, float v) {
        addFloatInitializer(w.graph, n, {}, &v);
        return n;
    };
    if (act == "relu6") {
        auto& h = addNode(w.graph, "HardSigmoid", name + "/clip", {in}, {name + "/clip"});
        setAttr(h, "alpha", 1.f / 6.f);
        setAttr(h, "beta", 0.f);
        addNode(w.graph, "Mul", name, {name + "/clip", scalar(name + "/six", 6.f)}, {out});
    } else if (act == "hard_sigmoid") {
        auto& h = addNode(w.graph, "HardSigmoid", name, {in}, {out});
        setAttr(h, "alpha", 1.f / 6.f);
        setAttr(h, "beta", 0.5f);
    } else if (act == "hard_swish" && w.options.opset >= 14) {
        addNode(w.graph, "HardSwish", name, {in}, {out});
    } else if (act == "hard_swish" || act == "silu") {
        const bool hard = act == "hard_swish";
        auto& gate = addNode(w.graph, hard ? "HardSigmoid" : "Sigmoid", name + "/gate", {in}, {name + "/gate"});
        if (hard) {
            setAttr(gate, "alpha", 1.f / 6.f);
            setAttr(gate, "beta", 0.5f);
        }
        addNode(w.graph, "Mul", name, {in, name + "/gate"}, {out});
    } else if (act == "gelu") {  // x * 0.5 * (1 + erf(x / sqrt(2))), as PyTorch writes nn.GELU before opset 20
        addNode(w.graph, "Div", name + "/div", {in, scalar(name + "/sqrt2", 1.41421356f)}, {name + "/div"});
        addNode(w.graph, "Erf", name + "/erf", {name + "/div"}, {name + "/erf"});
        addNode(w.graph, "Add", name + "/add", {name + "/erf", scalar(name + "/one", 1.f)}, {name + "/add"});
        addNode(w.graph, "Mul", name + "/mul", {in, name + "/add"}, {name + "/mul"});
        addNode(w.graph, "Mul", name, {name + "/mul", scalar(name + "/half", 0.5f)}, {out});
    } else {
        return false;
    }
    return true;
}

}  // namespace

std::string GraphWriter::activation(std::string_view act, const std::string& in, const std::string& name,
                                    const std::string& out) {
    if (act == "relu")
        addNode(graph, "Relu", name, {in}, {out});
    else if (act == "leaky_relu")
        setAttr(addNode(graph, "LeakyRelu", name, {in}, {out}), "alpha", kLeakyReluSlope);
    else if (act == "elu")
        setAttr(addNode(graph, "Elu", name, {in}, {out}), "alpha", kEluAlpha);
    else if (act == "sigmoid")
        addNode(graph, "Sigmoid", name, {in}, {out});
    else if (act == "tanh")
        addNode(graph, "Tanh", name, {in}, {out});
    // Opset 13 Softmax works over one axis: 1 is the channels of NCHW images and the features
    // of flat (N, F) values, which is what the engine's softmax does for each.
    else if (act == "softmax")
        setAttr(addNode(graph, "Softmax", name, {in}, {out}), "axis", int64_t(1));
    else if (act == "linear")
        addNode(graph, "Identity", name, {in}, {out});
    else if (!modernActivation(*this, act, in, name, out))
        throw Error(msg("onnx_export.activation_no_form", "ONNX export: activation '{activation}' has no ONNX form",
                        {{"activation", std::string(act)}}));
    return out;
}

namespace {

// ONNX pads of a window op: [top, left, bottom, right]. TensorFlow's 'same' puts the odd pixel
// after (bottom/right), so the result may be asymmetric.
std::vector<int64_t> windowPads(const WindowGeometry& g, Padding p) {
    if (p == Padding::Valid) return {0, 0, 0, 0};
    const int totalH = std::max((g.outH - 1) * g.stride + g.window - g.inH, 0);
    const int totalW = std::max((g.outW - 1) * g.stride + g.window - g.inW, 0);
    return {g.padTop, g.padLeft, totalH - g.padTop, totalW - g.padLeft};
}

// The graph input, or with baked preprocessing the input scaled and shifted per channel.
std::string emitInput(GraphWriter& w, const Model::Node&, const std::vector<std::string>&) {
    if (!w.options.bakePreprocessing) return kInputName;
    const Preprocessing& pre = w.file.preprocessing;
    const int c = w.model.inputShape().channels();
    if (pre.channels != c)
        throw OptionError(
            msg("onnx_export.bake_channels",
                "ONNX export: cannot bake the preprocessing: it makes {prepared} channels but the model's "
                "input has {channels}",
                {{"prepared", std::to_string(pre.channels)}, {"channels", std::to_string(c)}}));
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
    addFloatInitializer(w.graph, "preprocess/scale", {c, 1, 1, 1}, scale.data());
    addFloatInitializer(w.graph, "preprocess/shift", {c}, shift.data());
    auto& conv = addNode(w.graph, "Conv", "preprocess", {kInputName, "preprocess/scale", "preprocess/shift"},
                         {kPreprocessedName});
    setAttr(conv, "kernel_shape", std::vector<int64_t>{1, 1});
    setAttr(conv, "group", int64_t(c));
    return kPreprocessedName;
}

// One ONNX Conv from `in` to `out` with the layer's window options (pads, strides, dilations)
// and `group`; the kernel and optional bias are the layer's parameters of those names.
void addConv(GraphWriter& w, const Layer& layer, const Shape& inShape, const std::string& in, const std::string& out,
             const std::string& kernel, int kernelChannels, int filters, int group, const char* bias,
             const ConvWindowOptions& win) {
    const WindowGeometry geo = win.geometry(inShape, layer.kind(), layer.name());
    const int k = geo.window;
    w.addParam(layer, kernel, {filters, kernelChannels, k, k});
    std::vector<std::string> inputs{in, layer.name() + "/" + kernel};
    if (bias) {
        w.addParam(layer, bias, {filters});
        inputs.push_back(layer.name() + "/" + bias);
    }
    // The node that makes the layer's output is named after the layer (the importer names
    // layers after nodes); a separable convolution's first node is "<layer>/depthwise".
    const bool first = kernel == "depthwise_kernel";
    auto& conv = addNode(w.graph, "Conv", first ? out : layer.name(), inputs, {out});
    setAttr(conv, "kernel_shape", std::vector<int64_t>{k, k});
    setAttr(conv, "strides", std::vector<int64_t>{geo.stride, geo.stride});
    // TensorFlow's 'same' may pad one more after than before: ONNX pads say so directly, and
    // OpenCV 4.6 applies such asymmetric pads correctly (the tests compare every case).
    setAttr(conv, "pads", std::vector<int64_t>{geo.padTop, geo.padLeft, geo.padBottom, geo.padRight});
    setAttr(conv, "dilations", std::vector<int64_t>{geo.dilation, geo.dilation});
    setAttr(conv, "group", int64_t(group));
}

// The layer's activation after a value `pre` it computed ("linear": `pre` is the output already).
std::string withActivation(GraphWriter& w, const Layer& layer, const std::string& pre) {
    const std::string act(layer.activationName());
    if (act == "linear") return pre;
    return w.activation(act, pre, layer.name() + "/" + act, w.valueName(layer));
}

// The value a convolution writes before its activation.
std::string preActivationName(GraphWriter& w, const Layer& layer) {
    return layer.activationName() == "linear" ? w.valueName(layer) : layer.name() + "/conv";
}

std::string emitConv(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const int filters = o.at("filters").get<int>(), groups = o.at("groups").get<int>();
    const int channels = node.inputShapes[0].channels();
    const std::string out = preActivationName(w, layer);
    addConv(w, layer, node.inputShapes[0], in[0], out, "kernel", channels / groups, filters, groups,
            o.at("use_bias").get<bool>() ? "bias" : nullptr, ConvWindowOptions::fromJson(o));
    return withActivation(w, layer, out);
}

// DepthwiseConv2D: a Conv with one group per input channel.
std::string emitDepthwiseConv(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const int channels = node.inputShapes[0].channels();
    const std::string out = preActivationName(w, layer);
    addConv(w, layer, node.inputShapes[0], in[0], out, "kernel", 1, channels * o.at("depth_multiplier").get<int>(),
            channels, o.at("use_bias").get<bool>() ? "bias" : nullptr, ConvWindowOptions::fromJson(o));
    return withActivation(w, layer, out);
}

// SeparableConv2D: the depthwise Conv, then a 1x1 Conv with the bias.
std::string emitSeparableConv(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const int channels = node.inputShapes[0].channels(), mid = channels * o.at("depth_multiplier").get<int>();
    const std::string depthwise = layer.name() + "/depthwise";
    addConv(w, layer, node.inputShapes[0], in[0], depthwise, "depthwise_kernel", 1, mid, channels, nullptr,
            ConvWindowOptions::fromJson(o));
    const Shape mids = Shape::image(mid, node.outputShape.height(), node.outputShape.width());
    const std::string out = preActivationName(w, layer);
    addConv(w, layer, mids, depthwise, out, "pointwise_kernel", mid, o.at("filters").get<int>(), 1,
            o.at("use_bias").get<bool>() ? "bias" : nullptr, ConvWindowOptions{1, 1});
    return withActivation(w, layer, out);
}

std::string emitPooling(GraphWriter& w, const Model::Node& node, const std::string& in, bool isMax) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const int k = o.at("pool_size").get<int>();
    const int s = o.at("strides").get<int>() > 0 ? o.at("strides").get<int>() : k;
    const Padding padding = paddingFromName(o.at("padding").get<std::string>());
    const WindowGeometry geo = WindowGeometry::make(node.inputShapes[0], k, s, padding, layer.name(), "pool");
    // Average pooling must not count the padding (count_include_pad = 0, as Keras); OpenCV 4.6
    // excludes it for every producer but "pytorch", so the producer name matters.
    auto& pool = addNode(w.graph, isMax ? "MaxPool" : "AveragePool", layer.name(), {in}, {w.valueName(layer)});
    setAttr(pool, "kernel_shape", std::vector<int64_t>{k, k});
    setAttr(pool, "strides", std::vector<int64_t>{s, s});
    setAttr(pool, "pads", windowPads(geo, padding));
    if (!isMax) setAttr(pool, "count_include_pad", int64_t(0));
    return w.valueName(layer);
}

std::string emitMaxPooling(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    return emitPooling(w, node, in[0], true);
}

std::string emitAveragePooling(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    return emitPooling(w, node, in[0], false);
}

std::string emitDense(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const std::string out = w.valueName(layer);
    const int units = node.outputShape[0], features = node.inputShapes[0][0];
    w.addParam(layer, "kernel", {units, features});
    std::vector<std::string> inputs{in[0], layer.name() + "/kernel"};
    if (layer.options().at("use_bias").get<bool>()) {
        w.addParam(layer, "bias", {units});
        inputs.push_back(layer.name() + "/bias");
    }
    const std::string act(layer.activationName());
    const std::string gemmOut = act == "linear" ? out : layer.name() + "/gemm";
    setAttr(addNode(w.graph, "Gemm", layer.name(), inputs, {gemmOut}), "transB", int64_t(1));
    return act == "linear" ? gemmOut : w.activation(act, gemmOut, layer.name() + "/" + act, out);
}

std::string emitGlobalAveragePooling(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const std::string out = w.valueName(layer);
    addNode(w.graph, "GlobalAveragePool", layer.name(), {in[0]}, {layer.name() + "/pooled"});
    setAttr(addNode(w.graph, "Flatten", layer.name() + "/flatten", {layer.name() + "/pooled"}, {out}), "axis",
            int64_t(1));
    return out;
}

std::string emitFlatten(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const std::string out = w.valueName(*node.layer);
    // axis=1 keeps the batch dimension (OpenCV 4.6 mishandles Reshape [1,-1] for batches).
    setAttr(addNode(w.graph, "Flatten", node.layer->name(), {in[0]}, {out}), "axis", int64_t(1));
    return out;
}

std::string emitBatchNormalization(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const std::string out = w.valueName(layer);
    const Options o = layer.options();
    const int c = node.outputShape.channels();
    for (const char* p : {"gamma", "beta"}) {
        if (w.findParam(layer, p)) {
            w.addParam(layer, p, {c});
        } else {  // center or scale off: ONNX wants both, as the identity values
            const std::vector<float> fill(c, std::string(p) == "gamma" ? 1.f : 0.f);
            addFloatInitializer(w.graph, layer.name() + "/" + p, {c}, fill.data());
        }
    }
    w.addParam(layer, "moving_mean", {c});
    w.addParam(layer, "moving_variance", {c});
    auto& bn = addNode(w.graph, "BatchNormalization", layer.name(),
                       {in[0], layer.name() + "/gamma", layer.name() + "/beta", layer.name() + "/moving_mean",
                        layer.name() + "/moving_variance"},
                       {out});
    setAttr(bn, "epsilon", o.at("epsilon").get<float>());
    setAttr(bn, "momentum", o.at("momentum").get<float>());
    return out;
}

std::string emitDropout(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const float rate = layer.options().at("rate").get<float>();
    addFloatInitializer(w.graph, layer.name() + "/ratio", {}, &rate);
    addNode(w.graph, "Dropout", layer.name(), {in[0], layer.name() + "/ratio"}, {w.valueName(layer)});
    return w.valueName(layer);
}

std::string emitActivation(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    return w.activation(layer.activationName(), in[0], layer.name(), w.valueName(layer));
}

std::string emitAdd(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const std::string out = w.valueName(layer);
    // ONNX Add takes two inputs: a chain for three or more.
    std::string acc = in[0];
    for (size_t j = 1; j < in.size(); ++j) {
        const bool last = j + 1 == in.size();
        const std::string sum = last ? out : layer.name() + "/sum" + std::to_string(j);
        addNode(w.graph, "Add", last ? layer.name() : layer.name() + "/add" + std::to_string(j), {acc, in[j]}, {sum});
        acc = sum;
    }
    return out;
}

std::string emitConcatenate(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const std::string out = w.valueName(*node.layer);
    setAttr(addNode(w.graph, "Concat", node.layer->name(), in, {out}), "axis", int64_t(1));
    return out;
}

// --- the blocks of MobileNet/ShuffleNet/EfficientNet-style models (issue 15) ---

std::string emitMultiply(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    std::vector<std::string> inputs = in;
    // A per-channel gate is flat (N, C) in the engine; ONNX broadcasts from the last axis, so it
    // becomes (N, C, 1, 1). (OpenCV 4.6 runs this broadcast for batches of one only.)
    for (int i = 0; i < 2; ++i)
        if (node.inputShapes[i].isFlat() && node.outputShape.isImage()) {
            const std::string shape = layer.name() + "/gate_shape";
            addInt64Initializer(w.graph, shape, {4}, {0, node.inputShapes[i][0], 1, 1});
            addNode(w.graph, "Reshape", layer.name() + "/gate", {in[i], shape}, {layer.name() + "/gate"});
            inputs[i] = layer.name() + "/gate";
        }
    addNode(w.graph, "Mul", layer.name(), inputs, {w.valueName(layer)});
    return w.valueName(layer);
}

std::string emitZeroPadding(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const std::string pads = layer.name() + "/pads";
    addInt64Initializer(w.graph, pads, {8},
                        {0, 0, o.at("top").get<int64_t>(), o.at("left").get<int64_t>(), 0, 0,
                         o.at("bottom").get<int64_t>(), o.at("right").get<int64_t>()});
    setAttr(addNode(w.graph, "Pad", layer.name(), {in[0], pads}, {w.valueName(layer)}), "mode",
            std::string("constant"));
    return w.valueName(layer);
}

// Reshape-Transpose-Reshape, as PyTorch writes ShuffleNet's channel_shuffle.
std::string emitChannelShuffle(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const Shape& s = node.inputShapes[0];
    const int64_t g = layer.options().at("groups").get<int64_t>();
    const std::string n = layer.name();
    addInt64Initializer(w.graph, n + "/grouped_shape", {5}, {-1, g, s.channels() / g, s.height(), s.width()});
    addInt64Initializer(w.graph, n + "/shape", {4}, {-1, s.channels(), s.height(), s.width()});
    addNode(w.graph, "Reshape", n + "/grouped", {in[0], n + "/grouped_shape"}, {n + "/grouped"});
    setAttr(addNode(w.graph, "Transpose", n + "/transpose", {n + "/grouped"}, {n + "/transposed"}), "perm",
            std::vector<int64_t>{0, 2, 1, 3, 4});
    addNode(w.graph, "Reshape", n, {n + "/transposed", n + "/shape"}, {w.valueName(layer)});
    return w.valueName(layer);
}

std::string emitChannelSlice(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in) {
    const Layer& layer = *node.layer;
    const Options o = layer.options();
    const std::string n = layer.name();
    addInt64Initializer(w.graph, n + "/starts", {1}, {o.at("start").get<int64_t>()});
    addInt64Initializer(w.graph, n + "/ends", {1}, {o.at("stop").get<int64_t>()});
    addInt64Initializer(w.graph, n + "/axes", {1}, {1});
    addNode(w.graph, "Slice", n, {in[0], n + "/starts", n + "/ends", n + "/axes"}, {w.valueName(layer)});
    return w.valueName(layer);
}

}  // namespace

OnnxEmitter onnxEmitter(std::string_view kind) {
    static const std::map<std::string_view, OnnxEmitter> emitters{
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

}  // namespace cs::onnxio
