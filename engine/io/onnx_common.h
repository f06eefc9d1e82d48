#pragma once
// Shared by the ONNX exporter, importer and parity check (engine-internal: it includes ONNX's
// protobuf classes, which the public io headers keep out of their users' way).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <onnx/onnx_pb.h>

namespace cs::onnxio {

// ModelProto.metadata_props keys. Values are JSON (class names, preprocessing, graph, training)
// or plain text (version, baked flag). The exported PyTorch project writes the same keys.
inline constexpr const char* kMetaVersion = "convstudio.version";
inline constexpr const char* kMetaClassNames = "convstudio.class_names";
inline constexpr const char* kMetaPreprocessing = "convstudio.preprocessing";
inline constexpr const char* kMetaBaked = "convstudio.preprocessing_baked";  // "true" / "false"
inline constexpr const char* kMetaGraph = "convstudio.graph";                // GraphSpec JSON
inline constexpr const char* kMetaTraining = "convstudio.training";          // training settings JSON

inline constexpr const char* kInputName = "input";
inline constexpr const char* kOutputName = "output";
inline constexpr const char* kBatchDim = "batch";

// --- building ---
void setAttr(onnx::NodeProto& n, const std::string& name, int64_t v);
void setAttr(onnx::NodeProto& n, const std::string& name, float v);
void setAttr(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& v);
void setAttr(onnx::NodeProto& n, const std::string& name, const std::string& v);
onnx::NodeProto& addNode(onnx::GraphProto& g, const std::string& op, const std::string& name,
                         const std::vector<std::string>& inputs, const std::vector<std::string>& outputs);
void addFloatInitializer(onnx::GraphProto& g, const std::string& name, const std::vector<int64_t>& dims,
                         const float* data);
void addInt64Initializer(onnx::GraphProto& g, const std::string& name, const std::vector<int64_t>& dims,
                         const std::vector<int64_t>& data);
// A float32 value_info / graph input/output with a symbolic batch dimension first.
void setBatchedType(onnx::ValueInfoProto& v, const std::string& name, const std::vector<int64_t>& sampleDims);

// --- reading ---
const onnx::AttributeProto* findAttr(const onnx::NodeProto& n, std::string_view name);
int64_t intAttr(const onnx::NodeProto& n, std::string_view name, int64_t fallback);
float floatAttr(const onnx::NodeProto& n, std::string_view name, float fallback);
std::vector<int64_t> intsAttr(const onnx::NodeProto& n, std::string_view name);
std::string stringAttr(const onnx::NodeProto& n, std::string_view name, const std::string& fallback);

// A constant tensor (initializer or Constant node) decoded to float or int64 values.
struct ConstTensor {
    std::vector<int64_t> dims;
    std::vector<float> floats;  // float/double/int types converted
    std::vector<int64_t> ints;  // integer types (also filled for float tensors, truncated)
    int64_t count() const;
};
// Decodes raw_data or the typed fields; throws FileError naming `what` when the data does not
// match the dims or the type is unsupported (strings, external data).
ConstTensor decodeTensor(const onnx::TensorProto& t, const std::string& what);

// "Conv 'conv1'" / "Conv node #3" when it has no name: how messages name an ONNX node.
std::string describeNode(const onnx::NodeProto& n, int index);

}  // namespace cs::onnxio
