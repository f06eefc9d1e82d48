#pragma once
// The model file (.csmodel): one self-describing, versioned document holding the graph,
// preprocessing, class names, weights, training settings and history. A studio project is
// the same file (it also names its dataset in `project`).
//
// Layout: "CSMODEL\0" magic, uint32 format version, uint64 JSON length, the JSON document,
// then the raw little-endian float32 tensor data the JSON's "tensors" table points into, then
// a CRC-32 (zlib) of everything before it. Written atomically (temporary file, then rename).
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/message.h"
#include "core/tensor.h"
#include "data/preprocessing.h"
#include "graph/graph_spec.h"

namespace cs {

class Model;

inline constexpr uint32_t kModelFormatVersion = 1;

// How many of the latest runs keep their weights in the project; older runs keep their record
// and curves only (a seed-cnn run's weights are ~0.5 MB per kept set).
inline constexpr int kRunsWithWeights = 3;

// A run's weights beside its record in `history`: its best epoch's (by validation accuracy, see
// RunRecord::bestEpoch; its last when nothing was measured) and, when they differ, its last.
// Saved as named tensor groups after the project's weights; a reader of format 1 without
// groups ignores them (the file stays valid for it).
struct RunWeights {
    std::map<std::string, Tensor> best;
    std::map<std::string, Tensor> last;  // empty: the last weights are the best

    const std::map<std::string, Tensor>& lastOrBest() const { return last.empty() ? best : last; }
};

struct ModelFile {
    GraphSpec graph;
    Preprocessing preprocessing;
    std::vector<std::string> classNames;
    nlohmann::json training = nlohmann::json::object();  // settings: optimizer, batch, epochs, ...
    nlohmann::json history = nlohmann::json::array();    // one entry per run: settings + epochs
    nlohmann::json project = nlohmann::json::object();   // studio: dataset path, split, notes
    // "layer_name/param_name" -> tensor, trainable parameters and state alike. Empty when the
    // model was never trained (a fresh model is then initialised from the seed).
    std::map<std::string, Tensor> weights;
    nlohmann::json checkpoint = nlohmann::json::object();  // trainer position (resumable runs)
    uint64_t seed = 42;
    // The last evaluation (SavedEvaluation JSON: figures and the most confident mistakes); null: none.
    nlohmann::json evaluation;
    // Kept weights of the latest runs, by 0-based index into `history` (kRunsWithWeights at most).
    std::map<int, RunWeights> runWeights;
    // What the reader left out and why (run weights that no longer fit the graph); for the user.
    std::vector<Message> loadNotes;

    bool hasWeights() const { return !weights.empty(); }
};

// Copies a compiled model's parameters and state into file.weights (replacing them).
void storeWeights(const Model& model, ModelFile& file);
// Copies file.weights into the model; throws FileError naming any missing or mis-shaped tensor.
void applyWeights(const ModelFile& file, Model& model);

// Drops the run weights of all but the latest kRunsWithWeights runs (and of runs the history
// does not hold). Called when a run is added and before a file is written.
void keepRecentRunWeights(ModelFile& file);

// Throws FileError with the path and what is wrong.
void saveModelFile(const std::string& path, const ModelFile& file);
ModelFile loadModelFile(const std::string& path);
// The file's description without its tensors (weights stay empty): graph, settings, history,
// project and checkpoint position, read from the start of the file only (no checksum check).
// Throws FileError like loadModelFile.
ModelFile loadModelFileDescription(const std::string& path);

// The same document in memory (used by save/load, checkpoints and the studio's clipboard).
std::string serializeModelFile(const ModelFile& file);
ModelFile parseModelFile(const std::string& bytes, const std::string& what = "model file");
// A JSON description (a model file's, or a whole project written as JSON like the presets):
// nesting depth limited before parsing, a syntax error reported by line. Throws FileError.
nlohmann::json parseDescription(const char* begin, const char* end, const std::string& what);

}  // namespace cs
