#pragma once
// Changes a node's options. Consecutive changes of the same option of the same node (spin-box
// steps) merge into one undo step.
#include <QUndoCommand>
#include <string>

#include <nlohmann/json.hpp>

namespace cs::gui {

class ModelDocument;

class SetOptionsCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x4353'0002;
    // `key` names the single option changed (empty: not mergeable).
    SetOptionsCommand(ModelDocument* doc, int id, nlohmann::json options, std::string key,
                      QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return key_.empty() ? -1 : kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ModelDocument* doc_;
    int node_;
    nlohmann::json new_;
    nlohmann::json old_;
    std::string key_;
    bool haveOld_ = false;
};

}  // namespace cs::gui
