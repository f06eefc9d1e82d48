#pragma once
// Adds one node at a given position of the node list; undo takes it out again.
#include <QUndoCommand>

#include "graph/graph_spec.h"

namespace cs::gui {

class ModelDocument;

class AddNodeCommand : public QUndoCommand {
public:
    AddNodeCommand(ModelDocument* doc, NodeSpec node, int index = -1, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int nodeId() const { return node_.id; }

private:
    ModelDocument* doc_;
    NodeSpec node_;
    int index_;
};

}  // namespace cs::gui
