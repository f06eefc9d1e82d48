// Constant folding for the small integer computations exporters put in front of Reshape and
// Pad (PyTorch's x.view(x.size(0), -1) and F.pad, tf2onnx's shape arithmetic). The batch size,
// unknown until run time, travels through as the kBatch marker.
#include <algorithm>
#include <numeric>

#include "core/errors.h"
#include "io/onnx_importer.h"

namespace cs::onnxio {

namespace {

std::vector<int64_t> stridesOf(const std::vector<int64_t>& dims) {
    std::vector<int64_t> s(dims.size(), 1);
    for (int i = static_cast<int>(dims.size()) - 2; i >= 0; --i) s[i] = s[i + 1] * dims[i + 1];
    return s;
}

int64_t countOf(const std::vector<int64_t>& dims) {
    return std::accumulate(dims.begin(), dims.end(), int64_t(1), std::multiplies<>());
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

}  // namespace

bool Importer::foldConstant() {
    static const std::set<std::string> ops{"Shape",     "Gather",  "Slice", "Concat",          "Reshape", "Transpose",
                                           "Unsqueeze", "Squeeze", "Cast",  "ConstantOfShape", "Identity"};
    const std::string& op = node_->op_type();
    if (!ops.count(op)) return false;
    bool symbolic = false;
    for (int i = 0; i < node_->input_size(); ++i) {
        const Value* v = optionalIn(i);
        if (!v) continue;
        if (v->kind == Value::Kind::Tensor && !(op == "Shape" && i == 0)) return false;
        symbolic |= v->kind == Value::Kind::ShapeVec;
    }
    Value out;
    out.kind = symbolic || op == "Shape" ? Value::Kind::ShapeVec : Value::Kind::Const;
    ConstTensor& c = out.constant;
    if (op == "Shape") {
        const Value& x = in(0);
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
        const int64_t start = std::clamp<int64_t>(axisOf(intAttr(*node_, "start", 0), n), 0, n);
        const int64_t end = std::clamp<int64_t>(axisOf(intAttr(*node_, "end", n), n), start, n);
        c.ints = std::vector<int64_t>(c.ints.begin() + start, c.ints.begin() + end);
        c.dims = {static_cast<int64_t>(c.ints.size())};
        c.floats.assign(c.ints.begin(), c.ints.end());
    } else if (op == "Identity" || op == "Cast") {
        c = in(0).constant;
    } else if (op == "ConstantOfShape") {
        const ConstTensor& shape = in(0).constant;
        float value = 0.f;
        if (const auto* a = findAttr(*node_, "value"); a && a->has_t()) {
            const ConstTensor v = decodeTensor(a->t(), what_ + ": " + describeNode(*node_, nodeIndex_));
            if (!v.floats.empty()) value = v.floats[0];
        }
        c.dims = shape.ints;
        if (std::any_of(c.dims.begin(), c.dims.end(), [](int64_t d) { return d < 0 || d > 4096; }))
            fail("shape must be known and small");
        c.floats.assign(countOf(c.dims), value);
        c.ints.assign(countOf(c.dims), static_cast<int64_t>(value));
    } else if (op == "Reshape") {
        const ConstTensor& data = in(0).constant;
        std::vector<int64_t> dims = in(1).constant.ints;
        int64_t known = 1, unknown = -1;
        for (size_t i = 0; i < dims.size(); ++i) {
            if (dims[i] == 0 && i < data.dims.size()) dims[i] = data.dims[i];
            if (dims[i] == -1)
                unknown = static_cast<int64_t>(i);
            else
                known *= dims[i];
        }
        if (unknown >= 0 && known > 0) dims[unknown] = data.count() / known;
        if (countOf(dims) != data.count())
            fail("reshapes " + std::to_string(data.count()) + " values to a different count");
        c = data;
        c.dims = dims;
    } else if (op == "Unsqueeze" || op == "Squeeze") {
        const ConstTensor& data = in(0).constant;
        std::vector<int64_t> axes = intsAttr(*node_, "axes");
        if (const Value* a = optionalIn(1)) axes = a->constant.ints;
        c = data;
        if (op == "Unsqueeze") {
            const size_t rank = data.dims.size() + axes.size();
            for (auto& a : axes) a = axisOf(a, rank);
            std::sort(axes.begin(), axes.end());
            for (int64_t a : axes) c.dims.insert(c.dims.begin() + std::min<int64_t>(a, c.dims.size()), 1);
        } else {
            std::vector<int64_t> dims;
            for (size_t i = 0; i < data.dims.size(); ++i) {
                const bool listed = std::any_of(axes.begin(), axes.end(),
                                                [&](int64_t a) { return axisOf(a, data.dims.size()) == int64_t(i); });
                if (!(data.dims[i] == 1 && (axes.empty() || listed))) dims.push_back(data.dims[i]);
            }
            c.dims = dims;
        }
    } else if (op == "Transpose") {
        const ConstTensor& data = in(0).constant;
        std::vector<int64_t> perm = intsAttr(*node_, "perm");
        if (perm.empty())
            for (int64_t i = static_cast<int64_t>(data.dims.size()) - 1; i >= 0; --i) perm.push_back(i);
        if (perm.size() != data.dims.size()) fail("perm does not match the rank");
        std::vector<int64_t> dims;
        for (int64_t p : perm) dims.push_back(data.dims[p]);
        const auto st = stridesOf(data.dims);
        std::vector<int64_t> src;
        forEach(dims, [&](int64_t, const std::vector<int64_t>& co) {
            int64_t s = 0;
            for (size_t d = 0; d < perm.size(); ++d) s += co[d] * st[perm[d]];
            src.push_back(s);
        });
        c = gather(data, dims, src);
    } else if (op == "Gather") {
        const ConstTensor& data = in(0).constant;
        const ConstTensor& idx = in(1).constant;
        if (data.dims.empty()) fail("gathers from a scalar");
        const int64_t axis = axisOf(intAttr(*node_, "axis", 0), data.dims.size());
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
            if (i < 0 || i >= data.dims[axis]) fail("index " + std::to_string(i) + " is out of range");
            int64_t s = i * st[axis];
            for (int64_t d = 0; d < axis; ++d) s += co[d] * st[d];
            for (size_t d = axis + 1; d < data.dims.size(); ++d) s += co[d - 1 + ir] * st[d];
            src.push_back(s);
        });
        c = gather(data, dims, src);
    } else if (op == "Concat") {
        const ConstTensor& first = in(0).constant;
        const size_t rank = std::max<size_t>(first.dims.size(), 1);
        const int64_t axis = axisOf(intAttr(*node_, "axis", 0), rank);
        if (rank == 1) {
            for (int i = 0; i < node_->input_size(); ++i) {
                const ConstTensor& p = in(i).constant;
                c.ints.insert(c.ints.end(), p.ints.begin(), p.ints.end());
                c.floats.insert(c.floats.end(), p.floats.begin(), p.floats.end());
            }
            c.dims = {static_cast<int64_t>(c.ints.size())};
        } else {
            if (axis != 0) fail("only concatenating constants along their first axis is supported");
            c.dims = first.dims;
            c.dims[0] = 0;
            for (int i = 0; i < node_->input_size(); ++i) {
                const ConstTensor& p = in(i).constant;
                c.ints.insert(c.ints.end(), p.ints.begin(), p.ints.end());
                c.floats.insert(c.floats.end(), p.floats.begin(), p.floats.end());
                c.dims[0] += p.dims.empty() ? 1 : p.dims[0];
            }
        }
    } else {  // Slice
        const ConstTensor& data = in(0).constant;
        std::vector<int64_t> starts, ends, axes, steps;
        if (opset_ >= 10) {
            starts = in(1).constant.ints;
            ends = in(2).constant.ints;
            if (const Value* a = optionalIn(3)) axes = a->constant.ints;
            if (const Value* s = optionalIn(4)) steps = s->constant.ints;
        } else {
            starts = intsAttr(*node_, "starts");
            ends = intsAttr(*node_, "ends");
            axes = intsAttr(*node_, "axes");
        }
        if (axes.empty())
            for (size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<int64_t>(i));
        if (steps.empty()) steps.assign(starts.size(), 1);
        const size_t rank = data.dims.size();
        std::vector<int64_t> begin(rank, 0), step(rank, 1), dims = data.dims;
        for (size_t i = 0; i < axes.size() && i < starts.size() && i < ends.size(); ++i) {
            const int64_t a = axisOf(axes[i], rank), n = data.dims[a], s = steps[i];
            if (s == 0) fail("slice step 0");
            int64_t b = starts[i] < 0 ? starts[i] + n : starts[i], e = ends[i] < 0 ? ends[i] + n : ends[i];
            if (s > 0) {
                b = std::clamp<int64_t>(b, 0, n);
                e = std::clamp<int64_t>(e, 0, n);
                dims[a] = std::max<int64_t>(0, (e - b + s - 1) / s);
            } else {
                b = std::clamp<int64_t>(b, -1, n - 1);
                e = std::clamp<int64_t>(e, -1, n - 1);
                dims[a] = std::max<int64_t>(0, (b - e + (-s) - 1) / (-s));
            }
            begin[a] = b;
            step[a] = s;
        }
        const auto st = stridesOf(data.dims);
        std::vector<int64_t> src;
        forEach(dims, [&](int64_t, const std::vector<int64_t>& co) {
            int64_t s = 0;
            for (size_t d = 0; d < rank; ++d) s += (begin[d] + co[d] * step[d]) * st[d];
            src.push_back(s);
        });
        c = gather(data, dims, src);
    }
    setOut(out);
    return true;
}

}  // namespace cs::onnxio
