#pragma once
// The data doctor's 2-D map: t-SNE of the report's feature rows (the model's penultimate
// features, or the pixels' principal components), one point per image.
#include "doctor/data_doctor.h"
#include "doctor/doctor_stage.h"

namespace cs {

// Fills report.map from report.features: every image, or a deterministic sample of every k-th
// image when there are more than options.mapMaxPoints. Nothing without feature rows.
void addDoctorMap(DoctorReport& report, const Dataset& train, const Dataset& test, const DoctorOptions& options,
                  DoctorStage& stage);

}  // namespace cs
