#pragma once
// Loads the dataset a command trains or evaluates on, sized for the model's preprocessing,
// and reports what the loader skipped.
#include <string>

#include "data/class_selection.h"
#include "data/dataset.h"
#include "data/preprocessing.h"

namespace cs::cli {

// Loads `path` (any format the engine reads, or "builtin"). Image folders are resized to the
// preprocessing's input size at load time. Problems found (skipped files) are printed to stderr.
DataSplits loadData(const std::string& path, const Preprocessing& pre, bool quiet);

class CliArgs;

// --classes LIST and --per-class N (see ClassSelection); throws UsageError for a bad count.
ClassSelection classSelectionFrom(const CliArgs& args, const std::vector<std::string>& classNames, uint64_t seed);

}  // namespace cs::cli
