#pragma once
// Out-of-sample class probabilities for every image: stratified k-fold cross-validation of a
// multinomial logistic (softmax) regression on feature rows. Each image's probabilities come
// from the model fitted on the other folds, so its own label never influenced them.
#include <cstdint>
#include <vector>

namespace cs {

class DoctorStage;
class WorkerPool;

struct SoftmaxRegressionOptions {
    int epochs = 12;
    int minSteps = 2000;  // more epochs on small data: at least this many batches in all
    int batch = 128;
    float learningRate = 0.01f;  // Adam, decayed linearly to a tenth over the epochs
    float l2 = 1e-4f;
};

// `rows`: labels.size() rows of `dim` values, standardized per dimension by the caller.
// Returns labels.size() x classes probabilities. Folds run on the pool's workers.
std::vector<float> crossValidatedProbabilities(const std::vector<float>& rows, int dim,
                                               const std::vector<int32_t>& labels, int classes, int folds,
                                               uint64_t seed, WorkerPool& pool, const DoctorStage& stage,
                                               const SoftmaxRegressionOptions& options = {});

// Standardizes each of the `dim` columns of `rows` in place (mean 0, variance 1; constant
// columns become 0).
void standardizeColumns(std::vector<float>& rows, int dim);

}  // namespace cs
