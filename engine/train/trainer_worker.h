#pragma once
// The trainer's state per worker and per step, shared by trainer.cpp and trainer_step.cpp.
// Internal to the engine.
#include <atomic>
#include <memory>
#include <vector>

#include "core/tensor.h"
#include "graph/model.h"
#include "train/loss.h"
#include "train/trainer.h"

namespace cs {

struct Trainer::Worker {
    std::unique_ptr<Executor> executor;
    Tensor input;
    Tensor grad;
    std::vector<Tensor> gradSum;  // parameter gradients summed over micro-batches (slices)
    LossResult loss;              // slices: this worker's share
    int count = 0;                // samples this worker trained this step
    bool ranChunk = false;        // has run a micro-batch (its executor's buffers are planned)
};

// One micro-batch of a step split into chunks: its parameter gradients and loss, kept apart so
// they are summed in the same tree (Trainer::addToSumTree) whichever worker computed them.
struct Trainer::Chunk {
    std::vector<Tensor> grads;
    LossResult loss;
};

// What the workers of one step share; captured by pointer so the pool's std::function stays
// within its small-object buffer (no allocation per step).
struct Trainer::StepContext {
    const Tensor* images;
    const std::vector<int32_t>* labels;
    uint64_t stepSeed;
    float scale;
    bool probabilities;
    int chunks = 0;                         // chunked steps: how many
    std::atomic<int>* nextChunk = nullptr;  // chunked steps: the next one to take
    int reserved = 0;  // chunked steps: worker w < reserved takes chunk w first (Trainer::runChunks)
};

}  // namespace cs
