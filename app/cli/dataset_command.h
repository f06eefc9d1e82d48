#pragma once
// `convstudio-cli dataset ...`: inspect, export and preview data sources.
#include <ostream>
#include <string>
#include <vector>



// args are the words after "dataset". Returns the process exit code (0 ok, 1 error, 2 usage).
int runDatasetCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);


