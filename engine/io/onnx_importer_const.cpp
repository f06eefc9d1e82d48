// Constant folding for the small integer computations exporters put in front of Reshape and
// Pad (PyTorch's x.view(x.size(0), -1) and F.pad, tf2onnx's shape arithmetic). The batch size,
// unknown until run time, travels through as the kBatch marker.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "core/errors.h"
#include "io/onnx_importer.h"

namespace cs::onnxio {

namespace {

// Folded constants are shape vectors and small index tables; a file asking for more is refused
// before anything that large is allocated or looped over.
constexpr int64_t kMaxFoldedValues = int64_t{1} << 24;

std::string dimsText(const std::vector<int64_t>& dims) {
    std::string s = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
    return s + "]";
}

// The element count of `dims`, checked: a negative dimension or a product past the limit (or
// past 64 bits, which would wrap) throws FileError naming the shape.
int64_t countOf(const std::vector<int64_t>& dims) {
    int64_t n = 1;
    for (int64_t d : dims)
        if (d < 0 || __builtin_mul_overflow(n, d, &n) || n > kMaxFoldedValues)
            throw FileError(msg("onnx.constant_too_large",
                                "a constant of shape {shape} has a negative dimension or more than {limit} values",
                                {{"shape", dimsText(dims)}, {"limit", std::to_string(kMaxFoldedValues)}}));
    return n;
}

std::vector<int64_t> stridesOf(const std::vector<int64_t>& dims) {
    countOf(dims);  // every stride is at most the count: checked once here
    std::vector<int64_t> s(dims.size(), 1);
    for (int i = static_cast<int>(dims.size()) - 2; i >= 0; --i) s[i] = s[i + 1] * dims[i + 1];
    return s;
}

// out[i] = in[src[i]] for both value lists.
ConstTensor gather(const ConstTensor& in, std::vector<int64_t> dims, const std::vector<int64_t>& src) {
    ConstTensor out;
    out.dims = std::move(dims);
    for (int64_t s : src) {
        out.ints.push_back(in.ints[s]);
        out.floats.push_back(in.floats[s]);
    }
    return out;
}

// Calls f(outIndex, coordinate vector) for every element of an array of `dims`.
template <typename F>
void forEach(const std::vector<int64_t>& dims, F f) {
    const int64_t n = countOf(dims);
    std::vector<int64_t> c(dims.size(), 0);
    for (int64_t i = 0; i < n; ++i) {
        f(i, c);
        for (int d = static_cast<int>(dims.size()) - 1; d >= 0; --d) {
            if (++c[d] < dims[d]) break;
            c[d] = 0;
        }
    }
}

int64_t axisOf(int64_t axis, size_t rank) { return axis < 0 ? axis + static_cast<int64_t>(rank) : axis; }

// What a folding op sees: the node, its inputs (all known constants or shape vectors; the
// Shape op's input is a layer output), and how to fail naming the node.
struct FoldArgs {
    const onnx::NodeProto& node;
    std::vector<const Value*> inputs;  // nullptr: an optional input left out
    int opset;
    std::string where;  // "model.onnx: Reshape 'r1'", the start of every message

