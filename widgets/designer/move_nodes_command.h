#pragma once
// Moves cards. A mouse drag pushes one command when it ends; keyboard nudges of the same
// selection push mergeable commands that fold into one step.
#include <QPointF>
#include <QUndoCommand>
#include <map>

namespace cs::gui {

class ModelDocument;

class MoveNodesCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x4353'0001;
    MoveNodesCommand(ModelDocument* doc, std::map<int, QPointF> positions, bool mergeable,
                     QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return mergeable_ ? kId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ModelDocument* doc_;
    std::map<int, QPointF> new_;
    std::map<int, QPointF> old_;
    bool mergeable_;
};

}  // namespace cs::gui
