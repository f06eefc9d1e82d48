#include "doctor/hash_duplicates.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <tuple>

#include "doctor/doctor_stage.h"
#include "doctor/pixel_match.h"

namespace cs {

namespace {

// Bits [first, first + count) of h (count <= 64).
uint64_t chunkOf(const PerceptualHash& h, int first, int count) {
    uint64_t v = 0;
    for (int k = 0; k < count;) {
        const int bit = first + k, word = bit / 64, offset = bit % 64;
        const int take = std::min(count - k, 64 - offset);
        const uint64_t part =
            (h[std::size_t(word)] >> offset) & (take == 64 ? ~uint64_t(0) : (uint64_t(1) << take) - 1);
        v |= part << k;
        k += take;
    }
    return v;
}

// Identical images: runs of equal exact hashes whose pixels equal the run's first. Returns one
// row per distinct image.
std::vector<int64_t> exactDuplicates(const DoctorData& data, const ImageHashes& hashes,
                                     std::vector<DuplicateEdge>& edges) {
    std::vector<int64_t> order(static_cast<std::size_t>(data.size()));
    std::iota(order.begin(), order.end(), 0);
    auto hashOf = [&](int64_t r) { return hashes.exact[std::size_t(r)]; };
    std::sort(order.begin(), order.end(),
              [&](int64_t a, int64_t b) { return hashOf(a) != hashOf(b) ? hashOf(a) < hashOf(b) : a < b; });
    std::vector<int64_t> distinct;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && hashOf(order[j]) == hashOf(order[i])) ++j;
        distinct.push_back(order[i]);
        for (std::size_t k = i + 1; k < j; ++k) {
            if (std::memcmp(data.image(order[i]), data.image(order[k]), data.imageBytes()) == 0)
                edges.push_back({order[i], order[k], 0.f, DuplicateEvidence::Pixels});
            else
                distinct.push_back(order[k]);  // a hash collision: a different image
        }
        i = j;
    }
    std::sort(distinct.begin(), distinct.end());
    return distinct;
}

std::vector<float> grayFloats(const DoctorData& data, int64_t row) {
    const int c = data.channels();
    const cv::Mat image(data.height(), data.width(), CV_8UC(c), const_cast<uint8_t*>(data.image(row)));  // read only
    cv::Mat gray8 = image;
    if (c == 3) cv::cvtColor(image, gray8, cv::COLOR_RGB2GRAY);
    if (c == 4) cv::cvtColor(image, gray8, cv::COLOR_RGBA2GRAY);
    if (c == 2) cv::extractChannel(image, gray8, 0);
    std::vector<float> out(gray8.total());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = gray8.ptr<uint8_t>()[i];
    return out;
}

}  // namespace

