#pragma once
// Replaces the project part (dataset, exclusions, checkpoint folder) or the training settings
// of the document. Consecutive changes of the same single field (a spin box stepped or typed
// into, a folder typed) merge into one undo step, so editing a form does not flood the
// history; a field typed back to its old value leaves no step.
#include <QUndoCommand>
#include <string>

#include <nlohmann/json.hpp>

namespace cs::gui {

class ModelDocument;

class SetMetadataCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x4353'0003;
    enum class Part { Project, Training };
    // `field` names the single field changed, as a JSON pointer (empty: not mergeable).
    SetMetadataCommand(ModelDocument* doc, Part part, nlohmann::json value, const QString& text, std::string field = {},
                       QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return field_.empty() ? -1 : kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const nlohmann::json& v);
    ModelDocument* doc_;
    Part part_;
    nlohmann::json new_;
    nlohmann::json old_;
    std::string field_;
    bool haveOld_ = false;
};

}  // namespace cs::gui
