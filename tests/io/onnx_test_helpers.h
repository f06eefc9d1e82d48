#pragma once
// Models with random weights, random inputs and the layer cases the ONNX tests run through
// export, OpenCV's DNN and import.
#include <string>
#include <utility>
#include <vector>

#include "core/tensor.h"
#include "graph/graph_spec.h"
#include "io/model_file.h"

namespace cs {
class LayerRegistry;
}

namespace cs::testing {

// A model file for `graph` whose every parameter and state tensor is random (BatchNorm variances
// positive), preprocessing sized like its input, classes "c0".."cN-1".
ModelFile randomModelFile(const GraphSpec& graph, uint64_t seed);

// Uniform values in [lo, hi).
Tensor randomTensor(int batch, const Shape& shape, uint64_t seed, float lo = -1.f, float hi = 1.f);

// The engine's output (Eval phase) for `input`.
Tensor engineForward(const ModelFile& file, const Tensor& input);

double maxAbsDiff(const Tensor& a, const Tensor& b);

// Small graphs that together use every built-in layer kind, every activation, both paddings
// (including TensorFlow's asymmetric 'same'), pooling strides and merges: name -> graph.
std::vector<std::pair<std::string, GraphSpec>> layerCases();

// The built-in kinds plus "Mystery" (an identity layer that no exporter knows), and a model
// using it in a node named 'mystery': for the exporters' errors on a kind they cannot write.
const LayerRegistry& registryWithMysteryKind();
GraphSpec mysteryGraph();

}  // namespace cs::testing
