#pragma once
// Engine-internal: ONNX export's knowledge of each layer kind, as a table of emitters keyed by
// kind (onnx_export_layers.cpp). A new layer kind adds its entry there; a test checks that every
// registered kind has one.
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "io/model_file.h"
#include "io/onnx_common.h"
#include "io/onnx_export.h"

namespace cs::onnxio {

// The value the Input layer gives its consumers when the preprocessing is baked in.
inline constexpr const char* kPreprocessedName = "preprocessed";

// The ONNX graph being written, and the helpers the emitters share.
struct GraphWriter {
    onnx::GraphProto& graph;
    const Model& model;
    const ModelFile& file;  // preprocessing and metadata
    const OnnxExportOptions& options;

    // The ONNX value a layer writes: its name, unless that is the graph's input or output name.
    std::string valueName(const Layer& layer) const;
    const Param* findParam(const Layer& layer, const std::string& name) const;  // nullptr if absent
    // Adds the layer's parameter (or state tensor) `param` as the initializer "layer/param".
    void addParam(const Layer& layer, const std::string& param, const std::vector<int64_t>& dims);
    // Adds the activation `act` ("linear" becomes Identity) from `in` to `out`; returns `out`.
    std::string activation(std::string_view act, const std::string& in, const std::string& name,
                           const std::string& out);
};

// Adds the ONNX nodes and initializers of `node`, whose inputs are the ONNX values `in`, and
// returns the name of the value it outputs.
using OnnxEmitter = std::string (*)(GraphWriter& w, const Model::Node& node, const std::vector<std::string>& in);

// The emitter of a layer kind; nullptr when the kind has no ONNX form.
OnnxEmitter onnxEmitter(std::string_view kind);

}  // namespace cs::onnxio
