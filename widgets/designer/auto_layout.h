#pragma once
// Top-down layered layout of a graph: each node sits one row below its deepest input
// (longest path from the sources, back edges of cycles ignored); nodes of a row are ordered
// by the mean position of their inputs to keep edges short, and rows are centred on x = 0.
#include <QPointF>
#include <map>

#include "graph/graph_spec.h"

namespace cs::gui {

// Top-left corner of each node's card, by node id.
std::map<int, QPointF> autoLayout(const GraphSpec& graph);

// True when the nodes carry no designer positions yet (all at the same point).
bool needsLayout(const GraphSpec& graph);

}  // namespace cs::gui
