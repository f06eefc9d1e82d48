#pragma once
// Loads the dataset a command trains or evaluates on, sized for the model's preprocessing,
// and reports what the loader skipped.
#include <string>

#include "data/dataset.h"
#include "data/preprocessing.h"

namespace cs::cli {

// Loads `path` (any format the engine reads, or "builtin"). Image folders are resized to the
// preprocessing's input size at load time. Problems found (skipped files) are printed to stderr.
DataSplits loadData(const std::string& path, const Preprocessing& pre, bool quiet);

}  // namespace cs::cli
