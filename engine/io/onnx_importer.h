#pragma once
// Engine-internal: the op-by-op ONNX graph converter behind convertGraph(). Split over
// onnx_importer.cpp (values, bookkeeping, dispatch, shapes and merges) and
// onnx_importer_layers.cpp (ops that become weighted or windowed layers).
#include <array>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/message.h"
#include "core/shape.h"
#include "io/onnx_import_graph.h"

namespace cs::onnxio {

// What the importer knows about one ONNX value.
struct Value {
    enum class Kind { Tensor, Const, ShapeVec };
    Kind kind = Kind::Tensor;
    int node = -1;            // Tensor: the GraphSpec node id producing it
    Shape shape;              // Tensor: the engine's sample shape
    bool spatial1x1 = false;  // ONNX has (N,C,1,1) where the engine has flat (C) (after GAP)
    bool nhwc = false;        // ONNX has the image in NHWC layout (engine shape stays CHW)
    bool hwcFlat = false;     // flat features in H,W,C order; hwcSource is the CHW image shape
    Shape hwcSource;
    bool padded = false;           // a Pad node's output, to be absorbed by the next Conv/MaxPool
    std::array<int64_t, 4> pad{};  // top, left, bottom, right
    float padValue = 0;
    std::string padNode;
    bool atInput = false;  // the graph input, possibly through per-channel affine ops
    // A 5-D (N, g, C/g, H, W) view of an image (shuffleGroups = g), transposed to (N, C/g, g, H, W)
    // when shuffleTransposed: the steps of a channel shuffle, made a layer by the Reshape back.
    int shuffleGroups = 0;
    bool shuffleTransposed = false;
    ConstTensor constant;  // Const and ShapeVec (kBatch marks the batch size)
};

inline constexpr int64_t kBatch = -12345;  // a ShapeVec element standing for the batch size

class Importer {
public:
    Importer(const onnx::ModelProto& model, const ImportHints& hints, const std::string& what);
    ImportedGraph run();

private:
    // --- bookkeeping (onnx_importer.cpp) ---
    [[noreturn]] void fail(const Message& reason) const;  // names the file and the current node
    const Value& in(int i) const;                         // the current node's input i
    const Value* optionalIn(int i) const;
    const Value& tensorIn(int i) const;       // must be a layer output
    const ConstTensor& constIn(int i) const;  // must be a constant
    void setOut(const Value& v, int output = 0);
    int uses(const std::string& value) const;
    int addLayer(const std::string& kind, nlohmann::json options, const std::vector<int>& inputs,
                 const std::map<std::string, Tensor>& params = {});
    NodeSpec& spec(int id);
    Shape shapeOf(int id) const;
    std::string layerName(const std::string& kind);
    void convertNode();

    // --- ops (onnx_importer.cpp) ---
    void activation(const std::string& act);
    // The activation `act` on the value `input`, folded into the Conv/Dense producing it when
    // nothing else uses that value (`ownUses`: the uses by the pattern being converted).
    void activationOf(const std::string& input, int ownUses, const std::string& act);
    void softmax();
    void flattenLike();  // Flatten, Reshape, Squeeze
    void merge(const std::string& kind);
    void affineAtInput();
    void pad();
    void transpose();

    // --- constants and shape arithmetic (onnx_importer_const.cpp) ---
    // Evaluates Shape of a layer output and any Gather/Slice/Concat/Reshape/Transpose/Unsqueeze/
    // Squeeze/Cast/ConstantOfShape/Identity whose inputs are all known: what exporters emit to
    // compute flatten shapes and pads. Returns false when the node is not such a node.
    bool foldConstant();

    // --- blocks of modern architectures (onnx_importer_blocks.cpp) ---
    // ReLU6 (Clip), HardSigmoid, HardSwish, SiLU (Sigmoid+Mul), GELU (Erf chain or Gelu),
    // Multiply (squeeze-and-excitation), 1x1 Conv on pooled features, channel shuffle and slices.
    // Returns false when the node is none of these.
    bool convertBlockOp();
    int soleConsumer(const std::string& value) const;      // node index, or -1
    float constantScalar(const std::string& value) const;  // a scalar constant's value, or NaN
    bool matchGate(const std::string& act);
    bool matchGeluChain();
    bool zeroPadding();
    bool maxPoolOverNonNegative();
    void clip();
    void hardSigmoid();
    void multiply();
    void convOnPooled();
    bool channelShuffle();
    void sliceChannels();
    void splitChannels();
    // Patterns spanning several nodes: the nodes folded into a later one are skipped, and the
    // node that completes the pattern applies the activation to its source value.
    struct Completion {
        std::string act, source;
        int ownUses = 1;
        float factor = std::numeric_limits<float>::quiet_NaN();  // the Mul's constant, when it must be one
    };
    std::set<int> absorbed_;
    std::map<int, Completion> completions_;

    // --- ops (onnx_importer_layers.cpp) ---
    void conv();
    // A 1x1 Conv right after a DepthwiseConv2D without bias or activation (what Keras's
    // SeparableConv2D exports as) turns that layer into a SeparableConv2D; false when it does not apply.
    bool fuseSeparable(const Value& x, const ConstTensor& w, const ConstTensor* b);
    void pooling(bool isMax);
    void globalPool(bool isReduceMean);
    void gemm(bool isMatMul);
    void addBiasOrMerge();
    void batchNorm();
    void dropout();
    // padNode: the Pad node folded into these pads, empty when none.
    std::string paddingFor(const std::array<int64_t, 4>& pads, const Shape& in, int window, int stride,
                           const std::string& padNode) const;
    // A convolution's window options for ONNX pads (top, left, bottom, right): 'valid', TensorFlow's
    // 'same' when they match it, else explicit per-side padding.
    nlohmann::json convWindowOptions(const std::array<int64_t, 4>& pads, const Shape& in, int window, int stride,
                                     int dilation) const;

    const onnx::ModelProto& model_;
    const ImportHints& hints_;
    std::string what_;
    ImportedGraph out_;
    std::map<std::string, Value> values_;
    std::map<std::string, int> uses_;
    std::map<int, Shape> shapes_;  // GraphSpec node id -> output shape
    const onnx::NodeProto* node_ = nullptr;
    int nodeIndex_ = 0;
    int opset_ = 13;
    int inputId_ = -1;
    bool affineFrozen_ = false;  // the input has been used by a layer: no more folding
};

}  // namespace cs::onnxio
