#pragma once
// Renames a node (names are unique within the graph; the document checks before pushing).
#include <QUndoCommand>
#include <string>

namespace cs::gui {

class ModelDocument;

class RenameNodeCommand : public QUndoCommand {
public:
    RenameNodeCommand(ModelDocument* doc, int id, std::string name, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ModelDocument* doc_;
    int id_;
    std::string new_;
    std::string old_;
};

}  // namespace cs::gui
