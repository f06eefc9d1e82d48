#pragma once
// The input side of t-SNE: exact nearest neighbours and the sparse affinities P built from them.
// Internal to tsne.cpp; declared here so the tests can check each step on its own.
#include <cstdint>
#include <functional>
#include <vector>

namespace cs {

class WorkerPool;

// A sparse n x n matrix in compressed rows; columns ascending within a row.
struct SparseRows {
    std::vector<int64_t> rowStart;  // n + 1 entries
    std::vector<int32_t> cols;
    std::vector<double> values;
    int64_t rows() const { return rowStart.empty() ? 0 : static_cast<int64_t>(rowStart.size()) - 1; }
};

// The k nearest other points of every point: n x k indices and squared Euclidean distances,
// nearest first, ties broken by the lower index.
struct Neighbours {
    int k = 0;
    std::vector<int32_t> index;
    std::vector<double> distance;
};

// Exact search by blocks of matrix products (O(n^2 * dim)); distances recomputed exactly in
// double for the neighbours found. `step` is called on the calling thread after each round of
// blocks with the fraction done; returning false stops the search with TsneCancelled.
Neighbours nearestNeighbours(const float* points, int64_t n, int dim, int k, WorkerPool& pool,
                             const std::function<bool(double fraction)>& step);

// Row i holds p(j|i) over i's neighbours: a Gaussian whose precision is found by bisection so
// that the row's entropy (natural log) is log(perplexity). Each row sums to 1.
SparseRows conditionalAffinities(const Neighbours& neighbours, double perplexity, WorkerPool& pool);

// P = (C + C^T) / (2n) for conditional affinities C: symmetric, sums to 1.
SparseRows symmetrizeAffinities(const SparseRows& conditional);

}  // namespace cs
