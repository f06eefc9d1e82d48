#include "data/epoch_batches.h"

#include <algorithm>

#include "core/errors.h"

namespace cs {

EpochBatches::EpochBatches(const Dataset& ds, std::vector<uint32_t> order, int batchSize, const Preprocessing& pre,
                           const AugmentOptions& augment, uint64_t epochSeed, std::size_t firstBatch, Ahead ahead)
    : plan_(ds, std::move(order), batchSize, pre, augment, epochSeed),
      ahead_(ahead),
      nextBatch_(std::min(firstBatch, plan_.batchCount)) {
    if (ahead_ == Ahead::Thread) thread_ = std::make_unique<PrefetchBatcher>(plan_, nextBatch_);
}

EpochBatches::~EpochBatches() = default;

bool EpochBatches::next(Tensor& images, std::vector<int32_t>& labels) {
    if (nextBatch_ >= plan_.batchCount) return false;
    if (thread_) {
        if (!thread_->next(images, labels))
            throw TrainingError("the batch prefetcher ended before batch " + std::to_string(nextBatch_ + 1));
    } else if (aheadReady_) {
        std::swap(images, aheadImages_);
        std::swap(labels, aheadLabels_);
    } else {
        if (aheadError_) std::rethrow_exception(std::exchange(aheadError_, nullptr));
        plan_.assemble(nextBatch_, images, labels);  // the first batch, or none was assembled ahead
    }
    ++nextBatch_;
    aheadReady_ = false;
    aheadError_ = nullptr;
    // Armed for the batch after: the step about to train on this one assembles it.
    aheadTaken_.store(ahead_ != Ahead::InStep || nextBatch_ >= plan_.batchCount, std::memory_order_relaxed);
    return true;
}

void EpochBatches::assembleAhead() {
    if (aheadTaken_.load(std::memory_order_relaxed) || aheadTaken_.exchange(true, std::memory_order_acq_rel)) return;
    try {
        plan_.assemble(nextBatch_, aheadImages_, aheadLabels_);
        aheadReady_ = true;
        ++assembledAhead_;
    } catch (...) {
        aheadError_ = std::current_exception();  // thrown when the batch is asked for
    }
}

}  // namespace cs
