#pragma once
// Depthwise 2-D convolution (Keras DepthwiseConv2D, channels-first memory): each input channel
// is convolved with its own depth_multiplier filters and nothing mixes channels. The window
// options are Conv2D's (conv_window.h). Parameters: "kernel" (C*multiplier x 1 x k x k, OIHW as
// an ONNX/PyTorch convolution with group = C) and "bias" (C*multiplier). Computed by the direct
// depthwise kernel (layers/depthwise_conv.h).
#include "layers/activation.h"
#include "layers/conv_window.h"
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

struct DepthwiseConv2DOptions {
    ConvWindowOptions window;
    int depthMultiplier = 1;
    bool useBias = true;
    Activation activation = Activation::Linear;

    static DepthwiseConv2DOptions fromJson(const Options& validated);
    Options toJson() const;
};

class DepthwiseConv2D : public Layer {
public:
    static LayerInfo info();

    DepthwiseConv2D(const DepthwiseConv2DOptions& options, std::string name);

    std::string_view kind() const override { return "DepthwiseConv2D"; }
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

    DepthwiseConv2DOptions opt_;
};

// Glorot-uniform values for a depthwise kernel of `channels` x `multiplier` k x k filters, with
// Keras's fans for its (k, k, channels, multiplier) kernel.
void initDepthwiseKernel(Tensor& kernel, int channels, int multiplier, int k, Rng& rng);

}  // namespace cs
