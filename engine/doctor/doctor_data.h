#pragma once
// The images the doctor examines, addressed by one row number: the training images first, then
// the test images (the order of DoctorReport::features). Both sets share one image size.
#include <algorithm>
#include <cstdint>
#include <functional>

#include "core/worker_pool.h"
#include "data/dataset.h"
#include "doctor/data_doctor.h"

namespace cs {

struct DoctorData {
    const Dataset& train;
    const Dataset& test;

    int64_t size() const { return int64_t(train.size()) + int64_t(test.size()); }
    int64_t trainSize() const { return int64_t(train.size()); }
    const Dataset& any() const { return train.size() ? train : test; }
    int height() const { return any().height; }
    int width() const { return any().width; }
    int channels() const { return any().channels; }
    std::size_t imageBytes() const { return any().imageBytes(); }
    int classCount() const { return std::max(train.classCount(), test.classCount()); }

    const uint8_t* image(int64_t row) const {
        return row < trainSize() ? train.image(std::size_t(row)) : test.image(std::size_t(row - trainSize()));
    }
    int label(int64_t row) const {
        return row < trainSize() ? train.labels[std::size_t(row)] : test.labels[std::size_t(row - trainSize())];
    }
    bool isTest(int64_t row) const { return row >= trainSize(); }
    DoctorImage imageAt(int64_t row) const {
        return row < trainSize() ? DoctorImage{DoctorSplit::Train, uint32_t(row)}
                                 : DoctorImage{DoctorSplit::Test, uint32_t(row - trainSize())};
    }
};

// Calls body(begin, end) on blocks of [0, n) of `block` rows, the pool's workers taking every
// size()-th block; `afterBlock` (may be empty) runs on the calling thread after each of its own
// blocks, for progress reports and cancel checks.
inline void parallelBlocks(WorkerPool& pool, int64_t n, int64_t block,
                           const std::function<void(int64_t begin, int64_t end)>& body,
                           const std::function<void(double fraction)>& afterBlock = {}) {
    const int64_t blocks = (n + block - 1) / block;
    const int workers = pool.size();
    pool.run([&](int w) {
        for (int64_t b = w; b < blocks; b += workers) {
            body(b * block, std::min(n, (b + 1) * block));
            if (w == 0 && afterBlock) afterBlock(double(b + 1) / double(blocks));
        }
    });
}

}  // namespace cs
