#include "interchange_commands.h"

#include <cstdio>

#include "cli_args.h"
#include "core/errors.h"
#include "core/json_options.h"
#include "data_loading.h"
#include "graph/model.h"
#include "io/code_export.h"
#include "io/onnx_export.h"
#include "io/onnx_import.h"
#include "io/parity.h"
#include "model_source.h"

namespace cs::cli {

namespace {

OnnxExportOptions exportOptions(const CliArgs& args) {
    OnnxExportOptions o;
    o.opset = args.getInt("opset", kOnnxMinOpset);
    if (o.opset < kOnnxMinOpset || o.opset > kOnnxMaxOpset)
        throw UsageError("--opset must be " + std::to_string(kOnnxMinOpset) + " to " + std::to_string(kOnnxMaxOpset));
    o.bakePreprocessing = args.has("bake-preprocessing");
    return o;
}

std::string formatDiff(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

}  // namespace

int runExport(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"model", "preset", "format", "out", "opset"}, {"bake-preprocessing", "json"});
    const std::string format = args.get("format", "onnx");
    if (format != "onnx" && format != "keras" && format != "pytorch")
        throw UsageError("--format must be onnx, keras or pytorch, got '" + format + "'");
    if (!args.has("out")) throw UsageError("export needs --out PATH (a file; a folder for pytorch)");
    if (format != "onnx" && (args.has("opset") || args.has("bake-preprocessing")))
        throw UsageError("--opset and --bake-preprocessing apply to --format onnx only");
    const ModelSource src = loadModelSource(args);
    const std::string path = args.get("out");
    nlohmann::json report = {
        {"model", src.label}, {"format", format}, {"out", path}, {"weights", src.file.hasWeights()}};
    if (format == "onnx") {
        const OnnxExportOptions o = exportOptions(args);
        saveOnnxFile(path, src.file, o);
        report["opset"] = o.opset;
        report["bake_preprocessing"] = o.bakePreprocessing;
    } else if (format == "keras") {
        saveKerasCode(path, src.file);
    } else {
        writePyTorchProject(path, src.file);
        report["files"] = src.file.hasWeights()
                              ? nlohmann::json{"model.py", "train.py", "README.md", "weights.json", "weights.bin"}
                              : nlohmann::json{"model.py", "train.py", "README.md"};
    }
    if (args.has("json")) {
        out << jsonText(report, 2) << "\n";
    } else {
        out << "Exported " << src.label << " as " << format << " to " << path;
        if (format == "onnx")
            out << " (opset " << report["opset"].get<int>()
                << (report["bake_preprocessing"].get<bool>() ? ", preprocessing baked in" : "") << ")";
        out << "\n";
        if (!src.file.hasWeights()) out << "The model has no trained weights: the export holds its initial weights.\n";
    }
    return 0;
}

int runImport(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"out"}, {"json"});
    if (args.positional().size() != 1) throw UsageError("import needs one MODEL.onnx");
    if (!args.has("out")) throw UsageError("import needs --out FILE.csmodel");
    const std::string in = args.positional().front();
    OnnxImportReport report;
    const ModelFile file = loadOnnxFile(in, &report);
    saveModelFile(args.get("out"), file);
    const Model model(file.graph, file.seed);
    if (args.has("json")) {
        out << jsonText(nlohmann::json{{"model", in},
                                       {"out", args.get("out")},
                                       {"layers", file.graph.nodes().size()},
                                       {"params", model.paramCount()},
                                       {"input", model.inputShape().toString()},
                                       {"classes", file.classNames},
                                       {"preprocessing", file.preprocessing.toJson()},
                                       {"class_names_from_metadata", report.classNamesFromMetadata},
                                       {"preprocessing_from_metadata", report.preprocessingFromMetadata},
                                       {"graph_from_metadata", report.graphFromMetadata},
                                       {"notes", report.notes}},
                        2)
            << "\n";
        return 0;
    }
    out << "Imported " << in << " -> " << args.get("out") << ": " << file.graph.nodes().size() << " layers, "
        << model.paramCount() << " parameters, input " << model.inputShape().toString() << ", "
        << file.classNames.size() << " classes\n"
        << "  class names:   " << (report.classNamesFromMetadata ? "from the metadata" : "0..N-1 (no metadata)") << "\n"
        << "  preprocessing: "
        << (report.preprocessingFromMetadata ? "from the metadata" : "default for the input (x/255)") << "\n";
    for (const auto& n : report.notes) out << "  note: " << n << "\n";
    return 0;
}

int runParity(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"data", "count", "opset", "tolerance"}, {"bake-preprocessing", "json"});
    if (args.positional().size() != 1) throw UsageError("parity needs one MODEL (a trained .csmodel)");
    if (!args.has("data")) throw UsageError("parity needs --data PATH");
    const std::string modelPath = args.positional().front();
    const ModelFile file = loadModelFile(modelPath);
    ParityOptions o;
    o.count = args.getInt("count", 100);
    if (o.count < 1) throw UsageError("--count must be at least 1");
    o.exportOptions = exportOptions(args);
    const double tolerance = args.getDouble("tolerance", 1e-4);
    const DataSplits data = loadData(args.get("data"), file.preprocessing, args.has("json"));
    const Dataset& set = data.test.size() ? data.test : data.train;
    const ParityReport r = checkParity(file, set, o);
    const bool ok = r.allTop1Agree() && r.maxAbsDiff <= tolerance;
    if (args.has("json")) {
        nlohmann::json j = r.toJson();
        j["model"] = modelPath;
        j["tolerance"] = tolerance;
        j["ok"] = ok;
        out << jsonText(j, 2) << "\n";
    } else {
        out << "Engine vs OpenCV DNN on " << r.samples << " images (" << (data.test.size() ? "test" : "training")
            << " set): max |dp| = " << formatDiff(r.maxAbsDiff) << ", mean |dp| = " << formatDiff(r.meanAbsDiff)
            << ", top-1 agrees for " << r.top1Agreements << "/" << r.samples << (ok ? " -- OK" : " -- MISMATCH")
            << "\n";
    }
    return ok ? 0 : 1;
}

}  // namespace cs::cli
