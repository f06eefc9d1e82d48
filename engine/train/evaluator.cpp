#include "train/evaluator.h"

#include <algorithm>
#include <memory>
#include <numeric>

#include "core/errors.h"
#include "core/worker_pool.h"
#include "data/batcher.h"
#include "graph/model.h"

namespace cs {

nlohmann::json EvalResult::toJson(const std::vector<std::string>& classNames) const {
    nlohmann::json perClass = nlohmann::json::array();
    for (int c = 0; c < classes; ++c) {
        perClass.push_back({{"class", c},
                            {"name", c < static_cast<int>(classNames.size()) ? classNames[c] : std::to_string(c)},
                            {"precision", precision[c]},
                            {"recall", recall[c]},
                            {"accuracy", recall[c]},
                            {"f1", f1[c]},
                            {"support", support[c]}});
    }
    return {{"samples", samples},     {"loss", loss},          {"accuracy", accuracy},
            {"top_k_accuracy", topK}, {"per_class", perClass}, {"confusion_matrix", confusion}};
}

EvalResult evaluate(const Model& model, const Dataset& data, const Preprocessing& pre, const EvalOptions& options,
                    WorkerPool* pool, int threads) {
    std::unique_ptr<WorkerPool> own;
    if (!pool) {
        own = std::make_unique<WorkerPool>(WorkerPool::resolveThreads(threads));
        pool = own.get();
    }
    const int classes = static_cast<int>(model.outputShape().size());
    if (data.classCount() > classes)
        throw Error(msg("eval.class_count_mismatch",
                        "the dataset has {classes} classes but the model's output has {outputs}",
                        {{"classes", std::to_string(data.classCount())}, {"outputs", std::to_string(classes)}}));
    const bool probabilities = model.outputActivation() == Activation::Softmax;
    EvalResult r;
    r.classes = classes;
    r.confusion.assign(classes, std::vector<int>(classes, 0));
    if (options.keepPredictions) {
        r.predicted.assign(data.size(), -1);
        r.confidence.assign(data.size(), 0.f);
        r.probabilities.assign(data.size() * classes, 0.f);
    }
    const int workers = pool->size();
    std::vector<std::unique_ptr<Executor>> executors;
    for (int w = 0; w < workers; ++w) executors.push_back(model.makeExecutor());
    std::vector<Tensor> images(workers);
    std::vector<const Tensor*> outputPtrs(workers, nullptr);
    std::vector<std::vector<int32_t>> labels(workers);
    std::vector<LossResult> partial(workers);
    std::vector<uint32_t> indices(data.size());
    std::iota(indices.begin(), indices.end(), 0u);
    const int64_t n = static_cast<int64_t>(data.size());
    const int64_t chunk = std::max(1, options.batchSize);
    double lossSum = 0;
    int64_t correct = 0, correctK = 0, seen = 0;
    for (int64_t first = 0; first < n; first += chunk * workers) {
        if (options.cancelled && options.cancelled()) break;
        pool->run([&](int w) {
            const int64_t begin = first + w * chunk;
            const int64_t end = std::min(n, begin + chunk);
            partial[w] = LossResult{};
            if (begin >= end) return;
            std::span<const uint32_t> idx(indices.data() + begin, static_cast<std::size_t>(end - begin));
            assembleBatch(data, idx, pre, nullptr, 0, images[w], labels[w]);
            const Tensor& out = model.predict(*executors[w], images[w]);
            outputPtrs[w] = &out;
            partial[w] = softmaxCrossEntropy(out, probabilities, labels[w], options.loss, 0.f, nullptr, options.topK);
            // Each worker writes only its own rows and confusion counts are merged below.
            if (options.keepPredictions) {
                for (int64_t i = begin; i < end; ++i)
                    model.toProbabilities(out.sample(static_cast<int>(i - begin)),
                                          r.probabilities.data() + i * classes);
            }
        });
        for (int w = 0; w < workers; ++w) {
            const int64_t begin = first + w * chunk;
            const int64_t end = std::min(n, begin + chunk);
            if (begin >= end) continue;
            lossSum += partial[w].lossSum;
            correct += partial[w].correct;
            correctK += partial[w].correctTopK;
            const Tensor& out = *outputPtrs[w];
            for (int64_t i = begin; i < end; ++i) {
                const float* o = out.sample(static_cast<int>(i - begin));
                const int pred = static_cast<int>(std::max_element(o, o + classes) - o);
                r.confusion[data.labels[i]][pred]++;
                if (options.keepPredictions) {
                    r.predicted[i] = pred;
                    r.confidence[i] = r.probabilities[i * classes + pred];
                }
            }
            seen += end - begin;
        }
    }
    r.samples = static_cast<int>(seen);
    if (seen > 0) {
        r.loss = lossSum / seen;
        r.accuracy = static_cast<double>(correct) / seen;
        r.topK = static_cast<double>(correctK) / seen;
    }
    r.precision.assign(classes, 0);
    r.recall.assign(classes, 0);
    r.f1.assign(classes, 0);
    r.support.assign(classes, 0);
    for (int c = 0; c < classes; ++c) {
        int tp = r.confusion[c][c], predictedC = 0, actualC = 0;
        for (int k = 0; k < classes; ++k) {
            predictedC += r.confusion[k][c];
            actualC += r.confusion[c][k];
        }
        r.support[c] = actualC;
        r.precision[c] = predictedC ? static_cast<double>(tp) / predictedC : 0.0;
        r.recall[c] = actualC ? static_cast<double>(tp) / actualC : 0.0;
        const double pr = r.precision[c] + r.recall[c];
        r.f1[c] = pr > 0 ? 2 * r.precision[c] * r.recall[c] / pr : 0.0;
    }
    return r;
}

}  // namespace cs
