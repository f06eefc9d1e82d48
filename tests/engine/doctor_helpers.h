#pragma once
// The data doctor's "Done when" scenario, shared by its test and its benchmark: a dataset whose
// training labels are changed for a known share of images and into whose training set test
// images are copied with small shifts and brightness changes.
#include <cstdint>
#include <vector>

#include "data/dataset.h"
#include "doctor/data_doctor.h"

namespace cs::testing {

struct DoctorScenario {
    Dataset train, test;
    std::vector<uint32_t> flipped;  // training indices whose label was changed
    // Copies: training index copies[i].first is a shifted, re-lit copy of test index .second.
    std::vector<std::pair<uint32_t, uint32_t>> copies;
};

// `train` gets `flipShare` of its labels changed to another class (uniformly), then `copies`
// test images appended: shifted by 1-2 pixels in x and/or y and brightness scaled by 0.75-1.25.
DoctorScenario makeDoctorScenario(Dataset train, const Dataset& test, double flipShare, int copies, uint64_t seed);

// `image` shifted by (dx, dy) pixels (the uncovered border black) and its values scaled by `gain`.
std::vector<uint8_t> shiftedCopy(const uint8_t* image, int height, int width, int channels, int dx, int dy, float gain);

struct ScenarioFigures {
    double flippedInTopN = 0;  // share of the changed labels among the top-N suspects (N = changed)
    double copiesFound = 0;    // share of copies in a group that spans splits with their original
    double leakPrecision = 0;  // share of the training images in groups that span splits that are copies
    int leakGroups = 0;
    int groupsWithCopies = 0;  // leakage groups holding an injected copy (the rest: the data's own)
};

ScenarioFigures measureScenario(const DoctorScenario& s, const DoctorReport& report);

}  // namespace cs::testing
