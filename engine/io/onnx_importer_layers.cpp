// The ONNX ops that become weighted or windowed layers: Conv, pooling, Gemm/MatMul(+Add),
// BatchNormalization and Dropout.
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/errors.h"
#include "io/onnx_importer.h"
#include "layers/layer_registry.h"

namespace cs::onnxio {

namespace {

std::string padsText(const std::array<int64_t, 4>& p) {
    std::string s;
    for (int64_t v : p) {
        s += s.empty() ? "[" : ", ";
        s += std::to_string(v);
    }
    return s + "]";
}

// TensorFlow's 'same' on one axis: (before, after).
std::pair<int64_t, int64_t> samePads(int64_t in, int64_t k, int64_t s) {
    const int64_t out = (in + s - 1) / s;
    const int64_t total = std::max<int64_t>((out - 1) * s + k - in, 0);
    return {total / 2, total - total / 2};
}

Tensor vectorTensor(const std::vector<float>& v) {
    Tensor t(Shape::flat(static_cast<int>(v.size())));
    std::copy(v.begin(), v.end(), t.data());
    return t;
}

}  // namespace

std::string Importer::paddingFor(const std::array<int64_t, 4>& pads, const Shape& in, int window, int stride,
                                 const std::string& padNode) const {
    if (std::all_of(pads.begin(), pads.end(), [](int64_t p) { return p == 0; })) return "valid";
    const auto [t, b] = samePads(in.height(), window, stride);
    const auto [l, r] = samePads(in.width(), window, stride);
    if (pads == std::array<int64_t, 4>{t, l, b, r}) return "same";
    const std::vector<MessageArg> args{{"pads", padsText(pads)},
                                       {"height", std::to_string(in.height())},
                                       {"width", std::to_string(in.width())},
                                       {"same", padsText({t, l, b, r})},
                                       {"pad", padNode}};
    if (padNode.empty())
        fail(
            msg("onnx_import.pool_pads",
                "pads {pads} (top, left, bottom, right) on a {height}x{width} input fit neither 'valid' ([0, 0, 0, 0]) "
                "nor TensorFlow's 'same' ({same}), the two paddings ConvStudio layers have",
                args));
    fail(msg("onnx_import.pool_pads_after_pad",
             "with {pad}, pads {pads} (top, left, bottom, right) on a {height}x{width} input fit neither 'valid' "
             "([0, 0, 0, 0]) nor TensorFlow's 'same' ({same}), the two paddings ConvStudio layers have",
             args));
}

nlohmann::json Importer::convWindowOptions(const std::array<int64_t, 4>& pads, const Shape& in, int window, int stride,
                                           int dilation) const {
    nlohmann::json o = {{"kernel_size", window}, {"strides", stride}, {"dilation_rate", dilation}};
    const int span = (window - 1) * dilation + 1;
    const auto [t, b] = samePads(in.height(), span, stride);
    const auto [l, r] = samePads(in.width(), span, stride);
    if (std::all_of(pads.begin(), pads.end(), [](int64_t p) { return p == 0; })) {
        o["padding"] = "valid";
    } else if (pads == std::array<int64_t, 4>{t, l, b, r}) {
        o["padding"] = "same";
    } else {  // ONNX orders pads top, left, bottom, right
        o["padding"] = "explicit";
        o["pad_top"] = pads[0];
        o["pad_left"] = pads[1];
        o["pad_bottom"] = pads[2];
        o["pad_right"] = pads[3];
    }
    return o;
}

namespace {

struct Window {
    int k = 1, s = 1, d = 1;
    std::array<int64_t, 4> pads{};
};

}  // namespace

// Kernel, stride, dilation and pads of a Conv/MaxPool/AveragePool node (square kernel, equal
// strides and dilations), including auto_pad.
static Window windowOf(const onnx::NodeProto& n, const std::vector<int64_t>& kernelFromWeights, const Shape& in,
                       const std::function<void(const Message&)>& fail) {
    std::vector<int64_t> ks = intsAttr(n, "kernel_shape");
    if (ks.empty()) ks = kernelFromWeights;
    if (ks.size() != 2) fail(msg("onnx_import.kernel_not_2d", "needs a 2-D kernel_shape"));
    if (ks[0] != ks[1])
        fail(msg("onnx_import.kernel_not_square", "kernel {height}x{width} is not square; ConvStudio kernels are",
                 {{"height", std::to_string(ks[0])}, {"width", std::to_string(ks[1])}}));
    std::vector<int64_t> st = intsAttr(n, "strides");
    if (st.empty()) st = {1, 1};
    if (st.size() != 2 || st[0] != st[1] || st[0] < 1)
        fail(msg("onnx_import.strides_unequal", "strides must be equal on both axes"));
    std::vector<int64_t> dil = intsAttr(n, "dilations");
    if (dil.empty()) dil = {1, 1};
    if (dil.size() != 2 || dil[0] != dil[1] || dil[0] < 1)
        fail(msg("onnx_import.dilations_unequal",
                 "dilations must be equal on both axes and at least 1; ConvStudio dilates both alike"));
    Window w;
    w.k = static_cast<int>(ks[0]);
    w.s = static_cast<int>(st[0]);
    w.d = static_cast<int>(dil[0]);
    const int span = (w.k - 1) * w.d + 1;  // the input pixels one window covers
    const std::string autoPad = stringAttr(n, "auto_pad", "NOTSET");
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
        auto [t, b] = samePads(in.height(), span, w.s);
        auto [l, r] = samePads(in.width(), span, w.s);
        if (autoPad == "SAME_LOWER") {
            std::swap(t, b);
            std::swap(l, r);
        }
        w.pads = {t, l, b, r};
    } else if (autoPad == "NOTSET" || autoPad.empty()) {
        const std::vector<int64_t> p = intsAttr(n, "pads");
        if (!p.empty() && p.size() != 4) fail(msg("onnx_import.pads_count", "pads must have 4 values"));
        if (!p.empty()) w.pads = {p[0], p[1], p[2], p[3]};
    } else if (autoPad != "VALID") {
        fail(msg("onnx_import.auto_pad", "auto_pad '{mode}' is not supported", {{"mode", autoPad}}));
    }
    if (intAttr(n, "ceil_mode", 0) != 0) {
        for (int axis = 0; axis < 2; ++axis) {
            const int64_t size = (axis ? in.width() : in.height()) + w.pads[axis] + w.pads[axis + 2] - span;
            if (size % w.s != 0)
                fail(msg("onnx_import.ceil_mode",
                         "ceil_mode adds a partial window here, which ConvStudio layers do not have"));
        }
    }
    return w;
}

