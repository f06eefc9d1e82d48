#pragma once
// The doctor's feature space without a model: each image's pixels (scaled down to at most
// kMaxPixelValues values, in [0, 1]) projected on their leading principal components.
#include <vector>

#include "doctor/doctor_data.h"

namespace cs {

class DoctorStage;

struct PixelEmbedding {
    std::vector<float> rows;  // data.size() x dim
    int dim = 0;
    int height = 0, width = 0;  // the size the images were scaled to
};

inline constexpr int kMaxPixelValues = 1024;
inline constexpr int kPixelPcaSample = 10000;  // images the components are fitted on

PixelEmbedding embedPixels(const DoctorData& data, int components, WorkerPool& pool, const DoctorStage& stage,
                           uint64_t seed);

}  // namespace cs
