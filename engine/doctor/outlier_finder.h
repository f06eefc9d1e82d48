#pragma once
// Outliers: images that are (nearly) one value, clipped to black and white, or of almost no
// contrast, from pixel statistics; and with features, images far from every class.
#include <cstdint>
#include <vector>

#include "doctor/doctor_data.h"

namespace cs {

class DoctorStage;

// Thresholds on the 0..255 scale; chosen so that none of the 70,000 Fashion-MNIST images is
// flagged while a constant, a binarised or a faint image is (tests/engine/test_doctor_parts).
struct PixelOutlierLimits {
    float blankStdev = 2.f;           // below: Blank
    float lowContrastRange = 24.f;    // 1st to 99th percentile below this: LowContrast
    float saturatedFraction = 0.97f;  // at least this share of pixels at <= 2 or >= 253 ...
    float saturatedMinority = 0.05f;  // ... with both ends holding at least this share: Saturated
};

std::vector<Outlier> findPixelOutliers(const DoctorData& data, WorkerPool& pool, const DoctorStage& stage,
                                       const PixelOutlierLimits& limits = {});

// Images whose distance to the nearest class mean (features standardized per dimension) exceeds
// the 99.9th percentile of the images' distances to their own class mean: score = that distance
// divided by the percentile. `features`: data.size() rows of `dim` values.
std::vector<Outlier> findFeatureOutliers(const DoctorData& data, const std::vector<float>& features, int dim,
                                         const DoctorStage& stage);

}  // namespace cs
