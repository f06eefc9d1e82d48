#include "designer/add_node_command.h"

#include <QCoreApplication>

#include "designer/model_document.h"

namespace cs::gui {

AddNodeCommand::AddNodeCommand(ModelDocument* doc, NodeSpec node, int index, QUndoCommand* parent)
    : QUndoCommand(parent), doc_(doc), node_(std::move(node)), index_(index) {
    setText(QCoreApplication::translate("Commands", "Add %1 '%2'")
                .arg(QString::fromStdString(node_.kind), QString::fromStdString(node_.name)));
}

void AddNodeCommand::redo() {
    if (index_ < 0) index_ = static_cast<int>(doc_->graph().nodes().size());
    doc_->insertNode(node_, index_);
}

void AddNodeCommand::undo() { node_ = doc_->takeNode(node_.id); }

}  // namespace cs::gui
