#pragma once
// The layer contract. A layer's life: created from validated options, a pure shape step
// (outputShape), one build() once input shapes are known (allocates and initialises parameters),
// then forward()/backward() on batches. Per-batch scratch lives in a Workspace owned by the
// caller, one per worker thread, so one layer object serves several threads at once.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rng.h"
#include "core/shape.h"
#include "core/tensor.h"

namespace cs {

using Options = nlohmann::json;

enum class Phase { Train, Eval };

// A named tensor owned by a layer: trainable parameters (kernel, bias, gamma, beta) and
// non-trained state (BatchNorm's running statistics) are kept in separate lists.
struct Param {
    std::string name;  // "kernel", "bias", "gamma", "moving_mean", ...
    Tensor value;
    bool decay = false;  // L2 / AdamW weight decay applies (kernels, not biases or BN)
};

// Scratch for one layer on one worker: buffers the layer reuses across batches (im2col columns,
// pooling argmax, dropout masks, batch statistics). Nothing in it outlives a training step's meaning.
struct Workspace {
    std::vector<Tensor> buffers;
    std::vector<int32_t> indices;
    Rng rng{0};  // re-seeded by the model for every step (dropout)
    // The input of a fused activation whose backward needs it (silu, gelu, hard_swish).
    Tensor preActivation;

    Tensor& buffer(std::size_t i) {
        if (buffers.size() <= i) buffers.resize(i + 1);
        return buffers[i];
    }
};

struct ForwardArgs {
    std::span<const Tensor* const> inputs;
    Tensor& output;  // already sized (batch, outputShape) by the model
    Workspace& ws;
    Phase phase;
};

struct BackwardArgs {
    std::span<const Tensor* const> inputs;
    const Tensor& output;
    Tensor& outputGrad;  // dL/d(output); the layer may overwrite it as scratch
    // dL/d(input i), sized like inputs[i]; the layer *writes* them (no accumulation).
    // An entry is nullptr when that gradient is not needed (e.g. the input image).
    std::span<Tensor* const> inputGrads;
    // dL/d(params()[i]); the layer *writes* them (no accumulation).
    std::span<Tensor> paramGrads;
    Workspace& ws;
    // True for the output layer when the loss already gave the gradient with respect to the
    // pre-activation (fused softmax + cross-entropy): the layer skips its activation's backward.
    bool gradIsPreActivation = false;
};

class Layer {
public:
    explicit Layer(std::string name) : name_(std::move(name)) {}
    virtual ~Layer() = default;
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    virtual std::string_view kind() const = 0;
    const std::string& name() const { return name_; }
    void setName(std::string n) { name_ = std::move(n); }

    // The validated options this layer was created from (round-trips through JSON).
    virtual Options options() const = 0;

    // Pure shape inference; throws ShapeError naming the layer and the shapes at fault.
    virtual Shape outputShape(std::span<const Shape> inputs) const = 0;

    // Allocates and initialises parameters once the input shapes are known (Keras defaults:
    // Glorot-uniform kernels, zero biases).
    virtual void build(std::span<const Shape> inputs, Rng& rng) {}

    virtual void forward(const ForwardArgs& a) = 0;
    virtual void backward(const BackwardArgs& a) = 0;

    // Multiply-adds of one sample's forward pass.
    virtual int64_t macs(std::span<const Shape> inputs, const Shape& output) const { return 0; }

    // Trainable parameters plus non-trained state (Keras's "Total params") that build() would
    // allocate for these inputs, from the options alone: the designer shows it after every edit
    // without allocating weights (a careless Dense on a large input would need gigabytes).
    virtual int64_t totalParams(std::span<const Shape> inputs) const { return 0; }

    // Called once per training step after every worker's forward pass, with each worker's
    // workspace for this layer, to update non-trained state (BatchNorm's running statistics).
    virtual void commitState(std::span<Workspace* const> workers) {}

    // True when the training forward pass draws random numbers (Dropout): its output then
    // differs from the inference one, so features taken below it cannot be computed once.
    virtual bool randomInTraining() const { return false; }

    // The activation fused into this layer's output, if any ("relu", "softmax", ... or "linear").
    virtual std::string_view activationName() const { return "linear"; }

    std::vector<Param>& params() { return params_; }
    const std::vector<Param>& params() const { return params_; }
    std::vector<Param>& state() { return state_; }
    const std::vector<Param>& state() const { return state_; }
    int64_t paramCount() const;  // the built trainable parameters (without state())

protected:
    std::string name_;
    std::vector<Param> params_;
    std::vector<Param> state_;
};

// "Conv2D 'conv2'": how messages name a layer.
std::string describeLayer(std::string_view kind, std::string_view name);

}  // namespace cs
