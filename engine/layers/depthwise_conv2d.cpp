#include "layers/depthwise_conv2d.h"

#include <cmath>

#include "layers/depthwise_conv.h"
#include "layers/param_specs.h"

namespace cs {

DepthwiseConv2DOptions DepthwiseConv2DOptions::fromJson(const Options& j) {
    DepthwiseConv2DOptions o;
    o.window = ConvWindowOptions::fromJson(j);
    o.depthMultiplier = j.at("depth_multiplier").get<int>();
    o.useBias = j.at("use_bias").get<bool>();
    o.activation = activationFromName(j.at("activation").get<std::string>());
    return o;
}

Options DepthwiseConv2DOptions::toJson() const {
    Options j{
        {"depth_multiplier", depthMultiplier}, {"use_bias", useBias}, {"activation", cs::activationName(activation)}};
    window.addTo(j);
    return j;
}

LayerInfo DepthwiseConv2D::info() {
    const DepthwiseConv2DOptions d;
    LayerInfo li;
    li.kind = "DepthwiseConv2D";
    li.category = "Convolution";
    li.help =
        "Filters each channel on its own with a small learned filter, without mixing channels: a fraction of "
        "Conv2D's cost. MobileNets follow it with a 1x1 Conv2D that mixes the channels.";
    li.params = ConvWindowOptions::params(d.window);
    li.params.push_back(spec::intParam("depth_multiplier", d.depthMultiplier, 1, 256,
                                       "Filters per input channel; the output has channels x depth_multiplier maps."));
    li.params.push_back(spec::boolParam("use_bias", d.useBias, "Adds a learned bias to every output channel."));
    li.params.push_back(spec::activationParam(std::string(cs::activationName(d.activation)),
                                              "Activation applied to the output ('linear' for none)."));
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<DepthwiseConv2D>(DepthwiseConv2DOptions::fromJson(o), name);
    };
    return li;
}

DepthwiseConv2D::DepthwiseConv2D(const DepthwiseConv2DOptions& options, std::string name)
    : Layer(std::move(name)), opt_(options) {}

Shape DepthwiseConv2D::outputShape(std::span<const Shape> inputs) const {
    const WindowGeometry g = geometry(inputs[0]);
    return Shape::image(g.channels * opt_.depthMultiplier, g.outH, g.outW);
}

void initDepthwiseKernel(Tensor& kernel, int channels, int multiplier, int k, Rng& rng) {
    const double fanIn = double(channels) * k * k, fanOut = double(multiplier) * k * k;
    const float limit = static_cast<float>(std::sqrt(6.0 / (fanIn + fanOut)));
    for (int64_t i = 0; i < kernel.size(); ++i) kernel[i] = rng.uniform(-limit, limit);
}

void DepthwiseConv2D::build(std::span<const Shape> inputs, Rng& rng) {
    const WindowGeometry g = geometry(inputs[0]);
    const int k = opt_.window.kernelSize, out = g.channels * opt_.depthMultiplier;
    Param kernel{"kernel", Tensor(out, Shape{1, k, k}), true};
    initDepthwiseKernel(kernel.value, g.channels, opt_.depthMultiplier, k, rng);
    params_.clear();
    params_.push_back(std::move(kernel));
    if (opt_.useBias) {
        Param bias{"bias", Tensor(Shape::flat(out)), false};
        bias.value.setZero();
        params_.push_back(std::move(bias));
    }
}

void DepthwiseConv2D::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    const bool fusedRelu = opt_.activation == Activation::Relu;
    Tensor& scratch = a.ws.buffer(0);
    scratch.resize(1, Shape::flat(static_cast<int>(depthwiseScratch(g))));
    depthwiseForward(x.data(), x.batch(), g, params_[0].value.data(), opt_.useBias ? params_[1].value.data() : nullptr,
                     opt_.depthMultiplier, fusedRelu, a.output.data(), scratch.data());
    if (!fusedRelu) fusedActivationForward(opt_.activation, a.output, a.ws.preActivation);
}

void DepthwiseConv2D::backward(const BackwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    Tensor& dy = a.outputGrad;
    const bool fusedRelu = opt_.activation == Activation::Relu && !a.gradIsPreActivation;
    if (!a.gradIsPreActivation && !fusedRelu)
        fusedActivationBackward(opt_.activation, a.output, a.ws.preActivation, dy);
    Tensor& dw = a.paramGrads[0];
    dw.resize(params_[0].value.batch(), params_[0].value.sampleShape());
    Tensor* db = opt_.useBias ? &a.paramGrads[1] : nullptr;
    if (db) db->resize(1, params_[1].value.sampleShape());
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (dx) dx->resize(x.batch(), x.sampleShape());
    Tensor& scratch = a.ws.buffer(0);
    scratch.resize(1, Shape::flat(static_cast<int>(depthwiseBackwardScratch(g, opt_.depthMultiplier))));
    depthwiseBackward(x.data(), a.output.data(), dy.data(), x.batch(), g, params_[0].value.data(), opt_.depthMultiplier,
                      fusedRelu, dw.data(), db ? db->data() : nullptr, dx ? dx->data() : nullptr, scratch.data());
}

int64_t DepthwiseConv2D::macs(std::span<const Shape>, const Shape& output) const {
    const int k = opt_.window.kernelSize;
    return output.size() * k * k;
}

int64_t DepthwiseConv2D::totalParams(std::span<const Shape> inputs) const {
    const int64_t k = opt_.window.kernelSize, out = int64_t(inputs[0].channels()) * opt_.depthMultiplier;
    return out * k * k + (opt_.useBias ? out : 0);
}

}  // namespace cs
