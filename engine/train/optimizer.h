#pragma once
// Optimizers update parameters from their gradients. Their per-parameter slots (momentum,
// Adam's moments) are plain tensors so checkpoints can save and restore them exactly.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/tensor.h"
#include "layers/layer.h"

namespace cs {

struct OptimizerOptions {
    std::string kind = "adam";   // "sgd", "adam", "adamw", "rmsprop"
    float learningRate = 1e-3f;  // the schedule's base rate
    float momentum = 0.f;        // sgd
    bool nesterov = false;       // sgd
    float beta1 = 0.9f;          // adam, adamw
    float beta2 = 0.999f;        // adam, adamw
    float epsilon = 1e-7f;       // adam, adamw, rmsprop (Keras default)
    float rho = 0.9f;            // rmsprop
    float weightDecay = 0.f;     // L2 added to the gradient (sgd, adam, rmsprop); decoupled (adamw)
    float clipNorm = 0.f;        // > 0: clip gradients by their global norm first

    nlohmann::json toJson() const;
    static OptimizerOptions fromJson(const nlohmann::json& j);  // throws OptionError
};

class Optimizer {
public:
    virtual ~Optimizer() = default;
    const OptimizerOptions& options() const { return options_; }

    // One update. grads[i] belongs to params[i]; `lr` is this step's learning rate (from the
    // schedule). Weight decay applies only to params with Param::decay. Clips first when
    // options().clipNorm > 0 (the grads are scaled in place). Slots are created on first use.
    void step(std::span<Param* const> params, std::span<Tensor* const> grads, float lr);

    int64_t iterations() const { return iterations_; }

    // Slot tensors and the iteration count, for checkpoints.
    std::vector<Tensor>& slotTensors() { return slots_; }
    const std::vector<Tensor>& slotTensors() const { return slots_; }
    void setIterations(int64_t n) { iterations_ = n; }

protected:
    explicit Optimizer(OptimizerOptions o) : options_(std::move(o)) {}
    virtual int slotsPerParam() const = 0;
    // Updates one parameter; `slots` points at slotsPerParam() tensors shaped like the param.
    virtual void update(Param& p, const Tensor& g, Tensor* slots, float lr) = 0;

    OptimizerOptions options_;
    std::vector<Tensor> slots_;
    int64_t iterations_ = 0;  // completed steps (Adam's bias correction uses iterations_ + 1)
};

// Throws OptionError listing the known kinds.
std::unique_ptr<Optimizer> makeOptimizer(const OptimizerOptions& options);

// Global L2 norm of all gradients (double accumulation).
double globalNorm(std::span<Tensor* const> grads);

}  // namespace cs
