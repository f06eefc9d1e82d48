#include "data_loading.h"

#include <iostream>

#include "data/data_source.h"

namespace cs::cli {

DataSplits loadData(const std::string& path, const Preprocessing& pre, bool quiet) {
    LoadOptions options;
    options.height = pre.height;
    options.width = pre.width;
    options.channels = pre.channels;
    DataSplits data = loadDataSource(path, options);
    if (!data.problems.empty()) {
        std::cerr << "convstudio-cli: " << data.problems.size() << " problem(s) while loading '" << path << "'";
        const std::size_t shown = quiet ? 0 : std::min<std::size_t>(data.problems.size(), 10);
        std::cerr << (shown ? ":\n" : " (use without --quiet/--json to list them)\n");
        for (std::size_t i = 0; i < shown; ++i)
            std::cerr << "  " << data.problems[i].path << ": " << data.problems[i].message << "\n";
        if (data.problems.size() > shown && shown)
            std::cerr << "  ... and " << data.problems.size() - shown << " more\n";
    }
    return data;
}

}  // namespace cs::cli
