#pragma once
// Model presets shipped in resources/presets/*.json and compiled into the engine.
// A preset is a model document without weights: graph, preprocessing, class names, training.
#include <string>
#include <vector>

#include "io/model_file.h"

namespace cs {

std::vector<std::string> presetNames();         // sorted: "lenet5", "mlp", "seed-cnn", ...
ModelFile loadPreset(const std::string& name);  // throws Error listing the known presets
std::string presetDescription(const std::string& name);

inline constexpr const char* kDefaultPreset = "seed-cnn";

}  // namespace cs
