#include "io/onnx_importer.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "layers/activation.h"
#include "layers/layer_registry.h"

namespace cs::onnxio {

namespace {

// "/features/features.0/Conv" (PyTorch) -> "features_0"; "conv2d" stays "conv2d".
std::string cleanName(const std::string& raw, const std::string& op) {
    std::vector<std::string> parts;
    std::string cur;
    for (char c : raw + "/") {
        if (c == '/') {
            if (!cur.empty()) parts.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (parts.size() >= 2 && (parts.back() == op || parts.back().rfind(op + "_", 0) == 0)) parts.pop_back();
    std::string base = parts.size() >= 2 && raw.front() == '/' ? parts.back() : "";
    if (base.empty())
        for (size_t i = 0; i < parts.size(); ++i) base += (i ? "_" : "") + parts[i];
    for (char& c : base)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') c = '_';
    return base;
}

}  // namespace

Importer::Importer(const onnx::ModelProto& model, const ImportHints& hints, const std::string& what)
    : model_(model), hints_(hints), what_(what) {
    for (const auto& op : model.opset_import())
        if (op.domain().empty() || op.domain() == "ai.onnx") opset_ = static_cast<int>(op.version());
    const auto& g = model.graph();
    for (const auto& init : g.initializer()) {
        Value v;
        v.kind = Value::Kind::Const;
        v.constant = decodeTensor(init, what_ + ": initializer '" + init.name() + "'");
        values_[init.name()] = std::move(v);
    }
    for (const auto& n : g.node())
        for (const auto& i : n.input())
            if (!i.empty()) ++uses_[i];
    for (const auto& o : g.output()) ++uses_[o.name()];
}

void Importer::fail(const Message& reason) const {
    throw FileError(msg("onnx_import.node_error", "{file}: {node}: {reason}",
                        {{"file", what_}, {"node", describeNode(*node_, nodeIndex_)}, {"reason", reason}}));
}

const Value* Importer::optionalIn(int i) const {
    if (i >= node_->input_size() || node_->input(i).empty()) return nullptr;
    auto it = values_.find(node_->input(i));
    if (it == values_.end())
        fail(msg("onnx_import.input_unknown",
                 "input '{input}' is neither an initializer, a graph input nor an earlier node's output",
                 {{"input", node_->input(i)}}));
    return &it->second;
}

const Value& Importer::in(int i) const {
    const Value* v = optionalIn(i);
    if (!v) fail(msg("onnx_import.input_missing", "input {index} is missing", {{"index", std::to_string(i)}}));
    return *v;
}

const Value& Importer::tensorIn(int i) const {
    const Value& v = in(i);
    if (v.kind != Value::Kind::Tensor)
        fail(msg("onnx_import.input_not_tensor", "input '{input}' must be computed from the image, not a constant",
                 {{"input", node_->input(i)}}));
    return v;
}

const ConstTensor& Importer::constIn(int i) const {
    const Value& v = in(i);
    if (v.kind == Value::Kind::Tensor)
        fail(msg("onnx_import.input_not_const", "input '{input}' must be a constant (an initializer)",
                 {{"input", node_->input(i)}}));
    return v.constant;
}

void Importer::setOut(const Value& v, int output) {
    if (output >= node_->output_size() || node_->output(output).empty())
        fail(msg("onnx_import.no_output", "has no output"));
    values_[node_->output(output)] = v;
}

int Importer::uses(const std::string& value) const {
    auto it = uses_.find(value);
    return it == uses_.end() ? 0 : it->second;
}

NodeSpec& Importer::spec(int id) { return *out_.spec.find(id); }

Shape Importer::shapeOf(int id) const { return shapes_.at(id); }

std::string Importer::layerName(const std::string& kind) {
    std::string base = node_ ? cleanName(node_->name(), node_->op_type()) : "";
    if (base.empty()) return out_.spec.uniqueName(kind);
    std::string name = base;
    for (int i = 1; out_.spec.findByName(name); ++i) name = base + "_" + std::to_string(i);
    return name;
}

int Importer::addLayer(const std::string& kind, nlohmann::json options, const std::vector<int>& inputs,
                       const std::map<std::string, Tensor>& params) {
    const std::string name = layerName(kind);
    const LayerRegistry& reg = LayerRegistry::builtin();
    std::vector<Shape> inShapes;
    for (int id : inputs) inShapes.push_back(shapeOf(id));
    Shape outShape;
    try {
        const Options validated = reg.validate(kind, options, name);
        outShape = reg.create(kind, validated, name)->outputShape(inShapes);
    } catch (const Error& e) {
        if (node_)
            fail(msg("onnx_import.layer_rejected", "as {kind}: {reason}", {{"kind", kind}, {"reason", e.message()}}));
        throw FileError(msg("onnx_import.file_error", "{file}: {reason}", {{"file", what_}, {"reason", e.message()}}));
    }
    const int id = out_.spec.add(kind, std::move(options), inputs, name);
    // No position: a graph whose nodes all sit at one point is laid out by the designer
    // (layered, branches side by side) when it opens; a column in ONNX order would stack them.
    NodeSpec& n = spec(id);
    n.x = n.y = 0;
    shapes_[id] = outShape;
    for (const auto& [param, t] : params) out_.weights[name + "/" + param] = t;
    return id;
}

ImportedGraph Importer::run() {
    const auto& g = model_.graph();
    // The image input: the first graph input that is not an initializer.
    const onnx::ValueInfoProto* input = nullptr;
    for (const auto& i : g.input())
        if (!values_.count(i.name())) {
            if (input)
                throw FileError(
                    msg("onnx_import.several_inputs",
                        "{file}: has several inputs ('{first}', '{second}'); ConvStudio models take one image",
                        {{"file", what_}, {"first", input->name()}, {"second", i.name()}}));
            input = &i;
        }
    if (!input) throw FileError(msg("onnx_import.no_input", "{file}: the graph has no input", {{"file", what_}}));
    const auto& tt = input->type().tensor_type();
    if (tt.elem_type() != onnx::TensorProto::FLOAT)
        throw FileError(msg("onnx_import.input_not_float",
                            "{file}: input '{input}' must be float32 (element type {type})",
                            {{"file", what_}, {"input", input->name()}, {"type", std::to_string(tt.elem_type())}}));
    std::vector<int64_t> d;
    for (int i = 1; i < tt.shape().dim_size(); ++i) d.push_back(tt.shape().dim(i).dim_value());
    if (tt.shape().dim_size() != 4 || std::any_of(d.begin(), d.end(), [](int64_t x) { return x < 1 || x > 4096; }))
        throw FileError(msg("onnx_import.input_not_image",
                            "{file}: input '{input}' must be an image batch (N, C, H, W) with fixed C, H, W",
                            {{"file", what_}, {"input", input->name()}}));
    // Keras/tf2onnx models take NHWC and transpose it right away.
    bool nhwc = false;
    for (const auto& n : g.node())
        if (n.op_type() == "Transpose" && n.input_size() && n.input(0) == input->name() &&
            intsAttr(n, "perm") == std::vector<int64_t>{0, 3, 1, 2})
            nhwc = true;
    const int c = static_cast<int>(nhwc ? d[2] : d[0]), h = static_cast<int>(nhwc ? d[0] : d[1]),
              w = static_cast<int>(nhwc ? d[1] : d[2]);
    inputId_ = addLayer("Input", {{"height", h}, {"width", w}, {"channels", c}}, {});
    if (nhwc) out_.notes.push_back("the ONNX input is NHWC; the imported model takes NCHW");
    Value in;
    in.node = inputId_;
    in.shape = shapeOf(inputId_);
    in.nhwc = nhwc;
    in.atInput = true;
    values_[input->name()] = in;

    for (nodeIndex_ = 0; nodeIndex_ < g.node_size(); ++nodeIndex_) {
        node_ = &g.node(nodeIndex_);
        convertNode();
    }
    node_ = nullptr;
    if (g.output_size() != 1)
        throw FileError(msg("onnx_import.several_outputs", "{file}: has {count} outputs; ConvStudio models have one",
                            {{"file", what_}, {"count", std::to_string(g.output_size())}}));
    auto it = values_.find(g.output(0).name());
    if (it == values_.end() || it->second.kind != Value::Kind::Tensor)
        throw FileError(msg("onnx_import.output_not_computed", "{file}: output '{output}' is not computed by any node",
                            {{"file", what_}, {"output", g.output(0).name()}}));
    const Value& o = it->second;
    if (!o.shape.isFlat() || o.nhwc || o.padded)
        throw FileError(msg("onnx_import.output_is_image",
                            "{file}: output '{output}' must be (batch, classes), got an image {shape}",
                            {{"file", what_}, {"output", g.output(0).name()}, {"shape", o.shape.toString()}}));
    if (o.node == inputId_)
        throw FileError(msg("onnx_import.no_layers", "{file}: the output is the input; the model has no layers",
                            {{"file", what_}}));
    return std::move(out_);
}

void Importer::convertNode() {
    const std::string& op = node_->op_type();
    if (!node_->domain().empty() && node_->domain() != "ai.onnx")
        fail(msg("onnx_import.domain_unsupported",
                 "op domain '{domain}' is not supported (only the standard ONNX ops are)",
                 {{"domain", node_->domain()}}));
    // Every converter below reads input 0 and writes output 0 (a Constant has no inputs).
    if (node_->output_size() == 0)
        fail(msg("onnx_import.node_no_outputs", "has no outputs; every node must produce a value"));
    if (op != "Constant" && (node_->input_size() == 0 || node_->input(0).empty()))
        fail(msg("onnx_import.node_no_inputs", "has no input; op '{op}' needs at least one", {{"op", op}}));
    if (convertBlockOp() || foldConstant()) return;
    if (op == "Constant") {
        const auto* t = findAttr(*node_, "value");
        Value v;
        v.kind = Value::Kind::Const;
        if (t && t->has_t())
            v.constant = decodeTensor(t->t(), what_ + ": " + describeNode(*node_, nodeIndex_));
        else if (const auto* f = findAttr(*node_, "value_float"))
            v.constant = {{}, {f->f()}, {int64_t(f->f())}};
        else if (const auto* i = findAttr(*node_, "value_int"))
            v.constant = {{}, {float(i->i())}, {i->i()}};
        else if (const auto* is = findAttr(*node_, "value_ints")) {
            v.constant.dims = {is->ints_size()};
            for (int64_t x : is->ints()) {
                v.constant.ints.push_back(x);
                v.constant.floats.push_back(float(x));
            }
        } else
            fail(msg("onnx_import.constant_no_value", "has no supported value attribute"));
        setOut(v);
    } else if (op == "Identity") {
        if (hints_.activationLayers.count(cleanName(node_->name(), op)) && in(0).kind == Value::Kind::Tensor)
            activation("linear");
        else
            setOut(in(0));
    } else if (op == "Relu")
        activation("relu");
    else if (op == "LeakyRelu") {
        const float alpha = floatAttr(*node_, "alpha", 0.01f);
        if (std::fabs(alpha - kLeakyReluSlope) > 1e-6f)
            fail(msg("onnx_import.leaky_slope",
                     "negative slope {slope} is not supported; ConvStudio's leaky_relu uses 0.2",
                     {{"slope", std::to_string(alpha)}}));
        activation("leaky_relu");
    } else if (op == "Elu") {
        if (std::fabs(floatAttr(*node_, "alpha", 1.f) - 1.f) > 1e-6f)
            fail(msg("onnx_import.elu_alpha", "alpha other than 1 is not supported"));
        activation("elu");
    } else if (op == "Tanh")
        activation("tanh");
    else if (op == "Softmax")
        softmax();
    else if (op == "Conv")
        conv();
    else if (op == "MaxPool")
        pooling(true);
    else if (op == "AveragePool")
        pooling(false);
    else if (op == "GlobalAveragePool")
        globalPool(false);
    else if (op == "ReduceMean")
        globalPool(true);
    else if (op == "Gemm")
        gemm(false);
    else if (op == "MatMul")
        gemm(true);
    else if (op == "Add")
        addBiasOrMerge();
    else if (op == "Sum")
        merge("Add");
    else if (op == "Sub" || op == "Mul" || op == "Div")
        affineAtInput();
    else if (op == "Concat")
        merge("Concatenate");
    else if (op == "BatchNormalization")
        batchNorm();
    else if (op == "Dropout")
        dropout();
    else if (op == "Flatten")
        flattenLike();
    else if (op == "Reshape" || op == "Squeeze")
        flattenLike();
    else if (op == "Pad")
        pad();
    else if (op == "Transpose")
        transpose();
    else
        fail(msg(
            "onnx_import.unsupported_op",
            "unsupported op '{op}'; ConvStudio imports Conv, Relu, LeakyRelu, Elu, Sigmoid, Tanh, Softmax, Clip, "
            "HardSigmoid, "
            "HardSwish, Gelu, MaxPool, AveragePool, GlobalAveragePool, ReduceMean, BatchNormalization, Gemm, MatMul, "
            "Add, Sum, Mul, Concat, Slice, Split, Flatten, Reshape, Squeeze, Dropout, Pad, Transpose, Identity, and "
            "shape arithmetic on constants",
            {{"op", op}}));
}

void Importer::activation(const std::string& act) { activationOf(node_->input(0), 1, act); }

void Importer::activationOf(const std::string& input, int ownUses, const std::string& act) {
    auto it = values_.find(input);
    if (it == values_.end() || it->second.kind != Value::Kind::Tensor)
        fail(msg("onnx_import.input_not_tensor", "input '{input}' must be computed from the image, not a constant",
                 {{"input", input}}));
    const Value& x = it->second;
    if (x.padded) fail(msg("onnx_import.after_pad", "follows a Pad node; only Conv and MaxPool may"));
    const std::string name = cleanName(node_->name(), node_->op_type());
    const bool keepLayer = hints_.activationLayers.count(name) != 0;
    if (!keepLayer && x.node != inputId_ && uses(input) == ownUses) {
        NodeSpec& producer = spec(x.node);
        if ((producer.kind == "Conv2D" || producer.kind == "DepthwiseConv2D" || producer.kind == "SeparableConv2D" ||
             producer.kind == "Dense") &&
            producer.options.value("activation", std::string("linear")) == "linear") {
            producer.options["activation"] = act;
            setOut(x);
            return;
        }
    }
    if (x.atInput) affineFrozen_ = true;
    Value v = x;
    v.atInput = false;
    v.node = addLayer("Activation", {{"activation", act}}, {x.node});
    setOut(v);
}

void Importer::softmax() {
    const Value& x = tensorIn(0);
    const int rank = x.shape.isImage() || x.spatial1x1 ? 4 : 2;
    int64_t axis = intAttr(*node_, "axis", opset_ >= 13 ? -1 : 1);
    if (axis < 0) axis += rank;
    const bool channelAxis = x.nhwc ? axis == 3 : axis == 1;
    if (!channelAxis)
        fail(msg("onnx_import.softmax_axis",
                 "softmax over axis {axis} is not supported; ConvStudio's softmax is over the channels/features",
                 {{"axis", std::to_string(axis)}}));
    // Before opset 13, Softmax(axis=1) normalises over C*H*W together, not per pixel.
    if (opset_ < 13 && x.shape.isImage() && x.shape.height() * x.shape.width() > 1)
        fail(msg("onnx_import.softmax_old_opset",
                 "opset {opset} softmax normalises over C*H*W, which ConvStudio cannot represent",
                 {{"opset", std::to_string(opset_)}}));
    activation("softmax");
}

void Importer::flattenLike() {
    const Value& x = tensorIn(0);
    if (x.padded) fail(msg("onnx_import.after_pad", "follows a Pad node; only Conv and MaxPool may"));
    const std::string& op = node_->op_type();
    if (op == "Flatten" && intAttr(*node_, "axis", 1) != 1)
        fail(msg("onnx_import.flatten_axis", "axis {axis} is not supported; only axis 1 keeps the batch",
                 {{"axis", std::to_string(intAttr(*node_, "axis", 1))}}));
    if (op == "Reshape") {
        std::vector<int64_t> t = in(1).constant.ints;
        const int64_t size = x.shape.size();
        for (auto& v : t)
            if (v == kBatch) v = 0;
        const bool ok = t.size() == 2 && ((t[0] == 0 && (t[1] == -1 || t[1] == size)) || (t[0] == -1 && t[1] == size));
        if (!ok) {
            std::string s;
            for (auto v : t) s += (s.empty() ? "" : ", ") + std::to_string(v);
            fail(msg("onnx_import.reshape_unsupported",
                     "reshape to [{shape}] is not supported; only flattening (batch, ...) to (batch, {size}) is",
                     {{"shape", s}, {"size", std::to_string(size)}}));
        }
    }
    if (op == "Squeeze") {
        std::vector<int64_t> axes = intsAttr(*node_, "axes");
        if (const Value* a = optionalIn(1)) axes = a->constant.ints;
        for (auto& a : axes)
            if (a < 0) a += 4;
        std::sort(axes.begin(), axes.end());
        if (axes != std::vector<int64_t>{2, 3} ||
            !(x.spatial1x1 || (x.shape.isImage() && x.shape.height() * x.shape.width() == 1)))
            fail(msg("onnx_import.squeeze_unsupported",
                     "only squeezing the 1x1 spatial axes (2, 3) after global pooling is supported"));
    }
    Value v = x;
    v.spatial1x1 = false;
    v.atInput = false;
    if (x.shape.isImage()) {
        if (x.atInput) affineFrozen_ = true;
        v.node = addLayer("Flatten", nlohmann::json::object(), {x.node});
        v.shape = shapeOf(v.node);
        v.nhwc = false;
        // Flattening an NHWC tensor orders features H,W,C; the next Dense reorders its kernel.
        if (x.nhwc && x.shape.channels() > 1 && x.shape.height() * x.shape.width() > 1) {
            v.hwcFlat = true;
            v.hwcSource = x.shape;
        }
    }
    setOut(v);
}

void Importer::merge(const std::string& kind) {
    std::vector<int> ids;
    const Value& first = tensorIn(0);
    for (int i = 0; i < node_->input_size(); ++i) {
        const Value& x = tensorIn(i);
        if (x.padded || x.nhwc || x.hwcFlat)
            fail(msg("onnx_import.concat_input",
                     "its inputs must be plain NCHW images or flat features (input '{input}' is not)",
                     {{"input", node_->input(i)}}));
        if (x.atInput) affineFrozen_ = true;
        ids.push_back(x.node);
    }
    if (kind == "Concatenate") {
        const int rank = first.shape.isImage() || first.spatial1x1 ? 4 : 2;
        int64_t axis = intAttr(*node_, "axis", 1);
        if (axis < 0) axis += rank;
        if (axis != 1)
            fail(msg("onnx_import.concat_axis",
                     "concatenation along axis {axis} is not supported; only channels/features (axis 1)",
                     {{"axis", std::to_string(axis)}}));
    }
    // A chain of two-input Adds whose partial sums have no other use is one Add layer.
    if (kind == "Add" && ids.size() == 2 && uses(node_->input(0)) == 1 && spec(ids[0]).kind == "Add" &&
        first.node != inputId_) {
        NodeSpec& sum = spec(ids[0]);
        sum.inputs.push_back(ids[1]);
        const std::string name = cleanName(node_->name(), node_->op_type());
        if (!name.empty() && !out_.spec.findByName(name)) sum.name = name;
        setOut(first);
        return;
    }
    Value v;
    v.node = addLayer(kind, nlohmann::json::object(), ids);
    v.shape = shapeOf(v.node);
    v.spatial1x1 = first.spatial1x1;
    setOut(v);
}

void Importer::affineAtInput() {
    const std::string& op = node_->op_type();
    const bool constFirst = in(0).kind != Value::Kind::Tensor;
    const Value& x = tensorIn(constFirst ? 1 : 0);
    const ConstTensor& k = constIn(constFirst ? 0 : 1);
    if (!x.atInput || affineFrozen_)
        fail(msg("onnx_import.affine_not_at_input",
                 "{op} by a constant is only supported right after the input, as preprocessing", {{"op", op}}));
    if (constFirst && op != "Mul" && op != "Sub")
        fail(msg("onnx_import.constant_over_image", "dividing a constant by the image is not supported"));
    const int c = x.shape.channels();
    // Per-channel constants must broadcast along the channel axis (axis -3 for NCHW, -1 for NHWC).
    const int64_t n = k.count();
    bool perChannel = n == 1;
    if (n == c && !k.dims.empty()) {
        const auto& d = k.dims;
        if (x.nhwc)
            perChannel = d.back() == c;
        else
            perChannel = d.size() >= 3 && d[d.size() - 3] == c && d[d.size() - 2] == 1 && d[d.size() - 1] == 1;
    }
    if (!perChannel)
        fail(msg("onnx_import.affine_constant_shape", "the constant must be a scalar or one value per channel"));
    InputAffine& a = out_.inputAffine;
    if (a.empty()) {
        a.scale.assign(c, 1.f);
        a.shift.assign(c, 0.f);
    }
    for (int i = 0; i < c; ++i) {
        const float v = k.floats[n == 1 ? 0 : i];
        if (op == "Mul") {
            a.scale[i] *= v;
            a.shift[i] *= v;
        } else if (op == "Div") {
            if (v == 0.f) fail(msg("onnx_import.divide_by_zero", "divides by zero"));
            a.scale[i] /= v;
            a.shift[i] /= v;
        } else if (op == "Add") {
            a.shift[i] += v;
        } else if (constFirst) {  // k - x
            a.scale[i] = -a.scale[i];
            a.shift[i] = v - a.shift[i];
        } else {
            a.shift[i] -= v;
        }
    }
    setOut(x);
}

void Importer::pad() {
    const Value& x = tensorIn(0);
    if (!x.shape.isImage() || x.nhwc || x.padded)
        fail(msg("onnx_import.pad_unsupported", "only padding an NCHW image once is supported"));
    if (stringAttr(*node_, "mode", "constant") != "constant")
        fail(msg("onnx_import.pad_mode", "only constant padding is supported"));
    std::vector<int64_t> p = opset_ >= 11 ? constIn(1).ints : intsAttr(*node_, "pads");
    float value = opset_ >= 11 ? 0.f : floatAttr(*node_, "value", 0.f);
    if (opset_ >= 11)
        if (const Value* v = optionalIn(2)) value = v->constant.floats.empty() ? 0.f : v->constant.floats[0];
    if (p.size() != 8 || p[0] || p[1] || p[4] || p[5] ||
        std::any_of(p.begin(), p.end(), [](int64_t v) { return v < 0; }))
        fail(msg("onnx_import.pad_negative", "only non-negative padding of height and width is supported"));
    if (std::all_of(p.begin(), p.end(), [](int64_t v) { return v == 0; })) {  // PyTorch pads by 0 before AvgPool
        setOut(x);
        return;
    }
    Value v = x;
    v.padded = true;
    v.pad = {p[2], p[3], p[6], p[7]};
    v.padValue = value;
    v.padNode = describeNode(*node_, nodeIndex_);
    setOut(v);
}

void Importer::transpose() {
    const Value& x = tensorIn(0);
    const std::vector<int64_t> perm = intsAttr(*node_, "perm");
    Value v = x;
    if (x.nhwc && perm == std::vector<int64_t>{0, 3, 1, 2})
        v.nhwc = false;
    else if (!x.nhwc && x.shape.isImage() && !x.padded && perm == std::vector<int64_t>{0, 2, 3, 1})
        v.nhwc = true;
    else
        fail(msg("onnx_import.transpose_unsupported", "only NHWC <-> NCHW transposes of images are supported"));
    setOut(v);
}

}  // namespace cs::onnxio
