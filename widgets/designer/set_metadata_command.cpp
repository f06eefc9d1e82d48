#include "designer/set_metadata_command.h"

#include "designer/model_document.h"
#include "train/train_settings.h"

namespace cs::gui {

namespace {
// Training settings mean the same when they read the same (a preset's sparse settings and
// the complete ones a form writes back), whatever keys the file spells out.
bool sameMeaning(SetMetadataCommand::Part part, const nlohmann::json& a, const nlohmann::json& b) {
    if (a == b) return true;
    if (part != SetMetadataCommand::Part::Training) return false;
    try {
        return TrainSettings::fromJson(a).toJson() == TrainSettings::fromJson(b).toJson();
    } catch (const std::exception&) {
        return false;
    }
}
}  // namespace

SetMetadataCommand::SetMetadataCommand(ModelDocument* doc, Part part, nlohmann::json value, const QString& text,
                                       std::string field, QUndoCommand* parent)
    : QUndoCommand(text, parent), doc_(doc), part_(part), new_(std::move(value)), field_(std::move(field)) {}

void SetMetadataCommand::redo() {
    if (!haveOld_) {
        old_ = part_ == Part::Project ? doc_->file().project : doc_->file().training;
        haveOld_ = true;
    }
    apply(new_);
}

void SetMetadataCommand::undo() { apply(old_); }

bool SetMetadataCommand::mergeWith(const QUndoCommand* other) {
    auto* o = static_cast<const SetMetadataCommand*>(other);
    if (o->part_ != part_ || o->field_ != field_) return false;
    new_ = o->new_;
    if (sameMeaning(part_, new_, old_)) setObsolete(true);
    return true;
}

void SetMetadataCommand::apply(const nlohmann::json& v) {
    if (part_ == Part::Project)
        doc_->setProject(v);
    else
        doc_->setTraining(v);
}

}  // namespace cs::gui
