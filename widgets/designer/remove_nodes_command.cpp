#include "designer/remove_nodes_command.h"

#include <QCoreApplication>
#include <algorithm>

#include "designer/model_document.h"

namespace cs::gui {

RemoveNodesCommand::RemoveNodesCommand(ModelDocument* doc, std::vector<int> nodeIds,
                                       std::vector<std::pair<int, int>> edges, QUndoCommand* parent)
    : QUndoCommand(parent), doc_(doc), ids_(nodeIds.begin(), nodeIds.end()), edges_(edges.begin(), edges.end()) {
    if (ids_.size() == 1 && edges_.empty()) {
        const NodeSpec* n = doc->node(*ids_.begin());
        setText(QCoreApplication::translate("Commands", "Delete '%1'")
                    .arg(n ? QString::fromStdString(n->name) : QString()));
    } else if (ids_.empty()) {
        setText(edges_.size() == 1
                    ? QCoreApplication::translate("Commands", "Delete 1 connection")
                    : QCoreApplication::translate("Commands", "Delete %1 connections").arg(edges_.size()));
    } else {
        setText(ids_.size() == 1 ? QCoreApplication::translate("Commands", "Delete 1 layer")
                                 : QCoreApplication::translate("Commands", "Delete %1 layers").arg(ids_.size()));
    }
}

void RemoveNodesCommand::redo() {
    removed_.clear();
    oldInputs_.clear();
    const GraphSpec& g = doc_->graph();

    // Where a removed node's consumers get their input from: its single input, followed
    // through chains of removed nodes; -1 when there is nothing to bridge to.
    auto bridge = [&](int id) {
        for (int guard = 0; guard <= static_cast<int>(ids_.size()) && ids_.count(id); ++guard) {
            const NodeSpec* n = g.find(id);
            if (!n || n->inputs.size() != 1) return -1;
            id = n->inputs.front();
        }
        return ids_.count(id) ? -1 : id;
    };

    std::vector<std::pair<int, std::vector<int>>> rewired;
    for (const NodeSpec& n : g.nodes()) {
        if (ids_.count(n.id)) continue;
        std::vector<int> inputs;
        bool changed = false;
        for (int slot = 0; slot < static_cast<int>(n.inputs.size()); ++slot) {
            int in = n.inputs[slot];
            if (edges_.count({n.id, slot})) {
                changed = true;
                continue;
            }
            if (ids_.count(in)) {
                changed = true;
                in = bridge(in);
                if (in < 0 || (n.inputs.size() > 1 && std::count(inputs.begin(), inputs.end(), in))) continue;
            }
            inputs.push_back(in);
        }
        if (changed) rewired.emplace_back(n.id, std::move(inputs));
    }
    for (auto& [id, inputs] : rewired) {
        oldInputs_.emplace_back(id, doc_->node(id)->inputs);
        doc_->setNodeInputs(id, std::move(inputs));
    }

    std::vector<std::pair<int, int>> order;  // (index, id)
    for (int id : ids_)
        if (int i = doc_->indexOf(id); i >= 0) order.emplace_back(i, id);
    std::sort(order.begin(), order.end(), std::greater<>());
    for (auto& [index, id] : order) removed_.emplace_back(index, doc_->takeNode(id));
    std::reverse(removed_.begin(), removed_.end());
}

void RemoveNodesCommand::undo() {
    for (auto& [index, node] : removed_) doc_->insertNode(node, index);
    for (auto it = oldInputs_.rbegin(); it != oldInputs_.rend(); ++it) doc_->setNodeInputs(it->first, it->second);
}

}  // namespace cs::gui
