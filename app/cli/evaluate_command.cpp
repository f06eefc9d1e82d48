#include <cstdio>
#include <iomanip>
#include <iostream>

#include "cli_args.h"
#include "commands.h"
#include "core/errors.h"
#include "core/json_options.h"
#include "data_loading.h"
#include "graph/model.h"
#include "model_source.h"
#include "train/evaluator.h"

namespace cs::cli {

int runEvaluate(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"model", "data", "split", "batch", "threads", "classes"}, {"json", "quiet"});
    if (!args.has("model")) throw UsageError("evaluate needs --model FILE (a trained .csmodel)");
    if (!args.has("data")) throw UsageError("evaluate needs --data PATH");
    ModelFile file = loadModelFile(args.get("model"));
    if (!file.hasWeights()) throw Error("'" + args.get("model") + "' has no trained weights; train it first");
    Model model(file.graph, file.seed);
    applyWeights(file, model);
    DataSplits data = loadData(args.get("data"), file.preprocessing, args.has("quiet") || args.has("json"));
    selectClasses(data, classSelectionFrom(args, data.train.classNames, 1));
    const std::string split = args.get("split", data.test.size() ? "test" : "train");
    const Dataset* set = split == "test"         ? &data.test
                         : split == "train"      ? &data.train
                         : split == "validation" ? &data.validation
                                                 : nullptr;
    if (!set) throw UsageError("--split must be train, validation or test, got '" + split + "'");
    if (set->size() == 0) throw Error("the dataset has no " + split + " images");
    EvalOptions eo;
    eo.batchSize = args.getInt("batch", 256);
    const EvalResult r = evaluate(model, *set, file.preprocessing, eo, nullptr, args.getInt("threads", 0));
    std::vector<std::string> names = file.classNames.empty() ? set->classNames : file.classNames;
    if (args.has("json")) {
        nlohmann::json j = r.toJson(names);
        j["split"] = split;
        j["model"] = args.get("model");
        out << jsonText(j, 2) << "\n";
        return 0;
    }
    char line[256];
    std::snprintf(line, sizeof line, "%s set: %d images, accuracy %.4f, loss %.4f, top-5 %.4f\n", split.c_str(),
                  r.samples, r.accuracy, r.loss, r.topK);
    out << line << "\n";
    std::snprintf(line, sizeof line, "%-16s %9s %9s %9s %8s\n", "class", "precision", "recall", "f1", "support");
    out << line;
    for (int c = 0; c < r.classes; ++c) {
        std::snprintf(line, sizeof line, "%-16s %9.4f %9.4f %9.4f %8d\n",
                      (c < static_cast<int>(names.size()) ? names[c] : std::to_string(c)).c_str(), r.precision[c],
                      r.recall[c], r.f1[c], r.support[c]);
        out << line;
    }
    out << "\nConfusion matrix (rows: true class, columns: predicted)\n      ";
    for (int c = 0; c < r.classes; ++c) out << std::setw(6) << c;
    out << "\n";
    for (int t = 0; t < r.classes; ++t) {
        out << std::setw(6) << t;
        for (int p = 0; p < r.classes; ++p) out << std::setw(6) << r.confusion[t][p];
        out << "\n";
    }
    return 0;
}

}  // namespace cs::cli
