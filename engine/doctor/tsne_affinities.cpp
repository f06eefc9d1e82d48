#include "doctor/tsne_affinities.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "core/sgemm.h"
#include "core/worker_pool.h"
#include "doctor/tsne.h"

namespace cs {

namespace {

// Rows and columns per block of the distance search: a 128 x 2048 block of dot products is 1 MB,
// which stays in the cache while its rows pick their neighbours.
constexpr int64_t kRowBlock = 128;
constexpr int64_t kColBlock = 2048;

using Candidate = std::pair<float, int32_t>;  // (approximate squared distance, index)

// The k nearest of the rows [row0, row0 + rows) among all points, as max-heaps in `heaps`.
void searchRowBlock(const std::vector<float>& centred, const std::vector<float>& norms, int64_t n, int dim, int k,
                    int64_t row0, int64_t rows, std::vector<float>& dots, std::vector<std::vector<Candidate>>& heaps) {
    for (int64_t r = 0; r < rows; ++r) heaps[static_cast<size_t>(r)].clear();
    for (int64_t col0 = 0; col0 < n; col0 += kColBlock) {
        const int64_t cols = std::min(kColBlock, n - col0);
        // dots = X[rows] * X[cols]^T (X[cols] stored row-major is op(B) transposed).
        sgemm(static_cast<int>(rows), static_cast<int>(cols), dim, {centred.data() + row0 * dim, dim},
              {centred.data() + col0 * dim, dim, true}, dots.data(), cols, false);
        for (int64_t r = 0; r < rows; ++r) {
            const int64_t i = row0 + r;
            std::vector<Candidate>& heap = heaps[static_cast<size_t>(r)];
            const float* row = dots.data() + r * cols;
            for (int64_t c = 0; c < cols; ++c) {
                const int64_t j = col0 + c;
                if (j == i) continue;
                const float d = std::max(0.f, norms[i] + norms[j] - 2.f * row[c]);
                // Columns come in ascending order, so an equal distance never beats the heap's top.
                if (static_cast<int>(heap.size()) == k) {
                    if (d >= heap.front().first) continue;
                    std::pop_heap(heap.begin(), heap.end());
                    heap.back() = {d, static_cast<int32_t>(j)};
                } else {
                    heap.emplace_back(d, static_cast<int32_t>(j));
                }
                std::push_heap(heap.begin(), heap.end());
            }
        }
    }
}

double squaredDistance(const float* a, const float* b, int dim) {
    double sum = 0;
    for (int d = 0; d < dim; ++d) {
        const double diff = static_cast<double>(a[d]) - b[d];
        sum += diff * diff;
    }
    return sum;
}

// The precision beta of row i's Gaussian (distances relative to the nearest one, so that
// exp() cannot underflow for every neighbour) and its weights, written to `weights`.
void calibrateRow(const double* distance, int k, double logPerplexity, double* weights) {
    const double nearest = distance[0];
    double mean = 0;
    for (int j = 0; j < k; ++j) mean += distance[j] - nearest;
    mean /= k;
    double beta = mean > 0 ? 1.0 / mean : 1.0;
    double lo = 0, hi = std::numeric_limits<double>::infinity();
    for (int iteration = 0; iteration < 200; ++iteration) {
        double sum = 0, weighted = 0;
        for (int j = 0; j < k; ++j) {
            const double shifted = distance[j] - nearest;
            weights[j] = std::exp(-beta * shifted);
            sum += weights[j];
            weighted += weights[j] * shifted;
        }
        // Entropy of the normalised weights: log(sum) + beta * E[shifted distance].
        const double entropy = std::log(sum) + beta * weighted / sum;
        const double error = entropy - logPerplexity;
        if (std::abs(error) < 1e-7) break;
        if (error > 0) {  // too flat: sharpen
            lo = beta;
            beta = std::isinf(hi) ? beta * 2 : (beta + hi) / 2;
        } else {
            hi = beta;
            beta = (lo + beta) / 2;
        }
    }
    double sum = 0;
    for (int j = 0; j < k; ++j) sum += weights[j];
    for (int j = 0; j < k; ++j) weights[j] /= sum;
}

}  // namespace

Neighbours nearestNeighbours(const float* points, int64_t n, int dim, int k, WorkerPool& pool,
                             const std::function<bool(double)>& step) {
    Neighbours result;
    result.k = k;
    if (n <= 0 || k <= 0) return result;
    // Centred copy: smaller norms, so the float products lose less to cancellation.
    std::vector<double> mean(static_cast<size_t>(dim), 0.0);
    for (int64_t i = 0; i < n; ++i)
        for (int d = 0; d < dim; ++d) mean[static_cast<size_t>(d)] += points[i * dim + d];
    for (double& m : mean) m /= static_cast<double>(n);
    std::vector<float> centred(static_cast<size_t>(n * dim));
    std::vector<float> norms(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        double norm = 0;
        for (int d = 0; d < dim; ++d) {
            const double v = points[i * dim + d] - mean[static_cast<size_t>(d)];
            centred[static_cast<size_t>(i * dim + d)] = static_cast<float>(v);
            norm += v * v;
        }
        norms[static_cast<size_t>(i)] = static_cast<float>(norm);
    }

    result.index.resize(static_cast<size_t>(n * k));
    result.distance.resize(static_cast<size_t>(n * k));
    const int workers = pool.size();
    const int64_t blocks = (n + kRowBlock - 1) / kRowBlock;
    std::vector<std::vector<float>> dots(static_cast<size_t>(workers));
    std::vector<std::vector<std::vector<Candidate>>> heaps(static_cast<size_t>(workers));
    for (int64_t round = 0; round * workers < blocks; ++round) {
        pool.run([&](int w) {
            const int64_t block = round * workers + w;
            if (block >= blocks) return;
            const int64_t row0 = block * kRowBlock, rows = std::min(kRowBlock, n - row0);
            auto& myDots = dots[static_cast<size_t>(w)];
            auto& myHeaps = heaps[static_cast<size_t>(w)];
            myDots.resize(static_cast<size_t>(kRowBlock * std::min(kColBlock, n)));
            myHeaps.resize(static_cast<size_t>(kRowBlock));
            searchRowBlock(centred, norms, n, dim, k, row0, rows, myDots, myHeaps);
            for (int64_t r = 0; r < rows; ++r) {
                const int64_t i = row0 + r;
                std::vector<Candidate>& heap = myHeaps[static_cast<size_t>(r)];
                // Exact distances of the candidates, then nearest first (ties: lower index).
                std::vector<std::pair<double, int32_t>> exact;
                exact.reserve(heap.size());
                for (const Candidate& c : heap)
                    exact.emplace_back(squaredDistance(points + i * dim, points + int64_t{c.second} * dim, dim),
                                       c.second);
                std::sort(exact.begin(), exact.end());
                for (int j = 0; j < k; ++j) {
                    result.index[static_cast<size_t>(i * k + j)] = exact[static_cast<size_t>(j)].second;
                    result.distance[static_cast<size_t>(i * k + j)] = exact[static_cast<size_t>(j)].first;
                }
            }
        });
        if (step && !step(static_cast<double>(std::min(blocks, (round + 1) * workers)) / static_cast<double>(blocks)))
            throw TsneCancelled();
    }
    return result;
}

SparseRows conditionalAffinities(const Neighbours& neighbours, double perplexity, WorkerPool& pool) {
    const int k = neighbours.k;
    const int64_t n = k > 0 ? static_cast<int64_t>(neighbours.index.size()) / k : 0;
    SparseRows rows;
    rows.rowStart.resize(static_cast<size_t>(n + 1));
    for (int64_t i = 0; i <= n; ++i) rows.rowStart[static_cast<size_t>(i)] = i * k;
    rows.cols = neighbours.index;
    rows.values.resize(neighbours.distance.size());
    const double logPerplexity = std::log(perplexity);
    const int workers = pool.size();
    pool.run([&](int w) {
        for (int64_t i = w; i < n; i += workers)
            calibrateRow(neighbours.distance.data() + i * k, k, logPerplexity, rows.values.data() + i * k);
    });
    // Columns ascending within each row, as SparseRows promises.
    for (int64_t i = 0; i < n; ++i) {
        std::vector<std::pair<int32_t, double>> row;
        for (int64_t e = i * k; e < (i + 1) * k; ++e)
            row.emplace_back(rows.cols[static_cast<size_t>(e)], rows.values[static_cast<size_t>(e)]);
        std::sort(row.begin(), row.end());
        for (int j = 0; j < k; ++j) {
            rows.cols[static_cast<size_t>(i * k + j)] = row[static_cast<size_t>(j)].first;
            rows.values[static_cast<size_t>(i * k + j)] = row[static_cast<size_t>(j)].second;
        }
    }
    return rows;
}

SparseRows symmetrizeAffinities(const SparseRows& conditional) {
    const int64_t n = conditional.rows();
    // Every entry (i, j, p) lands in row i and, transposed, in row j; then each row is sorted
    // by column and equal columns are summed.
    std::vector<int64_t> count(static_cast<size_t>(n + 1), 0);
    for (int64_t i = 0; i < n; ++i)
        for (int64_t e = conditional.rowStart[static_cast<size_t>(i)];
             e < conditional.rowStart[static_cast<size_t>(i + 1)]; ++e) {
            ++count[static_cast<size_t>(i)];
            ++count[static_cast<size_t>(conditional.cols[static_cast<size_t>(e)])];
        }
    std::vector<int64_t> start(static_cast<size_t>(n + 1), 0);
    for (int64_t i = 0; i < n; ++i)
        start[static_cast<size_t>(i + 1)] = start[static_cast<size_t>(i)] + count[static_cast<size_t>(i)];
    std::vector<std::pair<int32_t, double>> entries(static_cast<size_t>(start[static_cast<size_t>(n)]));
    std::vector<int64_t> fill(start.begin(), start.end() - 1);
    for (int64_t i = 0; i < n; ++i)
        for (int64_t e = conditional.rowStart[static_cast<size_t>(i)];
             e < conditional.rowStart[static_cast<size_t>(i + 1)]; ++e) {
            const int32_t j = conditional.cols[static_cast<size_t>(e)];
            const double p = conditional.values[static_cast<size_t>(e)];
            entries[static_cast<size_t>(fill[static_cast<size_t>(i)]++)] = {j, p};
            entries[static_cast<size_t>(fill[static_cast<size_t>(j)]++)] = {static_cast<int32_t>(i), p};
        }
    SparseRows p;
    p.rowStart.assign(1, 0);
    p.rowStart.reserve(static_cast<size_t>(n + 1));
    p.cols.reserve(entries.size());
    p.values.reserve(entries.size());
    const double scale = n > 0 ? 1.0 / (2.0 * static_cast<double>(n)) : 0.0;
    for (int64_t i = 0; i < n; ++i) {
        auto first = entries.begin() + start[static_cast<size_t>(i)];
        auto last = entries.begin() + start[static_cast<size_t>(i + 1)];
        std::sort(first, last, [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = first; it != last; ++it) {
            if (!p.cols.empty() && static_cast<int64_t>(p.cols.size()) > p.rowStart.back() &&
                p.cols.back() == it->first)
                p.values.back() += it->second * scale;
            else {
                p.cols.push_back(it->first);
                p.values.push_back(it->second * scale);
            }
        }
        p.rowStart.push_back(static_cast<int64_t>(p.cols.size()));
    }
    return p;
}

}  // namespace cs
