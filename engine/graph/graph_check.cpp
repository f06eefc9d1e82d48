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

void fail(GraphCheck& check, NodeCheck& nc, const std::string& message) {
    if (nc.error.empty()) {
        nc.error = message;
        check.problems.push_back(message);
    }
    nc.ok = false;
}

}  // namespace

GraphCheck checkGraph(const GraphSpec& spec, const LayerRegistry& registry) {
    GraphCheck check;
    const auto& specNodes = spec.nodes();
    std::map<int, int> indexOf;  // node id -> index in spec order
    for (std::size_t i = 0; i < specNodes.size(); ++i) indexOf[specNodes[i].id] = static_cast<int>(i);

    check.nodes.resize(specNodes.size());
    std::vector<Options> validated(specNodes.size());
    std::vector<bool> usable(specNodes.size(), true);  // kind and options fine
    for (std::size_t i = 0; i < specNodes.size(); ++i) {
        const NodeSpec& n = specNodes[i];
        NodeCheck& nc = check.nodes[i];
        nc.id = n.id;
        nc.ok = true;
        try {
            const LayerInfo& info = registry.info(n.kind);
            validated[i] = registry.validate(n.kind, n.options, n.name);
            const int count = static_cast<int>(n.inputs.size());
            if (count < info.minInputs)
                fail(check, nc,
                     label(n) + (info.minInputs == 1 ? ": has no input; connect a layer to it"
                                                     : ": needs at least " + std::to_string(info.minInputs) +
                                                           " inputs, has " + std::to_string(count)));
            else if (info.maxInputs >= 0 && count > info.maxInputs)
                fail(check, nc,
                     label(n) + ": takes " + std::to_string(info.maxInputs) + " input" +
                         (info.maxInputs == 1 ? "" : "s") + ", has " + std::to_string(count));
        } catch (const Error& e) {
            fail(check, nc, label(n) + ": " + e.what());
            usable[i] = false;
        }
        for (int in : n.inputs) {
            if (!indexOf.count(in))
                fail(check, nc, label(n) + ": its input #" + std::to_string(in) + " does not exist");
            else if (in == n.id)
                fail(check, nc, label(n) + ": is connected to itself");
        }
    }

    // Exactly one Input node.
    std::vector<int> inputs;
    for (std::size_t i = 0; i < specNodes.size(); ++i)
        if (specNodes[i].kind == "Input") inputs.push_back(static_cast<int>(i));
    if (specNodes.empty())
        check.problems.push_back("the model is empty; add an Input layer");
    else if (inputs.empty())
        check.problems.push_back("the model has no Input layer; add one at the top");
    else if (inputs.size() > 1) {
        for (std::size_t k = 1; k < inputs.size(); ++k)
            fail(check, check.nodes[inputs[k]],
                 label(specNodes[inputs[k]]) + ": a model has one Input layer; this is a second one");
    }
    if (!inputs.empty()) check.inputId = specNodes[inputs.front()].id;

    // Consumers and topological order (Kahn); what remains is on a cycle.
    const std::size_t n = specNodes.size();
    std::vector<std::vector<int>> consumers(n);
    std::vector<int> indegree(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (int in : specNodes[i].inputs) {
            auto it = indexOf.find(in);
            if (it == indexOf.end() || in == specNodes[i].id) continue;
            consumers[it->second].push_back(static_cast<int>(i));
            ++indegree[i];
        }
    std::queue<int> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (indegree[i] == 0) ready.push(static_cast<int>(i));
    std::vector<int> topo;
    while (!ready.empty()) {
        const int i = ready.front();
        ready.pop();
        topo.push_back(i);
        for (int c : consumers[i])
            if (--indegree[c] == 0) ready.push(c);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (indegree[i] > 0) fail(check, check.nodes[i], label(specNodes[i]) + ": is part of a cycle");

    // Reachability from the input; one output.
    std::vector<bool> reached(n, false);
    if (!inputs.empty()) {
        std::vector<int> stack{inputs.front()};
        reached[inputs.front()] = true;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            for (int c : consumers[i])
                if (!reached[c]) {
                    reached[c] = true;
                    stack.push_back(c);
                }
        }
    }
    std::vector<int> sinks;
    for (std::size_t i = 0; i < n; ++i) {
        if (!inputs.empty() && !reached[i] && specNodes[i].kind != "Input" && !specNodes[i].inputs.empty())
            fail(check, check.nodes[i], label(specNodes[i]) + ": is not connected to the Input layer");
        if (consumers[i].empty() && reached[i]) sinks.push_back(static_cast<int>(i));
    }
    if (sinks.size() > 1) {
        std::string names;
        for (int s : sinks) names += (names.empty() ? "'" : ", '") + specNodes[s].name + "'";
        for (int s : sinks)
            fail(check, check.nodes[s],
                 label(specNodes[s]) + ": its output is not used; a model has one output (outputs now: " + names + ")");
    } else if (sinks.size() == 1) {
        check.outputId = specNodes[sinks.front()].id;
        if (specNodes[sinks.front()].kind == "Input")
            check.problems.push_back("the model has only an Input layer; add layers below it");
    }

    // Shapes in topological order.
    for (int i : topo) {
        const NodeSpec& ns = specNodes[i];
        NodeCheck& nc = check.nodes[i];
        if (!usable[i]) continue;
        std::vector<Shape> inShapes;
        bool known = true;
        for (int in : ns.inputs) {
            auto it = indexOf.find(in);
            if (it == indexOf.end() || !check.nodes[it->second].shapeKnown) {
                known = false;
                break;
            }
            inShapes.push_back(check.nodes[it->second].output);
        }
        if (!known) {
            nc.ok = false;
            continue;
        }
        try {
            auto layer = registry.create(ns.kind, validated[i], ns.name);
            const int count = static_cast<int>(inShapes.size());
            const LayerInfo& info = registry.info(ns.kind);
            if (count < info.minInputs || (info.maxInputs >= 0 && count > info.maxInputs)) {
                nc.ok = false;
                continue;
            }
            nc.output = layer->outputShape(inShapes);
            nc.shapeKnown = true;
            nc.params = layer->totalParams(inShapes);
            nc.macs = layer->macs(inShapes, nc.output);
        } catch (const Error& e) {
            fail(check, nc, e.what());
        }
    }

    for (const auto& nc : check.nodes) {
        check.totalParams += nc.params;
        check.totalMacs += nc.macs;
        if (nc.shapeKnown) check.activationFloats += nc.output.size();
    }
    for (int i : topo) check.order.push_back(specNodes[i].id);
    check.ok = check.problems.empty() && !specNodes.empty() &&
               std::all_of(check.nodes.begin(), check.nodes.end(), [](const NodeCheck& c) { return c.ok; });
    return check;
}

}  // namespace cs
