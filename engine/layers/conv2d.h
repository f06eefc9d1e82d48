#pragma once
// 2-D convolution (Keras Conv2D, channels-first memory): square kernel, stride, 'valid' or
// TensorFlow 'same' padding, optional bias and a fused activation.
// Parameters: "kernel" (filters x C x k x k, i.e. OIHW as in ONNX/PyTorch) and "bias" (filters).
// Computed as im2col + one GEMM per chunk of samples (chunks of samples whose columns fit in
// 1 MB), or, for layers with few taps and stride 1 (a first layer on a gray or RGB image),
// directly (layers/direct_conv.h). backward() reuses the columns that the same workspace's forward() left behind, so it
// must follow the forward pass of the same batch (as it does in the Model).
#include "layers/activation.h"
#include "layers/layer.h"
#include "layers/layer_registry.h"
#include "layers/window_geometry.h"

namespace cs {

struct Conv2DOptions {
    int filters = 32;
    int kernelSize = 3;
    int strides = 1;
    Padding padding = Padding::Valid;
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

    Conv2DOptions opt_;
};

}  // namespace cs
