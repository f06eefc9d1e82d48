#include "designer/set_inputs_command.h"

#include "designer/model_document.h"

namespace cs::gui {

SetInputsCommand::SetInputsCommand(ModelDocument* doc, int id, std::vector<int> inputs, const QString& text,
                                   QUndoCommand* parent)
    : QUndoCommand(text, parent), doc_(doc), id_(id), new_(std::move(inputs)) {}

void SetInputsCommand::redo() {
    old_ = doc_->node(id_)->inputs;
    doc_->setNodeInputs(id_, new_);
}

void SetInputsCommand::undo() { doc_->setNodeInputs(id_, old_); }

}  // namespace cs::gui