std::vector<DuplicateEdge> findHashDuplicates(const DoctorData& data, const ImageHashes& hashes, int maxBits,
                                              WorkerPool& pool, const DoctorStage& stage, HashSearchStats* stats) {
    std::vector<DuplicateEdge> edges;
    const std::vector<int64_t> distinct = exactDuplicates(data, hashes, edges);
    HashSearchStats local;
    local.distinctImages = int64_t(distinct.size());
    if (maxBits < 0) {
        if (stats) *stats = local;
        return edges;
    }
    // One table per chunk: the distinct images grouped by their chunk value (offsets by value,
    // then the images with their hashes, so a lookup reads one contiguous run). Chunks of at
    // most kMaxChunkBits bits keep the offset arrays small; more chunks than maxBits + 1 keep
    // the guarantee.
    constexpr int kHashBits = 64 * kHashWords;
    constexpr int kMaxChunkBits = 20;
    const int chunks = std::clamp(maxBits + 1, (kHashBits + kMaxChunkBits - 1) / kMaxChunkBits, kHashBits);
    auto bounds = [&](int c) {
        return std::pair(c * kHashBits / chunks, (c + 1) * kHashBits / chunks - c * kHashBits / chunks);
    };
    struct Entry {
        PerceptualHash hash;
        int64_t row;
    };
    struct Table {
        std::vector<uint32_t> offsets;  // 2^bits + 1
        std::vector<Entry> entries;
    };
    std::vector<Table> tables(static_cast<std::size_t>(chunks));
    for (int c = 0; c < chunks; ++c) {
        const auto [first, count] = bounds(c);
        Table& t = tables[std::size_t(c)];
        t.offsets.assign((std::size_t(1) << count) + 1, 0);
        for (int64_t r : distinct) ++t.offsets[chunkOf(hashes.perceptual(r), first, count) + 1];
        for (std::size_t k = 1; k < t.offsets.size(); ++k) t.offsets[k] += t.offsets[k - 1];
        t.entries.resize(distinct.size());
        std::vector<uint32_t> next(t.offsets.begin(), t.offsets.end() - 1);
        for (int64_t r : distinct)
            t.entries[next[chunkOf(hashes.perceptual(r), first, count)]++] = {hashes.perceptual(r), r};
    }
    // Candidate pairs (a < b) with the fewest bits any variant found.
    // a(y, x) looks like b(y + dy, x + dx).
    struct Candidate {
        int64_t a, b;
        int bits;
        int dx, dy;
    };
    std::vector<Candidate> candidates;
    std::mutex mutex;
    parallelBlocks(
        pool, int64_t(distinct.size()), 512,
        [&](int64_t begin, int64_t end) {
            stage.check();
            std::vector<Candidate> found;
            for (int64_t i = begin; i < end; ++i) {
                const int64_t q = distinct[std::size_t(i)];
                for (int v = 0; v < kShiftVariants; ++v) {
                    // q's variant v, q moved back by (dx, dy), is like r: r(y, x) ~ q(y + dy, x + dx).
                    const PerceptualHash& hv = hashes.variant(q, v);
                    const auto [dx, dy] = shiftVariants()[std::size_t(v)];
                    for (int c = 0; c < chunks; ++c) {
                        const auto [first, count] = bounds(c);
                        const Table& t = tables[std::size_t(c)];
                        const uint64_t key = chunkOf(hv, first, count);
                        for (uint32_t e = t.offsets[key]; e < t.offsets[key + 1]; ++e) {
                            const int64_t r = t.entries[e].row;
                            if (r == q) continue;
                            const int bits = hammingDistance(hv, t.entries[e].hash);
                            if (bits > maxBits) continue;
                            if (r < q)
                                found.push_back({r, q, bits, dx, dy});
                            else
                                found.push_back({q, r, bits, -dx, -dy});
                        }
                    }
                }
            }
            const std::lock_guard lock(mutex);
            candidates.insert(candidates.end(), found.begin(), found.end());
        },
        [&](double f) { stage.report(0.5 * f); });
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tuple(x.a, x.b, x.bits, x.dx, x.dy) < std::tuple(y.a, y.b, y.bits, y.dx, y.dy);
    });
    candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                 [](const Candidate& x, const Candidate& y) { return x.a == y.a && x.b == y.b; }),
                     candidates.end());
    local.candidates = int64_t(candidates.size());
    // Confirm on the pixels.
    std::vector<char> confirmed(candidates.size(), 0);
    parallelBlocks(
        pool, int64_t(candidates.size()), 256,
        [&](int64_t begin, int64_t end) {
            stage.check();
            for (int64_t i = begin; i < end; ++i) {
                const Candidate& c = candidates[std::size_t(i)];
                const std::vector<float> a = grayFloats(data, c.a), b = grayFloats(data, c.b);
                // The hash found the shift; the pixels around it cover an in-between one (tried
                // only when the shift found is close: most candidates are far below).
                const int h = data.height(), w = data.width();
                float r = correlationAt(a.data(), b.data(), h, w, c.dx, c.dy);
                if (r < kMinCorrelation && r > kMinCorrelation - 0.1f)
                    r = shiftedCorrelation(a.data(), b.data(), h, w, c.dx, c.dy, 1);
                confirmed[std::size_t(i)] = r >= kMinCorrelation;
            }
        },
        [&](double f) { stage.report(0.5 + 0.5 * f); });
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (confirmed[i]) {
            edges.push_back(
                {candidates[i].a, candidates[i].b, float(candidates[i].bits), DuplicateEvidence::PerceptualHash});
            ++local.nearPairs;
        }
    if (stats) *stats = local;
    return edges;
}

}  // namespace cs
