#pragma once
// Keras ZeroPadding2D: adds rows and columns of zeros around every feature map, a number per side.
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

struct ZeroPadding2DOptions {
    int top = 1, bottom = 1, left = 1, right = 1;

    static ZeroPadding2DOptions fromJson(const Options& validated);
    Options toJson() const;
};

class ZeroPadding2D : public Layer {
public:
    static LayerInfo info();

    ZeroPadding2D(const ZeroPadding2DOptions& options, std::string name) : Layer(std::move(name)), opt_(options) {}

    std::string_view kind() const override { return "ZeroPadding2D"; }
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;

private:
    ZeroPadding2DOptions opt_;
};

}  // namespace cs
