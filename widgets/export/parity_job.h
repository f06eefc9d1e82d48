#pragma once
// The export dialog's parity check as one plain function, run on a worker thread: picks the
// images (the project's dataset — its test split when it has one — or the built-in set), gives
// an untrained model its initial weights, and compares the engine with OpenCV's DNN on the
// ONNX export (cs::checkParity). No Qt: it only reads its arguments and returns a value.
#include <atomic>
#include <memory>
#include <string>

#include "io/model_file.h"
#include "io/parity.h"

namespace cs::gui {

struct ParityJob {
    ModelFile file;
    std::string dataSource;  // the project's dataset (loadDataSource); empty or "builtin": built-in set
    ParityOptions options;
    std::shared_ptr<const std::atomic<bool>> cancel;  // set when the dialog goes away
};

struct ParityOutcome {
    ParityReport report;
    bool ok = false;         // every top-1 agrees and max |Δp| <= tolerance
    bool ran = false;        // false: `error` says why
    bool untrained = false;  // compared the model's initial (random) weights
    enum class Images { ProjectTest, ProjectTraining, Builtin };
    Images images = Images::Builtin;
    // Why the built-in set stood in for the project's dataset: the loader's message, or the
    // dataset's image size ("28x28x1") when it is not the model's.
    std::string loadError;
    std::string datasetSize;
    std::string error;
};

inline constexpr double kParityTolerance = 1e-4;  // as convstudio-cli parity

ParityOutcome runParityJob(const ParityJob& job);

}  // namespace cs::gui
