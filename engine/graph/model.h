#pragma once
// A compiled model: the checked graph in topological order with one built layer per node.
// Running it needs an Executor (activations, gradients and scratch for one worker thread);
// several executors can run forward/backward on the same Model at once on different samples.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/rng.h"
#include "core/tensor.h"
#include "graph/graph_spec.h"
#include "layers/activation.h"
#include "layers/layer.h"

namespace cs {

class LayerRegistry;
class Executor;

class Model {
public:
    struct Node {
        int id = 0;  // NodeSpec id
        std::unique_ptr<Layer> layer;
        std::vector<int> inputs;     // indices into nodes()
        std::vector<int> consumers;  // indices into nodes()
        std::vector<Shape> inputShapes;
        Shape outputShape;
        int64_t macs = 0;
        bool trainable = true;  // NodeSpec::trainable: false runs in Phase::Eval and is not updated
        // Backward must visit this node: it or a node above it (towards the input) has
        // parameters that train. False below the lowest trainable layer, where no gradient is needed.
        bool needsBackward = false;
        // Runs in Phase::Eval even while training: a frozen layer nothing trainable lies above,
        // or a frozen layer with state (BatchNormalization keeps its stored statistics; its
        // backward handles them). A frozen pooling or convolution with a trainable layer above it
        // runs as in training, because its backward needs what a training forward keeps.
        bool inferenceMode = false;
    };

    // Checks and builds the graph; parameters are initialised from `seed`.
    // Throws ShapeError (with the node id) or OptionError naming the node at fault.
    explicit Model(const GraphSpec& spec, uint64_t seed = 42);
    Model(const GraphSpec& spec, uint64_t seed, const LayerRegistry& registry);
    ~Model();

    const GraphSpec& spec() const { return spec_; }
    const std::vector<Node>& nodes() const { return nodes_; }
    std::vector<Node>& nodes() { return nodes_; }
    int indexOfId(int id) const;  // -1 if absent
    int indexOfName(const std::string& name) const;
    const Shape& inputShape() const { return nodes_.front().outputShape; }
    const Shape& outputShape() const { return nodes_.back().outputShape; }
    Activation outputActivation() const { return outputActivation_; }
    // Class probabilities from one sample's outputs (outputShape().size() values): the outputs
    // themselves when the model ends in a softmax, else their softmax. What the classifier, the
    // evaluator, the parity check and Inspect report. `probabilities` may be `outputs`.
    void toProbabilities(const float* outputs, float* probabilities) const;
    std::vector<float> probabilities(const float* outputs) const;
    int64_t paramCount() const;
    // Parameters that training updates (of trainable layers); the rest of paramCount() is
    // frozen parameters and non-trained state (Keras's "Non-trainable params").
    int64_t trainableParamCount() const;
    int64_t macs() const;  // per sample forward

    // Every trainable parameter / non-trained state tensor, in node order.
    std::vector<Param*> parameters();
    std::vector<const Param*> parameters() const;
    // Per entry of parameters(): whether its layer trains.
    std::vector<char> parameterTrainable() const;
    std::vector<Param*> stateTensors();
    std::vector<const Param*> stateTensors() const;

    std::unique_ptr<Executor> makeExecutor() const;

    // Runs the graph on `input` (batch x inputShape) and returns the output node's tensor
    // (owned by the executor, valid until its next forward).
    const Tensor& forward(Executor& ex, const Tensor& input, Phase phase) const;
    // Inference on a batch of any size, run in slices of `slice` samples so each slice's
    // activations stay in the core's cache (measured: slices of 8-32 beat whole batches of 128
    // by ~12% on seed-cnn). Returns batch x outputShape (owned by the executor, valid until its
    // next forward/predict); the executor's activations hold the last slice only.
    static constexpr int kPredictSlice = 16;
    const Tensor& predict(Executor& ex, const Tensor& input, int slice = kPredictSlice) const;
    // The graph split at node `cut` (feature extraction): forwardTo runs the nodes up to `cut` in
    // Phase::Eval and returns its activation; forwardFrom takes `features` as node `cut`'s output
    // and runs the nodes after it. Only for a cut whose later nodes read nothing before it
    // (FeatureCache::findCut checks that).
    const Tensor& forwardTo(Executor& ex, const Tensor& input, int cut) const;
    const Tensor& forwardFrom(Executor& ex, int cut, const Tensor& features, Phase phase) const;
    // Which nodes backward visits: training needs only the nodes whose parameters train (and
    // those between them and the output); explanations need the gradient of a node's output,
    // frozen or not (Executor::gradient).
    enum class BackwardScope { Trainable, ToInput };
    // Back-propagates `outputGrad` (dL/d output, consumed as scratch) through the graph and
    // writes the parameter gradients into ex.paramGrads(). With BackwardScope::ToInput every
    // node above `stopAt` is visited and ex.gradient(stopAt) is left as its consumers wrote it
    // (stopAt 0: the input's gradient).
    void backward(Executor& ex, Tensor& outputGrad, bool gradIsPreActivation,
                  BackwardScope scope = BackwardScope::Trainable, int stopAt = 0) const;
    // Lets stateful layers (BatchNorm) fold the workers' batch statistics into their state.
    void commitState(std::span<Executor* const> workers);

    // A Keras-like model.summary() table.
    std::string summary() const;

private:
    void compile(const GraphSpec& spec, uint64_t seed, const LayerRegistry& registry);
    // The forward pass over the input already in ex's first activation.
    const Tensor& run(Executor& ex, Phase phase, int first = 1, int last = -1) const;

    GraphSpec spec_;
    std::vector<Node> nodes_;
    Activation outputActivation_ = Activation::Linear;
};

// Per-worker buffers for running a Model: one activation, gradient and workspace per node and
// one gradient per parameter. Planned once per batch size; reused without allocating.
class Executor {
public:
    explicit Executor(const Model& model);

    Tensor& activation(int nodeIndex) { return activations_[nodeIndex]; }
    const Tensor& activation(int nodeIndex) const { return activations_[nodeIndex]; }
    Workspace& workspace(int nodeIndex) { return workspaces_[nodeIndex]; }
    // dL/d(output of node `nodeIndex`) after a BackwardScope::ToInput pass that stopped at that
    // node (a node's own backward may turn its gradient into scratch, e.g. through its fused
    // activation, so only the node the pass stopped at holds a clean one).
    const Tensor& gradient(int nodeIndex) const { return grads_[nodeIndex]; }
    // Gradients of every parameter, in Model::parameters() order.
    std::vector<Tensor>& paramGrads() { return paramGrads_; }
    // Seeds every workspace's RNG (dropout) from a step seed, deterministically.
    void seedStep(uint64_t seed);

    // Per-node timing for the benchmark (off by default): CPU seconds of the calling thread
    // spent in each node's forward and backward since the last reset.
    void setProfiling(bool on);
    const std::vector<double>& forwardSeconds() const { return forwardSeconds_; }
    const std::vector<double>& backwardSeconds() const { return backwardSeconds_; }

private:
    friend class Model;
    std::vector<Tensor> activations_;
    std::vector<Tensor> grads_;      // dL/d(node output)
    std::vector<Tensor> edgeGrads_;  // scratch for nodes with several consumers
    std::vector<Workspace> workspaces_;
    std::vector<Tensor> paramGrads_;
    Tensor predictions_;            // Model::predict's result over all slices
    std::vector<int> paramOffset_;  // first paramGrads_ index of each node
    std::vector<char> gradReady_;   // per node: its gradient was written this backward pass
    bool profiling_ = false;
    std::vector<double> forwardSeconds_, backwardSeconds_;
};

}  // namespace cs
