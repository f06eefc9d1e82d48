#pragma once
// The batches of one training epoch, handed out in order, each assembled while the batch before
// it trains: on a background thread (PrefetchBatcher) when a core is free for one, or, when every
// core trains, by the first training worker to run out of work in the step before (a thread of
// its own would take its core from a worker mid-step: 0.07 ms a batch of 64, and the training
// thread waited for it between steps). Every way gives the same batches as assembleBatch.
#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <vector>

#include "core/tensor.h"
#include "data/augment.h"
#include "data/dataset.h"
#include "data/prefetch_batcher.h"
#include "data/preprocessing.h"

namespace cs {

class EpochBatches {
public:
    enum class Ahead {
        Thread,  // a PrefetchBatcher
        InStep,  // assembleAhead(), called by the step's workers
        None,    // each batch assembled in next()
    };
    // One epoch over `order` in batches of `batchSize` (an EpochPlan) from batch `firstBatch` on.
    // The dataset must outlive this and stay unchanged.
    EpochBatches(const Dataset& ds, std::vector<uint32_t> order, int batchSize, const Preprocessing& pre,
                 const AugmentOptions& augment, uint64_t epochSeed, std::size_t firstBatch, Ahead ahead);
    ~EpochBatches();
    EpochBatches(const EpochBatches&) = delete;
    EpochBatches& operator=(const EpochBatches&) = delete;

    // Hands over the next batch (swapping buffers) or returns false after the last. Rethrows what
    // assembling it threw.
    bool next(Tensor& images, std::vector<int32_t>& labels);

    // InStep: assembles the batch after the one next() last handed out, in whichever thread
    // calls first (the others return at once); safe to call from several threads between two
    // next() calls, which must happen after every such call has returned. A no-op otherwise.
    void assembleAhead();
    // Batches assembleAhead() assembled so far (the rest were assembled by next()).
    std::size_t assembledAhead() const { return assembledAhead_; }

private:
    const EpochPlan plan_;
    const Ahead ahead_;
    std::size_t nextBatch_;  // the batch next() hands out next
    std::unique_ptr<PrefetchBatcher> thread_;
    // InStep: the batch assembled ahead, and whether it was (or is being) assembled.
    std::atomic<bool> aheadTaken_{true};
    bool aheadReady_ = false;
    std::size_t assembledAhead_ = 0;
    std::exception_ptr aheadError_;
    Tensor aheadImages_;
    std::vector<int32_t> aheadLabels_;
};

}  // namespace cs
