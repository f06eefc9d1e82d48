#pragma once
// A procedural data set that needs no files: ten classes of shapes drawn with OpenCV at a random
// position, size, rotation and stroke width, with background noise. Quick to learn for a small
// CNN, not trivial (size, position and stroke vary; outlined and filled shapes differ).
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "data/load_options.h"

namespace cs {

// Names of the built-in sets loadBuiltin knows ("shapes").
std::vector<std::string> builtinDatasetNames();

const std::vector<std::string>& shapeClassNames();

// `count` images of height x width x channels (1 gray, 3 RGB with random colours); sample i has
// label i % 10 and depends only on (seed, i).
Dataset makeShapesDataset(int count, int height, int width, int channels, uint64_t seed);

// "builtin" or "builtin:shapes": train and test sets sized by the options (28x28x1 by default;
// the test set uses another seed). Throws FileError for an unknown name, listing the known ones.
DataSplits loadBuiltin(const std::string& name, const LoadOptions& options);

}  // namespace cs
