#include "designer/rename_node_command.h"

#include <QCoreApplication>

#include "designer/model_document.h"

namespace cs::gui {

RenameNodeCommand::RenameNodeCommand(ModelDocument* doc, int id, std::string name, QUndoCommand* parent)
    : QUndoCommand(parent), doc_(doc), id_(id), new_(std::move(name)) {
    setText(QCoreApplication::translate("Commands", "Rename to '%1'").arg(QString::fromStdString(new_)));
}

void RenameNodeCommand::redo() {
    old_ = doc_->node(id_)->name;
    doc_->setNodeName(id_, new_);
}

void RenameNodeCommand::undo() { doc_->setNodeName(id_, old_); }

}  // namespace cs::gui
