#include "io/onnx_export.h"

#include <onnx/checker.h>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/onnx_common.h"
#include "io/onnx_export_layers.h"

namespace cs {

namespace {

using namespace onnxio;

inline constexpr const char* kProducerVersion = "0.1.0";  // the project's version (CMakeLists.txt)

std::vector<int64_t> dimsOf(const Shape& s) {
    std::vector<int64_t> d;
    for (int i = 0; i < s.rank(); ++i) d.push_back(s[i]);
    return d;
}

onnx::ModelProto modelProto(const Model& model, const ModelFile& file, const OnnxExportOptions& options) {
    if (options.opset < kOnnxMinOpset || options.opset > kOnnxMaxOpset)
        throw OptionError(msg("onnx_export.opset", "ONNX export: opset {opset} is not supported; use {min} to {max}",
                              {{"opset", std::to_string(options.opset)},
                               {"min", std::to_string(kOnnxMinOpset)},
                               {"max", std::to_string(kOnnxMaxOpset)}}));
    onnx::ModelProto proto;
    proto.set_ir_version(options.opset <= 13 ? 7 : 8);
    proto.set_producer_name("ConvStudio");
    proto.set_producer_version(kProducerVersion);
    proto.set_model_version(1);
    proto.set_doc_string("Image classifier exported by ConvStudio");
    auto* opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(options.opset);
    onnx::GraphProto* g = proto.mutable_graph();
    g->set_name("convstudio");

    // Each layer's nodes come from its kind's emitter (onnx_export_layers.cpp).
    GraphWriter writer{*g, model, file, options};
    const auto& nodes = model.nodes();
    std::vector<std::string> values(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Model::Node& node = nodes[i];
        const OnnxEmitter emit = onnxEmitter(node.layer->kind());
        if (!emit)
            throw Error(msg("onnx_export.no_form", "ONNX export: {layer} has no ONNX form (layer kind '{kind}')",
                            {{"layer", describeLayer(node.layer->kind(), node.layer->name())},
                             {"kind", std::string(node.layer->kind())}}));
        std::vector<std::string> in;
        for (int j : node.inputs) in.push_back(values[j]);
        values[i] = emit(writer, node, in);
    }

    // The last node's value becomes the graph output "output".
    std::string last = values.back();
    if (last == kInputName || last == kPreprocessedName) {
        addNode(*g, "Identity", "output_identity", {last}, {kOutputName});
    } else {
        for (auto& n : *g->mutable_node()) {
            for (auto& o : *n.mutable_output())
                if (o == last) o = kOutputName;
            for (auto& i : *n.mutable_input())
                if (i == last) i = kOutputName;
        }
    }
    setBatchedType(*g->add_input(), kInputName, dimsOf(model.inputShape()));
    setBatchedType(*g->add_output(), kOutputName, dimsOf(model.outputShape()));

    auto meta = [&](const char* key, const std::string& value) {
        auto* p = proto.add_metadata_props();
        p->set_key(key);
        p->set_value(value);
    };
    meta(kMetaVersion, kProducerVersion);
    meta(kMetaClassNames, nlohmann::json(file.classNames).dump());
    meta(kMetaPreprocessing, file.preprocessing.toJson().dump());
    meta(kMetaBaked, options.bakePreprocessing ? "true" : "false");
    meta(kMetaGraph, model.spec().toJson().dump());
    if (!file.training.empty()) meta(kMetaTraining, file.training.dump());

    try {
        onnx::checker::check_model(proto);
    } catch (const std::exception& e) {
        throw Error(msg("onnx_export.checker",
                        "ONNX export produced a model the ONNX checker rejects (a ConvStudio bug): {reason}",
                        {{"reason", e.what()}}));
    }
    return proto;
}

}  // namespace

std::string exportOnnx(const Model& model, const ModelFile& file, const OnnxExportOptions& options) {
    const onnx::ModelProto proto = modelProto(model, file, options);
    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        throw Error(msg("onnx_export.serialize", "ONNX export: the model could not be serialized"));
    return bytes;
}

std::string exportOnnx(const ModelFile& file, const OnnxExportOptions& options) {
    Model model(file.graph, file.seed);
    if (file.hasWeights()) applyWeights(file, model);
    return exportOnnx(model, file, options);
}

bool isOnnxExportable(std::string_view kind) { return onnxEmitter(kind) != nullptr; }

void saveOnnxFile(const std::string& path, const ModelFile& file, const OnnxExportOptions& options) {
    writeFileAtomically(path, exportOnnx(file, options));
}

}  // namespace cs
