#include "doctor/feature_duplicates.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/sgemm.h"
#include "doctor/doctor_stage.h"

namespace cs {

namespace {

constexpr int64_t kBlock = 512;

struct BlockPair {
    std::size_t bucket;
    int64_t first, second;  // starting offsets inside the bucket
};

}  // namespace

std::vector<DuplicateEdge> findFeatureDuplicates(const std::vector<float>& rows, int dim,
                                                 const std::vector<int>& buckets, float maxDistance, WorkerPool& pool,
                                                 const DoctorStage& stage) {
    const int64_t n = dim > 0 ? int64_t(rows.size()) / dim : 0;
    // Each bucket's rows, and their unit-length features stored contiguously.
    std::map<int, std::vector<int64_t>> members;
    for (int64_t r = 0; r < n; ++r) members[buckets.empty() ? 0 : buckets[std::size_t(r)]].push_back(r);
    std::vector<std::vector<int64_t>> groupRows;
    std::vector<std::vector<float>> unit;
    for (auto& [bucket, list] : members) {
        std::vector<float> u(list.size() * std::size_t(dim));
        for (std::size_t k = 0; k < list.size(); ++k) {
            const float* x = &rows[std::size_t(list[k]) * std::size_t(dim)];
            double norm = 0;
            for (int d = 0; d < dim; ++d) norm += double(x[d]) * x[d];
            const float scale = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.f;
            for (int d = 0; d < dim; ++d) u[k * std::size_t(dim) + std::size_t(d)] = x[d] * scale;
        }
        groupRows.push_back(std::move(list));
        unit.push_back(std::move(u));
    }
    std::vector<BlockPair> pairs;
    for (std::size_t g = 0; g < groupRows.size(); ++g) {
        const int64_t size = int64_t(groupRows[g].size());
        for (int64_t i = 0; i < size; i += kBlock)
            for (int64_t j = i; j < size; j += kBlock) pairs.push_back({g, i, j});
    }
    // |u - v|^2 = 2 - 2 u.v for unit vectors.
    const float minDot = 1.f - 0.5f * maxDistance * maxDistance;
    std::vector<std::vector<DuplicateEdge>> found(std::size_t(pool.size()));
    const int workers = pool.size();
    pool.run([&](int w) {
        std::vector<float> dots(std::size_t(kBlock * kBlock));
        for (std::size_t p = std::size_t(w); p < pairs.size(); p += std::size_t(workers)) {
            stage.check();
            const BlockPair& bp = pairs[p];
            const auto& list = groupRows[bp.bucket];
            const float* u = unit[bp.bucket].data();
            const int64_t size = int64_t(list.size());
            const int m = int(std::min(kBlock, size - bp.first)), k = int(std::min(kBlock, size - bp.second));
            sgemm(m, k, dim, GemmMatrix{u + bp.first * dim, dim}, GemmMatrix{u + bp.second * dim, dim, true},
                  dots.data(), kBlock, false);
            for (int a = 0; a < m; ++a)
                for (int b = bp.first == bp.second ? a + 1 : 0; b < k; ++b) {
                    const float dot = dots[std::size_t(a * kBlock + b)];
                    if (dot < minDot) continue;
                    const int64_t ra = list[std::size_t(bp.first + a)], rb = list[std::size_t(bp.second + b)];
                    const float distance = std::sqrt(std::max(0.f, 2.f - 2.f * dot));
                    found[std::size_t(w)].push_back(
                        {std::min(ra, rb), std::max(ra, rb), distance, DuplicateEvidence::Features});
                }
            if (w == 0) stage.report(double(p + 1) / double(pairs.size()));
        }
    });
    std::vector<DuplicateEdge> edges;
    for (auto& f : found) edges.insert(edges.end(), f.begin(), f.end());
    std::sort(edges.begin(), edges.end(),
              [](const DuplicateEdge& x, const DuplicateEdge& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
    return edges;
}

}  // namespace cs
