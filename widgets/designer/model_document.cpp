#include "designer/model_document.h"

#include <QCoreApplication>
#include <QUndoStack>
#include <algorithm>
#include <deque>
#include <set>

#include "core/errors.h"
#include "core/json_numbers.h"
#include "designer/add_node_command.h"
#include "designer/auto_layout.h"
#include "designer/designer_metrics.h"
#include "designer/move_nodes_command.h"
#include "designer/remove_nodes_command.h"
#include "designer/rename_node_command.h"
#include "designer/set_inputs_command.h"
#include "designer/set_options_command.h"
#include "designer/set_trainable_command.h"
#include "layers/layer_registry.h"

namespace cs::gui {

namespace {
QString trc(const char* s) { return QCoreApplication::translate("Commands", s); }
QString qs(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

ModelDocument::ModelDocument(QObject* parent) : ModelDocument(LayerRegistry::builtin(), parent) {}

ModelDocument::ModelDocument(const LayerRegistry& registry, QObject* parent)
    : QObject(parent), registry_(&registry), undoStack_(new QUndoStack(this)) {
    connect(undoStack_, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
    recheck();
}

ModelDocument::~ModelDocument() = default;

const LayerInfo* ModelDocument::layerInfo(const std::string& kind) const {
    return registry_->contains(kind) ? &registry_->info(kind) : nullptr;
}

void ModelDocument::reset(ModelFile file, const QString& filePath) {
    file_ = std::move(file);
    if (needsLayout(file_.graph)) {
        for (auto& [id, pos] : autoLayout(file_.graph)) {
            NodeSpec* n = file_.graph.find(id);
            n->x = pos.x();
            n->y = pos.y();
        }
    }
    undoStack_->clear();
    undoStack_->setClean();
    filePath_ = filePath;
    applyDefaults();
    recheck();
    emit documentReset();
    emit filePathChanged(filePath_);
    emit modifiedChanged(false);
}

void ModelDocument::setFilePath(const QString& path) {
    if (path == filePath_) return;
    filePath_ = path;
    emit filePathChanged(path);
}

bool ModelDocument::isModified() const { return !undoStack_->isClean(); }
void ModelDocument::setClean() { undoStack_->setClean(); }

std::vector<int> ModelDocument::consumersOf(int id) const {
    std::vector<int> out;
    for (const NodeSpec& n : file_.graph.nodes())
        if (std::find(n.inputs.begin(), n.inputs.end(), id) != n.inputs.end()) out.push_back(n.id);
    return out;
}

int ModelDocument::indexOf(int id) const {
    const auto& nodes = file_.graph.nodes();
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
        if (nodes[i].id == id) return i;
    return -1;
}

std::vector<int> ModelDocument::descendantsOf(int id) const {
    std::vector<int> out;
    std::set<int> seen{id};
    std::deque<int> queue{id};
    while (!queue.empty()) {
        const int cur = queue.front();
        queue.pop_front();
        for (int c : consumersOf(cur))
            if (seen.insert(c).second) {
                out.push_back(c);
                queue.push_back(c);
            }
    }
    return out;
}

// ---- Edits ----

int ModelDocument::addLayer(const QString& kind, QPointF pos, std::vector<int> inputs) {
    NodeSpec n;
    n.id = file_.graph.nextId();
    n.kind = kind.toStdString();
    n.name = file_.graph.uniqueName(n.kind);
    n.inputs = std::move(inputs);
    n.x = pos.x();
    n.y = pos.y();
    undoStack_->push(new AddNodeCommand(this, n));
    return n.id;
}

int ModelDocument::appendLayer(const QString& kind, int afterId) {
    const std::string k = kind.toStdString();
    const LayerInfo* info = layerInfo(k);
    const bool takesInput = !info || info->maxInputs != 0;
    if (afterId < 0 || !node(afterId)) {
        afterId = check_.outputId;
        if (!node(afterId)) {
            afterId = -1;
            for (auto it = file_.graph.nodes().rbegin(); it != file_.graph.nodes().rend(); ++it)
                if (consumersOf(it->id).empty()) {
                    afterId = it->id;
                    break;
                }
        }
    }
    const NodeSpec* after = node(afterId);
    if (!after || !takesInput) {
        double y = 0, x = -metrics::kCardWidth / 2;
        if (!takesInput) {
            for (const NodeSpec& n : file_.graph.nodes()) x = std::max(x, n.x + metrics::kColStep);
        } else {
            for (const NodeSpec& n : file_.graph.nodes()) y = std::max(y, n.y + metrics::kRowStep);
        }
        return addLayer(kind, QPointF(x, y));
    }

    NodeSpec n;
    n.id = file_.graph.nextId();
    n.kind = k;
    n.name = file_.graph.uniqueName(k);
    n.inputs = {afterId};
    n.x = after->x;
    n.y = after->y + metrics::kRowStep;

    auto* cmd = new QUndoCommand(trc(QT_TRANSLATE_NOOP("Commands", "Add %1 '%2'")).arg(kind, qs(n.name)));
    std::map<int, QPointF> shifted;
    for (int d : descendantsOf(afterId)) {
        const NodeSpec* dn = node(d);
        shifted[d] = QPointF(dn->x, dn->y + metrics::kRowStep);
    }
    if (!shifted.empty()) new MoveNodesCommand(this, shifted, false, cmd);
    new AddNodeCommand(this, n, indexOf(afterId) + 1, cmd);
    for (int c : consumersOf(afterId)) {
        std::vector<int> inputs = node(c)->inputs;
        std::replace(inputs.begin(), inputs.end(), afterId, n.id);
        new SetInputsCommand(this, c, inputs, QString(), cmd);
    }
    undoStack_->push(cmd);
    return n.id;
}

int ModelDocument::insertLayerOnEdge(const QString& kind, int from, int to, int slot, QPointF pos) {
    const NodeSpec* target = node(to);
    if (!target || !node(from) || slot < 0 || slot >= static_cast<int>(target->inputs.size()))
        return addLayer(kind, pos);
    NodeSpec n;
    n.id = file_.graph.nextId();
    n.kind = kind.toStdString();
    n.name = file_.graph.uniqueName(n.kind);
    n.inputs = {from};
    n.x = target->x;
    n.y = target->y;

    auto* cmd = new QUndoCommand(trc(QT_TRANSLATE_NOOP("Commands", "Insert %1 '%2'")).arg(kind, qs(n.name)));
    std::map<int, QPointF> shifted{{to, QPointF(target->x, target->y + metrics::kRowStep)}};
    for (int d : descendantsOf(to)) {
        const NodeSpec* dn = node(d);
        shifted[d] = QPointF(dn->x, dn->y + metrics::kRowStep);
    }
    new MoveNodesCommand(this, shifted, false, cmd);
    new AddNodeCommand(this, n, indexOf(to), cmd);
    std::vector<int> inputs = target->inputs;
    inputs[slot] = n.id;
    new SetInputsCommand(this, to, inputs, QString(), cmd);
    undoStack_->push(cmd);
    return n.id;
}

void ModelDocument::removeItems(const std::vector<int>& nodeIds, const std::vector<std::pair<int, int>>& edges) {
    if (nodeIds.empty() && edges.empty()) return;
    undoStack_->push(new RemoveNodesCommand(this, nodeIds, edges));
}

bool ModelDocument::connectNodes(int from, int to) {
    const NodeSpec* src = node(from);
    const NodeSpec* dst = node(to);
    if (!src || !dst || from == to) return false;
    const LayerInfo* info = layerInfo(dst->kind);
    if (info && info->maxInputs == 0) return false;
    if (std::find(dst->inputs.begin(), dst->inputs.end(), from) != dst->inputs.end()) return false;
    std::vector<int> inputs = dst->inputs;
    if (info && info->maxInputs == 1)
        inputs = {from};
    else if (info && info->maxInputs > 1 && static_cast<int>(inputs.size()) >= info->maxInputs)
        return false;
    else
        inputs.push_back(from);
    undoStack_->push(new SetInputsCommand(
        this, to, inputs,
        trc(QT_TRANSLATE_NOOP("Commands", "Connect '%1' to '%2'")).arg(qs(src->name), qs(dst->name))));
    return true;
}

void ModelDocument::disconnectInput(int to, int slot) { removeItems({}, {{to, slot}}); }

void ModelDocument::setOption(int id, const std::string& name, const nlohmann::json& value) {
    const NodeSpec* n = node(id);
    if (!n) return;
    nlohmann::json opts = n->options.is_object() ? n->options : nlohmann::json::object();
    if (opts.contains(name) && opts[name] == value) return;
    opts[name] = value;
    undoStack_->push(new SetOptionsCommand(this, id, opts, name));
}

void ModelDocument::resetOption(int id, const std::string& name) {
    const NodeSpec* n = node(id);
    if (!n || !n->options.is_object() || !n->options.contains(name)) return;
    nlohmann::json opts = n->options;
    opts.erase(name);
    undoStack_->push(new SetOptionsCommand(this, id, opts, {}));
}

bool ModelDocument::renameNode(int id, const QString& name) {
    const std::string s = name.trimmed().toStdString();
    const NodeSpec* n = node(id);
    if (!n || s.empty()) return false;
    if (s == n->name) return true;
    if (file_.graph.findByName(s)) return false;
    undoStack_->push(new RenameNodeCommand(this, id, s));
    return true;
}

void ModelDocument::setTrainable(const std::vector<int>& ids, bool trainable) {
    std::vector<int> changing;
    for (int id : ids)
        if (const NodeSpec* n = node(id); n && n->trainable != trainable) changing.push_back(id);
    if (!changing.empty()) undoStack_->push(new SetTrainableCommand(this, std::move(changing), trainable));
}

void ModelDocument::moveNodes(const std::map<int, QPointF>& positions, bool mergeable) {
    std::map<int, QPointF> changed;
    for (auto& [id, pos] : positions)
        if (const NodeSpec* n = node(id); n && QPointF(n->x, n->y) != pos) changed[id] = pos;
    if (!changed.empty()) undoStack_->push(new MoveNodesCommand(this, changed, mergeable));
}

std::vector<int> ModelDocument::pasteNodes(const std::vector<NodeSpec>& nodes, QPointF offset) {
    if (nodes.empty()) return {};
    GraphSpec names = file_.graph;  // scratch copy to hand out unique ids and names
    std::map<int, int> idMap;
    std::vector<NodeSpec> copies;
    for (const NodeSpec& src : nodes) {
        NodeSpec n = src;
        n.id = names.nextId();
        if (n.name.empty() || names.findByName(n.name)) n.name = names.uniqueName(n.kind);
        n.x += offset.x();
        n.y += offset.y();
        idMap[src.id] = n.id;
        NodeSpec stub;
        stub.id = n.id;
        stub.kind = n.kind;
        stub.name = n.name;
        names.nodes().push_back(stub);
        copies.push_back(std::move(n));
    }
    auto* cmd = new QUndoCommand(copies.size() == 1
                                     ? QCoreApplication::translate("Commands", "Paste 1 layer")
                                     : QCoreApplication::translate("Commands", "Paste %1 layers").arg(copies.size()));
    std::vector<int> ids;
    for (NodeSpec& n : copies) {
        std::vector<int> inputs;
        for (int in : n.inputs) {
            if (auto it = idMap.find(in); it != idMap.end())
                inputs.push_back(it->second);
            else if (node(in))
                inputs.push_back(in);
        }
        n.inputs = std::move(inputs);
        new AddNodeCommand(this, n, -1, cmd);
        ids.push_back(n.id);
    }
    undoStack_->push(cmd);
    return ids;
}

void ModelDocument::autoArrange() {
    std::map<int, QPointF> changed;
    for (auto& [id, pos] : autoLayout(file_.graph))
        if (const NodeSpec* n = node(id); n && QPointF(n->x, n->y) != pos) changed[id] = pos;
    if (changed.empty()) return;
    auto* cmd = new MoveNodesCommand(this, changed, false);
    cmd->setText(trc(QT_TRANSLATE_NOOP("Commands", "Auto-arrange")));
    undoStack_->push(cmd);
}

// ---- Primitives ----

NodeSpec* ModelDocument::mutableNode(int id) { return file_.graph.find(id); }

void ModelDocument::insertNode(const NodeSpec& node, int index) {
    auto& nodes = file_.graph.nodes();
    index = std::clamp(index, 0, static_cast<int>(nodes.size()));
    nodes.insert(nodes.begin() + index, node);
    emit nodeAdded(node.id);
    graphEdited();
}

NodeSpec ModelDocument::takeNode(int id, int* index) {
    auto& nodes = file_.graph.nodes();
    const int i = indexOf(id);
    if (index) *index = i;
    if (i < 0) return {};
    NodeSpec n = std::move(nodes[i]);
    nodes.erase(nodes.begin() + i);
    emit nodeRemoved(id);
    graphEdited();
    return n;
}

void ModelDocument::setNodeInputs(int id, std::vector<int> inputs) {
    if (NodeSpec* n = mutableNode(id)) {
        n->inputs = std::move(inputs);
        emit inputsChanged(id);
        graphEdited();
    }
}

void ModelDocument::setNodeOptions(int id, nlohmann::json options) {
    if (NodeSpec* n = mutableNode(id)) {
        n->options = std::move(options);
        emit nodeChanged(id);
        graphEdited();
    }
}

void ModelDocument::setNodeName(int id, std::string name) {
    if (NodeSpec* n = mutableNode(id)) {
        n->name = std::move(name);
        emit nodeChanged(id);
        graphEdited();
    }
}

void ModelDocument::setNodeTrainable(int id, bool trainable) {
    if (NodeSpec* n = mutableNode(id)) {
        n->trainable = trainable;
        emit nodeChanged(id);
        graphEdited();
    }
}

void ModelDocument::setNodePos(int id, QPointF pos) {
    if (NodeSpec* n = mutableNode(id)) {
        n->x = pos.x();
        n->y = pos.y();
        emit nodeMoved(id);
    }
}

void ModelDocument::recheck() {
    try {
        check_ = checkGraph(file_.graph, *registry_);
    } catch (const Error& e) {
        check_ = GraphCheck{};
        check_.problems = {e.message()};
    } catch (const std::exception& e) {
        check_ = GraphCheck{};
        check_.problems = {Message{{}, e.what(), {}}};
    }
    syncPreprocessingToInput();
    emit checked();
}

void ModelDocument::graphEdited() {
    recheck();
    emit graphChanged();
}

void ModelDocument::syncPreprocessingToInput() {
    // The Input layer's size and channels are the size the data is prepared at (the scaling and
    // inversion stay the user's); derived here so undo and redo keep the two in step.
    const NodeCheck* input = check_.inputId >= 0 ? check_.node(check_.inputId) : nullptr;
    if (!input || !input->ok || !input->shapeKnown || !input->output.isImage()) return;
    Preprocessing& pre = file_.preprocessing;
    pre.channels = input->output.channels();
    pre.height = input->output.height();
    pre.width = input->output.width();
}

// ---- Clipboard ----

QByteArray ModelDocument::nodesToClipboard(const std::vector<NodeSpec>& nodes) {
    nlohmann::json arr = nlohmann::json::array();
    for (const NodeSpec& n : nodes)
        arr.push_back({{"id", n.id},
                       {"kind", n.kind},
                       {"name", n.name},
                       {"options", n.options},
                       {"inputs", n.inputs},
                       {"x", n.x},
                       {"y", n.y}});
    const std::string s = nlohmann::json{{"convstudio_nodes", arr}}.dump(1);
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

std::optional<std::vector<NodeSpec>> ModelDocument::nodesFromClipboard(const QByteArray& bytes) {
    try {
        const auto j = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
        std::vector<NodeSpec> out;
        for (const auto& e : j.at("convstudio_nodes")) {
            NodeSpec n;
            n.id = wholeNumber<int>(e.at("id"));  // another program may have put 1e300 there
            n.kind = e.at("kind").get<std::string>();
            n.name = e.value("name", std::string());
            n.options = e.value("options", nlohmann::json::object());
            if (e.contains("inputs")) n.inputs = wholeNumbers<int>(e["inputs"]);
            n.x = e.value("x", 0.0);
            n.y = e.value("y", 0.0);
            out.push_back(std::move(n));
        }
        return out;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace cs::gui
