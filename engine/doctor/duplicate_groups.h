#pragma once
// Turns pairs of images found to be duplicates (edges) into groups: the connected components of
// the pairs, each flagged exact (identical pixels) and spansSplits (train and test: leakage).
#include <cstdint>
#include <vector>

#include "doctor/doctor_data.h"

namespace cs {

enum class DuplicateEvidence : uint8_t { Pixels, PerceptualHash, Features };

struct DuplicateEdge {
    int64_t a = 0, b = 0;  // rows of DoctorData
    float distance = 0;    // 0 (pixels), hash bits apart, or feature distance
    DuplicateEvidence evidence = DuplicateEvidence::Pixels;
};

// Groups sorted with the leakage groups first, then by size (largest first), then by first row.
// Members are sorted by row, so a group's representative is its first training image.
std::vector<DuplicateGroup> groupDuplicates(const DoctorData& data, const std::vector<DuplicateEdge>& edges);

}  // namespace cs
