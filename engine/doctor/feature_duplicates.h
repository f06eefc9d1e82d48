#pragma once
// Near duplicates in a model's feature space: pairs whose features, scaled to unit length, lie
// closer than a threshold (Euclidean distance between unit vectors, 0..2). Distances come from
// the engine's sgemm in blocks of rows; only rows of the same bucket are compared (the doctor
// buckets by the out-of-sample predicted class: a near copy is predicted like its original,
// and this cuts the work about tenfold on ten classes).
#include <cstdint>
#include <vector>

#include "doctor/duplicate_groups.h"

namespace cs {

class DoctorStage;

// `rows`: n rows of `dim` values; `buckets`: n bucket numbers, or empty (one bucket).
std::vector<DuplicateEdge> findFeatureDuplicates(const std::vector<float>& rows, int dim,
                                                 const std::vector<int>& buckets, float maxDistance, WorkerPool& pool,
                                                 const DoctorStage& stage);

}  // namespace cs
