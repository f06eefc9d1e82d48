#include "doctor/model_features.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "core/rng.h"
#include "doctor/doctor_stage.h"
#include "doctor/pca.h"
#include "graph/model.h"
#include "train/feature_cache.h"

namespace cs {

namespace {

constexpr int64_t kChunk = 2048;  // images per FeatureCache call: a progress report and cancel check each
constexpr int64_t kPcaSample = 4096;

// The features at `node` of rows [begin, end) (both in one split).
const Tensor& chunkFeatures(const Model& model, int node, const DoctorData& data, const Preprocessing& pre,
                            int64_t begin, int64_t end, WorkerPool& pool, FeatureCache& cache) {
    const bool test = data.isTest(begin);
    const int64_t offset = test ? data.trainSize() : 0;
    std::vector<uint32_t> indices(std::size_t(end - begin));
    std::iota(indices.begin(), indices.end(), uint32_t(begin - offset));
    const Dataset part = (test ? data.test : data.train).subset(indices);
    return cache.features(model, node, part, pre, &pool);
}

}  // namespace

int penultimateNode(const Model& model) {
    const auto& nodes = model.nodes();
    int i = int(nodes.size()) - 1;
    while (i > 0 && nodes[std::size_t(i)].layer->params().empty() && nodes[std::size_t(i)].inputs.size() == 1)
        i = nodes[std::size_t(i)].inputs.front();
    if (i <= 0 || nodes[std::size_t(i)].inputs.empty()) return -1;
    const int input = nodes[std::size_t(i)].inputs.front();
    return input > 0 ? input : -1;
}

ModelFeatures computeModelFeatures(const Model& model, int node, const DoctorData& data, const Preprocessing& pre,
                                   WorkerPool& pool, const DoctorStage& stage, uint64_t seed) {
    ModelFeatures f;
    f.layer = model.nodes()[std::size_t(node)].layer->name();
    f.layerDim = int(model.nodes()[std::size_t(node)].outputShape.size());
    f.dim = f.layerDim;
    const int64_t n = data.size();
    FeatureCache cache;
    // Chunk boundaries never straddle the train/test border.
    std::vector<std::pair<int64_t, int64_t>> chunks;
    for (int64_t begin = 0; begin < n;) {
        const int64_t limit = begin < data.trainSize() ? data.trainSize() : n;
        const int64_t end = std::min(limit, begin + kChunk);
        chunks.emplace_back(begin, end);
        begin = end;
    }
    std::optional<PcaBasis> reduce;
    if (f.layerDim > kMaxFeatureDim) {
        // Fit the reduction on a random sample's features first.
        std::vector<uint32_t> rows(static_cast<std::size_t>(n));
        std::iota(rows.begin(), rows.end(), 0u);
        Rng rng(seed);
        for (std::size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[rng.below(i)]);
        rows.resize(std::size_t(std::min<int64_t>(n, kPcaSample)));
        std::sort(rows.begin(), rows.end());
        std::vector<uint32_t> fromTrain, fromTest;
        for (uint32_t r : rows)
            if (data.isTest(r))
                fromTest.push_back(uint32_t(r - data.trainSize()));
            else
                fromTrain.push_back(r);
        std::vector<float> sample;
        sample.reserve(rows.size() * std::size_t(f.layerDim));
        for (const auto& [set, indices] : {std::pair(&data.train, &fromTrain), std::pair(&data.test, &fromTest)}) {
            if (indices->empty()) continue;
            const Tensor& t = cache.features(model, node, set->subset(*indices), pre, &pool);
            sample.insert(sample.end(), t.data(), t.data() + t.size());
            stage.check();
        }
        reduce = PcaBasis::fit(sample.data(), int64_t(rows.size()), f.layerDim, kMaxFeatureDim / 2);
        f.dim = reduce->outputDim();
    }
    f.rows.resize(std::size_t(n) * std::size_t(f.dim));
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        const auto [begin, end] = chunks[c];
        const Tensor& t = chunkFeatures(model, node, data, pre, begin, end, pool, cache);
        if (reduce)
            reduce->project(t.data(), end - begin, &f.rows[std::size_t(begin * f.dim)]);
        else
            std::copy(t.data(), t.data() + t.size(), &f.rows[std::size_t(begin * f.dim)]);
        stage.report(double(c + 1) / double(chunks.size()));
    }
    return f;
}

}  // namespace cs
