#pragma once
// Replaces the project metadata (dataset, notes) or the training settings of the document.
#include <QUndoCommand>

#include <nlohmann/json.hpp>

namespace cs::gui {

class ModelDocument;

class SetMetadataCommand : public QUndoCommand {
public:
    enum class Part { Project, Training };
    SetMetadataCommand(ModelDocument* doc, Part part, nlohmann::json value, const QString& text,
                       QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const nlohmann::json& v);
    ModelDocument* doc_;
    Part part_;
    nlohmann::json new_;
    nlohmann::json old_;
};

}  // namespace cs::gui
