#pragma once
// The graph's entry (Keras Input): declares the sample shape. The model copies each batch into
// this node's output itself; forward() only copies when it is handed an input tensor.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

struct InputOptions {
    int height = 28;
    int width = 28;
    int channels = 1;

    static InputOptions fromJson(const Options& validated);
    Options toJson() const;
};

class InputLayer : public Layer {
public:
    static LayerInfo info();

    InputLayer(const InputOptions& options, std::string name);

    std::string_view kind() const override { return "Input"; }
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;

private:
    InputOptions opt_;
};

}  // namespace cs