void Importer::conv() {
    const Value& x = tensorIn(0);
    const ConstTensor& w = constIn(1);
    const ConstTensor* b = optionalIn(2) ? &constIn(2) : nullptr;
    if (!x.shape.isImage() || x.nhwc)
        fail(msg("onnx_import.expects_image", "expects an NCHW image, got {shape}", {{"shape", x.shape.toString()}}));
    if (w.dims.size() != 4)
        fail(msg("onnx_import.conv_weights_rank", "weights must be 4-D (filters, channels, kH, kW)"));
    const int64_t filters = w.dims[0], c = x.shape.channels(), group = intAttr(*node_, "group", 1);
    auto failFn = [this](const Message& m) { fail(m); };
    const Window win = windowOf(*node_, {w.dims[2], w.dims[3]}, x.shape, failFn);
    if (b && b->count() != filters)
        fail(msg("onnx_import.conv_bias_count", "bias has {count} values for {filters} filters",
                 {{"count", std::to_string(b->count())}, {"filters", std::to_string(filters)}}));
    // A 1x1 convolution with one group per channel right after the input is a per-channel affine
    // map (ConvStudio's baked preprocessing): fold it into the preprocessing.
    const bool zeroPads = std::all_of(win.pads.begin(), win.pads.end(), [](int64_t p) { return p == 0; });
    if (x.atInput && !affineFrozen_ && !x.padded && group == c && filters == c && w.dims[1] == 1 && win.k == 1 &&
        win.s == 1 && zeroPads) {
        InputAffine& a = out_.inputAffine;
        if (a.empty()) {
            a.scale.assign(c, 1.f);
            a.shift.assign(c, 0.f);
        }
        for (int i = 0; i < c; ++i) {
            a.scale[i] *= w.floats[i];
            a.shift[i] = a.shift[i] * w.floats[i] + (b ? b->floats[i] : 0.f);
        }
        setOut(x);
        return;
    }
    if (group < 1 || c % group != 0 || filters % group != 0)
        fail(msg(
            "onnx_import.conv_group",
            "group {group} does not divide the {channels} input channels and {filters} filters",
            {{"group", std::to_string(group)}, {"channels", std::to_string(c)}, {"filters", std::to_string(filters)}}));
    if (w.dims[1] != c / group)
        fail(msg("onnx_import.conv_channels", "weights expect {expected} input channels but the input has {channels}",
                 {{"expected", std::to_string(w.dims[1] * group)}, {"channels", std::to_string(c)}}));
    if (w.dims[2] != w.dims[3] || w.dims[2] != win.k)
        fail(msg("onnx_import.kernel_shape_mismatch", "kernel_shape does not match the weights"));
    if (win.k == 1 && win.s == 1 && group == 1 && zeroPads && fuseSeparable(x, w, b)) return;
    std::array<int64_t, 4> pads = win.pads;
    if (x.padded) {
        if (x.padValue != 0.f)
            fail(msg("onnx_import.pad_value_nonzero", "follows {pad} whose value is not 0", {{"pad", x.padNode}}));
        for (int i = 0; i < 4; ++i) pads[i] += x.pad[i];
    }
    if (x.atInput) affineFrozen_ = true;
    const int k = win.k;
    // One group per channel (torchvision's and Keras's depthwise convolutions): DepthwiseConv2D.
    const bool depthwise = group == c && c > 1;
    Tensor kernel(static_cast<int>(filters), Shape{static_cast<int>(c / group), k, k});
    std::copy(w.floats.begin(), w.floats.end(), kernel.data());
    std::map<std::string, Tensor> params{{"kernel", kernel}};
    if (b) params["bias"] = vectorTensor(b->floats);
    nlohmann::json options = convWindowOptions(pads, x.shape, win.k, win.s, win.d);
    options["use_bias"] = b != nullptr;
    options["activation"] = "linear";
    if (depthwise) {
        options["depth_multiplier"] = filters / c;
    } else {
        options["filters"] = filters;
        options["groups"] = group;
    }
    Value v;
    v.node = addLayer(depthwise ? "DepthwiseConv2D" : "Conv2D", options, {x.node}, params);
    v.shape = shapeOf(v.node);
    setOut(v);
}

