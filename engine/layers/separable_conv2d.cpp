#include "layers/separable_conv2d.h"

#include <cmath>

#include "layers/depthwise_conv.h"
#include "layers/depthwise_conv2d.h"
#include "layers/param_specs.h"

namespace cs {

namespace {

// Workspace buffers: the depthwise output (kept for backward), the depthwise kernel's scratch,
// and the depthwise output's gradient.
enum : std::size_t { kDepthwiseOut = 0, kScratch = 1, kDepthwiseGrad = 2, kBufferCount = 3 };

}  // namespace

SeparableConv2DOptions SeparableConv2DOptions::fromJson(const Options& j) {
    SeparableConv2DOptions o;
    o.filters = j.at("filters").get<int>();
    o.window = ConvWindowOptions::fromJson(j);
    o.depthMultiplier = j.at("depth_multiplier").get<int>();
    o.useBias = j.at("use_bias").get<bool>();
    o.activation = activationFromName(j.at("activation").get<std::string>());
    return o;
}

Options SeparableConv2DOptions::toJson() const {
    Options j{{"filters", filters},
              {"depth_multiplier", depthMultiplier},
              {"use_bias", useBias},
              {"activation", cs::activationName(activation)}};
    window.addTo(j);
    return j;
}

LayerInfo SeparableConv2D::info() {
    const SeparableConv2DOptions d;
    LayerInfo li;
    li.kind = "SeparableConv2D";
    li.category = "Convolution";
    li.help =
        "A depthwise convolution (each channel filtered on its own) followed by a 1x1 convolution that mixes the "
        "channels: nearly what Conv2D does, with far fewer weights and multiply-adds.";
    li.params = {spec::intParam("filters", d.filters, 1, 4096, "Number of filters, i.e. output channels.")};
    for (ParamSpec& p : ConvWindowOptions::params(d.window)) li.params.push_back(std::move(p));
    li.params.push_back(spec::intParam("depth_multiplier", d.depthMultiplier, 1, 256,
                                       "Depthwise filters per input channel, before the 1x1 convolution mixes them."));
    li.params.push_back(spec::boolParam("use_bias", d.useBias, "Adds a learned bias to every output channel."));
    li.params.push_back(spec::activationParam(std::string(cs::activationName(d.activation)),
                                              "Activation applied to the output ('linear' for none)."));
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<SeparableConv2D>(SeparableConv2DOptions::fromJson(o), name);
    };
    return li;
}

SeparableConv2D::SeparableConv2D(const SeparableConv2DOptions& options, std::string name)
    : Layer(std::move(name)), opt_(options) {}

Shape SeparableConv2D::outputShape(std::span<const Shape> inputs) const {
    const WindowGeometry g = geometry(inputs[0]);
    return Shape::image(opt_.filters, g.outH, g.outW);
}

void SeparableConv2D::build(std::span<const Shape> inputs, Rng& rng) {
    const WindowGeometry g = geometry(inputs[0]);
    const int k = opt_.window.kernelSize, mid = g.channels * opt_.depthMultiplier;
    Param depthwise{"depthwise_kernel", Tensor(mid, Shape{1, k, k}), true};
    initDepthwiseKernel(depthwise.value, g.channels, opt_.depthMultiplier, k, rng);
    Param pointwise{"pointwise_kernel", Tensor(opt_.filters, Shape{mid, 1, 1}), true};
    const float limit = static_cast<float>(std::sqrt(6.0 / (mid + opt_.filters)));  // Glorot uniform
    for (int64_t i = 0; i < pointwise.value.size(); ++i) pointwise.value[i] = rng.uniform(-limit, limit);
    params_.clear();
    params_.push_back(std::move(depthwise));
    params_.push_back(std::move(pointwise));
    if (opt_.useBias) {
        Param bias{"bias", Tensor(Shape::flat(opt_.filters)), false};
        bias.value.setZero();
        params_.push_back(std::move(bias));
    }
}

