#include "graph/model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>

#include "core/cpu_features.h"
#include "core/errors.h"
#include "graph/graph_check.h"
#include "layers/layer_registry.h"

namespace cs {

namespace {
// CPU time of the calling thread: per-layer profiles stay meaningful on a busy machine.
double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}
}  // namespace

Model::Model(const GraphSpec& spec, uint64_t seed) : Model(spec, seed, LayerRegistry::builtin()) {}

Model::Model(const GraphSpec& spec, uint64_t seed, const LayerRegistry& registry) { compile(spec, seed, registry); }

Model::~Model() = default;

void Model::compile(const GraphSpec& spec, uint64_t seed, const LayerRegistry& registry) {
    // A bad CONVSTUDIO_ISA override fails here, where a model is made, with its message, rather
    // than in the first kernel of a training step.
    cpuLevel();
    const GraphCheck check = checkGraph(spec, registry);
    if (!check.ok) {
        // Report the first node-level problem with its node id, else the first graph problem.
        for (const auto& nc : check.nodes)
            if (nc.hasError()) throw ShapeError(nc.error, nc.id);
        if (check.problems.empty()) throw ShapeError(msg("graph.invalid", "the model is not valid"));
        throw ShapeError(check.problems.front());
    }
    spec_ = spec;
    Rng rng(seed);
    nodes_.clear();
    nodes_.reserve(check.order.size());
    for (int id : check.order) {
        const NodeSpec& ns = *spec.find(id);
        Node node;
        node.id = id;
        node.layer = registry.create(ns.kind, registry.validate(ns.kind, ns.options, ns.name), ns.name);
        for (int in : ns.inputs) {
            const int idx = indexOfId(in);
            node.inputs.push_back(idx);
            node.inputShapes.push_back(nodes_[idx].outputShape);
        }
        node.outputShape = node.layer->outputShape(node.inputShapes);
        node.layer->build(node.inputShapes, rng);
        node.macs = node.layer->macs(node.inputShapes, node.outputShape);
        node.trainable = ns.trainable;
        node.needsBackward = ns.trainable && !node.layer->params().empty();
        for (int in : node.inputs) node.needsBackward = node.needsBackward || nodes_[in].needsBackward;
        node.inferenceMode = !ns.trainable && (!node.needsBackward || !node.layer->state().empty());
        nodes_.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        for (int in : nodes_[i].inputs) nodes_[in].consumers.push_back(static_cast<int>(i));
    outputActivation_ = activationFromName(nodes_.back().layer->activationName());
}

int Model::indexOfId(int id) const {
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].id == id) return static_cast<int>(i);
    return -1;
}

int Model::indexOfName(const std::string& name) const {
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].layer->name() == name) return static_cast<int>(i);
    return -1;
}

int64_t Model::paramCount() const {
    int64_t n = 0;
    for (const auto& node : nodes_) {
        n += node.layer->paramCount();
        for (const auto& s : node.layer->state()) n += s.value.size();
    }
    return n;
}

int64_t Model::trainableParamCount() const {
    int64_t n = 0;
    for (const auto& node : nodes_)
        if (node.trainable) n += node.layer->paramCount();
    return n;
}

std::vector<char> Model::parameterTrainable() const {
    std::vector<char> out;
    for (const auto& node : nodes_)
        for (std::size_t i = 0; i < node.layer->params().size(); ++i) out.push_back(node.trainable ? 1 : 0);
    return out;
}

void Model::toProbabilities(const float* outputs, float* probabilities) const {
    const int classes = static_cast<int>(outputShape().size());
    std::copy(outputs, outputs + classes, probabilities);
    if (outputActivation_ == Activation::Softmax || classes == 0) return;
    const float m = *std::max_element(probabilities, probabilities + classes);
    float sum = 0;
    for (int c = 0; c < classes; ++c) sum += probabilities[c] = std::exp(probabilities[c] - m);
    for (int c = 0; c < classes; ++c) probabilities[c] /= sum;
}

std::vector<float> Model::probabilities(const float* outputs) const {
    std::vector<float> p(static_cast<std::size_t>(outputShape().size()));
    toProbabilities(outputs, p.data());
    return p;
}

int64_t Model::macs() const {
    int64_t n = 0;
    for (const auto& node : nodes_) n += node.macs;
    return n;
}

std::vector<Param*> Model::parameters() {
    std::vector<Param*> out;
    for (auto& node : nodes_)
        for (auto& p : node.layer->params()) out.push_back(&p);
    return out;
}

