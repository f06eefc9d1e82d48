// The ops and patterns of MobileNet/ShuffleNet/EfficientNet-style models, in the forms PyTorch's
// exporter writes (torchvision 0.14, opsets 11-17) and ConvStudio's exporter writes back:
//   relu6        Clip(x, 0, 6), or 6 * HardSigmoid(x; 1/6, 0)
//   hard_sigmoid HardSigmoid(x; 1/6, 1/2)
//   hard_swish   HardSwish(x), or Mul(x, HardSigmoid(x; 1/6, 1/2))
//   silu         Mul(x, Sigmoid(x))
//   gelu         Gelu(x) (opset 20), or Mul(Mul(x, Add(Erf(Div(x, sqrt 2)), 1)), 0.5)
//   Multiply     Mul of two computed values (squeeze-and-excitation's channel gate)
//   Dense        a 1x1 Conv on globally pooled (N, C, 1, 1) features
//   ChannelShuffle  Reshape(N, g, C/g, H, W) - Transpose(0, 2, 1, 3, 4) - Reshape(N, C, H, W)
//   ChannelSlice Slice or Split of channels
//   ZeroPadding2D   a zero Pad that no Conv or pooling absorbs
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/errors.h"
#include "io/onnx_importer.h"

namespace cs::onnxio {

namespace {

bool near(float a, float b) { return std::fabs(a - b) <= 1e-5f * std::max(1.f, std::fabs(b)); }

// The one float of a scalar constant, or NaN.
float scalarOf(const ConstTensor& c) {
    return c.count() == 1 && !c.floats.empty() ? c.floats[0] : std::numeric_limits<float>::quiet_NaN();
}

}  // namespace

float Importer::constantScalar(const std::string& value) const {
    constexpr float kNone = std::numeric_limits<float>::quiet_NaN();
    if (auto it = values_.find(value); it != values_.end())
        return it->second.kind == Value::Kind::Tensor ? kNone : scalarOf(it->second.constant);
    // PyTorch writes a pattern's Constant nodes just before their use, after the pattern's start.
    for (const auto& n : model_.graph().node())
        if (n.op_type() == "Constant" && n.output_size() == 1 && n.output(0) == value) {
            const auto* t = findAttr(n, "value");
            if (t && t->has_t()) return scalarOf(decodeTensor(t->t(), what_ + ": Constant '" + n.name() + "'"));
            if (const auto* f = findAttr(n, "value_float")) return f->f();
        }
    return kNone;
}

int Importer::soleConsumer(const std::string& value) const {
    if (uses(value) != 1) return -1;
    const auto& g = model_.graph();
    for (int i = nodeIndex_ + 1; i < g.node_size(); ++i)
        for (const auto& input : g.node(i).input())
            if (input == value) return i;
    return -1;  // the graph output
}

bool Importer::convertBlockOp() {
    if (absorbed_.count(nodeIndex_)) return true;
    if (auto it = completions_.find(nodeIndex_); it != completions_.end()) {
        const Completion& c = it->second;
        if (!std::isnan(c.factor)) {  // 6 * HardSigmoid(x; 1/6, 0)
            const std::string& other =
                values_.count(node_->input(0)) && values_.at(node_->input(0)).kind != Value::Kind::Tensor
                    ? node_->input(0)
                    : node_->input(1);
            if (!near(constantScalar(other), c.factor))
                fail(msg("onnx_import.relu6_factor",
                         "multiplies HardSigmoid(x; 1/6, 0) by something other than 6 (relu6)"));
        }
        activationOf(c.source, c.ownUses, c.act);
        return true;
    }
    // Malformed nodes without inputs or outputs are left to the general converter to refuse.
    if (node_->input_size() == 0 || node_->output_size() == 0) return false;
    const std::string& op = node_->op_type();
    const auto isTensor = [this](int i) { return optionalIn(i) && optionalIn(i)->kind == Value::Kind::Tensor; };
    if (op == "Clip") {
        clip();
    } else if (op == "HardSigmoid") {
        hardSigmoid();
    } else if (op == "HardSwish") {
        activation("hard_swish");
    } else if (op == "Sigmoid") {
        if (!matchGate("silu")) activation("sigmoid");
    } else if (op == "Gelu") {
        if (stringAttr(*node_, "approximate", "none") != "none")
            fail(msg("onnx_import.gelu_tanh",
                     "the tanh approximation of GELU is not supported; ConvStudio's gelu is the exact (erf) form"));
        activation("gelu");
    } else if (op == "Div" && isTensor(0)) {
        if (!matchGeluChain()) return false;
    } else if (op == "Mul" && isTensor(0) && isTensor(1)) {
        multiply();
    } else if (op == "MaxPool" && isTensor(0)) {
        return maxPoolOverNonNegative();
    } else if (op == "Pad" && isTensor(0)) {
        return zeroPadding();
    } else if (op == "Conv" && isTensor(0) && in(0).spatial1x1) {
        convOnPooled();
    } else if ((op == "Reshape" || op == "Transpose") && isTensor(0)) {
        return channelShuffle();
    } else if (op == "Slice" && isTensor(0)) {
        sliceChannels();
    } else if (op == "Split" && isTensor(0)) {
        splitChannels();
    } else if (op == "Erf") {
        fail(msg("onnx_import.erf_alone",
                 "Erf is supported only as part of GELU: Div(x, sqrt 2), Erf, Add 1, Mul by x, Mul by 0.5"));
    } else {
        return false;
    }
    return true;
}

// Sigmoid/HardSigmoid(x) read only by Mul(x, it): the gate of silu/hard_swish. The Mul applies it.
bool Importer::matchGate(const std::string& act) {
    const int mul = soleConsumer(node_->output(0));
    if (mul < 0) return false;
    const auto& m = model_.graph().node(mul);
    const std::string &x = node_->input(0), &gate = node_->output(0);
    if (m.op_type() != "Mul" || m.input_size() != 2) return false;
    if (!((m.input(0) == x && m.input(1) == gate) || (m.input(1) == x && m.input(0) == gate))) return false;
    absorbed_.insert(nodeIndex_);
    completions_[mul] = {act, x, 2};
    return true;
}

void Importer::clip() {
    float lo = -std::numeric_limits<float>::infinity(), hi = std::numeric_limits<float>::infinity();
    if (opset_ < 11) {
        lo = floatAttr(*node_, "min", lo);
        hi = floatAttr(*node_, "max", hi);
    } else {
        for (int i = 1; i <= 2; ++i)
            if (const Value* v = optionalIn(i)) {
                if (v->kind == Value::Kind::Tensor)
                    fail(msg("onnx_import.clip_bounds", "its bounds must be constants"));
                (i == 1 ? lo : hi) = scalarOf(v->constant);
            }
    }
    if (near(lo, 0.f) && near(hi, 6.f)) return activation("relu6");
    if (near(lo, 0.f) && std::isinf(hi) && hi > 0) return activation("relu");
    fail(msg("onnx_import.clip_range",
             "clips to [{low}, {high}]; ConvStudio has relu6 (0 to 6) and relu (0 to infinity)",
             {{"low", std::to_string(lo)}, {"high", std::to_string(hi)}}));
}

void Importer::hardSigmoid() {
    const float alpha = floatAttr(*node_, "alpha", 0.2f), beta = floatAttr(*node_, "beta", 0.5f);
    if (near(alpha, 1.f / 6.f) && near(beta, 0.5f)) {
        if (!matchGate("hard_swish")) activation("hard_sigmoid");
        return;
    }
    // 6 * HardSigmoid(x; 1/6, 0) is relu6, as ConvStudio exports it: the Mul by 6 applies it.
    if (near(alpha, 1.f / 6.f) && near(beta, 0.f)) {
        const int mul = soleConsumer(node_->output(0));
        if (mul >= 0 && model_.graph().node(mul).op_type() == "Mul" && model_.graph().node(mul).input_size() == 2) {
            absorbed_.insert(nodeIndex_);
            completions_[mul] = {"relu6", node_->input(0), 1, 6.f};
            return;
        }
    }
    fail(msg(
        "onnx_import.hard_sigmoid",
        "alpha {alpha} and beta {beta} are not supported; ConvStudio's hard_sigmoid is PyTorch's (alpha 1/6, beta 0.5)",
        {{"alpha", std::to_string(alpha)}, {"beta", std::to_string(beta)}}));
}

// Div(x, sqrt 2) -> Erf -> Add 1 -> Mul by x -> Mul by 0.5, each read only by the next: gelu.
bool Importer::matchGeluChain() {
    const auto& g = model_.graph();
    const std::string x = node_->input(0);
    if (in(1).kind == Value::Kind::Tensor || !near(scalarOf(constIn(1)), std::sqrt(2.f))) return false;
    const int erf = soleConsumer(node_->output(0));
    if (erf < 0 || g.node(erf).op_type() != "Erf") return false;
    const int oldIndex = nodeIndex_;
    auto next = [&](int from, const char* op) {
        nodeIndex_ = from;
        const int i = soleConsumer(g.node(from).output(0));
        nodeIndex_ = oldIndex;
        return i >= 0 && g.node(i).op_type() == op && g.node(i).input_size() == 2 ? i : -1;
    };
    // The constant operand of node i (the one that is not `value`), or NaN.
    auto constantBeside = [&](int i, const std::string& value) {
        const auto& n = g.node(i);
        return constantScalar(n.input(0) == value ? n.input(1) : n.input(0));
    };
    const int add = next(erf, "Add");
    if (add < 0 || !near(constantBeside(add, g.node(erf).output(0)), 1.f)) return false;
    const int mulX = next(add, "Mul");
    if (mulX < 0) return false;
    const auto& mx = g.node(mulX);
    if (!((mx.input(0) == x && mx.input(1) == g.node(add).output(0)) ||
          (mx.input(1) == x && mx.input(0) == g.node(add).output(0))))
        return false;
    const int half = next(mulX, "Mul");
    if (half < 0 || !near(constantBeside(half, mx.output(0)), 0.5f)) return false;
    absorbed_.insert({nodeIndex_, erf, add, mulX});
    completions_[half] = {"gelu", x, 2};
    return true;
}

// A MaxPool whose pads fit neither 'valid' nor 'same' (PyTorch's symmetric padding 1 on an even
// input) after a ReLU: its input is never negative, so padding with zeros instead of -infinity
// changes no maximum, and ZeroPadding2D + a 'valid' MaxPooling2D is exact.
bool Importer::maxPoolOverNonNegative() {
    const Value& x = tensorIn(0);
    if (!x.shape.isImage() || x.nhwc || x.padded || x.shuffleGroups || x.node == inputId_) return false;
    const NodeSpec& producer = spec(x.node);
    const std::string act = producer.options.value("activation", std::string());
    if (act != "relu" && act != "relu6") return false;
    const std::vector<int64_t> k = intsAttr(*node_, "kernel_shape"), st = intsAttr(*node_, "strides"),
                               p = intsAttr(*node_, "pads"), dil = intsAttr(*node_, "dilations");
    if (k.size() != 2 || k[0] != k[1] || p.size() != 4 || intAttr(*node_, "ceil_mode", 0) != 0 ||
        stringAttr(*node_, "auto_pad", "NOTSET") != "NOTSET" || (!dil.empty() && dil != std::vector<int64_t>{1, 1}))
        return false;
    const int64_t s = st.empty() ? 1 : st[0];
    if (s < 1 || k[0] < 1 || (!st.empty() && (st.size() != 2 || st[0] != st[1]))) return false;
    if (std::all_of(p.begin(), p.end(), [](int64_t v) { return v == 0; }) ||
        std::any_of(p.begin(), p.end(), [&](int64_t v) { return v < 0 || v >= k[0]; }))
        return false;
    // Leave the pads that the 'same' MaxPooling2D has to the general converter.
    const auto same = [&](int64_t in, int64_t before, int64_t after) {
        const int64_t out = (in + s - 1) / s, total = std::max<int64_t>((out - 1) * s + k[0] - in, 0);
        return before == total / 2 && after == total - total / 2;
    };
    if (same(x.shape.height(), p[0], p[2]) && same(x.shape.width(), p[1], p[3])) return false;
    Value padded;
    padded.node =
        addLayer("ZeroPadding2D", {{"top", p[0]}, {"left", p[1]}, {"bottom", p[2]}, {"right", p[3]}}, {x.node});
    padded.shape = shapeOf(padded.node);
    Value v;
    v.node = addLayer("MaxPooling2D", {{"pool_size", k[0]}, {"strides", s == k[0] ? 0 : s}, {"padding", "valid"}},
                      {padded.node});
    v.shape = shapeOf(v.node);
    setOut(v);
    out_.notes.push_back(describeNode(*node_, nodeIndex_) +
                         ": its padding became a ZeroPadding2D (exact: its input comes from a " + act + ")");
    return true;
}

// A zero Pad read by anything but a Conv or pooling (which absorb it) is a ZeroPadding2D.
bool Importer::zeroPadding() {
    const int next = soleConsumer(node_->output(0));
    if (next >= 0) {
        const std::string& op = model_.graph().node(next).op_type();
        if (op == "Conv" || op == "MaxPool" || op == "AveragePool") return false;
    }
    const Value& x = tensorIn(0);
    if (!x.shape.isImage() || x.nhwc || x.padded || x.shuffleGroups) return false;
    if (stringAttr(*node_, "mode", "constant") != "constant" || opset_ < 11) return false;
    const std::vector<int64_t> p = constIn(1).ints;
    if (const Value* v = optionalIn(2); v && !near(scalarOf(v->constant), 0.f)) return false;
    if (p.size() != 8 || p[0] || p[1] || p[4] || p[5] ||
        std::any_of(p.begin(), p.end(), [](int64_t v) { return v < 0; }))
        return false;  // pad() names the problem
    if (x.atInput) affineFrozen_ = true;
    Value v;
    v.node = addLayer("ZeroPadding2D", {{"top", p[2]}, {"left", p[3]}, {"bottom", p[6]}, {"right", p[7]}}, {x.node});
    v.shape = shapeOf(v.node);
    setOut(v);
    return true;
}

void Importer::multiply() {
    const Value& a = tensorIn(0);
    const Value& b = tensorIn(1);
    for (const Value* x : {&a, &b})
        if (x->padded || x->nhwc || x->hwcFlat || x->shuffleGroups)
            fail(msg("onnx_import.add_inputs", "its inputs must be plain NCHW images or flat features"));
    if (a.atInput || b.atInput) affineFrozen_ = true;
    Value v;
    v.node = addLayer("Multiply", nlohmann::json::object(), {a.node, b.node});
    v.shape = shapeOf(v.node);
    v.spatial1x1 = a.spatial1x1 && b.spatial1x1;
    setOut(v);
}

// Squeeze-and-excitation's 1x1 convolutions on the pooled (N, C, 1, 1) features: a Dense.
void Importer::convOnPooled() {
    const Value& x = tensorIn(0);
    const ConstTensor& w = constIn(1);
    const ConstTensor* b = optionalIn(2) ? &constIn(2) : nullptr;
    const int64_t c = x.shape.size();
    if (w.dims.size() != 4 || w.dims[2] != 1 || w.dims[3] != 1 || w.dims[1] != c)
        fail(msg("onnx_import.pooled_conv",
                 "on pooled 1x1 features only a 1x1 convolution over all {channels} channels (group 1) is supported",
                 {{"channels", std::to_string(c)}}));
    const std::vector<int64_t> pads = intsAttr(*node_, "pads");
    if (std::any_of(pads.begin(), pads.end(), [](int64_t p) { return p != 0; }))
        fail(msg("onnx_import.pooled_padding", "padding a 1x1 pooled input is not supported"));
    const int64_t filters = w.dims[0];
    if (b && b->count() != filters)
        fail(msg("onnx_import.conv_bias_count", "bias has {count} values for {filters} filters",
                 {{"count", std::to_string(b->count())}, {"filters", std::to_string(filters)}}));
    Tensor kernel(static_cast<int>(filters), Shape::flat(static_cast<int>(c)));
    std::copy(w.floats.begin(), w.floats.end(), kernel.data());
    std::map<std::string, Tensor> params{{"kernel", kernel}};
    if (b) {
        Tensor bias(Shape::flat(static_cast<int>(filters)));
        std::copy(b->floats.begin(), b->floats.end(), bias.data());
        params["bias"] = bias;
    }
    Value v;
    v.node =
        addLayer("Dense", {{"units", filters}, {"use_bias", b != nullptr}, {"activation", "linear"}}, {x.node}, params);
    v.shape = shapeOf(v.node);
    v.spatial1x1 = true;
    setOut(v);
}

// The three steps of a channel shuffle, and flat features reshaped to (N, C, 1, 1). Returns false
// for other Reshapes/Transposes (flattening, NHWC transposes), which the general converters handle.
bool Importer::channelShuffle() {
    const Value& x = tensorIn(0);
    const std::string& op = node_->op_type();
    if (op == "Transpose") {
        if (!x.shuffleGroups) return false;
        if (x.shuffleTransposed || intsAttr(*node_, "perm") != std::vector<int64_t>{0, 2, 1, 3, 4})
            fail(msg("onnx_import.shuffle_transpose",
                     "on the 5-D grouped view of channels only the transpose (0, 2, 1, 3, 4) of a channel shuffle is "
                     "supported"));
        Value v = x;
        v.shuffleTransposed = true;
        setOut(v);
        return true;
    }
    std::vector<int64_t> t = in(1).constant.ints;
    auto batchDim = [](int64_t d) { return d == kBatch || d == 0 || d == -1 || d == 1; };
    // Flat features viewed as (N, C, 1, 1), e.g. a channel gate before a Mul: the same engine value.
    if (x.shape.isFlat() && !x.hwcFlat && t.size() == 4 && batchDim(t[0]) && t[1] == x.shape.size() && t[2] == 1 &&
        t[3] == 1) {
        Value v = x;
        v.spatial1x1 = true;
        setOut(v);
        return true;
    }
    if (!x.shape.isImage() || x.nhwc || x.padded) return false;
    const int64_t C = x.shape.channels(), H = x.shape.height(), W = x.shape.width();
    if (!x.shuffleGroups) {
        if (t.size() != 5) return false;
        if (t[2] == -1 && t[1] > 0 && C % t[1] == 0) t[2] = C / t[1];  // PyTorch may leave one size to infer
        int64_t product = 0;
        if (!batchDim(t[0]) || t[1] < 1 || t[2] < 1 || __builtin_mul_overflow(t[1], t[2], &product) || product != C ||
            t[3] != H || t[4] != W)
            fail(msg("onnx_import.shuffle_reshape",
                     "reshaping a {shape} image to 5-D is supported only as the (N, groups, C/groups, H, W) view of a "
                     "channel shuffle",
                     {{"shape", x.shape.toString()}}));
        Value v = x;
        v.shuffleGroups = static_cast<int>(t[1]);
        setOut(v);
        return true;
    }
    if (t.size() == 4 && t[1] == -1) t[1] = C;
    if (!x.shuffleTransposed || t.size() != 4 || !batchDim(t[0]) || t[1] != C || t[2] != H || t[3] != W)
        fail(msg(
            "onnx_import.shuffle_reshape_back",
            "after the grouped view of a channel shuffle, only its transpose and the reshape back to (N, {channels}, "
            "{height}, {width}) are supported",
            {{"channels", std::to_string(C)}, {"height", std::to_string(H)}, {"width", std::to_string(W)}}));
    if (x.atInput) affineFrozen_ = true;
    Value v;
    v.node = addLayer("ChannelShuffle", {{"groups", x.shuffleGroups}}, {x.node});
    v.shape = shapeOf(v.node);
    setOut(v);
    return true;
}

void Importer::sliceChannels() {
    const Value& x = tensorIn(0);
    if (x.padded || x.nhwc || x.shuffleGroups || x.hwcFlat)
        fail(msg("onnx_import.slice_input", "only slicing plain NCHW images is supported"));
    std::vector<int64_t> starts, ends, axes, steps;
    if (opset_ < 10) {
        starts = intsAttr(*node_, "starts");
        ends = intsAttr(*node_, "ends");
        axes = intsAttr(*node_, "axes");
    } else {
        starts = constIn(1).ints;
        ends = constIn(2).ints;
        if (optionalIn(3)) axes = constIn(3).ints;
        if (optionalIn(4)) steps = constIn(4).ints;
    }
    const int rank = x.shape.isImage() || x.spatial1x1 ? 4 : 2;
    if (axes.empty())
        for (size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<int64_t>(i));
    if (starts.size() != 1 || ends.size() != 1 || axes.size() != 1 || (axes[0] != 1 && axes[0] != 1 - rank) ||
        (!steps.empty() && (steps.size() != 1 || steps[0] != 1)))
        fail(msg("onnx_import.slice_axis", "only a slice of channels (axis 1, step 1) is supported"));
    const int64_t c = x.shape.isImage() ? x.shape.channels() : x.shape.size();
    auto clampIndex = [c](int64_t i) { return std::clamp<int64_t>(i < 0 ? i + c : i, 0, c); };
    const int64_t start = clampIndex(starts[0]), stop = clampIndex(ends[0]);
    if (start >= stop)
        fail(msg("onnx_import.slice_empty", "the slice of channels {start}..{stop} is empty",
                 {{"start", std::to_string(start)}, {"stop", std::to_string(stop)}}));
    if (x.atInput) affineFrozen_ = true;
    Value v = x;
    v.atInput = false;
    v.node = addLayer("ChannelSlice", {{"start", start}, {"stop", stop}}, {x.node});
    v.shape = shapeOf(v.node);
    setOut(v);
}

void Importer::splitChannels() {
    const Value& x = tensorIn(0);
    if (x.padded || x.nhwc || x.shuffleGroups || x.hwcFlat || !x.shape.isImage())
        fail(msg("onnx_import.split_input", "only splitting the channels of plain NCHW images is supported"));
    const int64_t axis = intAttr(*node_, "axis", 0);
    if (axis != 1 && axis != -3) fail(msg("onnx_import.split_axis", "only a split of channels (axis 1) is supported"));
    std::vector<int64_t> sizes =
        opset_ >= 13 ? (optionalIn(1) ? constIn(1).ints : std::vector<int64_t>{}) : intsAttr(*node_, "split");
    const int64_t c = x.shape.channels(), parts = node_->output_size();
    if (sizes.empty()) {
        if (c % parts != 0)
            fail(msg("onnx_import.split_unequal", "{channels} channels do not split into {parts} equal parts",
                     {{"channels", std::to_string(c)}, {"parts", std::to_string(parts)}}));
        sizes.assign(parts, c / parts);
    }
    int64_t start = 0;
    if (static_cast<int64_t>(sizes.size()) != parts)
        fail(msg("onnx_import.split_sizes", "has {sizes} sizes for {parts} outputs",
                 {{"sizes", std::to_string(sizes.size())}, {"parts", std::to_string(parts)}}));
    if (x.atInput) affineFrozen_ = true;
    for (int i = 0; i < parts; ++i) {
        if (sizes[i] < 1 || sizes[i] > c - start)
            fail(msg("onnx_import.split_fit", "its sizes do not fit {channels} channels",
                     {{"channels", std::to_string(c)}}));
        Value v = x;
        v.atInput = false;
        v.node = addLayer("ChannelSlice", {{"start", start}, {"stop", start + sizes[i]}}, {x.node});
        v.shape = shapeOf(v.node);
        start += sizes[i];
        if (!node_->output(i).empty()) setOut(v, i);
    }
}

}  // namespace cs::onnxio
