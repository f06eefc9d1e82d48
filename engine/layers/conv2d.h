#pragma once
// 2-D convolution (Keras Conv2D, channels-first memory): square kernel, stride, dilation,
// 'valid', TensorFlow 'same' or explicit per-side padding (conv_window.h), groups, optional bias
// and a fused activation.
// Parameters: "kernel" (filters x C/groups x k x k, i.e. OIHW as in ONNX/PyTorch) and "bias"
// (filters). Computed as im2col + one GEMM per chunk of samples (chunks of samples whose columns
// fit in 1 MB; one GEMM per group), or, for layers with few taps and stride 1 (a first layer on a
// gray or RGB image), directly (layers/direct_conv.h); groups == input channels (depthwise) runs
// the direct depthwise kernel (layers/depthwise_conv.h). backward() reuses the columns that the
// same workspace's forward() left behind, so it must follow the forward pass of the same batch
// (as it does in the Model).
#include "layers/activation.h"
#include "layers/conv_window.h"
#include "layers/layer.h"
#include "layers/layer_registry.h"
#include "layers/window_geometry.h"

namespace cs {

struct Conv2DOptions {
    int filters = 32;
    ConvWindowOptions window;
    int groups = 1;  // input channels and filters split into this many independent convolutions
    bool useBias = true;
    Activation activation = Activation::Linear;

    static Conv2DOptions fromJson(const Options& validated);
    Options toJson() const;
};

class Conv2D : public Layer {
public:
    static LayerInfo info();

    Conv2D(const Conv2DOptions& options, std::string name);

    std::string_view kind() const override { return "Conv2D"; }
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void build(std::span<const Shape> inputs, Rng& rng) override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
    int64_t macs(std::span<const Shape> inputs, const Shape& output) const override;
    int64_t totalParams(std::span<const Shape> inputs) const override;
    std::string_view activationName() const override { return cs::activationName(opt_.activation); }

private:
    WindowGeometry geometry(const Shape& input) const;
    int samplesPerChunk(const WindowGeometry& g, int batch) const;
    // groups == input channels: the direct depthwise kernel instead of im2col.
    bool isDepthwise(const WindowGeometry& g) const { return opt_.groups > 1 && opt_.groups == g.channels; }
    void forwardGemm(const ForwardArgs& a, const WindowGeometry& g, bool fusedRelu);

    Conv2DOptions opt_;
};

}  // namespace cs