std::vector<const Param*> Model::parameters() const {
    std::vector<const Param*> out;
    for (const auto& node : nodes_)
        for (const auto& p : node.layer->params()) out.push_back(&p);
    return out;
}

std::vector<Param*> Model::stateTensors() {
    std::vector<Param*> out;
    for (auto& node : nodes_)
        for (auto& p : node.layer->state()) out.push_back(&p);
    return out;
}

std::vector<const Param*> Model::stateTensors() const {
    std::vector<const Param*> out;
    for (const auto& node : nodes_)
        for (const auto& p : node.layer->state()) out.push_back(&p);
    return out;
}

std::unique_ptr<Executor> Model::makeExecutor() const { return std::make_unique<Executor>(*this); }

const Tensor& Model::forward(Executor& ex, const Tensor& input, Phase phase) const {
    if (input.sampleShape() != inputShape())
        throw ShapeError(msg("model.input_shape_mismatch", "model input expects samples of {expected}, got {got}",
                             {{"expected", inputShape().toString()}, {"got", input.sampleShape().toString()}}));
    ex.activations_[0] = input;
    return run(ex, phase);
}

const Tensor& Model::predict(Executor& ex, const Tensor& input, int slice) const {
    if (input.sampleShape() != inputShape())
        throw ShapeError(msg("model.input_shape_mismatch", "model input expects samples of {expected}, got {got}",
                             {{"expected", inputShape().toString()}, {"got", input.sampleShape().toString()}}));
    slice = std::max(1, slice);
    if (input.batch() <= slice) return forward(ex, input, Phase::Eval);
    Tensor& all = ex.predictions_;
    all.resize(input.batch(), outputShape());
    for (int n0 = 0; n0 < input.batch(); n0 += slice) {
        const int count = std::min(slice, input.batch() - n0);
        ex.activations_[0].copySamplesFrom(input, n0, count);
        const Tensor& out = run(ex, Phase::Eval);
        std::copy(out.data(), out.data() + out.size(), all.sample(n0));
    }
    return all;
}

const Tensor& Model::forwardTo(Executor& ex, const Tensor& input, int cut) const {
    if (input.sampleShape() != inputShape())
        throw ShapeError(msg("model.input_shape_mismatch", "model input expects samples of {expected}, got {got}",
                             {{"expected", inputShape().toString()}, {"got", input.sampleShape().toString()}}));
    ex.activations_[0] = input;
    return run(ex, Phase::Eval, 1, cut);
}

const Tensor& Model::forwardFrom(Executor& ex, int cut, const Tensor& features, Phase phase) const {
    ex.activations_[static_cast<std::size_t>(cut)] = features;
    return run(ex, phase, cut + 1);
}

const Tensor& Model::run(Executor& ex, Phase phase, int first, int last) const {
    if (last < 0) last = static_cast<int>(nodes_.size()) - 1;
    const int batch = ex.activations_[static_cast<std::size_t>(first - 1)].batch();
    const Tensor* ins[8];
    for (std::size_t i = static_cast<std::size_t>(first); i <= static_cast<std::size_t>(last); ++i) {
        const Node& node = nodes_[i];
        std::vector<const Tensor*> many;
        std::span<const Tensor* const> inSpan;
        if (node.inputs.size() <= 8) {
            for (std::size_t k = 0; k < node.inputs.size(); ++k) ins[k] = &ex.activations_[node.inputs[k]];
            inSpan = std::span<const Tensor* const>(ins, node.inputs.size());
        } else {
            for (int in : node.inputs) many.push_back(&ex.activations_[in]);
            inSpan = many;
        }
        Tensor& out = ex.activations_[i];
        out.resize(batch, node.outputShape);
        const double t0 = ex.profiling_ ? threadCpuSeconds() : 0.0;
        node.layer->forward(ForwardArgs{inSpan, out, ex.workspaces_[i], node.inferenceMode ? Phase::Eval : phase});
        if (ex.profiling_) ex.forwardSeconds_[i] += threadCpuSeconds() - t0;
    }
    return ex.activations_[static_cast<std::size_t>(last)];
}

