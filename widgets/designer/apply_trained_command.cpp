#include "designer/apply_trained_command.h"

namespace cs::gui {

ApplyTrainedCommand::ApplyTrainedCommand(ModelDocument* doc, TrainedState trained, const QString& text,
                                         QUndoCommand* parent)
    : QUndoCommand(text, parent), doc_(doc), state_(std::move(trained)) {}

}  // namespace cs::gui
