#pragma once
// convstudio-cli dataset doctor: runs the engine's data doctor (engine/doctor) on a dataset,
// optionally with a trained model, and prints its findings or the whole report as JSON.
#include <ostream>
#include <string>
#include <vector>

namespace cs::cli {

// The arguments after "dataset doctor"; returns the exit code (0, 1 failure, 2 usage). Its
// usage is in datasetCommandHelp() (dataset_command.h).
int runDatasetDoctor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace cs::cli
