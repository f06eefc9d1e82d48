#include "layers/dense.h"

#include <cmath>

#include "core/errors.h"
#include "core/sgemm.h"
#include "layers/param_specs.h"

namespace cs {

namespace {
constexpr int kMatrixVectorBatch = 2;  // up to this many rows, Dense forward is matrix-vector products
}  // namespace

DenseOptions DenseOptions::fromJson(const Options& j) {
    DenseOptions o;
    o.units = j.at("units").get<int>();
    o.activation = activationFromName(j.at("activation").get<std::string>());
    o.useBias = j.at("use_bias").get<bool>();
    return o;
}

Options DenseOptions::toJson() const {
    return {{"units", units}, {"activation", cs::activationName(activation)}, {"use_bias", useBias}};
}

LayerInfo Dense::info() {
    const DenseOptions d;
    LayerInfo li;
    li.kind = "Dense";
    li.category = "Core";
    li.help =
        "Connects every input feature to every output unit with a learned weight. "
        "Needs a flat input: put Flatten or global pooling before it.";
    li.params = {
        spec::intParam("units", d.units, 1, 65536,
                       "Number of output units (the number of classes for the last layer)."),
        spec::activationParam(std::string(cs::activationName(d.activation)),
                              "Activation applied to the output ('softmax' for class probabilities)."),
        spec::boolParam("use_bias", d.useBias, "Adds a learned bias to every output unit."),
    };
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<Dense>(DenseOptions::fromJson(o), name);
    };
    return li;
}

Dense::Dense(const DenseOptions& options, std::string name) : Layer(std::move(name)), opt_(options) {}

Shape Dense::outputShape(std::span<const Shape> inputs) const {
    if (!inputs[0].isFlat())
        throw ShapeError(msg("layer.expects_flat", "{layer}: expects a flat input, got {shape}; add Flatten before it",
                             {{"layer", describeLayer(kind(), name_)}, {"shape", inputs[0].toString()}}));
    return Shape::flat(opt_.units);
}

void Dense::build(std::span<const Shape> inputs, Rng& rng) {
    outputShape(inputs);
    const int in = inputs[0][0];
    const float limit = static_cast<float>(std::sqrt(6.0 / (double(in) + opt_.units)));  // Glorot uniform
    Param kernel{"kernel", Tensor(opt_.units, Shape::flat(in)), true};
    for (int64_t i = 0; i < kernel.value.size(); ++i) kernel.value[i] = rng.uniform(-limit, limit);
    params_.clear();
    params_.push_back(std::move(kernel));
    if (opt_.useBias) {
        Param bias{"bias", Tensor(Shape::flat(opt_.units)), false};
        bias.value.setZero();
        params_.push_back(std::move(bias));
    }
}

void Dense::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const Tensor& w = params_[0].value;
    const int n = x.batch(), in = static_cast<int>(x.sampleSize()), units = opt_.units;
    MatMapU y = a.output.matrix();
    if (n <= kMatrixVectorBatch) {
        // A few rows (single-image latency): one matrix-vector product per row; packing the
        // weights for sgemm would cost more than the product itself.
        for (int r = 0; r < n; ++r) y.row(r).noalias() = (w.matrix() * ConstVecMap(x.sample(r), in)).transpose();
    } else {
        // sgemm, not Eigen's product: it dispatches to the CPU's vector units in the portable build.
        sgemm(n, units, in, {x.data(), in}, {w.data(), in, true}, a.output.data(), units, false);
    }
    if (opt_.useBias) y.rowwise() += ConstVecMap(params_[1].value.data(), opt_.units).transpose();
    fusedActivationForward(opt_.activation, a.output, a.ws.preActivation);
}

void Dense::backward(const BackwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const Tensor& w = params_[0].value;
    Tensor& dy = a.outputGrad;
    if (!a.gradIsPreActivation) fusedActivationBackward(opt_.activation, a.output, a.ws.preActivation, dy);

    Tensor& dw = a.paramGrads[0];
    dw.resize(w.batch(), w.sampleShape());
    const int n = x.batch(), in = static_cast<int>(x.sampleSize()), units = opt_.units;
    sgemm(units, in, n, {dy.data(), units, true}, {x.data(), in}, dw.data(), in, false);
    if (opt_.useBias) {
        Tensor& db = a.paramGrads[1];
        db.resize(1, params_[1].value.sampleShape());
        VecMap(db.data(), opt_.units) = dy.matrix().colwise().sum().transpose();
    }
    if (Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0]) {
        dx->resize(x.batch(), x.sampleShape());
        sgemm(n, in, units, {dy.data(), units}, {w.data(), in}, dx->data(), in, false);
    }
}

int64_t Dense::macs(std::span<const Shape> inputs, const Shape& output) const { return inputs[0].size() * opt_.units; }

int64_t Dense::totalParams(std::span<const Shape> inputs) const {
    return opt_.units * inputs[0].size() + (opt_.useBias ? opt_.units : 0);
}

}  // namespace cs
