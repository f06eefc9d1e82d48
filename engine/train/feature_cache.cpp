#include "train/feature_cache.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <vector>

#include "core/worker_pool.h"
#include "data/batcher.h"
#include "graph/model.h"

namespace cs {

namespace {

// FNV-1a over 64-bit words where possible: the images of a few thousand samples hash in
// milliseconds, far less than one forward pass over them.
class Hash {
public:
    void bytes(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            std::memcpy(&w, p + i, 8);
            word(w);
        }
        for (; i < n; ++i) word(p[i]);
    }
    void text(const std::string& s) {
        word(s.size());
        bytes(s.data(), s.size());
    }
    void word(uint64_t w) { h_ = (h_ ^ w) * 0x100000001B3ull; }
    uint64_t value() const { return h_; }

private:
    uint64_t h_ = 0xCBF29CE484222325ull;
};

// Runs the same in training as in inference and keeps its weights: cacheable below the head.
bool fixedInTraining(const Model::Node& node) {
    if (node.inferenceMode) return true;
    const Layer& l = *node.layer;
    return l.params().empty() && l.state().empty() && !l.randomInTraining();
}

}  // namespace

std::optional<int> FeatureCache::findCut(const Model& model) {
    const auto& nodes = model.nodes();
    const int last = static_cast<int>(nodes.size()) - 1;
    // earliestInputAfter[c]: the smallest input index read by any node after c.
    std::vector<int> earliestInputAfter(nodes.size() + 1, last + 1);
    for (int i = last; i >= 1; --i) {
        int m = earliestInputAfter[static_cast<std::size_t>(i) + 1];
        for (int in : nodes[static_cast<std::size_t>(i)].inputs) m = std::min(m, in);
        earliestInputAfter[static_cast<std::size_t>(i)] = m;
    }
    std::optional<int> cut;
    for (int c = 1; c < last; ++c) {
        if (!fixedInTraining(nodes[static_cast<std::size_t>(c)])) break;
        if (earliestInputAfter[static_cast<std::size_t>(c) + 1] >= c) cut = c;
    }
    return cut;
}

uint64_t FeatureCache::keyOf(const Model& model, int cut, const Dataset& data, const Preprocessing& pre) {
    Hash h;
    for (int i = 0; i <= cut; ++i) {
        const Model::Node& node = model.nodes()[static_cast<std::size_t>(i)];
        h.text(std::string(node.layer->kind()));
        h.text(node.layer->options().dump());
        for (int in : node.inputs) h.word(static_cast<uint64_t>(in));
        for (const auto* list : {&node.layer->params(), &node.layer->state()})
            for (const Param& p : *list) h.bytes(p.value.data(), static_cast<std::size_t>(p.value.size()) * 4);
    }
    h.text(pre.toJson().dump());
    h.word(data.size());
    h.word(static_cast<uint64_t>(data.height) << 32 | static_cast<uint64_t>(data.width) << 8 |
           static_cast<uint64_t>(data.channels));
    h.bytes(data.pixels.data(), data.pixels.size());
    return h.value();
}

void FeatureCache::clear() {
    key_.reset();
    features_ = Tensor();
}

const Tensor& FeatureCache::features(const Model& model, int cut, const Dataset& data, const Preprocessing& pre,
                                     WorkerPool* pool) {
    const uint64_t key = keyOf(model, cut, data, pre);
    const Shape& shape = model.nodes()[static_cast<std::size_t>(cut)].outputShape;
    use_ = FeatureCacheUse{model.nodes()[static_cast<std::size_t>(cut)].layer->name(), true,
                           static_cast<int>(data.size()), 0.0};
    if (key_ == key) return features_;
    const auto start = std::chrono::steady_clock::now();
    key_.reset();
    features_.resize(static_cast<int>(data.size()), shape);
    // Chunks of kPredictSlice samples keep each chunk's activations in the core's cache; the
    // workers take every n-th chunk.
    const int chunk = Model::kPredictSlice;
    const int chunks = static_cast<int>((data.size() + chunk - 1) / chunk);
    const int workers = pool ? pool->size() : 1;
    auto work = [&](int w) {
        std::unique_ptr<Executor> ex = model.makeExecutor();
        Tensor images;
        std::vector<int32_t> labels;
        std::vector<uint32_t> indices;
        for (int c = w; c < chunks; c += workers) {
            const int first = c * chunk;
            const int count = std::min<int>(chunk, static_cast<int>(data.size()) - first);
            indices.resize(static_cast<std::size_t>(count));
            for (int k = 0; k < count; ++k) indices[static_cast<std::size_t>(k)] = static_cast<uint32_t>(first + k);
            assembleBatch(data, indices, pre, nullptr, 0, images, labels);
            const Tensor& out = model.forwardTo(*ex, images, cut);
            std::copy(out.data(), out.data() + out.size(), features_.sample(first));
        }
    };
    if (pool)
        pool->run(work);
    else
        work(0);
    key_ = key;
    use_.reused = false;
    use_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return features_;
}

}  // namespace cs
