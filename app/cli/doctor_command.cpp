#include "doctor_command.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "cli_args.h"
#include "core/errors.h"
#include "core/json_options.h"
#include "data/data_source.h"
#include "data_loading.h"
#include "dataset_command.h"
#include "doctor/data_doctor.h"
#include "doctor/doctor_report_json.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/model_file.h"

namespace cs::cli {

namespace {

// The first `limit` images of `set` (all when limit is 0).
Dataset limited(const Dataset& set, long limit) {
    if (limit <= 0 || set.size() <= std::size_t(limit)) return set;
    std::vector<uint32_t> first(static_cast<std::size_t>(limit));
    for (uint32_t i = 0; i < first.size(); ++i) first[i] = i;
    return set.subset(first);
}

std::string named(const DoctorImage& image, const Dataset& train, const Dataset& test) {
    const Dataset& set = image.split == DoctorSplit::Train ? train : test;
    return std::string(doctorSplitName(image.split)) + " #" + std::to_string(image.index) + " (" +
           set.sourceOf(image.index) + ")";
}

void printReport(const DoctorReport& r, const Dataset& train, const Dataset& test, std::ostream& out) {
    const auto& names = train.classNames.size() ? train.classNames : test.classNames;
    auto cls = [&](int c) { return c < int(names.size()) ? names[std::size_t(c)] : std::to_string(c); };
    char line[512];
    std::snprintf(line, sizeof line, "Examined %d training and %d test images in %.1f s\n", r.trainImages, r.testImages,
                  r.seconds);
    out << line;
    for (const auto& [stage, seconds] : r.stageSeconds) {
        std::snprintf(line, sizeof line, "  %-20s %7.2f s\n", stage.c_str(), seconds);
        out << line;
    }
    out << "Feature space: "
        << (r.featureLayer.empty() ? "principal components of the pixels" : "layer '" + r.featureLayer + "'") << " ("
        << r.featureDim << " values)\n";
    for (const Message& m : r.notes) out << "Note: " << m.english() << "\n";
    std::size_t leaks = 0, exact = 0;
    for (const DuplicateGroup& g : r.duplicates) {
        leaks += g.spansSplits;
        exact += g.exact;
    }
    out << "\nDuplicate groups: " << r.duplicates.size() << " (" << exact << " exact, " << leaks
        << " spanning train and test)\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(r.duplicates.size(), 10); ++i) {
        const DuplicateGroup& g = r.duplicates[i];
        out << "  " << (g.spansSplits ? "LEAK " : "") << (g.exact ? "exact" : "near") << ", " << g.images.size()
            << " images:";
        for (std::size_t k = 0; k < std::min<std::size_t>(g.images.size(), 4); ++k)
            out << (k ? ", " : " ") << named(g.images[k], train, test);
        out << (g.images.size() > 4 ? ", ..." : "") << "\n";
    }
    out << "\nLikely label errors: " << r.labelSuspects.size();
    out << (r.labelMethod.empty() ? std::string() : " (" + r.labelMethod + ")") << "\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(r.labelSuspects.size(), 10); ++i) {
        const LabelSuspect& s = r.labelSuspects[i];
        std::snprintf(line, sizeof line, "  %s: labelled %s (p=%.2f), looks like %s (p=%.2f)\n",
                      named(s.image, train, test).c_str(), cls(s.givenClass).c_str(), s.givenProbability,
                      cls(s.suggestedClass).c_str(), s.suggestedProbability);
        out << line;
    }
    out << "\nOutliers: " << r.outliers.size() << "\n";
    if (!r.map.empty())
        out << "\nMap: t-SNE of the feature space, " << r.map.size() << " points (in --json and --out)\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(r.outliers.size(), 10); ++i) {
        std::snprintf(line, sizeof line, "  %s: %s (score %.2f)\n", named(r.outliers[i].image, train, test).c_str(),
                      outlierKindName(r.outliers[i].kind), r.outliers[i].score);
        out << line;
    }
}

}  // namespace

int runDatasetDoctor(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    try {
        CliArgs args(argv, {"data", "model", "folds", "limit", "threads", "out", "hash-bits"},
                     {"json", "quiet", "no-map"});
        if (!args.has("data")) throw UsageError("doctor needs --data PATH");
        if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional().front() + "'");
        DoctorOptions options;
        options.folds = args.getInt("folds", options.folds);
        if (options.folds < 2 || options.folds > 50)
            throw UsageError("--folds must be in 2..50, got '" + args.get("folds") + "'");
        const long limit = args.getInt("limit", 0);
        if (limit < 0) throw UsageError("--limit must be a positive number of images per split");
        options.threads = args.getInt("threads", 0);
        options.hashBits = args.getInt("hash-bits", options.hashBits);
        if (options.hashBits < 0 || options.hashBits > 16)
            throw UsageError("--hash-bits must be in 0..16, got '" + args.get("hash-bits") + "'");
        const bool quiet = args.has("quiet") || args.has("json");
        options.map = !args.has("no-map");

        std::optional<ModelFile> file;
        std::unique_ptr<Model> model;
        Preprocessing pre;
        DataSplits data;
        if (args.has("model")) {
            file = loadModelFile(args.get("model"));
            requireTrainedModel(*file, args.get("model"));
            model = std::make_unique<Model>(file->graph, file->seed);
            applyWeights(*file, *model);
            pre = file->preprocessing;
            data = loadData(args.get("data"), pre, quiet);
        } else {
            data = loadData(args.get("data"), Preprocessing{0, 0, 0}, quiet);
            const Dataset& any = data.train.size() ? data.train : data.test;
            pre.height = any.height;
            pre.width = any.width;
            pre.channels = any.channels;
        }
        if (data.validation.size() && !quiet)
            std::cerr << "convstudio-cli: the validation set (" << data.validation.size()
                      << " images) is not examined\n";
        const Dataset train = limited(data.train, limit), test = limited(data.test, limit);

        DoctorProgress progress;
        std::string lastStage;
        progress.report = [&](const std::string& stage, double fraction) {
            if (stage != lastStage || fraction >= 1.0) {
                if (stage != lastStage) std::fprintf(stderr, "doctor: %s ...\n", stage.c_str());
                lastStage = stage;
            }
        };
        const DoctorReport report = runDataDoctor(train, test, model.get(), pre, options, progress);
        const nlohmann::json j = doctorReportToJson(report, train, test);
        if (args.has("out")) writeFileAtomically(args.get("out"), jsonText(j, 1) + "\n");
        if (args.has("json"))
            out << jsonText(j, 1) << "\n";
        else
            printReport(report, train, test, out);
        return 0;
    } catch (const UsageError& e) {
        err << "dataset doctor: " << e.what() << "\n\n" << datasetCommandHelp();
        return 2;
    } catch (const Error& e) {
        err << "dataset doctor: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace cs::cli
