#include "train/held_out_evaluation.h"

#include "core/errors.h"

namespace cs {

HeldOutEvaluation evaluateHeldOut(const Model& model, const Preprocessing& pre,
                                  const std::shared_ptr<const DataSplits>& data, const TrainSettings& settings,
                                  bool keepPredictions, std::function<bool()> cancelled) {
    HeldOutEvaluation e;
    if (data->test.size() > 0) {
        e.set = EvalSet::Test;
        e.data = std::shared_ptr<const Dataset>(data, &data->test);
    } else if (data->validation.size() > 0) {
        e.set = EvalSet::Validation;
        e.data = std::shared_ptr<const Dataset>(data, &data->validation);
    } else {
        e.set = EvalSet::Training;
        e.data = std::shared_ptr<const Dataset>(data, &data->train);
    }
    if (e.data->size() == 0) throw TrainingError(msg("eval.no_images", "the dataset has no images to evaluate on"));
    EvalOptions o;
    o.keepPredictions = keepPredictions;
    o.loss = settings.loss;
    o.topK = settings.topK;
    o.cancelled = std::move(cancelled);
    e.result = evaluate(model, *e.data, pre, o, nullptr, settings.threads);
    return e;
}

}  // namespace cs
