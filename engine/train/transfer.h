#pragma once
// Transfer learning on a model description, the same for the CLI and the studio: freeze the
// layers up to one, and replace a model's head with a new classifier for other classes while
// the backbone keeps its weights. Pure functions of the description (no training here).
#include <optional>
#include <string>
#include <vector>

#include "graph/graph_spec.h"
#include "io/model_file.h"

namespace cs {

class LayerRegistry;

// The layer named `layer`; throws OptionError naming it and listing the graph's layers.
const NodeSpec& layerNamed(const GraphSpec& graph, const std::string& layer);

// `graph` with every layer up to and including `layer` (in topological order) frozen and every
// layer after it trainable. Throws OptionError for an unknown layer, ShapeError for a graph
// that does not check.
GraphSpec frozenUpTo(const GraphSpec& graph, const std::string& layer);

// Where a new head goes by default: the layer feeding the output layer (the classifier's input),
// nullopt when the output layer has not exactly one input or the graph does not check.
std::optional<std::string> defaultHeadCut(const GraphSpec& graph);

// `model` cut after `layer`: that layer and the layers it depends on are kept with their
// weights and frozen; every other layer goes. A new head follows it: GlobalAveragePooling2D
// when the cut gives an image (Flatten for another non-flat output), then Dense(classes,
// softmax). The class names become `classNames`; the run weights and checkpoint, which fit the
// old graph, are dropped (the history stays). Throws OptionError for an unknown layer or no
// classes, ShapeError when the graph does not check.
ModelFile replaceHead(const ModelFile& model, const std::string& layer, const std::vector<std::string>& classNames);
ModelFile replaceHead(const ModelFile& model, const std::string& layer, const std::vector<std::string>& classNames,
                      const LayerRegistry& registry);

}  // namespace cs
