#pragma once
// The evaluation after a run and behind the studio's Evaluate: on the test set, else the
// validation set, else (a dataset with nothing held out) the training set itself, named so the
// user knows the figures are optimistic.
#include <functional>
#include <memory>

#include "data/dataset.h"
#include "data/preprocessing.h"
#include "train/evaluator.h"
#include "train/run_record.h"
#include "train/train_settings.h"

namespace cs {

class Model;

struct HeldOutEvaluation {
    EvalSet set = EvalSet::Test;
    std::shared_ptr<const Dataset> data;  // the set it ran on (shares ownership of the splits)
    EvalResult result;

    RunEvaluation summary() const { return {set, result.accuracy, result.loss, result.samples}; }
};

// The loss and top-k are the settings'; `threads` is settings.threads. Throws TrainingError
// when every set is empty.
HeldOutEvaluation evaluateHeldOut(const Model& model, const Preprocessing& pre,
                                  const std::shared_ptr<const DataSplits>& data, const TrainSettings& settings,
                                  bool keepPredictions, std::function<bool()> cancelled = {});

}  // namespace cs