bool Importer::fuseSeparable(const Value& x, const ConstTensor& w, const ConstTensor* b) {
    if (x.padded || x.atInput || x.node == inputId_ || uses(node_->input(0)) != 1) return false;
    NodeSpec& depthwise = spec(x.node);
    if (depthwise.kind != "DepthwiseConv2D" || !out_.weights.count(depthwise.name + "/kernel") ||
        depthwise.options.value("use_bias", true) ||
        depthwise.options.value("activation", std::string("linear")) != "linear")
        return false;
    const int filters = static_cast<int>(w.dims[0]), mid = x.shape.channels();
    nlohmann::json options = depthwise.options;
    options["filters"] = filters;
    options["use_bias"] = b != nullptr;
    const std::string name = layerName("SeparableConv2D");
    const LayerRegistry& reg = LayerRegistry::builtin();
    const std::vector<Shape> inShapes{shapeOf(depthwise.inputs.at(0))};
    const Shape outShape =
        reg.create("SeparableConv2D", reg.validate("SeparableConv2D", options, name), name)->outputShape(inShapes);
    Tensor pointwise(filters, Shape{mid, 1, 1});
    std::copy(w.floats.begin(), w.floats.end(), pointwise.data());
    auto kernel = out_.weights.extract(depthwise.name + "/kernel");
    out_.weights[name + "/depthwise_kernel"] = std::move(kernel.mapped());
    out_.weights[name + "/pointwise_kernel"] = std::move(pointwise);
    if (b) out_.weights[name + "/bias"] = vectorTensor(b->floats);
    depthwise.kind = "SeparableConv2D";
    depthwise.name = name;
    depthwise.options = std::move(options);
    shapes_[x.node] = outShape;
    Value v = x;
    v.shape = outShape;
    setOut(v);
    return true;
}

void Importer::pooling(bool isMax) {
    const Value& x = tensorIn(0);
    if (!x.shape.isImage() || x.nhwc)
        fail(msg("onnx_import.expects_image", "expects an NCHW image, got {shape}", {{"shape", x.shape.toString()}}));
    auto failFn = [this](const Message& m) { fail(m); };
    const Window win = windowOf(*node_, {}, x.shape, failFn);
    if (win.d != 1) fail(msg("onnx_import.pool_dilation", "dilation is not supported for pooling"));
    std::array<int64_t, 4> pads = win.pads;
    const bool anyPads = std::any_of(pads.begin(), pads.end(), [](int64_t p) { return p != 0; });
    if (!isMax && anyPads && intAttr(*node_, "count_include_pad", 0) != 0)
        fail(msg("onnx_import.count_include_pad",
                 "count_include_pad=1 counts the padding in the average; ConvStudio's average pooling does not"));
    if (x.padded) {
        if (!isMax)
            fail(msg("onnx_import.pad_before_average", "follows {pad}, whose padding the average would count",
                     {{"pad", x.padNode}}));
        if (!(x.padValue <= -1e30f))
            fail(msg("onnx_import.pad_value_max", "follows {pad} whose value could win the maximum",
                     {{"pad", x.padNode}}));
        for (int i = 0; i < 4; ++i) pads[i] += x.pad[i];
    }
    const std::string padding = paddingFor(pads, x.shape, win.k, win.s, x.padded ? x.padNode : "");
    if (x.atInput) affineFrozen_ = true;
    Value v;
    v.node = addLayer(isMax ? "MaxPooling2D" : "AveragePooling2D",
                      {{"pool_size", win.k}, {"strides", win.s == win.k ? 0 : win.s}, {"padding", padding}}, {x.node});
    v.shape = shapeOf(v.node);
    setOut(v);
}

