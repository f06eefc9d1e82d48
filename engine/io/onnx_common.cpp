#include "io/onnx_common.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "core/errors.h"

namespace cs::onnxio {

void setAttr(onnx::NodeProto& n, const std::string& name, int64_t v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}

void setAttr(onnx::NodeProto& n, const std::string& name, float v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(v);
}

void setAttr(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v) a->add_ints(x);
}

void setAttr(onnx::NodeProto& n, const std::string& name, const std::string& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
}

onnx::NodeProto& addNode(onnx::GraphProto& g, const std::string& op, const std::string& name,
                         const std::vector<std::string>& inputs, const std::vector<std::string>& outputs) {
    auto* n = g.add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (const auto& i : inputs) n->add_input(i);
    for (const auto& o : outputs) n->add_output(o);
    return *n;
}

void addFloatInitializer(onnx::GraphProto& g, const std::string& name, const std::vector<int64_t>& dims,
                         const float* data) {
    auto* t = g.add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    int64_t count = 1;
    for (int64_t d : dims) {
        t->add_dims(d);
        count *= d;
    }
    // raw_data is little-endian float32, which is what this machine stores.
    t->set_raw_data(std::string(reinterpret_cast<const char*>(data), static_cast<size_t>(count) * sizeof(float)));
}

void addInt64Initializer(onnx::GraphProto& g, const std::string& name, const std::vector<int64_t>& dims,
                         const std::vector<int64_t>& data) {
    auto* t = g.add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    for (int64_t d : dims) t->add_dims(d);
    for (int64_t v : data) t->add_int64_data(v);
}

void setBatchedType(onnx::ValueInfoProto& v, const std::string& name, const std::vector<int64_t>& sampleDims) {
    v.set_name(name);
    auto* tt = v.mutable_type()->mutable_tensor_type();
    tt->set_elem_type(onnx::TensorProto::FLOAT);
    auto* shape = tt->mutable_shape();
    shape->add_dim()->set_dim_param(kBatchDim);
    for (int64_t d : sampleDims) shape->add_dim()->set_dim_value(d);
}

const onnx::AttributeProto* findAttr(const onnx::NodeProto& n, std::string_view name) {
    for (const auto& a : n.attribute())
        if (a.name() == name) return &a;
    return nullptr;
}

int64_t intAttr(const onnx::NodeProto& n, std::string_view name, int64_t fallback) {
    const auto* a = findAttr(n, name);
    return a ? a->i() : fallback;
}

float floatAttr(const onnx::NodeProto& n, std::string_view name, float fallback) {
    const auto* a = findAttr(n, name);
    return a ? a->f() : fallback;
}

std::vector<int64_t> intsAttr(const onnx::NodeProto& n, std::string_view name) {
    const auto* a = findAttr(n, name);
    if (!a) return {};
    return {a->ints().begin(), a->ints().end()};
}

std::string stringAttr(const onnx::NodeProto& n, std::string_view name, const std::string& fallback) {
    const auto* a = findAttr(n, name);
    return a ? a->s() : fallback;
}

int64_t ConstTensor::count() const {
    // Saturates instead of wrapping: a crafted [2^31, 2^31, 2^31] must count as too many, not as
    // some small number (callers compare against limits and against the data actually there).
    int64_t c = 1;
    for (int64_t d : dims)
        if (__builtin_mul_overflow(c, d, &c)) return std::numeric_limits<int64_t>::max();
    return c;
}

namespace {

template <typename T>
std::vector<T> fromRaw(const std::string& raw, int64_t count, const std::string& what) {
    if (raw.size() != static_cast<size_t>(count) * sizeof(T))
        throw FileError(msg("onnx.tensor_bytes", "{tensor}: holds {have} bytes of data but its shape needs {need}",
                            {{"tensor", what},
                             {"have", std::to_string(raw.size())},
                             {"need", std::to_string(count * static_cast<int64_t>(sizeof(T)))}}));
    std::vector<T> v(static_cast<size_t>(count));
    std::memcpy(v.data(), raw.data(), raw.size());
    return v;
}

void requireCount(size_t have, int64_t need, const std::string& what) {
    if (static_cast<int64_t>(have) != need)
        throw FileError(msg("onnx.tensor_values", "{tensor}: holds {have} values but its shape needs {need}",
                            {{"tensor", what}, {"have", std::to_string(have)}, {"need", std::to_string(need)}}));
}

}  // namespace

