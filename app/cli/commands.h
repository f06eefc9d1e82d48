#pragma once
// The convstudio-cli commands. Each takes the arguments after its name and returns the exit
// code: 0 success, 1 failure (the message went to `err`), 2 usage error.
#include <ostream>
#include <string>
#include <vector>

namespace cs::cli {

using Args = std::vector<std::string>;

int runSummary(const Args& args, std::ostream& out, std::ostream& err);
int runTrain(const Args& args, std::ostream& out, std::ostream& err);
int runEvaluate(const Args& args, std::ostream& out, std::ostream& err);
int runPredict(const Args& args, std::ostream& out, std::ostream& err);
int runExplain(const Args& args, std::ostream& out, std::ostream& err);
int runPresets(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace cs::cli
