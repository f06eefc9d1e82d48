#include <cstdio>
#include <iostream>

#include "cli_args.h"
#include "commands.h"
#include "core/errors.h"
#include "core/json_options.h"
#include "inference/classifier.h"

namespace cs::cli {

int runPredict(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"model", "top"}, {"json"});
    if (!args.has("model")) throw UsageError("predict needs --model FILE (a trained .csmodel)");
    if (args.positional().empty()) throw UsageError("predict needs one or more image files");
    Classifier classifier(loadModelFile(args.get("model")));
    const int k = args.getInt("top", 3);
    if (k < 1) throw UsageError("--top must be at least 1");
    nlohmann::json results = nlohmann::json::array();
    int failures = 0;
    for (const auto& path : args.positional()) {
        try {
            const auto scores = classifier.topK(readImageFile(path), k);
            if (args.has("json")) {
                nlohmann::json top = nlohmann::json::array();
                for (const auto& s : scores)
                    top.push_back({{"index", s.index}, {"name", s.name}, {"probability", s.probability}});
                results.push_back({{"file", path}, {"top", top}});
            } else {
                out << path << "\n";
                for (const auto& s : scores) {
                    char line[256];
                    std::snprintf(line, sizeof line, "  %2d %-20s %.4f\n", s.index, s.name.c_str(), s.probability);
                    out << line;
                }
            }
        } catch (const Error& e) {
            ++failures;
            err << "convstudio-cli predict: " << e.what() << "\n";
            if (args.has("json")) results.push_back({{"file", path}, {"error", e.what()}});
        }
    }
    if (args.has("json")) out << jsonText(nlohmann::json{{"predictions", results}}, 2) << "\n";
    return failures ? 1 : 0;
}

}  // namespace cs::cli
