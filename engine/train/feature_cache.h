#pragma once
// Feature extraction for transfer learning: when every layer up to some node (the cut) is
// frozen, an image's activation at the cut never changes during training, so it is computed
// once per image and the layers after the cut (the head) train on these cached features: a
// head for a few classes then trains in seconds instead of running the backbone every epoch.
//
// The cache keeps the features of one dataset, keyed by a hash of the backbone (the graph up to
// the cut, its weights and state), the preprocessing and the images; a change of any of them
// computes them again. Not thread-safe: one training run uses it at a time.
#include <cstdint>
#include <optional>
#include <string>

#include "core/tensor.h"
#include "data/dataset.h"
#include "data/preprocessing.h"

namespace cs {

class Model;
class WorkerPool;

// How a run used the cache (kept in its RunRecord).
struct FeatureCacheUse {
    std::string cutLayer;  // the last layer whose output was cached
    bool reused = false;   // the features were already cached for this backbone and data
    int samples = 0;
    double seconds = 0;  // spent computing them (0 when reused)
    bool operator==(const FeatureCacheUse&) const = default;
};

class FeatureCache {
public:
    // Cached features above this size are not kept: the run trains the usual way.
    static constexpr int64_t kMaxBytes = int64_t(512) << 20;

    // The node index (in Model::nodes()) to cache at: the highest node such that it and every
    // node before it run the same in training as in inference (frozen, or without parameters,
    // state or randomness) and no node after it reads a node before it. None when the model
    // has no such node between its Input and its output.
    static std::optional<int> findCut(const Model& model);

    // The features of every sample of `data` at node `cut` (data.size() x that node's output
    // shape), without augmentation, computed unless they are cached for the same key.
    // `pool` may be null (the calling thread does the work).
    const Tensor& features(const Model& model, int cut, const Dataset& data, const Preprocessing& pre,
                           WorkerPool* pool);
    const FeatureCacheUse& lastUse() const { return use_; }
    // Forgets the features (the next call computes them).
    void clear();

    // The key features of `data` at `cut` are kept under.
    static uint64_t keyOf(const Model& model, int cut, const Dataset& data, const Preprocessing& pre);

private:
    std::optional<uint64_t> key_;
    Tensor features_;
    FeatureCacheUse use_;
};

}  // namespace cs