void Model::backward(Executor& ex, Tensor& outputGrad, bool gradIsPreActivation, BackwardScope scope,
                     int stopAt) const {
    const std::size_t last = nodes_.size() - 1;
    const bool toInput = scope == BackwardScope::ToInput;
    // Whether node `n` gets a gradient in this pass.
    const auto wanted = [&](int n) { return toInput || (n != 0 && nodes_[n].needsBackward); };
    std::vector<char>& initialised = ex.gradReady_;
    std::fill(initialised.begin(), initialised.end(), 0);
    const Tensor* ins[8];
    Tensor* inGrads[8];
    const std::size_t lowest = toInput ? static_cast<std::size_t>(std::max(stopAt, 0)) + 1 : 1;
    for (std::size_t i = last; i >= lowest; --i) {
        const Node& node = nodes_[i];
        if (!wanted(static_cast<int>(i))) continue;  // nothing above it trains: no gradient to compute
        Tensor& dOut = (i == last) ? outputGrad : ex.grads_[i];
        if (i != last && !initialised[i]) dOut.resize(ex.activations_[i].batch(), node.outputShape), dOut.setZero();
        const std::size_t k = node.inputs.size();
        if (k > 8)
            throw ShapeError(msg("model.too_many_inputs", "{layer}: more than 8 inputs are not supported",
                                 {{"layer", describeLayer(node.layer->kind(), node.layer->name())}}));
        // Inputs with a single consumer get their gradient written directly; the others go
        // through a scratch buffer and are summed.
        for (std::size_t j = 0; j < k; ++j) {
            const int in = node.inputs[j];
            ins[j] = &ex.activations_[in];
            if (!wanted(in)) {
                inGrads[j] = nullptr;
                continue;
            }
            const bool direct = nodes_[in].consumers.size() == 1;
            Tensor& target = direct ? ex.grads_[in] : ex.edgeGrads_[j];
            target.resize(ex.activations_[in].batch(), nodes_[in].outputShape);
            inGrads[j] = &target;
        }
        const int first = ex.paramOffset_[i];
        const std::size_t np = node.layer->params().size();
        std::span<Tensor> pg(ex.paramGrads_.data() + first, np);
        const double t0 = ex.profiling_ ? threadCpuSeconds() : 0.0;
        node.layer->backward(BackwardArgs{std::span<const Tensor* const>(ins, k), ex.activations_[i], dOut,
                                          std::span<Tensor* const>(inGrads, k), pg, ex.workspaces_[i],
                                          i == last && gradIsPreActivation});
        if (ex.profiling_) ex.backwardSeconds_[i] += threadCpuSeconds() - t0;
        for (std::size_t j = 0; j < k; ++j) {
            const int in = node.inputs[j];
            if (!wanted(in)) continue;
            if (nodes_[in].consumers.size() == 1) {
                initialised[in] = 1;
                continue;
            }
            Tensor& sum = ex.grads_[in];
            if (!initialised[in]) {
                sum = ex.edgeGrads_[j];
                initialised[in] = 1;
            } else
                sum.array() += ex.edgeGrads_[j].array();
        }
    }
}

void Model::commitState(std::span<Executor* const> workers) {
    if (workers.size() > 64) throw Error("at most 64 workers are supported");
    std::array<Workspace*, 64> wsBuffer{};
    std::span<Workspace* const> ws(wsBuffer.data(), workers.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        if (nodes_[i].layer->state().empty()) continue;
        for (std::size_t w = 0; w < workers.size(); ++w) wsBuffer[w] = &workers[w]->workspaces_[i];
        nodes_[i].layer->commitState(ws);
    }
}

Executor::Executor(const Model& model) {
    const auto& nodes = model.nodes();
    activations_.resize(nodes.size());
    grads_.resize(nodes.size());
    workspaces_.resize(nodes.size());
    gradReady_.assign(nodes.size(), 0);
    std::size_t maxInputs = 1;
    for (const auto& n : nodes) maxInputs = std::max(maxInputs, n.inputs.size());
    edgeGrads_.resize(maxInputs);
    for (const auto& n : nodes) {
        paramOffset_.push_back(static_cast<int>(paramGrads_.size()));
        for (const auto& p : n.layer->params()) paramGrads_.emplace_back(p.value.batch(), p.value.sampleShape());
    }
}

void Executor::setProfiling(bool on) {
    profiling_ = on;
    forwardSeconds_.assign(activations_.size(), 0.0);
    backwardSeconds_.assign(activations_.size(), 0.0);
}

void Executor::seedStep(uint64_t seed) {
    for (std::size_t i = 0; i < workspaces_.size(); ++i)
        workspaces_[i].rng = Rng(seed * 0x9E3779B97F4A7C15ull + i * 0xBF58476D1CE4E5B9ull + 1);
}

}  // namespace cs
