// One training step: the forward and backward passes of a batch shared out among the pool's
// workers, the gradients summed, the optimizer's update.
#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdio>
#include <span>

#include "core/errors.h"
#include "core/worker_pool.h"
#include "data/epoch_batches.h"
#include "train/optimizer.h"
#include "train/trainer_worker.h"

namespace cs {

namespace {

// Chunk gradients are kept only while they cost at most this many floats (a model of 2M trained
// parameters at 8 chunks); larger models take slices, summed per worker.
constexpr int64_t kMaxChunkGradientFloats = int64_t(16) << 20;

// The sum tree's leaves (Trainer::addToSumTree) hold the even chunks, then the odd ones.
int leafOfChunk(int chunk, int chunks) { return (chunk % 2) * ((chunks + 1) / 2) + chunk / 2; }
int chunkAtLeaf(int leaf, int chunks) {
    const int evens = (chunks + 1) / 2;
    return leaf < evens ? 2 * leaf : 2 * (leaf - evens) + 1;
}

LossResult& operator+=(LossResult& total, const LossResult& l) {
    total.lossSum += l.lossSum;
    total.correct += l.correct;
    total.correctTopK += l.correctTopK;
    return total;
}

}  // namespace

int Trainer::chunksFor(int batch) const {
    if (microBatch_ <= 0) return 0;
    const int chunks = (batch + microBatch_ - 1) / microBatch_;
    return trainedFloats_ * chunks <= kMaxChunkGradientFloats ? chunks : 0;
}

LossResult Trainer::runChunk(Worker& wk, const StepContext& ctx, int begin, int count) {
    wk.input.copySamplesFrom(*ctx.images, begin, count);
    const Tensor& out = featureCut_ >= 0 ? model_.forwardFrom(*wk.executor, featureCut_, wk.input, Phase::Train)
                                         : model_.forward(*wk.executor, wk.input, Phase::Train);
    const LossResult l =
        softmaxCrossEntropy(out, ctx.probabilities, std::span<const int32_t>(ctx.labels->data() + begin, count),
                            trainLoss_, ctx.scale, &wk.grad, settings_.topK);
    model_.backward(*wk.executor, wk.grad, ctx.probabilities);
    return l;
}

LossResult Trainer::runChunks(const StepContext& ctx) {
    const int chunks = ctx.chunks;
    if (static_cast<int>(chunks_.size()) < chunks) chunks_.resize(static_cast<std::size_t>(chunks));
    const std::size_t arrivals =
        static_cast<std::size_t>(chunks) * static_cast<std::size_t>(std::bit_width(static_cast<unsigned>(chunks)));
    if (treeArrivals_.size() < arrivals) treeArrivals_ = std::vector<std::atomic<int>>(arrivals);
    for (std::size_t i = 0; i < arrivals; ++i) treeArrivals_[i].store(0, std::memory_order_relaxed);
    pool_->run([this, &ctx](int w) {  // two pointers: within std::function's buffer, no allocation
        Worker& wk = *workers_[w];
        const int n = ctx.images->batch();
        wk.count = 0;
        std::vector<Tensor>& grads = wk.executor->paramGrads();
        // Whichever worker is free takes the next chunk (a worker on a slower core takes fewer).
        // Each chunk's dropout draws and gradients are its own, and they are summed in a fixed
        // tree: the result does not depend on which worker ran it, nor on the thread count.
        // Alone, a worker takes them in the tree's order, so that each sum's two children are
        // the last it computed (in chunk order, the left child's buffers had left the cache).
        const bool alone = workers_.size() == 1;
        for (int t = w < ctx.reserved ? w : ctx.nextChunk->fetch_add(1); t < ctx.chunks;
             t = ctx.nextChunk->fetch_add(1)) {
            const int c = alone ? chunkAtLeaf(t, ctx.chunks) : t;
            const int begin = c * microBatch_, count = std::min(microBatch_, n - begin);
            Chunk& chunk = chunks_[static_cast<std::size_t>(c)];
            wk.executor->seedStep(ctx.stepSeed + static_cast<uint64_t>(c));
            chunk.loss = runChunk(wk, ctx, begin, count);
            chunk.grads.resize(grads.size());
            for (std::size_t i : trainedGrads_) std::swap(grads[i], chunk.grads[i]);  // backward overwrites
            wk.count += count;
            wk.ranChunk = true;
            addToSumTree(c, ctx.chunks);
        }
        if (ahead_) ahead_->assembleAhead();  // the first worker out of chunks
    });
    // The tree's root, chunk 0's buffers, into worker 0's gradients, which the optimizer reads.
    std::vector<Tensor>& grads = workers_[0]->executor->paramGrads();
    for (std::size_t i : trainedGrads_) std::swap(grads[i], chunks_[0].grads[i]);
    LossResult total;
    for (int c = 0; c < chunks; ++c) total += chunks_[static_cast<std::size_t>(c)].loss;
    return total;
}

void Trainer::addToSumTree(int chunk, int chunks) {
    // A pairwise tree over the chunks: at each level a node's sum is its left child's buffers
    // plus its right child's, added into the left's by whichever worker finished the later child.
    // Most sums thus run beside other chunks' passes, in the same order whoever runs them. The
    // leaves hold the even chunks, then the odd ones: two workers take alternate chunks, so each
    // sums its own chunks' gradients while they are in its cache (with the chunks in order, the
    // worker that started second finished the later child of every pair and did all the sums).
    for (int half = 1, level = 0, node = leafOfChunk(chunk, chunks); half < chunks; half *= 2, ++level) {
        const int left = node & ~(2 * half - 1), right = left + half;
        if (right < chunks) {
            std::atomic<int>& done = treeArrivals_[static_cast<std::size_t>(level * chunks + left)];
            if (done.fetch_add(1, std::memory_order_acq_rel) == 0) return;  // the other child's finisher adds
            std::vector<Tensor>& sum = chunks_[static_cast<std::size_t>(chunkAtLeaf(left, chunks))].grads;
            const std::vector<Tensor>& add = chunks_[static_cast<std::size_t>(chunkAtLeaf(right, chunks))].grads;
            for (std::size_t i : trainedGrads_) sum[i].array() += add[i].array();
        }
        node = left;
    }
}

LossResult Trainer::runSlices(const StepContext& ctx) {
    pool_->run([this, &ctx](int w) {
        Worker& wk = *workers_[w];
        const int n = ctx.images->batch();
        const int count = static_cast<int>(workers_.size());
        const int begin = static_cast<int>(static_cast<int64_t>(n) * w / count);
        const int end = static_cast<int>(static_cast<int64_t>(n) * (w + 1) / count);
        wk.count = end - begin;
        wk.loss = LossResult{};
        if (wk.count == 0) return;
        wk.executor->seedStep(ctx.stepSeed + static_cast<uint64_t>(w));
        // The slice runs in micro-batches whose activations stay in this core's cache; their
        // parameter gradients are summed (backward overwrites them, so the sum lives in
        // gradSum, swapped in and out without copying). Frozen parameters' gradients are not summed.
        std::vector<Tensor>& grads = wk.executor->paramGrads();
        const int micro = microBatch_ > 0 ? microBatch_ : wk.count;
        for (int m0 = 0; m0 < wk.count; m0 += micro) {
            const int mc = std::min(micro, wk.count - m0);
            wk.loss += runChunk(wk, ctx, begin + m0, mc);
            if (mc == wk.count) break;  // one micro-batch: the gradients are already in place
            wk.gradSum.resize(grads.size());
            if (m0 == 0) {
                for (std::size_t i : trainedGrads_) std::swap(grads[i], wk.gradSum[i]);
            } else {
                for (std::size_t i : trainedGrads_) wk.gradSum[i].array() += grads[i].array();
            }
            if (m0 + mc == wk.count)
                for (std::size_t i : trainedGrads_) std::swap(grads[i], wk.gradSum[i]);
        }
        if (ahead_) ahead_->assembleAhead();  // the first worker done with its slice
    });
    LossResult total;
    for (const auto& wk : workers_) total += wk->loss;
    // Sum the workers' gradients into worker 0's (fixed order: deterministic).
    std::vector<Tensor>& grads = workers_[0]->executor->paramGrads();
    for (std::size_t w = 1; w < workers_.size(); ++w) {
        if (workers_[w]->count == 0) continue;
        auto& other = workers_[w]->executor->paramGrads();
        for (std::size_t i : trainedGrads_) grads[i].array() += other[i].array();
    }
    return total;
}

void Trainer::trainStep(const Tensor& images, const std::vector<int32_t>& labels, BatchStats& stats, double& lossSum,
                        int64_t& correct, int64_t& correctK) {
    const int batch = images.batch(), chunks = chunksFor(batch);
    // Until every worker that can get a chunk has run one, worker w's first is chunk w: a worker
    // that woke late (its core busy) would otherwise first train steps later and plan its
    // buffers then, on the heap, in the middle of the run. Workers beyond the step's chunks are
    // not waited for, so a late worker is waited for once (again only if a later batch has
    // chunks for more workers).
    const int reservable = std::min(static_cast<int>(workers_.size()), chunks);
    bool warm = true;
    for (int w = 0; w < reservable; ++w) warm = warm && workers_[static_cast<std::size_t>(w)]->ranChunk;
    const int reserved = warm ? 0 : reservable;
    std::atomic<int> nextChunk{reserved};
    const StepContext ctx{&images,
                          &labels,
                          settings_.seed * 0x2545F4914F6CDD1Dull + static_cast<uint64_t>(step_),
                          1.f / static_cast<float>(batch),
                          model_.outputActivation() == Activation::Softmax,
                          chunks,
                          &nextChunk,
                          reserved};
    const LossResult total = ctx.chunks > 0 ? runChunks(ctx) : runSlices(ctx);
    const double meanLoss = total.lossSum / batch;
    if (!std::isfinite(meanLoss)) {
        char rate[64];
        std::snprintf(rate, sizeof rate, "%g", static_cast<double>(stats.learningRate));
        const std::vector<MessageArg> args{
            {"epoch", std::to_string(stats.epoch + 1)}, {"batch", std::to_string(stats.batch + 1)}, {"rate", rate}};
        if (std::isnan(meanLoss))
            throw TrainingError(msg("train.loss_nan",
                                    "the loss became NaN at epoch {epoch}, batch {batch} (learning rate {rate}); the "
                                    "weights are kept from the step before. Try a lower learning rate or gradient "
                                    "clipping.",
                                    args));
        throw TrainingError(msg("train.loss_infinite",
                                "the loss became infinite at epoch {epoch}, batch {batch} (learning rate {rate}); the "
                                "weights are kept from the step before. Try a lower learning rate or gradient "
                                "clipping.",
                                args));
    }
    active_.clear();
    for (auto& wk : workers_)
        if (wk->count > 0) active_.push_back(wk->executor.get());
    model_.commitState(active_);
    optimizer_->step(params_, gradPtrs_, stats.learningRate);

    stats.loss = meanLoss;
    stats.accuracy = static_cast<double>(total.correct) / batch;
    lossSum += total.lossSum;
    correct += total.correct;
    correctK += total.correctTopK;
}

}  // namespace cs
