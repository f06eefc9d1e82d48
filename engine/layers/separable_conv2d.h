#pragma once
// Depthwise-separable 2-D convolution (Keras SeparableConv2D, channels-first memory): a
// depthwise convolution (each channel with its own depth_multiplier filters, no bias) followed by
// a pointwise 1x1 convolution to `filters` channels, with the bias and the fused activation.
// Parameters: "depthwise_kernel" (C*multiplier x 1 x k x k), "pointwise_kernel"
// (filters x C*multiplier x 1 x 1) and "bias" (filters), OIHW as ONNX/PyTorch. backward() reuses
// the depthwise output that the same workspace's forward() kept, so it must follow the forward
// pass of the same batch (as it does in the Model).
#include "layers/activation.h"
#include "layers/conv_window.h"
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

struct SeparableConv2DOptions {
    int filters = 32;
    ConvWindowOptions window;
    int depthMultiplier = 1;
    bool useBias = true;
    Activation activation = Activation::Linear;

    static SeparableConv2DOptions fromJson(const Options& validated);
    Options toJson() const;
};

class SeparableConv2D : public Layer {
public:
    static LayerInfo info();

    SeparableConv2D(const SeparableConv2DOptions& options, std::string name);

    std::string_view kind() const override { return "SeparableConv2D"; }
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void build(std::span<const Shape> inputs, Rng& rng) override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
    int64_t macs(std::span<const Shape> inputs, const Shape& output) const override;
    int64_t totalParams(std::span<const Shape> inputs) const override;
    std::string_view activationName() const override { return cs::activationName(opt_.activation); }

private:
    WindowGeometry geometry(const Shape& input) const { return opt_.window.geometry(input, kind(), name_); }

    SeparableConv2DOptions opt_;
};

}  // namespace cs
