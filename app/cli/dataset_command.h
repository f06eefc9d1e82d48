#pragma once
// `convstudio-cli dataset ...`: inspect, export and preview-augment any data source the engine
// loads (IDX, image folders, CIFAR-10, builtin:shapes).
#include <ostream>
#include <string>
#include <vector>

// args are the words after "dataset". Returns the exit code: 0 done, 1 the data or a file could
// not be handled (message on err), 2 bad usage (message and usage on err).
int runDatasetCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The usage text of `dataset` (also printed by `dataset --help`).
std::string datasetCommandHelp();
