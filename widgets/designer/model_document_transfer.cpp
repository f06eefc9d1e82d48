// ModelDocument, transfer learning: a new head on a trained backbone as one undo step made of
// the usual commands (remove the old head, add the new layers, freeze the backbone, swap the
// weights and class names), so the scene mirrors it like any other edit.
#include <QCoreApplication>
#include <QUndoStack>
#include <set>

#include "designer/add_node_command.h"
#include "designer/apply_trained_command.h"
#include "designer/model_document.h"
#include "designer/remove_nodes_command.h"
#include "designer/set_trainable_command.h"
#include "train/transfer.h"

namespace cs::gui {

void ModelDocument::replaceHead(int id, const std::vector<std::string>& classNames) {
    const NodeSpec* cut = node(id);
    if (!cut) return;
    const ModelFile next = cs::replaceHead(file_, cut->name, classNames, *registry_);
    // What stays: the cut and the layers it depends on (the engine keeps exactly these).
    std::set<int> keep{id};
    std::vector<int> todo{id};
    while (!todo.empty()) {
        const NodeSpec* n = node(todo.back());
        todo.pop_back();
        for (int in : n->inputs)
            if (keep.insert(in).second) todo.push_back(in);
    }
    std::vector<int> removed, freezing;
    for (const NodeSpec& n : file_.graph.nodes()) {
        if (!keep.count(n.id))
            removed.push_back(n.id);
        else if (n.trainable)
            freezing.push_back(n.id);
    }
    auto* cmd = new QUndoCommand(QCoreApplication::translate("Commands", "Replace the head after '%1' (%n classes)",
                                                             nullptr, static_cast<int>(classNames.size()))
                                     .arg(QString::fromStdString(cut->name)));
    if (!removed.empty()) new RemoveNodesCommand(this, removed, {}, cmd);
    for (const NodeSpec& n : next.graph.nodes())
        if (!keep.count(n.id)) new AddNodeCommand(this, n, -1, cmd);
    if (!freezing.empty()) new SetTrainableCommand(this, freezing, false, cmd);
    TrainedState state;
    state.weights = next.weights;
    state.classNames = next.classNames;
    state.history = file_.history;
    // The weights are no recorded run's any more (trainedMark stays null): the next run's replace
    // them without a comparison with a run on other classes.
    new ApplyTrainedCommand(this, std::move(state), cmd->text(), cmd);
    undoStack_->push(cmd);
}

}  // namespace cs::gui
