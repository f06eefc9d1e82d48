#pragma once
// Puts a finished run's weights, class names and run record into the project, as one undo
// step: undo brings back the weights (and history) the project had before, redo the run's.
// The command holds whichever state is not in the document (a swap, no copies).
#include <QUndoCommand>

#include "designer/model_document.h"

namespace cs::gui {

class ApplyTrainedCommand : public QUndoCommand {
public:
    ApplyTrainedCommand(ModelDocument* doc, TrainedState trained, const QString& text, QUndoCommand* parent = nullptr);
    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    void swap() { state_ = doc_->exchangeTrainedState(std::move(state_)); }

    ModelDocument* doc_;
    TrainedState state_;
};

}  // namespace cs::gui
