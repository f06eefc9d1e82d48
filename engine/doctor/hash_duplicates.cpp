#include "doctor/hash_duplicates.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>

#include "doctor/doctor_stage.h"

namespace cs {

namespace {

// Bits [first, first + count) of h.
uint64_t chunkOf(uint64_t h, int first, int count) {
    return count >= 64 ? h : (h >> first) & ((uint64_t(1) << count) - 1);
}

}  // namespace

std::vector<DuplicateEdge> findHashDuplicates(const DoctorData& data, const ImageHashes& hashes, int maxBits,
                                              const DoctorStage& stage, HashSearchStats* stats) {
    std::vector<DuplicateEdge> edges;
    const int64_t n = data.size();
    // Identical images: runs of equal exact hashes whose pixels are equal to the run's first.
    std::vector<int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        const uint64_t ha = hashes.exact[std::size_t(a)], hb = hashes.exact[std::size_t(b)];
        return ha != hb ? ha < hb : a < b;
    });
    std::vector<int64_t> distinct;  // one row per distinct image
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && hashes.exact[std::size_t(order[j])] == hashes.exact[std::size_t(order[i])]) ++j;
        distinct.push_back(order[i]);
        for (std::size_t k = i + 1; k < j; ++k) {
            if (std::memcmp(data.image(order[i]), data.image(order[k]), data.imageBytes()) == 0)
                edges.push_back({order[i], order[k], 0.f, DuplicateEvidence::Pixels});
            else
                distinct.push_back(order[k]);  // a hash collision: a different image
        }
        i = j;
    }
    HashSearchStats local;
    local.distinctImages = int64_t(distinct.size());
    if (maxBits >= 0) {
        const int chunks = std::clamp(maxBits + 1, 1, 64);
        std::vector<std::pair<uint64_t, int64_t>> keyed(distinct.size());
        for (int c = 0; c < chunks; ++c) {
            stage.report(double(c) / chunks);
            const int first = c * 64 / chunks, count = (c + 1) * 64 / chunks - first;
            for (std::size_t i = 0; i < distinct.size(); ++i)
                keyed[i] = {chunkOf(hashes.perceptual[std::size_t(distinct[i])], first, count), distinct[i]};
            std::sort(keyed.begin(), keyed.end());
            for (std::size_t i = 0; i < keyed.size();) {
                std::size_t j = i + 1;
                while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
                for (std::size_t a = i; a < j; ++a) {
                    if ((a & 1023) == 0) stage.check();
                    const uint64_t ha = hashes.perceptual[std::size_t(keyed[a].second)];
                    for (std::size_t b = a + 1; b < j; ++b) {
                        const uint64_t hb = hashes.perceptual[std::size_t(keyed[b].second)];
                        ++local.comparisons;
                        const int bits = std::popcount(ha ^ hb);
                        if (bits > maxBits) continue;
                        // Found once: by the first chunk on which the two agree.
                        bool earlier = false;
                        for (int e = 0; e < c && !earlier; ++e) {
                            const int f = e * 64 / chunks, k = (e + 1) * 64 / chunks - f;
                            earlier = chunkOf(ha, f, k) == chunkOf(hb, f, k);
                        }
                        if (earlier) continue;
                        ++local.nearPairs;
                        edges.push_back({std::min(keyed[a].second, keyed[b].second),
                                         std::max(keyed[a].second, keyed[b].second), float(bits),
                                         DuplicateEvidence::PerceptualHash});
                    }
                }
                i = j;
            }
        }
    }
    if (stats) *stats = local;
    return edges;
}

}  // namespace cs
