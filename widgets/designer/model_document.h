#pragma once
// The studio's document: the only owner of the project's state. It owns the ModelFile (graph,
// preprocessing, weights, dataset reference and exclusions, training settings, runs) and the
// undo stack. Widgets and controllers read the project through the typed accessors below (no
// one else parses the project's JSON) and change it through the edits below, each one undoable
// step whose redo() calls one of the primitives. Graph primitives emit a fine-grained signal
// that views mirror and re-check the graph with the engine (checkGraph) so shapes and errors
// are current; every change also emits one of the revision signals (graph, weights, dataset,
// settings) that features listen to instead of comparing snapshots.
#include <QObject>
#include <QPointF>
#include <QString>
#include <map>
#include <optional>
#include <vector>

#include "data/dataset_project.h"
#include "graph/graph_check.h"
#include "io/model_file.h"
#include "train/run_record.h"
#include "train/train_settings.h"

class QUndoStack;

namespace cs {
class LayerRegistry;
struct LayerInfo;
struct AugmentOptions;
}  // namespace cs

namespace cs::gui {

// What a finished run leaves in the project; applying a run swaps it as a whole (one undo step).
struct TrainedState {
    std::map<std::string, Tensor> weights;
    std::vector<std::string> classNames;
    nlohmann::json history = nlohmann::json::array();
    nlohmann::json checkpoint = nlohmann::json::object();
    nlohmann::json trainedMark;            // project["trained"]: which run, and when (null: never trained)
    std::map<int, RunWeights> runWeights;  // the latest runs' kept weights, by index into history
    nlohmann::json evaluation;             // the last evaluation (SavedEvaluation JSON), null: none
};

// What the studio fills in when an opened project leaves it unset. Part of opening the
// project (no undo step, not a modification), so every page and a saved file agree on it.
struct ProjectDefaults {
    std::string dataset;           // the project names no dataset: train on this one
    double validationSplit = 0.0;  // > 0: proposed for a project that never trained and holds none out
};

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

    // ---- Project state, typed ----
    // The dataset reference: source (the project's, else the default), exclusions, split.
    DatasetProject dataset() const;
    std::string datasetSource() const { return dataset().source; }
    std::vector<std::string> excludedImages() const { return dataset().excluded; }
    // The training settings; malformed settings give the defaults and `problem` says why.
    TrainSettings trainingSettings(std::string* problem = nullptr) const;
    std::string checkpointFolder() const;  // empty: next to the project
    bool hasWeights() const { return file_.hasWeights(); }
    const std::vector<std::string>& classNames() const { return file_.classNames; }
    const nlohmann::json& runs() const { return file_.history; }  // one record per run, oldest first
    std::size_t runCount() const { return file_.history.is_array() ? file_.history.size() : 0; }
    // The run whose weights the project holds (0-based index into runs()), -1 when none is
    // recorded; its record when it reads.
    int weightsRunIndex() const;
    std::optional<RunRecord> weightsRun() const;
    // Whether run `index` still keeps its weights (the latest kRunsWithWeights runs do), and
    // whether its last weights differ from its best.
    bool hasRunWeights(int index) const { return file_.runWeights.count(index) > 0; }
    bool hasDistinctLastWeights(int index) const;
    // The project holds the last (not the best) weights of its run in use (Use Last Weights).
    bool usesLastWeights() const;
    // The last evaluation (SavedEvaluation JSON; null: none), shown again when the project opens.
    const nlohmann::json& lastEvaluation() const { return file_.evaluation; }
    // An Evaluate's result replaces it. No undo step (it changes no model), but the project
    // counts as modified so that closing offers to save it.
    void setLastEvaluation(nlohmann::json evaluation);
    // What the reader left out when the project was opened (run weights that no longer fit).
    const std::vector<Message>& loadNotes() const { return file_.loadNotes; }
    std::string presetName() const;    // the preset a new project came from, else empty
    std::string importedFrom() const;  // the file an imported project came from, else empty

