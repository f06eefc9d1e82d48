#include "graph/graph_check.h"

#include <algorithm>
#include <map>
#include <queue>

#include "core/errors.h"
#include "layers/layer_registry.h"

namespace cs {

const NodeCheck* GraphCheck::node(int id) const {
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

namespace {

std::string label(const NodeSpec& n) { return describeLayer(n.kind, n.name); }

// One check of a spec, as named steps that run in order; each step records what it finds and
// what the later steps need. Nodes are referred to by their index in spec order.
class Checker {
public:
    Checker(const GraphSpec& spec, const LayerRegistry& registry)
        : nodes_(spec.nodes()), registry_(registry), n_(nodes_.size()) {}

    GraphCheck run() {
        checkEachNode();
        checkOneInput();
        orderTopologically();
        checkConnectedToOneOutput();
        inferShapes();
        sumUp();
        return std::move(check_);
    }

private:
    void checkEachNode();              // kind, options, input count, input ids
    void checkOneInput();              // exactly one Input node
    void orderTopologically();         // consumers and Kahn's order; what remains is on a cycle
    void checkConnectedToOneOutput();  // every node reachable from the input; one output
    void inferShapes();                // shapes, parameters and multiply-adds in topological order
    void sumUp();                      // totals and the verdict

    void fail(std::size_t i, Message message);  // keeps the node's first problem

    const std::vector<NodeSpec>& nodes_;
    const LayerRegistry& registry_;
    const std::size_t n_;
    GraphCheck check_;
    std::map<int, int> indexOf_;      // node id -> index in spec order
    std::vector<Options> validated_;  // per node, when usable
    std::vector<bool> usable_;        // kind and options fine
    std::vector<int> inputs_;         // the Input nodes
    std::vector<std::vector<int>> consumers_;
    std::vector<int> topo_;  // topological order; nodes on a cycle are missing
};

void Checker::fail(std::size_t i, Message message) {
    NodeCheck& nc = check_.nodes[i];
    if (!nc.hasError()) {
        nc.error = message;
        check_.problems.push_back(message);
    }
    nc.ok = false;
}

void Checker::checkEachNode() {
    for (std::size_t i = 0; i < n_; ++i) indexOf_[nodes_[i].id] = static_cast<int>(i);
    check_.nodes.resize(n_);
    validated_.resize(n_);
    usable_.assign(n_, true);
    for (std::size_t i = 0; i < n_; ++i) {
        const NodeSpec& n = nodes_[i];
        NodeCheck& nc = check_.nodes[i];
        nc.id = n.id;
        nc.ok = true;
        try {
            const LayerInfo& info = registry_.info(n.kind);
            validated_[i] = registry_.validate(n.kind, n.options, n.name);
            const int count = static_cast<int>(n.inputs.size());
            const std::vector<MessageArg> args{{"layer", label(n)},
                                               {"min", std::to_string(info.minInputs)},
                                               {"max", std::to_string(info.maxInputs)},
                                               {"count", std::to_string(count)}};
            if (count < info.minInputs)
                fail(i, info.minInputs == 1
                            ? msg("graph.no_input", "{layer}: has no input; connect a layer to it", args)
                            : msg("graph.too_few_inputs", "{layer}: needs at least {min} inputs, has {count}", args));
            else if (info.maxInputs >= 0 && count > info.maxInputs)
                fail(i, info.maxInputs == 1
                            ? msg("graph.one_input", "{layer}: takes 1 input, has {count}", args)
                            : msg("graph.too_many_inputs", "{layer}: takes {max} inputs, has {count}", args));
        } catch (const Error& e) {
            // A coded message names the layer itself; a plain one gets the name in front.
            fail(i, e.message().code.empty() ? Message{{}, label(n) + ": " + e.what(), {}} : e.message());
            usable_[i] = false;
        }
        for (int in : n.inputs) {
            if (!indexOf_.count(in))
                fail(i, msg("graph.missing_input", "{layer}: its input #{input} does not exist",
                            {{"layer", label(n)}, {"input", std::to_string(in)}}));
            else if (in == n.id)
                fail(i, msg("graph.self_loop", "{layer}: is connected to itself", {{"layer", label(n)}}));
        }
    }
}

void Checker::checkOneInput() {
    for (std::size_t i = 0; i < n_; ++i)
        if (nodes_[i].kind == "Input") inputs_.push_back(static_cast<int>(i));
    if (nodes_.empty())
        check_.problems.push_back(msg("graph.empty", "the model is empty; add an Input layer"));
    else if (inputs_.empty())
        check_.problems.push_back(msg("graph.no_input_layer", "the model has no Input layer; add one at the top"));
    for (std::size_t k = 1; k < inputs_.size(); ++k)
        fail(inputs_[k], msg("graph.second_input", "{layer}: a model has one Input layer; this is a second one",
                             {{"layer", label(nodes_[inputs_[k]])}}));
    if (!inputs_.empty()) check_.inputId = nodes_[inputs_.front()].id;
}

void Checker::orderTopologically() {
    consumers_.assign(n_, {});
    std::vector<int> indegree(n_, 0);
    for (std::size_t i = 0; i < n_; ++i)
        for (int in : nodes_[i].inputs) {
            auto it = indexOf_.find(in);
            if (it == indexOf_.end() || in == nodes_[i].id) continue;
            consumers_[it->second].push_back(static_cast<int>(i));
            ++indegree[i];
        }
    std::queue<int> ready;
    for (std::size_t i = 0; i < n_; ++i)
        if (indegree[i] == 0) ready.push(static_cast<int>(i));
    while (!ready.empty()) {
        const int i = ready.front();
        ready.pop();
        topo_.push_back(i);
        for (int c : consumers_[i])
            if (--indegree[c] == 0) ready.push(c);
    }
    for (std::size_t i = 0; i < n_; ++i)
        if (indegree[i] > 0) fail(i, msg("graph.cycle", "{layer}: is part of a cycle", {{"layer", label(nodes_[i])}}));
}

void Checker::checkConnectedToOneOutput() {
    std::vector<bool> reached(n_, false);
    if (!inputs_.empty()) {
        std::vector<int> stack{inputs_.front()};
        reached[inputs_.front()] = true;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            for (int c : consumers_[i])
                if (!reached[c]) {
                    reached[c] = true;
                    stack.push_back(c);
                }
        }
    }
    std::vector<int> sinks;
    for (std::size_t i = 0; i < n_; ++i) {
        if (!inputs_.empty() && !reached[i] && nodes_[i].kind != "Input" && !nodes_[i].inputs.empty())
            fail(i, msg("graph.not_connected", "{layer}: is not connected to the Input layer",
                        {{"layer", label(nodes_[i])}}));
        if (consumers_[i].empty() && reached[i]) sinks.push_back(static_cast<int>(i));
    }
    if (sinks.size() > 1) {
        std::string names;
        for (int s : sinks) names += (names.empty() ? "'" : ", '") + nodes_[s].name + "'";
        for (int s : sinks)
            fail(s, msg("graph.unused_output",
                        "{layer}: its output is not used; a model has one output (outputs now: {outputs})",
                        {{"layer", label(nodes_[s])}, {"outputs", names}}));
    } else if (sinks.size() == 1) {
        check_.outputId = nodes_[sinks.front()].id;
        if (nodes_[sinks.front()].kind == "Input")
            check_.problems.push_back(
                msg("graph.only_input", "the model has only an Input layer; add layers below it"));
    }
}

void Checker::inferShapes() {
    for (int i : topo_) {
        const NodeSpec& ns = nodes_[i];
        NodeCheck& nc = check_.nodes[i];
        if (!usable_[i]) continue;
        std::vector<Shape> inShapes;
        bool known = true;
        for (int in : ns.inputs) {
            auto it = indexOf_.find(in);
            if (it == indexOf_.end() || !check_.nodes[it->second].shapeKnown) {
                known = false;
                break;
            }
            inShapes.push_back(check_.nodes[it->second].output);
        }
        if (!known) {
            nc.ok = false;
            continue;
        }
        try {
            auto layer = registry_.create(ns.kind, validated_[i], ns.name);
            const int count = static_cast<int>(inShapes.size());
            const LayerInfo& info = registry_.info(ns.kind);
            if (count < info.minInputs || (info.maxInputs >= 0 && count > info.maxInputs)) {
                nc.ok = false;
                continue;
            }
            nc.output = layer->outputShape(inShapes);
            nc.shapeKnown = true;
            nc.params = layer->totalParams(inShapes);
            nc.macs = layer->macs(inShapes, nc.output);
        } catch (const Error& e) {
            fail(i, e.message());
        }
    }
}

void Checker::sumUp() {
    for (const auto& nc : check_.nodes) {
        check_.totalParams += nc.params;
        check_.totalMacs += nc.macs;
        if (nc.shapeKnown) check_.activationFloats += nc.output.size();
    }
    for (int i : topo_) check_.order.push_back(nodes_[i].id);
    check_.ok = check_.problems.empty() && !nodes_.empty() &&
                std::all_of(check_.nodes.begin(), check_.nodes.end(), [](const NodeCheck& c) { return c.ok; });
}

}  // namespace

GraphCheck checkGraph(const GraphSpec& spec, const LayerRegistry& registry) { return Checker(spec, registry).run(); }

}  // namespace cs
