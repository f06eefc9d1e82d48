#pragma once
// Assembles the next batch on a background thread while the caller trains on the current one.
// It produces exactly what assembleBatch gives for the same order and seeds.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/tensor.h"
#include "data/augment.h"
#include "data/dataset.h"
#include "data/preprocessing.h"

namespace cs {

// The seed of batch `batchIndex` of an epoch whose seed is `epochSeed`; pass it to assembleBatch
// to reproduce a prefetched batch.
uint64_t batchSeed(uint64_t epochSeed, std::size_t batchIndex);

// One epoch's batches as every batcher makes them: `order` in batches of `batchSize` (the last
// may be smaller), batch b assembled by assembleBatch over its indices and seeded by
// batchSeed(epochSeed, b). The dataset must outlive the plan and stay unchanged.
struct EpochPlan {
    // Throws OptionError naming the value when the batch size is below 1.
    EpochPlan(const Dataset& ds, std::vector<uint32_t> order, int batchSize, const Preprocessing& pre,
              const AugmentOptions& augment, uint64_t epochSeed);
    void assemble(std::size_t batch, Tensor& images, std::vector<int32_t>& labels) const;

    // Not const, so that a plan moves into the batcher that holds it (const there).
    const Dataset& ds;
    std::vector<uint32_t> order;
    int batchSize;
    Preprocessing pre;
    AugmentOptions augment;
    uint64_t epochSeed;
    std::size_t batchCount;
};

class PrefetchBatcher {
public:
    // One epoch over `order` in batches of `batchSize` (the last may be smaller), from batch
    // `firstBatch` on (a resumed run starts mid-epoch; batch b is always seeded by
    // batchSeed(epochSeed, b)). The dataset must outlive the batcher and stay unchanged. Starts
    // preparing the first batch at once.
    PrefetchBatcher(const Dataset& ds, std::vector<uint32_t> order, int batchSize, const Preprocessing& pre,
                    const AugmentOptions& augment, uint64_t epochSeed, std::size_t firstBatch = 0);
    PrefetchBatcher(EpochPlan plan, std::size_t firstBatch);
    // Stops the background thread and waits for it (at most one batch's work).
    ~PrefetchBatcher();
    PrefetchBatcher(const PrefetchBatcher&) = delete;
    PrefetchBatcher& operator=(const PrefetchBatcher&) = delete;

    // Batches in the whole epoch (including those before `firstBatch`).
    std::size_t batchCount() const { return plan_.batchCount; }

    // Hands over the next batch (swapping buffers, no copy) and starts the one after. Returns
    // false after the last batch. Rethrows an exception the background thread met.
    bool next(Tensor& images, std::vector<int32_t>& labels);

private:
    void run();

    const EpochPlan plan_;
    const std::size_t firstBatch_;

    std::mutex mutex_;
    std::condition_variable changed_;
    bool ready_ = false;  // slot holds batch `produced_ - 1`, not yet taken
    bool stop_ = false;
    std::size_t produced_ = 0;
    std::size_t taken_ = 0;
    std::exception_ptr error_;
    Tensor slotImages_;
    std::vector<int32_t> slotLabels_;
    std::thread worker_;  // last: starts after every member above exists
};

}  // namespace cs
