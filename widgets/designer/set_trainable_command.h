#pragma once
// Freezes or unfreezes layers (NodeSpec::trainable) in one undo step: training leaves a frozen
// layer's weights as they are (transfer learning).
#include <QUndoCommand>
#include <vector>

namespace cs::gui {

class ModelDocument;

class SetTrainableCommand : public QUndoCommand {
public:
    // `ids`: the layers whose flag changes (the document leaves out those already so).
    SetTrainableCommand(ModelDocument* doc, std::vector<int> ids, bool trainable, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ModelDocument* doc_;
    std::vector<int> ids_;
    bool trainable_;
};

}  // namespace cs::gui
