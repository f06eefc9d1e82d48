#include "data/prefetch_batcher.h"

#include <algorithm>
#include <span>

#include "core/errors.h"
#include "data/batcher.h"

namespace cs {

uint64_t batchSeed(uint64_t epochSeed, std::size_t batchIndex) {
    return mixSeed(epochSeed ^ 0xB47C4ull, static_cast<uint64_t>(batchIndex));
}

namespace {

std::size_t batchesOf(std::size_t samples, int batchSize) {
    if (batchSize < 1)
        throw OptionError(
            msg("batch.size", "batch size must be at least 1, got {value}", {{"value", std::to_string(batchSize)}}));
    return (samples + batchSize - 1) / batchSize;
}

}  // namespace

EpochPlan::EpochPlan(const Dataset& ds, std::vector<uint32_t> order, int batchSize, const Preprocessing& pre,
                     const AugmentOptions& augment, uint64_t epochSeed)
    : ds(ds),
      order(std::move(order)),
      batchSize(batchSize),
      pre(pre),
      augment(augment),
      epochSeed(epochSeed),
      batchCount(batchesOf(this->order.size(), batchSize)) {}

void EpochPlan::assemble(std::size_t batch, Tensor& images, std::vector<int32_t>& labels) const {
    const std::size_t first = batch * static_cast<std::size_t>(batchSize);
    const std::size_t count = std::min<std::size_t>(batchSize, order.size() - first);
    assembleBatch(ds, std::span<const uint32_t>(order).subspan(first, count), pre, &augment,
                  batchSeed(epochSeed, batch), images, labels);
}

PrefetchBatcher::PrefetchBatcher(const Dataset& ds, std::vector<uint32_t> order, int batchSize,
                                 const Preprocessing& pre, const AugmentOptions& augment, uint64_t epochSeed,
                                 std::size_t firstBatch)
    : PrefetchBatcher(EpochPlan(ds, std::move(order), batchSize, pre, augment, epochSeed), firstBatch) {}

PrefetchBatcher::PrefetchBatcher(EpochPlan plan, std::size_t firstBatch)
    : plan_(std::move(plan)),
      firstBatch_(std::min(firstBatch, plan_.batchCount)),
      produced_(firstBatch_),
      taken_(firstBatch_) {
    worker_ = std::thread([this] { run(); });
}

PrefetchBatcher::~PrefetchBatcher() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void PrefetchBatcher::run() {
    // Batches are built in a buffer of the worker's own, then swapped into the slot, so the
    // caller's tensors are never touched while it trains on them.
    Tensor images;
    std::vector<int32_t> labels;
    for (std::size_t b = firstBatch_; b < plan_.batchCount; ++b) {
        try {
            plan_.assemble(b, images, labels);
        } catch (...) {
            std::lock_guard lock(mutex_);
            error_ = std::current_exception();
            changed_.notify_all();
            return;
        }
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stop_ || !ready_; });
        if (stop_) return;
        std::swap(slotImages_, images);
        std::swap(slotLabels_, labels);
        ready_ = true;
        ++produced_;
        changed_.notify_all();
    }
}

bool PrefetchBatcher::next(Tensor& images, std::vector<int32_t>& labels) {
    std::unique_lock lock(mutex_);
    if (taken_ == plan_.batchCount) return false;
    changed_.wait(lock, [this] { return ready_ || error_; });
    if (!ready_ && error_) std::rethrow_exception(error_);
    std::swap(images, slotImages_);
    std::swap(labels, slotLabels_);
    ready_ = false;
    ++taken_;
    changed_.notify_all();
    return true;
}

}  // namespace cs
