#include "train/transfer.h"

#include <set>

#include "core/errors.h"
#include "graph/graph_check.h"
#include "graph/model.h"
#include "layers/layer_registry.h"

namespace cs {

namespace {

GraphCheck checkedGraph(const GraphSpec& graph, const LayerRegistry& registry) {
    GraphCheck check = checkGraph(graph, registry);
    if (!check.ok) {
        for (const auto& nc : check.nodes)
            if (nc.hasError()) throw ShapeError(nc.error, nc.id);
        throw ShapeError(check.problems.empty() ? msg("graph.invalid", "the model is not valid")
                                                : check.problems.front());
    }
    return check;
}

// The layer's name before the last '/' of a weights key ("conv2d/kernel" -> "conv2d").
std::string layerOfWeight(const std::string& key) {
    const auto slash = key.rfind('/');
    return slash == std::string::npos ? key : key.substr(0, slash);
}

}  // namespace

const NodeSpec& layerNamed(const GraphSpec& graph, const std::string& layer) {
    if (const NodeSpec* n = graph.findByName(layer)) return *n;
    std::string known;
    for (const auto& n : graph.nodes()) known += (known.empty() ? "" : ", ") + n.name;
    throw OptionError(msg("transfer.unknown_layer", "the model has no layer named '{layer}'; its layers: {known}",
                          {{"layer", layer}, {"known", known}}));
}

GraphSpec frozenUpTo(const GraphSpec& graph, const std::string& layer) {
    const int cutId = layerNamed(graph, layer).id;
    const GraphCheck check = checkedGraph(graph, LayerRegistry::builtin());
    GraphSpec out = graph;
    bool frozen = true;
    for (int id : check.order) {
        out.find(id)->trainable = !frozen;
        if (id == cutId) frozen = false;
    }
    return out;
}

std::optional<std::string> defaultHeadCut(const GraphSpec& graph) {
    const GraphCheck check = checkGraph(graph, LayerRegistry::builtin());
    if (!check.ok) return std::nullopt;
    const NodeSpec* output = graph.find(check.outputId);
    if (!output || output->inputs.size() != 1) return std::nullopt;
    return graph.find(output->inputs.front())->name;
}

ModelFile replaceHead(const ModelFile& model, const std::string& layer, const std::vector<std::string>& classNames) {
    return replaceHead(model, layer, classNames, LayerRegistry::builtin());
}

ModelFile replaceHead(const ModelFile& model, const std::string& layer, const std::vector<std::string>& classNames,
                      const LayerRegistry& registry) {
    const NodeSpec& cut = layerNamed(model.graph, layer);
    if (classNames.empty())
        throw OptionError(msg("transfer.no_classes", "a new head needs at least one class; the dataset has none"));
    const GraphCheck check = checkedGraph(model.graph, registry);

    // The cut and everything it depends on.
    std::set<int> keep{cut.id};
    std::vector<int> todo{cut.id};
    while (!todo.empty()) {
        const int id = todo.back();
        todo.pop_back();
        for (int in : model.graph.find(id)->inputs)
            if (keep.insert(in).second) todo.push_back(in);
    }
    ModelFile out = model;
    GraphSpec& g = out.graph;
    std::erase_if(g.nodes(), [&](const NodeSpec& n) { return !keep.count(n.id); });
    for (NodeSpec& n : g.nodes()) n.trainable = false;

    const NodeSpec* cutNode = g.find(cut.id);
    const Shape cutShape = check.node(cut.id)->output;
    double x = cutNode->x, y = cutNode->y;
    int previous = cut.id;
    auto append = [&](const std::string& kind, nlohmann::json options) {
        previous = g.add(kind, std::move(options), {previous});
        y += 120.0;
        g.find(previous)->x = x;
        g.find(previous)->y = y;
    };
    if (cutShape.isImage())
        append("GlobalAveragePooling2D", nlohmann::json::object());
    else if (!cutShape.isFlat())
        append("Flatten", nlohmann::json::object());
    append("Dense", {{"units", static_cast<int>(classNames.size())}, {"activation", "softmax"}});

    // Only the kept layers' weights: a new layer may take a removed one's name.
    std::set<std::string> kept;
    for (const NodeSpec& n : g.nodes())
        if (keep.count(n.id)) kept.insert(n.name);
    std::erase_if(out.weights, [&](const auto& kv) { return !kept.count(layerOfWeight(kv.first)); });
    if (!out.weights.empty()) {
        // The new head starts from the seed's initialisation, the backbone from its weights.
        Model compiled(g, out.seed, registry);
        for (auto& node : compiled.nodes())
            for (auto* list : {&node.layer->params(), &node.layer->state()})
                for (Param& p : *list)
                    if (auto it = out.weights.find(node.layer->name() + "/" + p.name); it != out.weights.end())
                        p.value = it->second;
        storeWeights(compiled, out);
    }
    out.classNames = classNames;
    out.runWeights.clear();
    out.checkpoint = nlohmann::json::object();
    out.evaluation = nlohmann::json();
    return out;
}

}  // namespace cs
