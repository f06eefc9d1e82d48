#pragma once
// A batch of float32 samples in NCHW order, stored contiguously and 64-byte aligned.
// Resizing to a size it already had room for does not allocate, so buffers planned once are
// reused across training steps.
#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/shape.h"

namespace cs {

using MatrixRM = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatMap = Eigen::Map<MatrixRM, Eigen::Aligned64>;
using ConstMatMap = Eigen::Map<const MatrixRM, Eigen::Aligned64>;
using MatMapU = Eigen::Map<MatrixRM>;  // unaligned (offset views)
using ConstMatMapU = Eigen::Map<const MatrixRM>;
using VecMap = Eigen::Map<Eigen::VectorXf>;
using ConstVecMap = Eigen::Map<const Eigen::VectorXf>;
using ArrMap = Eigen::Map<Eigen::ArrayXf>;
using ConstArrMap = Eigen::Map<const Eigen::ArrayXf>;

class Tensor {
public:
    Tensor() = default;
    Tensor(int batch, const Shape& sample);
    explicit Tensor(const Shape& sample) : Tensor(1, sample) {}
    Tensor(const Tensor& other);
    Tensor& operator=(const Tensor& other);
    Tensor(Tensor&&) noexcept = default;
    Tensor& operator=(Tensor&&) noexcept = default;

    // Sets batch and sample shape; allocates only when the capacity is too small.
    // Contents are unspecified afterwards.
    void resize(int batch, const Shape& sample);
    void setZero();
    void fill(float v);

    int batch() const { return batch_; }
    const Shape& sampleShape() const { return shape_; }
    int64_t sampleSize() const { return shape_.size(); }
    int64_t size() const { return static_cast<int64_t>(batch_) * shape_.size(); }
    bool empty() const { return size() == 0; }

    float* data() { return data_.get(); }
    const float* data() const { return data_.get(); }
    float* sample(int i) { return data_.get() + i * sampleSize(); }
    const float* sample(int i) const { return data_.get() + i * sampleSize(); }
    float& operator[](int64_t i) { return data_[i]; }
    float operator[](int64_t i) const { return data_[i]; }

    // Row-major views: the whole batch as batch x sampleSize, or any rows x cols of the buffer.
    MatMapU matrix() { return MatMapU(data(), batch_, sampleSize()); }
    ConstMatMapU matrix() const { return ConstMatMapU(data(), batch_, sampleSize()); }
    ArrMap array() { return ArrMap(data(), size()); }
    ConstArrMap array() const { return ConstArrMap(data(), size()); }

    // Copies samples [first, first+count) of src into this tensor (resizing it).
    void copySamplesFrom(const Tensor& src, int first, int count);

private:
    struct Free {
        void operator()(float* p) const;
    };
    std::unique_ptr<float[], Free> data_;
    int64_t capacity_ = 0;
    int batch_ = 0;
    Shape shape_;
};

}  // namespace cs
