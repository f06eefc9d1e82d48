#pragma once
// Confident learning (Northcutt, Jiang & Chuang 2021, as in cleanlab's find_label_issues with
// filter_by="confident_learning"): class c's threshold is the mean out-of-sample probability of
// c over the images labelled c; an image counts towards the class whose probability clears its
// threshold (the most probable such class when several do), and the images counted towards
// another class than their label (the off-diagonal of the confident joint) are the suspects.
#include <cstdint>
#include <vector>

#include "doctor/doctor_data.h"

namespace cs {

// `probabilities`: data.size() x classes out-of-sample probabilities. Suspects are ranked by
// the normalized margin: (the best other class's probability - the given one's), highest first;
// their score is that margin mapped to [0, 1]. The suggested class is the one counted towards.
std::vector<LabelSuspect> findLabelSuspects(const DoctorData& data, const std::vector<float>& probabilities,
                                            int classes);

// The per-class thresholds (1 for a class without images: it is never counted towards).
std::vector<float> confidentThresholds(const std::vector<float>& probabilities, const std::vector<int32_t>& labels,
                                       int classes);

}  // namespace cs
