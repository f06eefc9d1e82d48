#pragma once
// Loads the model a command works on: `--preset NAME` or `--model FILE` (a .csmodel).
#include <string>

#include "cli_args.h"
#include "io/model_file.h"

namespace cs::cli {

struct ModelSource {
    ModelFile file;
    std::string label;  // "preset seed-cnn" or the file path
};

// Throws UsageError when neither or both are given.
ModelSource loadModelSource(const CliArgs& args);

}  // namespace cs::cli
