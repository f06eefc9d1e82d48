#pragma once
// Small datasets generated in memory for tests: no files, fully determined by a seed.
#include <cstdint>

#include "data/dataset.h"

namespace cs::testing {

// `perClass` images of size x size (1 channel) for 4 classes: a bright square in one of the
// four quadrants, at a random offset, on a noisy background. A small CNN learns it quickly.
Dataset quadrantDataset(int perClass, int size, uint64_t seed);

}  // namespace cs::testing
