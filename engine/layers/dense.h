#pragma once
// Fully connected layer (Keras Dense) on a flat input, with an optional bias and a fused
// activation. Parameters: "kernel" (units x inputs, as PyTorch Linear / ONNX Gemm transB=1)
// and "bias" (units).
#include "layers/activation.h"
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

struct DenseOptions {
    int units = 10;
    Activation activation = Activation::Linear;
    bool useBias = true;

    static DenseOptions fromJson(const Options& validated);
    Options toJson() const;
};

class Dense : public Layer {
public:
    static LayerInfo info();

    Dense(const DenseOptions& options, std::string name);

    std::string_view kind() const override { return "Dense"; }
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void build(std::span<const Shape> inputs, Rng& rng) override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
    int64_t macs(std::span<const Shape> inputs, const Shape& output) const override;
    int64_t totalParams(std::span<const Shape> inputs) const override;
    std::string_view activationName() const override { return cs::activationName(opt_.activation); }

private:
    DenseOptions opt_;
};

}  // namespace cs
