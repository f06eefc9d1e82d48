#pragma once
// Replaces a node's input list (connect, disconnect, rewire); undo restores the old list.
#include <QUndoCommand>
#include <vector>

namespace cs::gui {

class ModelDocument;

class SetInputsCommand : public QUndoCommand {
public:
    SetInputsCommand(ModelDocument* doc, int id, std::vector<int> inputs, const QString& text,
                     QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ModelDocument* doc_;
    int id_;
    std::vector<int> new_;
    std::vector<int> old_;
};

}  // namespace cs::gui
