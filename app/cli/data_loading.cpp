#include "data_loading.h"

#include <iostream>

#include "cli_args.h"
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

ClassSelection classSelectionFrom(const CliArgs& args, const std::vector<std::string>& classNames, uint64_t seed) {
    ClassSelection selection;
    if (args.has("classes")) selection.classes = parseClassList(args.get("classes"), classNames);
    if (args.has("per-class")) {
        selection.perClass = args.getInt("per-class", 0);
        if (selection.perClass <= 0)
            throw UsageError("--per-class takes a positive number of images, got '" + args.get("per-class") + "'");
    }
    selection.seed = seed;
    return selection;
}

}  // namespace cs::cli