ConstTensor decodeTensor(const onnx::TensorProto& t, const std::string& what) {
    ConstTensor c;
    for (int64_t d : t.dims()) {
        if (d < 0 || d > (int64_t(1) << 31))
            throw FileError(msg("onnx.bad_dimension", "{tensor}: dimension {value} is invalid",
                                {{"tensor", what}, {"value", std::to_string(d)}}));
        c.dims.push_back(d);
    }
    const int64_t count = c.count();
    if (count > (int64_t(1) << 30))
        throw FileError(msg("onnx.tensor_too_large", "{tensor}: {count} values is too large",
                            {{"tensor", what}, {"count", std::to_string(count)}}));
    if (t.data_location() == onnx::TensorProto::EXTERNAL)
        throw FileError(msg("onnx.external_data", "{tensor}: tensor data stored in an external file is not supported",
                            {{"tensor", what}}));
    const bool raw = t.has_raw_data();
    switch (t.data_type()) {
        case onnx::TensorProto::FLOAT:
            if (raw)
                c.floats = fromRaw<float>(t.raw_data(), count, what);
            else {
                requireCount(t.float_data_size(), count, what);
                c.floats.assign(t.float_data().begin(), t.float_data().end());
            }
            break;
        case onnx::TensorProto::DOUBLE: {
            std::vector<double> d;
            if (raw)
                d = fromRaw<double>(t.raw_data(), count, what);
            else {
                requireCount(t.double_data_size(), count, what);
                d.assign(t.double_data().begin(), t.double_data().end());
            }
            c.floats.assign(d.begin(), d.end());
            break;
        }
        case onnx::TensorProto::INT64:
            if (raw)
                c.ints = fromRaw<int64_t>(t.raw_data(), count, what);
            else {
                requireCount(t.int64_data_size(), count, what);
                c.ints.assign(t.int64_data().begin(), t.int64_data().end());
            }
            break;
        case onnx::TensorProto::INT32: {
            std::vector<int32_t> d;
            if (raw)
                d = fromRaw<int32_t>(t.raw_data(), count, what);
            else {
                requireCount(t.int32_data_size(), count, what);
                d.assign(t.int32_data().begin(), t.int32_data().end());
            }
            c.ints.assign(d.begin(), d.end());
            break;
        }
        default:
            throw FileError(
                msg("onnx.element_type",
                    "{tensor}: tensor element type {type} is not supported (float, double, int32 and int64 are)",
                    {{"tensor", what}, {"type", std::to_string(t.data_type())}}));
    }
    // The integer view of float data (for shape inputs). A float outside int64's range, or NaN,
    // has no integer value (converting it is undefined): it becomes 0, which no shape accepts.
    if (c.ints.empty() && !c.floats.empty())
        for (float f : c.floats) c.ints.push_back(std::fabs(f) < 9.2e18f ? static_cast<int64_t>(f) : int64_t{0});
    if (c.floats.empty() && !c.ints.empty())
        for (int64_t i : c.ints) c.floats.push_back(static_cast<float>(i));
    return c;
}

std::string describeNode(const onnx::NodeProto& n, int index) {
    const std::string op = n.op_type().empty() ? "node" : n.op_type();
    if (!n.name().empty()) return op + " '" + n.name() + "'";
    if (n.output_size() > 0 && !n.output(0).empty())
        return op + " node #" + std::to_string(index) + " (output '" + n.output(0) + "')";
    return op + " node #" + std::to_string(index);
}

}  // namespace cs::onnxio