    [[noreturn]] void fail(const Message& reason) const {
        throw FileError(msg("onnx_import.fold_error", "{where}: {reason}", {{"where", where}, {"reason", reason}}));
    }
    const Value* optional(int i) const { return i < static_cast<int>(inputs.size()) ? inputs[i] : nullptr; }
    const Value& value(int i) const {
        if (!optional(i))
            fail(msg("onnx_import.input_missing", "input {index} is missing", {{"index", std::to_string(i)}}));
        return *inputs[i];
    }
    const ConstTensor& in(int i) const { return value(i).constant; }
    // `axis` (negative counts from the end) as an index below `rank`, or a FileError.
    int64_t axis(int64_t axis, std::size_t rank) const {
        const int64_t x = axisOf(axis, rank);
        if (x < 0 || x >= static_cast<int64_t>(rank))
            fail(msg("onnx_import.axis_out_of_range", "axis {axis} is out of range for rank {rank}",
                     {{"axis", std::to_string(axis)}, {"rank", std::to_string(rank)}}));
        return x;
    }
};

// Every folding op indexes its inputs through their dims: dims and values must agree.
void checkConsistent(const ConstTensor& c, const FoldArgs& a, bool result) {
    const auto n = static_cast<std::size_t>(countOf(c.dims));
    if (c.ints.size() == n && (c.floats.empty() || c.floats.size() == n)) return;
    const std::vector<MessageArg> args{{"shape", dimsText(c.dims)}, {"count", std::to_string(c.ints.size())}};
    a.fail(result
               ? msg("onnx_import.fold_result_inconsistent", "the result of shape {shape} holds {count} values", args)
               : msg("onnx_import.fold_input_inconsistent", "an input of shape {shape} holds {count} values", args));
}

ConstTensor foldShape(const FoldArgs& a) {
    const Value& x = a.value(0);
    ConstTensor c;
    c.ints = {kBatch};
    if (x.shape.isImage()) {
        if (x.nhwc)
            c.ints.insert(c.ints.end(), {x.shape.height(), x.shape.width(), x.shape.channels()});
        else
            c.ints.insert(c.ints.end(), {x.shape.channels(), x.shape.height(), x.shape.width()});
    } else {
        c.ints.push_back(x.shape.size());
        if (x.spatial1x1) c.ints.insert(c.ints.end(), {1, 1});
    }
    const int64_t n = static_cast<int64_t>(c.ints.size());
    const int64_t start = std::clamp<int64_t>(axisOf(intAttr(a.node, "start", 0), n), 0, n);
    const int64_t end = std::clamp<int64_t>(axisOf(intAttr(a.node, "end", n), n), start, n);
    c.ints = std::vector<int64_t>(c.ints.begin() + start, c.ints.begin() + end);
    c.dims = {static_cast<int64_t>(c.ints.size())};
    c.floats.assign(c.ints.begin(), c.ints.end());
    return c;
}

ConstTensor foldIdentity(const FoldArgs& a) { return a.in(0); }  // also Cast: values are kept as both

ConstTensor foldConstantOfShape(const FoldArgs& a) {
    const ConstTensor& shape = a.in(0);
    float value = 0.f;
    if (const auto* attr = findAttr(a.node, "value"); attr && attr->has_t()) {
        const ConstTensor v = decodeTensor(attr->t(), a.where);
        if (!v.floats.empty()) value = v.floats[0];
    }
    ConstTensor c;
    c.dims = shape.ints;
    if (std::any_of(c.dims.begin(), c.dims.end(), [](int64_t d) { return d < 0 || d > 4096; }))
        a.fail(msg("onnx_import.fold_shape_unknown", "shape must be known and small"));
    c.floats.assign(countOf(c.dims), value);
    c.ints.assign(countOf(c.dims), static_cast<int64_t>(value));
    return c;
}

ConstTensor foldReshape(const FoldArgs& a) {
    const ConstTensor& data = a.in(0);
    std::vector<int64_t> dims = a.in(1).ints;
    int64_t known = 1, unknown = -1;
    for (size_t i = 0; i < dims.size(); ++i) {
        if (dims[i] == 0 && i < data.dims.size()) dims[i] = data.dims[i];
        if (dims[i] == -1)
            unknown = static_cast<int64_t>(i);
        else if (dims[i] < 0 || __builtin_mul_overflow(known, dims[i], &known))
            a.fail(msg("onnx_import.fold_reshape", "cannot reshape to {shape}", {{"shape", dimsText(dims)}}));
    }
    if (unknown >= 0 && known > 0) dims[unknown] = data.count() / known;
    if (countOf(dims) != data.count())
        a.fail(msg("onnx_import.fold_reshape_count", "reshapes {count} values to a different count",
                   {{"count", std::to_string(data.count())}}));
    ConstTensor c = data;
    c.dims = dims;
    return c;
}

// The axes attribute (opset < 13) or input 1.
std::vector<int64_t> axesOf(const FoldArgs& a) {
    if (const Value* v = a.optional(1)) return v->constant.ints;
    return intsAttr(a.node, "axes");
}

ConstTensor foldUnsqueeze(const FoldArgs& a) {
    const ConstTensor& data = a.in(0);
    std::vector<int64_t> axes = axesOf(a);
    ConstTensor c = data;
    const size_t rank = data.dims.size() + axes.size();
    for (auto& x : axes) x = a.axis(x, rank);
    std::sort(axes.begin(), axes.end());
    for (int64_t x : axes) c.dims.insert(c.dims.begin() + std::min<int64_t>(x, c.dims.size()), 1);
    return c;
}

ConstTensor foldSqueeze(const FoldArgs& a) {
    const ConstTensor& data = a.in(0);
    const std::vector<int64_t> axes = axesOf(a);
    ConstTensor c = data;
    std::vector<int64_t> dims;
    for (size_t i = 0; i < data.dims.size(); ++i) {
        const bool listed =
            std::any_of(axes.begin(), axes.end(), [&](int64_t x) { return axisOf(x, data.dims.size()) == int64_t(i); });
        if (!(data.dims[i] == 1 && (axes.empty() || listed))) dims.push_back(data.dims[i]);
    }
    c.dims = dims;
    return c;
}

// Out of line: inlined into foldTranspose, GCC 12 reports a false -Wfree-nonheap-object in the
// vector code after it.
[[gnu::noinline]] void checkPermutation(const std::vector<int64_t>& perm, const FoldArgs& a) {
    const auto rank = static_cast<int64_t>(perm.size());
    for (int64_t p : perm)
        if (p < 0 || p >= rank || std::count(perm.begin(), perm.end(), p) != 1)
            a.fail(msg("onnx_import.fold_not_permutation", "perm {perm} is not a permutation",
                       {{"perm", dimsText(perm)}}));
}

ConstTensor foldTranspose(const FoldArgs& a) {
    const ConstTensor& data = a.in(0);
    std::vector<int64_t> perm = intsAttr(a.node, "perm");
    if (perm.empty())
        for (int64_t i = static_cast<int64_t>(data.dims.size()) - 1; i >= 0; --i) perm.push_back(i);
    if (perm.size() != data.dims.size()) a.fail(msg("onnx_import.fold_perm_rank", "perm does not match the rank"));
    checkPermutation(perm, a);
    std::vector<int64_t> dims;
    for (int64_t p : perm) dims.push_back(data.dims[p]);
    const auto st = stridesOf(data.dims);
    std::vector<int64_t> src;
    forEach(dims, [&](int64_t, const std::vector<int64_t>& co) {
        int64_t s = 0;
        for (size_t d = 0; d < perm.size(); ++d) s += co[d] * st[perm[d]];
        src.push_back(s);
    });
    return gather(data, dims, src);
}

ConstTensor foldGather(const FoldArgs& a) {
    const ConstTensor& data = a.in(0);
    const ConstTensor& idx = a.in(1);
    if (data.dims.empty()) a.fail(msg("onnx_import.fold_gather_scalar", "gathers from a scalar"));
    const int64_t axis = a.axis(intAttr(a.node, "axis", 0), data.dims.size());
    std::vector<int64_t> dims(data.dims.begin(), data.dims.begin() + axis);
    dims.insert(dims.end(), idx.dims.begin(), idx.dims.end());
    dims.insert(dims.end(), data.dims.begin() + axis + 1, data.dims.end());
    const auto st = stridesOf(data.dims);
    const size_t ir = idx.dims.size();
    std::vector<int64_t> src;
    forEach(dims, [&](int64_t, const std::vector<int64_t>& co) {
        int64_t flatIdx = 0, mul = 1;
        for (int d = static_cast<int>(ir) - 1; d >= 0; --d) {
            flatIdx += co[axis + d] * mul;
            mul *= idx.dims[d];
        }
        int64_t i = idx.ints[flatIdx];
        if (i < 0) i += data.dims[axis];
        if (i < 0 || i >= data.dims[axis])
            a.fail(
                msg("onnx_import.fold_index_range", "index {index} is out of range", {{"index", std::to_string(i)}}));
        int64_t s = i * st[axis];
        for (int64_t d = 0; d < axis; ++d) s += co[d] * st[d];
        for (size_t d = axis + 1; d < data.dims.size(); ++d) s += co[d - 1 + ir] * st[d];
        src.push_back(s);
    });
    return gather(data, dims, src);
}

ConstTensor foldConcat(const FoldArgs& a) {
    const ConstTensor& first = a.in(0);
    const size_t rank = std::max<size_t>(first.dims.size(), 1);
    const int64_t axis = axisOf(intAttr(a.node, "axis", 0), rank);
    if (rank > 1 && axis != 0)
        a.fail(msg("onnx_import.fold_concat_axis", "only concatenating constants along their first axis is supported"));
    ConstTensor c;
    if (rank > 1) {
        c.dims = first.dims;
        c.dims[0] = 0;
    }
    for (int i = 0; i < a.node.input_size(); ++i) {
        const ConstTensor& p = a.in(i);
        c.ints.insert(c.ints.end(), p.ints.begin(), p.ints.end());
        c.floats.insert(c.floats.end(), p.floats.begin(), p.floats.end());
        if (rank > 1) c.dims[0] += p.dims.empty() ? 1 : p.dims[0];
    }
    if (rank == 1) c.dims = {static_cast<int64_t>(c.ints.size())};
    return c;
}

ConstTensor foldSlice(const FoldArgs& a) {
    const ConstTensor& data = a.in(0);
    std::vector<int64_t> starts, ends, axes, steps;
    if (a.opset >= 10) {  // inputs since opset 10, attributes before
        starts = a.in(1).ints;
        ends = a.in(2).ints;
        if (const Value* v = a.optional(3)) axes = v->constant.ints;
        if (const Value* v = a.optional(4)) steps = v->constant.ints;
    } else {
        starts = intsAttr(a.node, "starts");
        ends = intsAttr(a.node, "ends");
        axes = intsAttr(a.node, "axes");
    }
    if (axes.empty())
        for (size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<int64_t>(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (steps.size() < starts.size() || axes.size() < starts.size())
        a.fail(msg("onnx_import.fold_slice_args", "slice has fewer axes or steps than starts"));
    const size_t rank = data.dims.size();
    std::vector<int64_t> begin(rank, 0), step(rank, 1), dims = data.dims;
    for (size_t i = 0; i < axes.size() && i < starts.size() && i < ends.size(); ++i) {
        const int64_t x = a.axis(axes[i], rank), n = data.dims[x], s = steps[i];
        if (s == 0 || s == std::numeric_limits<int64_t>::min())
            a.fail(msg("onnx_import.fold_slice_step", "slice step {step}", {{"step", std::to_string(s)}}));
        int64_t b = starts[i] < 0 ? starts[i] + n : starts[i], e = ends[i] < 0 ? ends[i] + n : ends[i];
        if (s > 0) {
            b = std::clamp<int64_t>(b, 0, n);
            e = std::clamp<int64_t>(e, 0, n);
            dims[x] = e > b ? (e - b - 1) / s + 1 : 0;  // no e - b + s: s may be huge
        } else {
            b = std::clamp<int64_t>(b, -1, n - 1);
            e = std::clamp<int64_t>(e, -1, n - 1);
            dims[x] = b > e ? (b - e - 1) / -s + 1 : 0;
        }
        begin[x] = b;
        step[x] = s;
    }
    const auto st = stridesOf(data.dims);
    std::vector<int64_t> src;
    forEach(dims, [&](int64_t, const std::vector<int64_t>& co) {
        int64_t s = 0;
        for (size_t d = 0; d < rank; ++d) s += (begin[d] + co[d] * step[d]) * st[d];
        src.push_back(s);
    });
    return gather(data, dims, src);
}

// Add/Sub/Mul/Div of two constants of one shape or with a scalar: ShuffleNet's channel-split
// arithmetic ((C + 1) / 2 * k). Shape vectors have no float values, so integer arithmetic is used
// whenever a side lacks them; the batch size is unknown, so arithmetic on it is refused.
ConstTensor foldArithmetic(const FoldArgs& a) {
    const ConstTensor& x = a.in(0);
    const ConstTensor& y = a.in(1);
    const int64_t nx = static_cast<int64_t>(x.ints.size()), ny = static_cast<int64_t>(y.ints.size());
    if (nx != ny && nx != 1 && ny != 1)
        a.fail(msg("onnx_import.fold_operand_shapes",
                   "operands of shapes {first} and {second} are neither equal nor one a scalar",
                   {{"first", dimsText(x.dims)}, {"second", dimsText(y.dims)}}));
    ConstTensor out;
    out.dims = nx >= ny ? x.dims : y.dims;
    const int64_t n = std::max(nx, ny);
    const bool floats = !x.floats.empty() && !y.floats.empty();
    const std::string& op = a.node.op_type();
    for (int64_t i = 0; i < n; ++i) {
        const int64_t xi = x.ints[nx == 1 ? 0 : i], yi = y.ints[ny == 1 ? 0 : i];
        if (!floats && (xi == kBatch || yi == kBatch))
            a.fail(msg("onnx_import.fold_batch_arithmetic", "arithmetic on the batch size is not supported"));
        if (floats) {
            const float xf = x.floats[nx == 1 ? 0 : i], yf = y.floats[ny == 1 ? 0 : i];
            const float r = op == "Add" ? xf + yf : op == "Sub" ? xf - yf : op == "Mul" ? xf * yf : xf / yf;
            out.floats.push_back(r);
            out.ints.push_back(std::isfinite(r) && std::fabs(r) < 9e18f ? static_cast<int64_t>(r) : 0);
            continue;
        }
        if (op == "Div" && (yi == 0 || (yi == -1 && xi == std::numeric_limits<int64_t>::min())))
            a.fail(msg("onnx_import.fold_divide", "divides by zero or overflows"));
        int64_t r = 0;
        const bool overflow = op == "Add"   ? __builtin_add_overflow(xi, yi, &r)
                              : op == "Sub" ? __builtin_sub_overflow(xi, yi, &r)
                              : op == "Mul" ? __builtin_mul_overflow(xi, yi, &r)
                                            : (r = xi / yi, false);
        if (overflow) a.fail(msg("onnx_import.fold_overflow", "the result overflows 64 bits"));
        out.ints.push_back(r);
    }
    return out;
}

using Fold = ConstTensor (*)(const FoldArgs& a);

// The ops foldConstant evaluates, each by one function.
const std::map<std::string, Fold>& foldOps() {
    static const std::map<std::string, Fold> ops{
        {"Shape", foldShape},     {"Identity", foldIdentity},
        {"Cast", foldIdentity},   {"ConstantOfShape", foldConstantOfShape},
        {"Reshape", foldReshape}, {"Unsqueeze", foldUnsqueeze},
        {"Squeeze", foldSqueeze}, {"Transpose", foldTranspose},
        {"Gather", foldGather},   {"Concat", foldConcat},
        {"Slice", foldSlice},     {"Add", foldArithmetic},
        {"Sub", foldArithmetic},  {"Mul", foldArithmetic},
        {"Div", foldArithmetic},
    };
    return ops;
}

}  // namespace

bool Importer::foldConstant() {
    const std::string& op = node_->op_type();
    auto fold = foldOps().find(op);
    if (fold == foldOps().end()) return false;
    FoldArgs args{*node_, {}, opset_, what_ + ": " + describeNode(*node_, nodeIndex_)};
    bool symbolic = false;
    for (int i = 0; i < node_->input_size(); ++i) {
        const Value* v = optionalIn(i);
        args.inputs.push_back(v);
        if (!v) continue;
        if (v->kind == Value::Kind::Tensor && !(op == "Shape" && i == 0)) return false;
        symbolic |= v->kind == Value::Kind::ShapeVec;
    }
    for (std::size_t i = 0; i < args.inputs.size(); ++i)
        if (args.inputs[i] && !(op == "Shape" && i == 0)) checkConsistent(args.inputs[i]->constant, args, false);
    Value out;
    out.kind = symbolic || op == "Shape" ? Value::Kind::ShapeVec : Value::Kind::Const;
    try {
        out.constant = fold->second(args);
        checkConsistent(out.constant, args, true);
    } catch (const FileError& e) {
        if (e.message().code != "onnx.constant_too_large") throw;
        args.fail(e.message());  // name the node
    }
    setOut(out);
    return true;
}

}  // namespace cs::onnxio
