#pragma once
// Checks a GraphSpec without allocating weights and reports every problem it can find, node
// by node, instead of stopping at the first: the designer shows them as badges and a problems
// list after every edit. Model's constructor uses the same checks and throws on the first.
#include <cstdint>
#include <string>
#include <vector>

#include "core/message.h"
#include "core/shape.h"
#include "graph/graph_spec.h"

namespace cs {

class LayerRegistry;

struct NodeCheck {
    int id = 0;
    bool ok = false;  // false: `error` says why, or an upstream node failed (shapeKnown false)
    bool shapeKnown = false;
    Shape output;
    int64_t params = 0;
    int64_t macs = 0;
    Message error;  // this node's own problem (coded, so the studio translates it); empty text when none
    bool hasError() const { return !error.text.empty(); }
};

struct GraphCheck {
    std::vector<NodeCheck> nodes;   // same order as GraphSpec::nodes()
    std::vector<Message> problems;  // every problem, graph-level and per node
    std::vector<int> order;         // topological order of node ids (complete only when ok)
    int inputId = -1;
    int outputId = -1;
    int64_t totalParams = 0;
    int64_t totalMacs = 0;         // per sample
    int64_t activationFloats = 0;  // per sample, all node outputs
    bool ok = false;

    const NodeCheck* node(int id) const;
};

GraphCheck checkGraph(const GraphSpec& spec, const LayerRegistry& registry);

}  // namespace cs
