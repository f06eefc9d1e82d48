#pragma once
// Duplicate pairs from the image hashes: identical pixels (same exact hash, pixels compared),
// and near copies: some shift variant of one image's perceptual hash at most `maxBits` bits from
// the other's, confirmed by the pixels (shiftedCorrelation at least kMinCorrelation). The hash
// pairs are found by multi-index hashing (Norouzi et al.): the 64 bits are cut into maxBits + 1
// chunks, and two hashes at most maxBits apart agree exactly on at least one chunk, so only
// images sharing a chunk value are compared (not all n^2 / 2 pairs).
#include <cstdint>
#include <vector>

#include "doctor/duplicate_groups.h"
#include "doctor/image_hashes.h"

namespace cs {

class DoctorStage;

// Copies shifted by 1-2 pixels and re-lit correlate at 0.995 or more with their originals on
// Fashion-MNIST; the most alike different images found among 3,000 x 500 pairs at 0.987.
inline constexpr float kMinCorrelation = 0.99f;

struct HashSearchStats {
    int64_t distinctImages = 0;  // after merging identical ones
    int64_t candidates = 0;      // pairs within maxBits, checked on the pixels
    int64_t nearPairs = 0;       // ... and confirmed
};

std::vector<DuplicateEdge> findHashDuplicates(const DoctorData& data, const ImageHashes& hashes, int maxBits,
                                              WorkerPool& pool, const DoctorStage& stage,
                                              HashSearchStats* stats = nullptr);

}  // namespace cs
