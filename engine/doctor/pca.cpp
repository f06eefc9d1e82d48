#include "doctor/pca.h"

#include <Eigen/Eigenvalues>
#include <algorithm>

#include "core/sgemm.h"

namespace cs {

PcaBasis PcaBasis::fit(const float* rows, int64_t count, int dim, int components) {
    PcaBasis b;
    b.inputDim_ = dim;
    b.outputDim_ = int(std::max<int64_t>(1, std::min<int64_t>({components, dim, std::max<int64_t>(1, count - 1)})));
    b.mean_.assign(std::size_t(dim), 0.f);
    std::vector<double> sum(std::size_t(dim), 0.0);
    for (int64_t r = 0; r < count; ++r)
        for (int d = 0; d < dim; ++d) sum[std::size_t(d)] += rows[r * dim + d];
    for (int d = 0; d < dim; ++d)
        b.mean_[std::size_t(d)] = float(sum[std::size_t(d)] / double(std::max<int64_t>(1, count)));
    std::vector<float> centered(std::size_t(count) * std::size_t(dim));
    for (int64_t r = 0; r < count; ++r)
        for (int d = 0; d < dim; ++d) centered[std::size_t(r * dim + d)] = rows[r * dim + d] - b.mean_[std::size_t(d)];
    // The scatter matrix X^T X (dim x dim); its eigenvectors are the principal axes.
    Eigen::MatrixXf scatter(dim, dim);  // symmetric, so row- and column-major agree
    sgemm(dim, dim, int(count), GemmMatrix{centered.data(), dim, true}, GemmMatrix{centered.data(), dim, false},
          scatter.data(), dim, false);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXf> solver(scatter);
    // Eigenvalues ascend: the leading axes are the last columns.
    b.axes_.resize(std::size_t(dim) * std::size_t(b.outputDim_));
    for (int k = 0; k < b.outputDim_; ++k) {
        const auto axis = solver.eigenvectors().col(dim - 1 - k);
        for (int d = 0; d < dim; ++d) b.axes_[std::size_t(d * b.outputDim_ + k)] = axis(d);
    }
    return b;
}

void PcaBasis::project(const float* rows, int64_t count, float* out) const {
    std::vector<float> centered(rows, rows + count * inputDim_);
    for (int64_t r = 0; r < count; ++r)
        for (int d = 0; d < inputDim_; ++d) centered[std::size_t(r * inputDim_ + d)] -= mean_[std::size_t(d)];
    sgemm(int(count), outputDim_, inputDim_, GemmMatrix{centered.data(), inputDim_},
          GemmMatrix{axes_.data(), outputDim_}, out, outputDim_, false);
}

}  // namespace cs
