#pragma once
// MaxPooling2D and AveragePooling2D (Keras): a square window with its own stride (0 = the
// window size) and 'valid' or TensorFlow 'same' padding. Padding never wins a max, and the
// average counts only real pixels (as Keras does). One class, two kinds: they share geometry
// and differ only in the reduction.
#include "layers/layer.h"
#include "layers/layer_registry.h"
#include "layers/window_geometry.h"

namespace cs {

enum class PoolMode { Max, Average };

struct Pooling2DOptions {
    int poolSize = 2;
    int strides = 0;  // 0: same as poolSize
    Padding padding = Padding::Valid;

    static Pooling2DOptions fromJson(const Options& validated);
    Options toJson() const;
};

class Pooling2D : public Layer {
public:
    static LayerInfo info(PoolMode mode);

    Pooling2D(PoolMode mode, const Pooling2DOptions& options, std::string name);

    std::string_view kind() const override;
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;

private:
    WindowGeometry geometry(const Shape& input) const;

    PoolMode mode_;
    Pooling2DOptions opt_;
};

}  // namespace cs
