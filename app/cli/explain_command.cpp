// `convstudio-cli explain`: where the model looked in each image (Grad-CAM, occlusion or
// saliency), as overlay PNGs and, with --json, the numbers behind them. The images are prepared
// by the model's own preprocessing (Classifier::prepare), the maps come from engine/explain.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "cli_args.h"
#include "commands.h"
#include "core/errors.h"
#include "core/json_options.h"
#include "explain/explanation.h"
#include "explain/heat_map_overlay.h"
#include "graph/model.h"
#include "inference/classifier.h"
#include "io/atomic_file.h"

namespace cs::cli {

namespace {

// --class as an index or a class name.
int targetClass(const CliArgs& args, const Classifier& classifier) {
    if (!args.has("class")) return -1;
    const std::string value = args.get("class");
    const auto& names = classifier.file().classNames;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == value) return static_cast<int>(i);
    char* end = nullptr;
    const long v = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || v < 0 || v >= static_cast<long>(classifier.model().outputShape().size()))
        throw OptionError(
            msg("explain.unknown_class", "--class '{class}' is neither a class name nor an index from 0 to {last}",
                {{"class", value}, {"last", std::to_string(classifier.model().outputShape().size() - 1)}}));
    return static_cast<int>(v);
}

// The overlay at the image's size, enlarged (nearest neighbour) to at least 224 pixels on its
// shorter side so a 28x28 digit can be seen.
cv::Mat overlayFor(const cv::Mat& image, const Explanation& e, double opacity) {
    cv::Mat overlay = heatMapOverlay(image, e, opacity);
    const int side = std::min(overlay.cols, overlay.rows);
    const int factor = side >= 224 ? 1 : (224 + side - 1) / side;
    if (factor > 1) cv::resize(overlay, overlay, {}, factor, factor, cv::INTER_NEAREST);
    return overlay;
}

// DIR/<stem>_<method>.png, numbered when two inputs share a stem.
std::string overlayPath(const std::filesystem::path& dir, const std::string& image, const std::string& method,
                        std::set<std::string>& used) {
    const std::string stem = std::filesystem::path(image).stem().string();
    std::string name = stem + "_" + method + ".png";
    for (int n = 2; used.count(name); ++n) name = stem + "_" + method + "_" + std::to_string(n) + ".png";
    used.insert(name);
    return (dir / name).string();
}

}  // namespace

int runExplain(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"model", "method", "layer", "class", "patch", "stride", "opacity", "out"}, {"json"});
    if (!args.has("model")) throw UsageError("explain needs --model FILE (a trained .csmodel)");
    if (!args.has("out")) throw UsageError("explain needs --out DIR (where the overlay PNGs go)");
    if (args.positional().empty()) throw UsageError("explain needs one or more image files");
    ExplainOptions options;
    options.method = explainMethodFromName(args.get("method", "gradcam"));
    options.layer = args.get("layer");
    options.patch = args.getInt("patch", 0);
    options.stride = args.getInt("stride", 0);
    const double opacity = args.getDouble("opacity", 0.5);
    if (!(opacity >= 0.0 && opacity <= 1.0)) throw UsageError("--opacity must be between 0 and 1");
    Classifier classifier(loadModelFile(args.get("model")));
    options.targetClass = targetClass(args, classifier);
    const std::filesystem::path dir(args.get("out"));
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir))
        throw FileError(msg("explain.out_folder", "{folder}: cannot create the output folder ({reason})",
                            {{"folder", dir.string()}, {"reason", ec ? ec.message() : "not a folder"}}));

    Explainer explainer(classifier.model());
    Tensor input(classifier.model().inputShape());
    std::set<std::string> used;
    nlohmann::json results = nlohmann::json::array();
    int failures = 0;
    for (const auto& path : args.positional()) {
        try {
            const cv::Mat image = readImageFile(path);
            classifier.prepare(image, input.data());
            const Explanation e = explainer.explain(input, options);
            std::vector<uchar> png;
            if (!cv::imencode(".png", overlayFor(image, e, opacity), png))
                throw FileError(
                    msg("explain.encode", "{file}: the overlay could not be encoded as PNG", {{"file", path}}));
            const std::string target = overlayPath(dir, path, explainMethodName(e.method), used);
            writeFileAtomically(target, std::string(png.begin(), png.end()));
            if (args.has("json")) {
                results.push_back({{"file", path},
                                   {"predicted", {{"index", e.predicted}, {"name", classifier.className(e.predicted)}}},
                                   {"probability", e.probability},
                                   {"target", {{"index", e.target}, {"name", classifier.className(e.target)}}},
                                   {"method", explainMethodName(e.method)},
                                   {"layer", e.layer.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.layer)},
                                   {"heatmap", {{"height", e.height}, {"width", e.width}}},
                                   {"max", {{"row", e.maxRow}, {"col", e.maxCol}}},
                                   {"overlay", target}});
            } else {
                out << path << ": " << classifier.className(e.predicted) << " (" << e.probability << "), "
                    << explainMethodName(e.method) << (e.layer.empty() ? "" : " at " + e.layer) << " for "
                    << classifier.className(e.target) << ", maximum at row " << e.maxRow << " col " << e.maxCol
                    << " of " << e.height << "x" << e.width << " -> " << target << "\n";
            }
        } catch (const FileError& e) {
            ++failures;
            err << "convstudio-cli explain: " << e.what() << "\n";
            if (args.has("json")) results.push_back({{"file", path}, {"error", e.what()}});
        }
    }
    if (args.has("json")) out << jsonText(nlohmann::json{{"explanations", results}}, 2) << "\n";
    return failures ? 1 : 0;
}

}  // namespace cs::cli
