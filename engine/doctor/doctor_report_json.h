#pragma once
// The doctor's report as JSON (the CLI's `dataset doctor --json`, a saved report): every image
// named by its split, index and source (Dataset::sourceOf), classes by index and name. The
// per-image features are left out (they are for the map, not for reading).
#include <nlohmann/json.hpp>

#include "doctor/data_doctor.h"

namespace cs {

nlohmann::json doctorReportToJson(const DoctorReport& report, const Dataset& train, const Dataset& test);

const char* doctorSplitName(DoctorSplit split);  // "train", "test"
const char* outlierKindName(OutlierKind kind);   // "blank", "saturated", "low_contrast", "far_from_classes"

}  // namespace cs
