#pragma once
// Two hashes per image: an exact one of its pixels (identical images share it) and a 64-bit
// perceptual hash (OpenCV img_hash's pHash: the signs of the 8x8 lowest frequencies of a DCT of
// the image at 32x32, so small shifts, blur and brightness changes flip few bits).
#include <cstdint>
#include <vector>

#include "doctor/doctor_data.h"

namespace cs {

class DoctorStage;

struct ImageHashes {
    std::vector<uint64_t> exact;       // one per row of DoctorData
    std::vector<uint64_t> perceptual;  // one per row of DoctorData
};

uint64_t exactHash(const uint8_t* pixels, std::size_t bytes);
uint64_t perceptualHash(const uint8_t* pixels, int height, int width, int channels);

ImageHashes hashImages(const DoctorData& data, WorkerPool& pool, const DoctorStage& stage);

}  // namespace cs
