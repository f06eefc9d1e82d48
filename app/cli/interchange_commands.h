#pragma once
// convstudio-cli export / import / parity: models in and out of ConvStudio (ONNX, Keras and
// PyTorch code) and the engine-vs-OpenCV DNN parity check. Same contract as commands.h.
#include <ostream>
#include <string>
#include <vector>

namespace cs::cli {

using Args = std::vector<std::string>;

int runExport(const Args& args, std::ostream& out, std::ostream& err);
int runImport(const Args& args, std::ostream& out, std::ostream& err);
int runParity(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace cs::cli
