#include "io/onnx_import.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <onnx/checker.h>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/onnx_common.h"
#include "io/onnx_import_graph.h"
#include "io/onnx_importer.h"

namespace cs {

namespace onnxio {

ImportedGraph convertGraph(const onnx::ModelProto& model, const ImportHints& hints, const std::string& what) {
    return Importer(model, hints, what).run();
}

}  // namespace onnxio

namespace {

using namespace onnxio;

// Pixel value p -> network input s * p + t, per channel, for a preprocessing.
void affineOf(const Preprocessing& pre, int c, float& s, float& t) {
    float sc = 1.f / 255.f, sh = 0.f;
    if (pre.scaling == Scaling::Standardize) {
        sc /= pre.stdev[c];
        sh = -pre.mean[c] / pre.stdev[c];
    }
    s = pre.invert ? -sc : sc;
    t = pre.invert ? 255.f * sc + sh : sh;
}

bool close(float a, float b) { return std::fabs(a - b) <= 1e-5f * std::max(1.f, std::max(std::fabs(a), std::fabs(b))); }

// The preprocessing whose affine map is (s, t) per channel; throws when inversion differs by channel.
Preprocessing fromAffine(Preprocessing pre, const std::vector<float>& s, const std::vector<float>& t,
                         const std::string& what) {
    const int c = pre.channels;
    pre.invert = s[0] < 0;
    bool unit = true;
    for (int i = 0; i < c; ++i) {
        if ((s[i] < 0) != pre.invert)
            throw FileError(msg("onnx_import.scaling_inverts_some",
                                "{file}: the input scaling inverts some channels but not others", {{"file", what}}));
        if (s[i] == 0)
            throw FileError(msg("onnx_import.scaling_by_zero", "{file}: the input scaling multiplies a channel by 0",
                                {{"file", what}}));
        const float sc = std::fabs(s[i]), sh = pre.invert ? t[i] - 255.f * sc : t[i];
        pre.stdev[i] = 1.f / (255.f * sc);
        pre.mean[i] = -sh * pre.stdev[i];
        unit = unit && close(sc, 1.f / 255.f) && std::fabs(sh) < 1e-6f;
    }
    pre.scaling = unit ? Scaling::Unit : Scaling::Standardize;
    if (unit) {
        pre.mean = {0.f, 0.f, 0.f};
        pre.stdev = {1.f, 1.f, 1.f};
    }
    return pre;
}

// The exporter's own graph (ids, options as the user set them, names, layout) when it describes
// the same network as the imported one: same kinds, wiring, shapes and activations node by node
// in topological order. Names may differ (other exporters name nodes their own way), and the
// original's Dropout layers may be missing (exporters drop them from inference graphs).
// Whether the imported layer `b` computes what the original `a` did: the same kind, or a Conv2D
// with one group per input channel, which ONNX import reads as the DepthwiseConv2D it is.
bool sameKind(const Model::Node& a, const Model::Node& b) {
    if (a.layer->kind() == b.layer->kind()) return true;
    return a.layer->kind() == "Conv2D" && b.layer->kind() == "DepthwiseConv2D" &&
           a.layer->options().at("groups").get<int>() == a.inputShapes.at(0).channels();
}

bool restoreGraph(const GraphSpec& original, const ImportedGraph& ig, uint64_t seed, ModelFile& file) {
    Model a(original, seed), b(ig.spec, seed);
    const bool dropoutsGone = std::none_of(b.nodes().begin(), b.nodes().end(),
                                           [](const Model::Node& n) { return n.layer->kind() == "Dropout"; });
    // Index of each original node among the kept ones; a skipped Dropout stands for its input.
    std::vector<int> kept(a.nodes().size(), -1), order;
    for (size_t i = 0; i < a.nodes().size(); ++i) {
        const Model::Node& n = a.nodes()[i];
        if (dropoutsGone && n.layer->kind() == "Dropout") {
            kept[i] = kept[n.inputs[0]];
            continue;
        }
        kept[i] = static_cast<int>(order.size());
        order.push_back(static_cast<int>(i));
    }
    if (order.size() != b.nodes().size()) return false;
    std::map<std::string, Tensor> weights;
    for (size_t k = 0; k < order.size(); ++k) {
        const Model::Node& na = a.nodes()[order[k]];
        const Model::Node& nb = b.nodes()[k];
        std::vector<int> inputs;
        for (int i : na.inputs) inputs.push_back(kept[i]);
        if (!sameKind(na, nb) || inputs != nb.inputs || na.outputShape != nb.outputShape ||
            na.layer->activationName() != nb.layer->activationName())
            return false;
        const Options o = na.layer->options();
        const std::string prefix = nb.layer->name() + "/";
        for (const auto& [key, t] : ig.weights) {
            if (key.rfind(prefix, 0) != 0) continue;
            const std::string param = key.substr(prefix.size());
            if (na.layer->kind() == "BatchNormalization" &&
                ((param == "beta" && !o["center"].get<bool>()) || (param == "gamma" && !o["scale"].get<bool>())))
                continue;
            weights[na.layer->name() + "/" + param] = t;
        }
    }
    ModelFile candidate;
    candidate.weights = std::move(weights);
    applyWeights(candidate, a);  // throws FileError when a tensor is missing or mis-shaped
    file.graph = original;
    file.weights = std::move(candidate.weights);
    return true;
}

}  // namespace

ModelFile importOnnx(const std::string& bytes, const std::string& what, OnnxImportReport* report) {
    OnnxImportReport local;
    OnnxImportReport& rep = report ? *report : local;
    rep = {};
    if (bytes.empty()) throw FileError(msg("onnx_import.empty", "{file}: is empty", {{"file", what}}));
    onnx::ModelProto proto;
    if (!proto.ParseFromString(bytes))
        throw FileError(msg("onnx_import.not_onnx",
                            "{file}: is not a valid ONNX file (its protobuf data is truncated or corrupt)",
                            {{"file", what}}));
    if (!proto.has_graph() || proto.graph().node_size() == 0)
        throw FileError(msg("onnx_import.no_graph", "{file}: holds no graph", {{"file", what}}));

    std::map<std::string, std::string> meta;
    for (const auto& p : proto.metadata_props()) meta[p.key()] = p.value();
    auto metaJson = [&](const char* key) -> nlohmann::json {
        try {
            return nlohmann::json::parse(meta.at(key));
        } catch (const nlohmann::json::exception& e) {
            throw FileError(msg("onnx_import.metadata_json", "{file}: metadata '{key}' is not valid JSON: {reason}",
                                {{"file", what}, {"key", key}, {"reason", e.what()}}));
        }
    };
    ImportHints hints;
    std::optional<GraphSpec> original;
    if (meta.count(kMetaGraph)) {
        try {
            original = GraphSpec::fromJson(metaJson(kMetaGraph));
            for (const auto& n : original->nodes())
                if (n.kind == "Activation") hints.activationLayers.insert(n.name);
        } catch (const Error&) {
            rep.notes.push_back("ignored malformed metadata '" + std::string(kMetaGraph) + "'");
        }
    }

    ImportedGraph ig = convertGraph(proto, hints, what);
    // The converter gives node-specific messages; the checker then catches what it does not
    // look at. Newer files than the installed checker knows are not held against the model.
    const int64_t opset = proto.opset_import_size() ? proto.opset_import(0).version() : 0;
    if (proto.ir_version() <= 8 && opset <= 17) {
        try {
            onnx::checker::check_model(proto);
        } catch (const std::exception& e) {
            throw FileError(msg("onnx_import.checker", "{file}: fails the ONNX checker: {reason}",
                                {{"file", what}, {"reason", e.what()}}));
        }
    }

    ModelFile file;
    file.graph = ig.spec;
    file.weights = ig.weights;
    rep.notes.insert(rep.notes.end(), ig.notes.begin(), ig.notes.end());
    if (original) {
        try {
            rep.graphFromMetadata = restoreGraph(*original, ig, file.seed, file);
        } catch (const Error&) {
            rep.graphFromMetadata = false;
        }
        if (!rep.graphFromMetadata)
            rep.notes.push_back("the graph in the metadata does not match the ONNX graph; using the ONNX graph");
    }

    std::unique_ptr<Model> model;
    try {
        model = std::make_unique<Model>(file.graph, file.seed);
        applyWeights(file, *model);
    } catch (const FileError&) {
        throw;
    } catch (const Error& e) {
        throw FileError(msg("onnx_import.graph_does_not_build", "{file}: the imported graph does not build: {reason}",
                            {{"file", what}, {"reason", e.message()}}));
    }
    const Shape in = model->inputShape(), outShape = model->outputShape();
    if (!outShape.isFlat())
        throw FileError(msg("onnx_import.output_not_flat", "{file}: the output must be (batch, classes), got {shape}",
                            {{"file", what}, {"shape", outShape.toString()}}));

    // Preprocessing: the metadata's, else x/255 for the input size; composed with any per-channel
    // scaling the graph does right after its input.
    if (in.channels() != 1 && in.channels() != 3)
        throw FileError(
            msg("onnx_import.input_channels",
                "{file}: the input has {channels} channels; ConvStudio models take 1 (grayscale) or 3 (RGB)",
                {{"file", what}, {"channels", std::to_string(in.channels())}}));
    Preprocessing base;
    base.channels = in.channels();
    base.height = in.height();
    base.width = in.width();
    const bool baked = meta.count(kMetaBaked) && meta[kMetaBaked] == "true";
    if (meta.count(kMetaPreprocessing)) {
        base = Preprocessing::fromJson(metaJson(kMetaPreprocessing));
        rep.preprocessingFromMetadata = true;
        if (base.inputShape() != in)
            throw FileError(
                msg("onnx_import.metadata_preprocessing",
                    "{file}: metadata preprocessing makes {prepared} inputs but the model takes {input}",
                    {{"file", what}, {"prepared", base.inputShape().toString()}, {"input", in.toString()}}));
    }
    file.preprocessing = base;
    if (!ig.inputAffine.empty() || baked) {
        const int c = in.channels();
        std::vector<float> s(c), t(c);
        bool matchesMeta = rep.preprocessingFromMetadata;
        for (int i = 0; i < c; ++i) {
            float s0 = 1.f, t0 = 0.f;  // baked: the ONNX input is the raw pixel
            if (!baked) affineOf(base, i, s0, t0);
            const float a = ig.inputAffine.empty() ? 1.f : ig.inputAffine.scale[i];
            const float b = ig.inputAffine.empty() ? 0.f : ig.inputAffine.shift[i];
            s[i] = a * s0;
            t[i] = a * t0 + b;
            float ms, mt;
            affineOf(base, i, ms, mt);
            matchesMeta = matchesMeta && close(s[i], ms) && std::fabs(t[i] - mt) < 1e-5f;
        }
        if (!matchesMeta) {
            file.preprocessing = fromAffine(base, s, t, what);
            rep.notes.push_back("folded the scaling after the input into the preprocessing");
        }
    }

    const int classes = static_cast<int>(outShape.size());
    if (meta.count(kMetaClassNames)) {
        const nlohmann::json names = metaJson(kMetaClassNames);
        if (names.is_array() && static_cast<int>(names.size()) == classes &&
            std::all_of(names.begin(), names.end(), [](const nlohmann::json& n) { return n.is_string(); })) {
            file.classNames = names.get<std::vector<std::string>>();
            rep.classNamesFromMetadata = true;
        } else {
            rep.notes.push_back("ignored metadata class names: not " + std::to_string(classes) + " strings");
        }
    }
    if (!rep.classNamesFromMetadata)
        for (int i = 0; i < classes; ++i) file.classNames.push_back(std::to_string(i));
    if (meta.count(kMetaTraining)) {
        const nlohmann::json t = metaJson(kMetaTraining);
        if (t.is_object()) file.training = t;
    }
    return file;
}

ModelFile loadOnnxFile(const std::string& path, OnnxImportReport* report) {
    return importOnnx(readWholeFile(path, std::size_t(2) << 30), path, report);
}

}  // namespace cs
