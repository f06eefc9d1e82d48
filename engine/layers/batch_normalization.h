#pragma once
// Batch normalisation (Keras BatchNormalization): per channel for images, per feature for flat
// inputs. Train: normalise with the batch's mean and (biased) variance; commitState() then folds
// the workers' batch statistics into the moving ones. Eval: normalise with the moving statistics.
// Parameters: "gamma" (if scale), "beta" (if center). State: "moving_mean", "moving_variance".
#include "layers/layer.h"
#include "layers/layer_registry.h"

namespace cs {

struct BatchNormalizationOptions {
    double momentum = 0.99;
    double epsilon = 0.001;
    bool center = true;
    bool scale = true;

    static BatchNormalizationOptions fromJson(const Options& validated);
    Options toJson() const;
};

class BatchNormalization : public Layer {
public:
    static LayerInfo info();

    BatchNormalization(const BatchNormalizationOptions& options, std::string name);

    std::string_view kind() const override { return "BatchNormalization"; }
    Options options() const override { return opt_.toJson(); }
    Shape outputShape(std::span<const Shape> inputs) const override;
    void build(std::span<const Shape> inputs, Rng& rng) override;
    void forward(const ForwardArgs& a) override;
    void backward(const BackwardArgs& a) override;
    int64_t macs(std::span<const Shape> inputs, const Shape& output) const override;
    int64_t totalParams(std::span<const Shape> inputs) const override;
    void commitState(std::span<Workspace* const> workers) override;

private:
    // Normalised separately: the channels of an image, the features of a flat input.
    static int features(const Shape& in) { return in.isImage() ? in.channels() : static_cast<int>(in.size()); }
    const Param* gamma() const { return opt_.scale ? &params_[0] : nullptr; }
    const Param* beta() const { return opt_.center ? &params_[opt_.scale ? 1 : 0] : nullptr; }

    BatchNormalizationOptions opt_;
};

}  // namespace cs
