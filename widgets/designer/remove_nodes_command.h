#pragma once
// Removes nodes and edges in one step. It serializes everything it removes (the node specs
// with their list positions and the input lists of the nodes it rewires), so undo restores
// the graph exactly, node order included.
#include <QUndoCommand>
#include <set>
#include <utility>
#include <vector>

#include "graph/graph_spec.h"

namespace cs::gui {

class ModelDocument;

class RemoveNodesCommand : public QUndoCommand {
public:
    // edges: (consumer id, input slot) pairs to cut. Nodes with a single input are bridged.
    RemoveNodesCommand(ModelDocument* doc, std::vector<int> nodeIds, std::vector<std::pair<int, int>> edges,
                       QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ModelDocument* doc_;
    std::set<int> ids_;
    std::set<std::pair<int, int>> edges_;
    std::vector<std::pair<int, NodeSpec>> removed_;            // (index, node), ascending index
    std::vector<std::pair<int, std::vector<int>>> oldInputs_;  // rewired survivors
};

}  // namespace cs::gui
