#include "designer/set_trainable_command.h"

#include <QCoreApplication>

#include "designer/model_document.h"

namespace cs::gui {

SetTrainableCommand::SetTrainableCommand(ModelDocument* doc, std::vector<int> ids, bool trainable, QUndoCommand* parent)
    : QUndoCommand(parent), doc_(doc), ids_(std::move(ids)), trainable_(trainable) {
    const int n = static_cast<int>(ids_.size());
    setText(trainable ? QCoreApplication::translate("Commands", "Unfreeze %n layer(s)", nullptr, n)
                      : QCoreApplication::translate("Commands", "Freeze %n layer(s)", nullptr, n));
}

void SetTrainableCommand::redo() {
    for (int id : ids_) doc_->setNodeTrainable(id, trainable_);
}

void SetTrainableCommand::undo() {
    for (int id : ids_) doc_->setNodeTrainable(id, !trainable_);
}

}  // namespace cs::gui
