#pragma once
// Two kinds of hash per image: an exact one of its pixels (identical images share it) and
// perceptual ones: a 256-bit SimHash (the signs of 256 fixed random projections) of the image's
// mean gray values on a grid of at most 12x12 cells, less their mean and scaled to unit length
// (then less the dataset's mean grid), so a change of brightness or contrast does not change it and the share of bits
// two hashes differ in is the angle between the two images' grids over 180 degrees (Charikar 2002). 256 bits because
// the images of one dataset are alike: on Fashion-MNIST different images are often 20-25 degrees apart, shifted and
// re-lit copies 5-10, and 64 bits cannot tell these apart reliably. A shift by a pixel or two changes such a hash a
// lot, so each image is also hashed shifted back by every offset of up to kMaxShift pixels in one half-plane: a copy
// shifted by s matches its original in one of these (the original's variant at -s, or the copy's at s).
//
// OpenCV's img_hash pHash was measured first and does not fit: on Fashion-MNIST, copies shifted
// by 1-2 pixels were up to 17 bits from their originals while hundreds of pairs of different
// images were 0-1 bits apart.
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "doctor/doctor_data.h"

namespace cs {

class DoctorStage;

inline constexpr int kMaxShift = 2;
inline constexpr int kShiftVariants = 13;  // (0,0) and half of the other offsets in [-2, 2]^2
inline constexpr int kHashWords = 4;       // 256 bits

using PerceptualHash = std::array<uint64_t, kHashWords>;

inline int hammingDistance(const PerceptualHash& a, const PerceptualHash& b) {
    int bits = 0;
    for (int w = 0; w < kHashWords; ++w) bits += std::popcount(a[std::size_t(w)] ^ b[std::size_t(w)]);
    return bits;
}

struct ImageHashes {
    std::vector<uint64_t> exact;  // one per row of DoctorData
    // kShiftVariants per row; variant 0 is the unshifted image (the one others are compared to).
    std::vector<PerceptualHash> shifted;
    const PerceptualHash& perceptual(int64_t row) const { return shifted[std::size_t(row) * kShiftVariants]; }
    const PerceptualHash& variant(int64_t row, int v) const {
        return shifted[std::size_t(row) * kShiftVariants + std::size_t(v)];
    }
};

// The offsets (dx, dy) of the variants, variant 0 being (0, 0).
const std::array<std::pair<int, int>, kShiftVariants>& shiftVariants();

uint64_t exactHash(const uint8_t* pixels, std::size_t bytes);

ImageHashes hashImages(const DoctorData& data, WorkerPool& pool, const DoctorStage& stage);

}  // namespace cs
