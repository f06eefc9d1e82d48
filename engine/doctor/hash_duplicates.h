#pragma once
// Duplicate pairs from the image hashes: identical pixels (same exact hash, pixels compared),
// and perceptual hashes at most `maxBits` apart. The near pairs are found by multi-index
// hashing (Norouzi et al.): the 64 bits are cut into maxBits + 1 chunks, and two hashes that
// differ in at most maxBits bits agree exactly on at least one chunk, so only images sharing a
// chunk value are compared (not all n^2 / 2 pairs).
#include <cstdint>
#include <vector>

#include "doctor/duplicate_groups.h"
#include "doctor/image_hashes.h"

namespace cs {

class DoctorStage;

struct HashSearchStats {
    int64_t distinctImages = 0;  // after merging identical ones
    int64_t comparisons = 0;     // hash pairs compared
    int64_t nearPairs = 0;
};

std::vector<DuplicateEdge> findHashDuplicates(const DoctorData& data, const ImageHashes& hashes, int maxBits,
                                              const DoctorStage& stage, HashSearchStats* stats = nullptr);

}  // namespace cs
