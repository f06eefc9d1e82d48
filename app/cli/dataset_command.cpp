#include "dataset_command.h"



int runDatasetCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    err << "dataset: not implemented yet\n";
    return 2;
}