void Importer::globalPool(bool isReduceMean) {
    const Value& x = tensorIn(0);
    if (!x.shape.isImage() || x.nhwc || x.padded)
        fail(msg("onnx_import.expects_image", "expects an NCHW image, got {shape}", {{"shape", x.shape.toString()}}));
    bool keep = true;
    if (isReduceMean) {
        std::vector<int64_t> axes = intsAttr(*node_, "axes");
        if (const Value* a = optionalIn(1)) axes = a->constant.ints;
        for (auto& a : axes)
            if (a < 0) a += 4;
        std::sort(axes.begin(), axes.end());
        if (axes != std::vector<int64_t>{2, 3})
            fail(msg("onnx_import.reduce_mean_axes", "only the mean over height and width (axes 2, 3) is supported"));
        keep = intAttr(*node_, "keepdims", 1) != 0;
    }
    if (x.atInput) affineFrozen_ = true;
    Value v;
    v.node = addLayer("GlobalAveragePooling2D", nlohmann::json::object(), {x.node});
    v.shape = shapeOf(v.node);
    v.spatial1x1 = keep;
    setOut(v);
}

void Importer::gemm(bool isMatMul) {
    const Value& x = tensorIn(0);
    if (!x.shape.isFlat() || x.padded)
        fail(msg("onnx_import.expects_flat", "expects flat features (add a Flatten before it), got {shape}",
                 {{"shape", x.shape.toString()}}));
    const ConstTensor& bt = constIn(1);
    if (bt.dims.size() != 2) fail(msg("onnx_import.dense_weights_rank", "weights must be 2-D"));
    bool transB = false;
    float alpha = 1.f, beta = 1.f;
    const ConstTensor* c = nullptr;
    if (!isMatMul) {
        if (intAttr(*node_, "transA", 0) != 0) fail(msg("onnx_import.trans_a", "transA=1 is not supported"));
        transB = intAttr(*node_, "transB", 0) != 0;
        alpha = floatAttr(*node_, "alpha", 1.f);
        beta = floatAttr(*node_, "beta", 1.f);
        if (optionalIn(2)) c = &constIn(2);
    }
    const int64_t features = x.shape.size();
    const int64_t rows = transB ? bt.dims[1] : bt.dims[0], units = transB ? bt.dims[0] : bt.dims[1];
    if (rows != features)
        fail(msg("onnx_import.dense_features", "weights take {expected} features but the input has {features}",
                 {{"expected", std::to_string(rows)}, {"features", std::to_string(features)}}));
    if (c && c->count() != units && c->count() != 1)
        fail(msg("onnx_import.dense_bias_count", "bias has {count} values for {units} units",
                 {{"count", std::to_string(c->count())}, {"units", std::to_string(units)}}));
    Tensor kernel(static_cast<int>(units), Shape::flat(static_cast<int>(features)));
    const int H = x.hwcFlat ? x.hwcSource.height() : 1, W = x.hwcFlat ? x.hwcSource.width() : 1;
    const int C = x.hwcFlat ? x.hwcSource.channels() : 1;
    for (int64_t u = 0; u < units; ++u)
        for (int64_t j = 0; j < features; ++j) {
            // The engine flattens C,H,W; a channels-last flatten ordered H,W,C.
            int64_t src = j;
            if (x.hwcFlat) {
                const int64_t ch = j / (H * W), hw = j % (H * W);
                src = hw * C + ch;
            }
            const float v = transB ? bt.floats[u * features + src] : bt.floats[src * units + u];
            kernel.sample(static_cast<int>(u))[j] = alpha * v;
        }
    std::map<std::string, Tensor> params{{"kernel", kernel}};
    if (c) {
        std::vector<float> bias(units);
        for (int64_t u = 0; u < units; ++u) bias[u] = beta * c->floats[c->count() == 1 ? 0 : u];
        params["bias"] = vectorTensor(bias);
    }
    Value v;
    v.node =
        addLayer("Dense", {{"units", units}, {"use_bias", c != nullptr}, {"activation", "linear"}}, {x.node}, params);
    v.shape = shapeOf(v.node);
    setOut(v);
}

