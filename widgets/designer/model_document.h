#pragma once
// The designer's document: the single truth about the model being edited. It owns the
// ModelFile (graph, preprocessing, training settings, project metadata) and the undo stack.
// Every user edit goes through an undo command whose redo() calls one of the primitives
// below; each primitive changes the graph, emits a fine-grained signal that views mirror,
// and re-checks the graph with the engine (checkGraph) so shapes and errors are current.
#include <QObject>
#include <QPointF>
#include <QString>
#include <map>
#include <optional>
#include <vector>

#include "graph/graph_check.h"
#include "io/model_file.h"

class QUndoStack;

namespace cs {
class LayerRegistry;
struct LayerInfo;
}  // namespace cs

namespace cs::gui {

class ModelDocument : public QObject {
    Q_OBJECT
public:
    explicit ModelDocument(QObject* parent = nullptr);  // the engine's built-in registry
    ModelDocument(const LayerRegistry& registry, QObject* parent = nullptr);
    ~ModelDocument() override;

    const LayerRegistry& registry() const { return *registry_; }
    const LayerInfo* layerInfo(const std::string& kind) const;  // nullptr for unknown kinds
    const ModelFile& file() const { return file_; }
    const GraphSpec& graph() const { return file_.graph; }
    const NodeSpec* node(int id) const { return file_.graph.find(id); }
    const GraphCheck& check() const { return check_; }
    const NodeCheck* nodeCheck(int id) const { return check_.node(id); }
    QUndoStack* undoStack() const { return undoStack_; }

    // Replaces the whole document (New, Open, preset): clears the undo stack, marks it clean.
    // Nodes without designer positions (all at the same spot) are laid out top-down first.
    void reset(ModelFile file, const QString& filePath = {});
    QString filePath() const { return filePath_; }
    void setFilePath(const QString& path);
    bool isModified() const;
    void setClean();

    // The ids of the nodes that take `id` as an input, in graph order.
    std::vector<int> consumersOf(int id) const;
    int indexOf(int id) const;  // position in graph().nodes(), -1 if absent

    // ---- Edits: each pushes one undoable step and returns what it created ----
    int addLayer(const QString& kind, QPointF pos, std::vector<int> inputs = {});
    // Inserts a new layer right after `afterId`: it takes afterId's output and feeds all of
    // afterId's consumers; nodes below move down to make room. afterId < 0: after the output.
    int appendLayer(const QString& kind, int afterId);
    // Splits the edge from -> to (input slot `slot` of `to`) with a new layer at `pos`.
    int insertLayerOnEdge(const QString& kind, int from, int to, int slot, QPointF pos);
    // Removes nodes and edges ((to, slot) pairs) in one step. A removed node with a single
    // input is bridged: its consumers are fed by that input instead (the chain heals).
    void removeItems(const std::vector<int>& nodeIds, const std::vector<std::pair<int, int>>& edges = {});
    // Adds the edge from -> to. A single-input layer has its input replaced. Rejects self
    // loops, duplicates and layers that take no input; cycles are allowed and reported by the
    // check, like every other structural problem.
    bool connectNodes(int from, int to);
    void disconnectInput(int to, int slot);
    void setOption(int id, const std::string& name, const nlohmann::json& value);
    void resetOption(int id, const std::string& name);  // back to the schema's default
    bool renameNode(int id, const QString& name);       // false if the name is taken or empty
    void moveNodes(const std::map<int, QPointF>& positions, bool mergeable = false);
    // Adds copies of `nodes` (fresh ids and names, inputs inside the set remapped, inputs to
    // nodes that still exist kept), shifted by `offset`. Returns the new ids.
    std::vector<int> pasteNodes(const std::vector<NodeSpec>& nodes, QPointF offset);
    void autoArrange();
    void setProjectValue(const std::string& key, const nlohmann::json& value);
    void setTrainingValue(const std::string& key, const nlohmann::json& value);

    // ---- Primitives: called by undo commands only ----
    void insertNode(const NodeSpec& node, int index);
    NodeSpec takeNode(int id, int* index = nullptr);
    void setNodeInputs(int id, std::vector<int> inputs);
    void setNodeOptions(int id, nlohmann::json options);
    void setNodeName(int id, std::string name);
    void setNodePos(int id, QPointF pos);
    void setProject(nlohmann::json project);
    void setTraining(nlohmann::json training);

    // Clipboard form of a set of nodes, and back. Returns nullopt on malformed data.
    static QByteArray nodesToClipboard(const std::vector<NodeSpec>& nodes);
    static std::optional<std::vector<NodeSpec>> nodesFromClipboard(const QByteArray& bytes);
    static constexpr const char* kNodesMimeType = "application/x-convstudio-nodes";
    static constexpr const char* kLayerMimeType = "application/x-convstudio-layer";

signals:
    void nodeAdded(int id);
    void nodeRemoved(int id);
    void nodeChanged(int id);  // name or options
    void nodeMoved(int id);
    void inputsChanged(int id);  // the node's incoming edges
    void projectChanged();       // project metadata or training settings
    void checked();              // check() is up to date with the graph
    void documentReset();
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);

private:
    void recheck();
    void syncPreprocessingToInput();
    NodeSpec* mutableNode(int id);
    std::vector<int> descendantsOf(int id) const;

    const LayerRegistry* registry_;
    ModelFile file_;
    GraphCheck check_;
    QString filePath_;
    QUndoStack* undoStack_;
};

}  // namespace cs::gui
