#pragma once
// Engine-internal: turns an ONNX graph into a GraphSpec with weights, op by op (see
// onnx_import.h for what is supported). The public entry (importOnnx) adds metadata on top.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/tensor.h"
#include "graph/graph_spec.h"
#include "io/onnx_common.h"

namespace cs::onnxio {

// Per-channel y = scale * x + shift found between the graph input and the first layer
// (normalisation baked into the model). Empty vectors: none.
struct InputAffine {
    std::vector<float> scale, shift;
    bool empty() const { return scale.empty(); }
};

struct ImportHints {
    // Names of the exporter's stand-alone Activation layers (from the metadata graph): kept as
    // layers instead of being folded into the Conv/Dense before them.
    std::set<std::string> activationLayers;
};

struct ImportedGraph {
    GraphSpec spec;
    std::map<std::string, Tensor> weights;  // "layer/param"
    InputAffine inputAffine;
    std::vector<std::string> notes;
};

// Throws FileError naming the node and op for anything it cannot represent.
ImportedGraph convertGraph(const onnx::ModelProto& model, const ImportHints& hints, const std::string& what);

}  // namespace cs::onnxio
