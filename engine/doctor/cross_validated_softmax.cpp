#include "doctor/cross_validated_softmax.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "core/rng.h"
#include "core/worker_pool.h"
#include "doctor/doctor_stage.h"

namespace cs {

namespace {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowsMap = Eigen::Map<const Matrix>;

// Row-wise softmax in place.
void softmaxRows(Matrix& logits) {
    for (Eigen::Index i = 0; i < logits.rows(); ++i) {
        auto row = logits.row(i);
        row.array() -= row.maxCoeff();
        row = row.array().exp().matrix();
        row /= row.sum();
    }
}

// Fits weights (dim + 1 bias row) x classes on `train` rows with mini-batch Adam.
Matrix fitSoftmax(const RowsMap& x, const std::vector<int32_t>& labels, const std::vector<int64_t>& train, int classes,
                  uint64_t seed, const SoftmaxRegressionOptions& o, const DoctorStage& stage,
                  const std::function<void(double)>& epochDone) {
    const Eigen::Index dim = x.cols();
    Matrix w = Matrix::Zero(dim + 1, classes), m = w, v = w, grad(dim + 1, classes);
    std::vector<int64_t> order = train;
    Rng rng(seed);
    Matrix batchX(o.batch, dim), probs(o.batch, classes);
    const float beta1 = 0.9f, beta2 = 0.999f;
    int64_t step = 0;
    const int64_t perEpoch = std::max<int64_t>(1, (int64_t(order.size()) + o.batch - 1) / o.batch);
    const int epochs = int(std::max<int64_t>(o.epochs, (o.minSteps + perEpoch - 1) / perEpoch));
    for (int epoch = 0; epoch < epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
        const float lr = o.learningRate * (1.f - 0.9f * float(epoch) / float(std::max(1, epochs - 1)));
        for (std::size_t first = 0; first < order.size(); first += std::size_t(o.batch)) {
            if ((step & 63) == 0) stage.check();
            const Eigen::Index b = Eigen::Index(std::min<std::size_t>(std::size_t(o.batch), order.size() - first));
            for (Eigen::Index k = 0; k < b; ++k) batchX.row(k) = x.row(order[first + std::size_t(k)]);
            probs.topRows(b).noalias() = batchX.topRows(b) * w.topRows(dim);
            probs.topRows(b).rowwise() += w.row(dim);
            Matrix p = probs.topRows(b);
            softmaxRows(p);
            for (Eigen::Index k = 0; k < b; ++k) p(k, labels[std::size_t(order[first + std::size_t(k)])]) -= 1.f;
            p /= float(b);
            grad.topRows(dim).noalias() = batchX.topRows(b).transpose() * p;
            grad.topRows(dim) += o.l2 * w.topRows(dim);
            grad.row(dim) = p.colwise().sum();
            ++step;
            m = beta1 * m + (1 - beta1) * grad;
            v = beta2 * v + (1 - beta2) * grad.cwiseProduct(grad);
            const float c1 = 1.f - std::pow(beta1, float(step)), c2 = 1.f - std::pow(beta2, float(step));
            w.array() -= lr * (m.array() / c1) / ((v.array() / c2).sqrt() + 1e-7f);
        }
        if (epochDone) epochDone(double(epoch + 1) / epochs);
    }
    return w;
}

}  // namespace

void standardizeColumns(std::vector<float>& rows, int dim) {
    if (dim <= 0) return;
    const std::size_t n = rows.size() / std::size_t(dim);
    for (int d = 0; d < dim; ++d) {
        double sum = 0, squares = 0;
        for (std::size_t r = 0; r < n; ++r) {
            const double x = rows[r * std::size_t(dim) + std::size_t(d)];
            sum += x;
            squares += x * x;
        }
        const double mean = n ? sum / double(n) : 0.0;
        const double var = n ? squares / double(n) - mean * mean : 0.0;
        const float scale = var > 1e-12 ? float(1.0 / std::sqrt(var)) : 0.f;
        for (std::size_t r = 0; r < n; ++r) {
            float& x = rows[r * std::size_t(dim) + std::size_t(d)];
            x = float(x - mean) * scale;
        }
    }
}

std::vector<float> crossValidatedProbabilities(const std::vector<float>& rows, int dim,
                                               const std::vector<int32_t>& labels, int classes, int folds,
                                               uint64_t seed, WorkerPool& pool, const DoctorStage& stage,
                                               const SoftmaxRegressionOptions& options) {
    const int64_t n = int64_t(labels.size());
    const RowsMap x(rows.data(), n, dim);
    // Stratified folds: each class's rows, shuffled, dealt round-robin (continuing across classes).
    std::vector<int> foldOf(static_cast<std::size_t>(n));
    {
        std::vector<std::vector<int64_t>> byClass(static_cast<std::size_t>(classes));
        for (int64_t r = 0; r < n; ++r) byClass[std::size_t(labels[std::size_t(r)])].push_back(r);
        Rng rng(seed);
        int next = 0;
        for (auto& members : byClass) {
            for (std::size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[rng.below(i)]);
            for (int64_t r : members) foldOf[std::size_t(r)] = next++ % folds;
        }
    }
    std::vector<float> probabilities(std::size_t(n) * std::size_t(classes));
    const int workers = pool.size();
    pool.run([&](int worker) {
        for (int f = worker; f < folds; f += workers) {
            std::vector<int64_t> train, held;
            for (int64_t r = 0; r < n; ++r) (foldOf[std::size_t(r)] == f ? held : train).push_back(r);
            // Worker 0's folds report progress: fold k of its share, epoch by epoch.
            const int mine = (folds - worker + workers - 1) / workers, done = f / workers;
            auto epochDone = [&](double fraction) {
                if (worker == 0) stage.report((done + fraction) / std::max(1, mine));
            };
            const Matrix w = fitSoftmax(x, labels, train, classes, seed + uint64_t(f) + 1, options, stage, epochDone);
            Matrix heldX(Eigen::Index(held.size()), dim);
            for (std::size_t k = 0; k < held.size(); ++k) heldX.row(Eigen::Index(k)) = x.row(held[k]);
            Matrix p = heldX * w.topRows(dim);
            p.rowwise() += w.row(dim);
            softmaxRows(p);
            for (std::size_t k = 0; k < held.size(); ++k)
                for (int c = 0; c < classes; ++c)
                    probabilities[std::size_t(held[k]) * std::size_t(classes) + std::size_t(c)] = p(Eigen::Index(k), c);
        }
    });
    return probabilities;
}

}  // namespace cs