void Importer::addBiasOrMerge() {
    const bool t0 = in(0).kind == Value::Kind::Tensor, t1 = in(1).kind == Value::Kind::Tensor;
    if (t0 && t1) return merge("Add");
    if (!t0 && !t1) fail(msg("onnx_import.add_constants", "adds two constants; fold them before exporting"));
    const int xi = t0 ? 0 : 1;
    const Value& x = tensorIn(xi);
    if (x.atInput && !affineFrozen_) return affineAtInput();
    const ConstTensor& k = constIn(1 - xi);
    NodeSpec& producer = spec(x.node);
    const bool linear = producer.options.value("activation", std::string("linear")) == "linear";
    const bool noBias = !producer.options.value("use_bias", true);
    if (uses(node_->input(xi)) == 1 && linear && noBias && !x.padded) {
        const bool isDense = producer.kind == "Dense" && k.count() == x.shape.size() &&
                             (k.dims.size() == 1 || (k.dims.size() == 2 && k.dims[0] == 1));
        const bool isConv = (producer.kind == "Conv2D" || producer.kind == "DepthwiseConv2D") &&
                            k.count() == x.shape.channels() && k.dims.size() >= 3 && k.dims[k.dims.size() - 1] == 1 &&
                            k.dims[k.dims.size() - 2] == 1;
        if (isDense || isConv) {
            producer.options["use_bias"] = true;
            out_.weights[producer.name + "/bias"] = vectorTensor(k.floats);
            setOut(x);
            return;
        }
    }
    fail(msg("onnx_import.add_constant",
             "adding a constant is only supported as the bias of a MatMul/Conv or as preprocessing after the input"));
}

void Importer::batchNorm() {
    const Value& x = tensorIn(0);
    if (x.nhwc || x.padded || x.hwcFlat)
        fail(msg("onnx_import.expects_image_or_flat", "expects NCHW images or flat features"));
    if (intAttr(*node_, "training_mode", 0) != 0)
        fail(msg("onnx_import.training_mode", "training_mode=1 is not supported"));
    for (int o = 1; o < node_->output_size(); ++o)
        if (!node_->output(o).empty() && uses(node_->output(o)) > 0)
            fail(msg("onnx_import.running_stats_used", "its running-statistics outputs are used"));
    const int64_t c = x.shape.isImage() ? x.shape.channels() : x.shape.size();
    std::map<std::string, Tensor> params;
    const char* names[] = {"gamma", "beta", "moving_mean", "moving_variance"};
    for (int i = 0; i < 4; ++i) {
        const ConstTensor& t = constIn(i + 1);
        if (t.count() != c)
            fail(msg("onnx_import.batch_norm_count", "{param} has {count} values for {channels} channels",
                     {{"param", names[i]}, {"count", std::to_string(t.count())}, {"channels", std::to_string(c)}}));
        params[names[i]] = vectorTensor(t.floats);
    }
    const float eps = floatAttr(*node_, "epsilon", 1e-5f);
    const float momentum = std::clamp(floatAttr(*node_, "momentum", 0.9f), 0.f, 1.f);
    if (x.atInput) affineFrozen_ = true;
    Value v = x;
    v.atInput = false;
    v.node = addLayer("BatchNormalization",
                      {{"epsilon", eps}, {"momentum", momentum}, {"center", true}, {"scale", true}}, {x.node}, params);
    setOut(v);
}

void Importer::dropout() {
    const Value& x = tensorIn(0);
    if (x.padded) fail(msg("onnx_import.after_pad", "follows a Pad node; only Conv and MaxPool may"));
    float rate = 0.5f;
    if (opset_ >= 12) {
        if (const Value* r = optionalIn(1)) {
            if (r->kind == Value::Kind::Tensor || r->constant.floats.empty())
                fail(msg("onnx_import.dropout_ratio", "ratio must be a constant"));
            rate = r->constant.floats[0];
        }
    } else {
        rate = floatAttr(*node_, "ratio", 0.5f);
    }
    if (node_->output_size() > 1 && !node_->output(1).empty() && uses(node_->output(1)) > 0)
        fail(msg("onnx_import.dropout_mask_used", "its mask output is used"));
    if (x.atInput) affineFrozen_ = true;
    Value v = x;
    v.atInput = false;
    v.node = addLayer("Dropout", {{"rate", rate}}, {x.node});
    setOut(v);
}

}  // namespace cs::onnxio
