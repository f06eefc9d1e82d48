#include "core/tensor.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

#include "core/errors.h"

namespace cs {

void Tensor::Free::operator()(float* p) const { std::free(p); }

Tensor::Tensor(int batch, const Shape& sample) { resize(batch, sample); }

Tensor::Tensor(const Tensor& other) { *this = other; }

Tensor& Tensor::operator=(const Tensor& other) {
    if (this == &other) return *this;
    resize(other.batch_, other.shape_);
    if (other.size() > 0) std::memcpy(data(), other.data(), sizeof(float) * other.size());
    return *this;
}

void Tensor::resize(int batch, const Shape& sample) {
    if (batch < 0) throw ShapeError("negative batch size " + std::to_string(batch));
    for (int i = 0; i < sample.rank(); ++i)
        if (sample[i] < 0)
            throw ShapeError(msg("tensor.negative_dimension", "tensor shape {shape} has a negative dimension",
                                 {{"shape", sample.toString()}}));
    // Checked: a crafted file's batch x shape must give an error, not wrap to a small buffer.
    constexpr int64_t kMaxFloats = std::numeric_limits<int64_t>::max() / int64_t(sizeof(float)) - 64;
    int64_t need = 0;
    if (__builtin_mul_overflow(static_cast<int64_t>(batch), sample.size(), &need) || need > kMaxFloats)
        throw ShapeError(msg("tensor.too_large", "a tensor of {batch} x {shape} is too large to allocate",
                             {{"batch", std::to_string(batch)}, {"shape", sample.toString()}}));
    if (need > capacity_) {
        // Round up to a whole cache line so every tensor starts 64-byte aligned.
        const std::size_t bytes = ((need * sizeof(float) + 63) / 64) * 64;
        float* p = static_cast<float*>(std::aligned_alloc(64, bytes));
        if (!p) throw std::bad_alloc();
        data_.reset(p);
        capacity_ = need;
    }
    batch_ = batch;
    shape_ = sample;
}

void Tensor::setZero() {
    if (size() > 0) std::memset(data(), 0, sizeof(float) * size());
}

void Tensor::fill(float v) { std::fill(data(), data() + size(), v); }

void Tensor::copySamplesFrom(const Tensor& src, int first, int count) {
    resize(count, src.sampleShape());
    if (count > 0) std::memcpy(data(), src.sample(first), sizeof(float) * count * src.sampleSize());
}

}  // namespace cs
