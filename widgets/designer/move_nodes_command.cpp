#include "designer/move_nodes_command.h"

#include <QCoreApplication>

#include "designer/model_document.h"

namespace cs::gui {

MoveNodesCommand::MoveNodesCommand(ModelDocument* doc, std::map<int, QPointF> positions, bool mergeable,
                                   QUndoCommand* parent)
    : QUndoCommand(parent), doc_(doc), new_(std::move(positions)), mergeable_(mergeable) {
    for (auto& [id, pos] : new_)
        if (const NodeSpec* n = doc->node(id)) old_[id] = QPointF(n->x, n->y);
    setText(new_.size() == 1 ? QCoreApplication::translate("Commands", "Move 1 layer")
                             : QCoreApplication::translate("Commands", "Move %1 layers").arg(new_.size()));
}

void MoveNodesCommand::redo() {
    for (auto& [id, pos] : new_) doc_->setNodePos(id, pos);
}

void MoveNodesCommand::undo() {
    for (auto& [id, pos] : old_) doc_->setNodePos(id, pos);
}

bool MoveNodesCommand::mergeWith(const QUndoCommand* other) {
    auto* o = static_cast<const MoveNodesCommand*>(other);
    if (!o->mergeable_ || o->new_.size() != new_.size()) return false;
    for (auto& [id, pos] : o->new_)
        if (!new_.count(id)) return false;
    new_ = o->new_;
    return true;
}

}  // namespace cs::gui
