#pragma once
// The last evaluation as the project keeps it, so the Evaluation page shows it again after the
// project is reopened: the whole set's figures (confusion matrix, per-class precision, recall,
// F1, support) and its most confident mistakes with their images, sources and probabilities
// (kMaxSavedMistakes at most, so the file stays small). Made by the training session after a
// run (whichever front end ran it) and by the studio's Evaluate.
#include <string>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "train/evaluator.h"
#include "train/held_out_evaluation.h"
#include "train/run_record.h"

namespace cs {

inline constexpr int kMaxSavedMistakes = 100;

struct SavedEvaluation {
    EvalSet set = EvalSet::Test;
    // The whole set's figures; predicted, confidence and probabilities for `mistakes` only.
    EvalResult result;
    // The kept mistakes, most confident first, with their images, true labels and sources.
    Dataset mistakes;
    int totalMistakes = 0;
    // The project's weights changed after this evaluation (Use Best / Last Weights): its figures
    // describe the weights used before, until the next Evaluate.
    bool outdated = false;

    nlohmann::json toJson() const;
    // Throws FileError naming what is malformed; counts, sizes and labels are checked before
    // anything is allocated from them.
    static SavedEvaluation fromJson(const nlohmann::json& j);
};

// What the project keeps of an evaluation; without kept predictions, the figures only.
SavedEvaluation savedEvaluation(const HeldOutEvaluation& evaluation);

}  // namespace cs