void SeparableConv2D::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    const int N = x.batch(), F = opt_.filters, mid = g.channels * opt_.depthMultiplier;
    const int64_t P = g.outPlane();
    a.ws.buffer(kBufferCount - 1);  // grow the list once: the references below stay valid
    Tensor& z = a.ws.buffer(kDepthwiseOut);
    Tensor& scratch = a.ws.buffer(kScratch);
    z.resize(N, Shape::image(mid, g.outH, g.outW));
    scratch.resize(1, Shape::flat(static_cast<int>(depthwiseScratch(g))));
    depthwiseForward(x.data(), N, g, params_[0].value.data(), nullptr, opt_.depthMultiplier, false, z.data(),
                     scratch.data());
    ConstMatMapU pw(params_[1].value.data(), F, mid);
    for (int n = 0; n < N; ++n) {
        MatMapU y(a.output.sample(n), F, P);
        y.noalias() = pw * ConstMatMapU(z.sample(n), mid, P);
        if (opt_.useBias) y.colwise() += ConstVecMap(params_[2].value.data(), F);
    }
    fusedActivationForward(opt_.activation, a.output, a.ws.preActivation);
}

void SeparableConv2D::backward(const BackwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    const int N = x.batch(), F = opt_.filters, mid = g.channels * opt_.depthMultiplier;
    const int64_t P = g.outPlane();
    Tensor& dy = a.outputGrad;
    if (!a.gradIsPreActivation) fusedActivationBackward(opt_.activation, a.output, a.ws.preActivation, dy);
    a.ws.buffer(kBufferCount - 1);
    const Tensor& z = a.ws.buffer(kDepthwiseOut);  // this batch's depthwise output, from forward()
    Tensor& scratch = a.ws.buffer(kScratch);
    Tensor& dz = a.ws.buffer(kDepthwiseGrad);
    dz.resize(N, z.sampleShape());
    Tensor& dDepthwise = a.paramGrads[0];
    dDepthwise.resize(params_[0].value.batch(), params_[0].value.sampleShape());
    Tensor& dPointwise = a.paramGrads[1];
    dPointwise.resize(F, params_[1].value.sampleShape());
    MatMapU dpw(dPointwise.data(), F, mid);
    dpw.setZero();
    Tensor* db = opt_.useBias ? &a.paramGrads[2] : nullptr;
    if (db) {
        db->resize(1, params_[2].value.sampleShape());
        db->setZero();
    }
    ConstMatMapU pw(params_[1].value.data(), F, mid);
    for (int n = 0; n < N; ++n) {
        ConstMatMapU dyn(dy.sample(n), F, P);
        dpw.noalias() += dyn * ConstMatMapU(z.sample(n), mid, P).transpose();
        if (db) VecMap(db->data(), F) += dyn.rowwise().sum();
        MatMapU(dz.sample(n), mid, P).noalias() = pw.transpose() * dyn;
    }
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (dx) dx->resize(N, x.sampleShape());
    scratch.resize(1, Shape::flat(static_cast<int>(depthwiseBackwardScratch(g, opt_.depthMultiplier))));
    depthwiseBackward(x.data(), nullptr, dz.data(), N, g, params_[0].value.data(), opt_.depthMultiplier, false,
                      dDepthwise.data(), nullptr, dx ? dx->data() : nullptr, scratch.data());
}

int64_t SeparableConv2D::macs(std::span<const Shape> inputs, const Shape& output) const {
    const int64_t k = opt_.window.kernelSize, mid = int64_t(inputs[0].channels()) * opt_.depthMultiplier;
    const int64_t P = int64_t(output.height()) * output.width();
    return mid * P * k * k + int64_t(opt_.filters) * mid * P;
}

int64_t SeparableConv2D::totalParams(std::span<const Shape> inputs) const {
    const int64_t k = opt_.window.kernelSize, mid = int64_t(inputs[0].channels()) * opt_.depthMultiplier;
    return mid * k * k + int64_t(opt_.filters) * mid + (opt_.useBias ? opt_.filters : 0);
}

}  // namespace cs
