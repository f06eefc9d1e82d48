#include "designer/set_metadata_command.h"

#include "designer/model_document.h"

namespace cs::gui {

SetMetadataCommand::SetMetadataCommand(ModelDocument* doc, Part part, nlohmann::json value, const QString& text,
                                       QUndoCommand* parent)
    : QUndoCommand(text, parent), doc_(doc), part_(part), new_(std::move(value)) {}

void SetMetadataCommand::redo() {
    old_ = part_ == Part::Project ? doc_->file().project : doc_->file().training;
    apply(new_);
}

void SetMetadataCommand::undo() { apply(old_); }

void SetMetadataCommand::apply(const nlohmann::json& v) {
    if (part_ == Part::Project)
        doc_->setProject(v);
    else
        doc_->setTraining(v);
}

}  // namespace cs::gui