    // Replaces the whole document (New, Open, preset): clears the undo stack, marks it clean.
    // Nodes without designer positions (all at the same spot) are laid out top-down first;
    // the project defaults fill in what the file leaves unset.
    void reset(ModelFile file, const QString& filePath = {});
    // Replaces the document with a model imported from `path`. It is saved nowhere yet: it
    // counts as modified, so closing asks, as for any unsaved edit.
    void resetImported(ModelFile file, const std::string& path);
    // Also applied to the current document at once (a project opened before the studio set them).
    void setProjectDefaults(ProjectDefaults defaults);
    const ProjectDefaults& projectDefaults() const { return defaults_; }
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
    // Cuts the model after layer `id` and adds a new classifier for `classNames` (the engine's
    // replaceHead: the layers up to `id` frozen with their weights), as one undoable step.
    // Throws cs::Error (OptionError, ShapeError) when the graph cannot be cut there.
    void replaceHead(int id, const std::vector<std::string>& classNames);
    // Freezes (trainable false) or unfreezes the layers `ids` in one step; none changes: no step.
    void setTrainable(const std::vector<int>& ids, bool trainable);
    void moveNodes(const std::map<int, QPointF>& positions, bool mergeable = false);
    // Adds copies of `nodes` (fresh ids and names, inputs inside the set remapped, inputs to
    // nodes that still exist kept), shifted by `offset`. Returns the new ids.
    std::vector<int> pasteNodes(const std::vector<NodeSpec>& nodes, QPointF offset);
    void autoArrange();
    // The project's dataset; the exclusions (files of the previous dataset) go in the same step.
    void setDatasetSource(const std::string& source);
    void setExcludedImages(std::vector<std::string> relativePaths);
    // Exclusions follow images that moved between class folders on disk. The move is undone on
    // the Dataset page's own (file) undo stack, so this is no undo step of the document's.
    void followMovedImages(std::vector<std::string> relativePaths);
    // Training settings as a form edits them: consecutive edits of one field merge into one step.
    void setTrainingSettings(const TrainSettings& settings);
    void setCheckpointFolder(const std::string& folder);
    // How Start begins when the project has weights; recorded even when it equals the default
    // (the choice was made: the studio does not ask again).
    void setContinueFromWeights(bool on);
    bool hasStartChoice() const;
    void setValidationSplit(double fraction, uint64_t seed);
    void setAugmentation(const AugmentOptions& options);
    // A finished run's weights, class names and run record (`trained` as the worker returns it:
    // its last history entry is this run's), as one undoable step; the history survives it.
    void applyTrained(const ModelFile& trained);
    // A finished run whose weights the project does not take (it measured worse than the
    // project's, or was stopped): its record joins the history, the weights stay. One step.
    void recordRun(const ModelFile& trained);
    // The weights of run `index` (0-based into runs(); `trained` holds them) replace the
    // project's, as one undoable step; the history stays.
    void useRunWeights(const ModelFile& trained, int index);
    // The kept weights of run `index` (its best, or its last) replace the project's, as one
    // undoable step. Nothing happens when the run keeps no weights.
    void useRunWeights(int index, bool last);

    // ---- Primitives: called by undo commands only ----
    void insertNode(const NodeSpec& node, int index);
    NodeSpec takeNode(int id, int* index = nullptr);
    void setNodeInputs(int id, std::vector<int> inputs);
    void setNodeOptions(int id, nlohmann::json options);
    void setNodeName(int id, std::string name);
    void setNodeTrainable(int id, bool trainable);
    void setNodePos(int id, QPointF pos);
    // Each emits the revision signals of the parts it changed.
    void setProject(nlohmann::json project);
    void setTraining(nlohmann::json training);
    TrainedState exchangeTrainedState(TrainedState state);  // returns the state it replaced

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
    void checked();              // check() is up to date with the graph
    // Revisions, after the change. documentReset stands for all of them.
    void graphChanged();     // layers, their names, options or edges (not positions); preprocessing follows
    void weightsChanged();   // trained weights, the class names they go with, the run history
    void datasetChanged();   // the dataset source or the excluded images
    void settingsChanged();  // training settings (split and augmentation included) or checkpoint folder
    void documentReset();
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);

private:
    void recheck();
    void graphEdited();  // recheck, then graphChanged
    void applyDefaults();
    void pushTrainingEdit(nlohmann::json training, const QString& text);
    void syncPreprocessingToInput();
    NodeSpec* mutableNode(int id);
    std::vector<int> descendantsOf(int id) const;

    const LayerRegistry* registry_;
    ModelFile file_;
    GraphCheck check_;
    QString filePath_;
    QUndoStack* undoStack_;
    ProjectDefaults defaults_;
};

}  // namespace cs::gui
