#pragma once
// Generated datasets for the dataset browser tests: every image encodes its index and label, so
// a test can tell which sample a thumbnail or a row shows.
#include <string>

#include "data/dataset.h"

namespace cs::test {

// `trainCount` + `testCount` gray images of size x size, labels i % classes, pixel (0,0) = i % 256
// and the rest filled with 20 * label.
DataSplits generatedSplits(int trainCount, int testCount, int classes, int size = 8);

}  // namespace cs::test
