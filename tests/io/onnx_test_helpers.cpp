#include "onnx_test_helpers.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "graph/model.h"
#include "layers/layer_registry.h"

namespace cs::testing {

using json = nlohmann::json;

ModelFile randomModelFile(const GraphSpec& graph, uint64_t seed) {
    ModelFile f;
    f.graph = graph;
    f.seed = seed;
    Model m(graph, seed);
    // Kernels keep their Glorot initialisation (so deep presets do not saturate their softmax);
    // biases and BatchNorm tensors, which start as 0 and 1, get random values.
    std::mt19937 gen(static_cast<uint32_t>(seed));
    std::uniform_real_distribution<float> u(-0.2f, 0.2f), pos(0.5f, 1.5f);
    for (auto& node : m.nodes()) {
        for (auto& p : node.layer->params()) {
            if (p.name == "kernel") continue;
            const bool gamma = p.name == "gamma";
            for (int64_t i = 0; i < p.value.size(); ++i) p.value[i] = gamma ? pos(gen) : u(gen);
        }
        for (auto& p : node.layer->state()) {
            const bool var = p.name == "moving_variance";
            for (int64_t i = 0; i < p.value.size(); ++i) p.value[i] = var ? pos(gen) : u(gen);
        }
    }
    storeWeights(m, f);
    const Shape in = m.inputShape();
    f.preprocessing.channels = in.channels();
    f.preprocessing.height = in.height();
    f.preprocessing.width = in.width();
    for (int64_t i = 0; i < m.outputShape().size(); ++i) f.classNames.push_back("c" + std::to_string(i));
    return f;
}

Tensor randomTensor(int batch, const Shape& shape, uint64_t seed, float lo, float hi) {
    Tensor t(batch, shape);
    std::mt19937 gen(static_cast<uint32_t>(seed));
    std::uniform_real_distribution<float> u(lo, hi);
    for (int64_t i = 0; i < t.size(); ++i) t[i] = u(gen);
    return t;
}

Tensor engineForward(const ModelFile& file, const Tensor& input) {
    Model m(file.graph, file.seed);
    applyWeights(file, m);
    auto ex = m.makeExecutor();
    return m.forward(*ex, input, Phase::Eval);
}

double maxAbsDiff(const Tensor& a, const Tensor& b) {
    if (a.size() != b.size()) return INFINITY;
    double d = 0;
    for (int64_t i = 0; i < a.size(); ++i) d = std::max(d, double(std::fabs(a[i] - b[i])));
    return d;
}

namespace {

int input(GraphSpec& g, int c, int h, int w) {
    return g.add("Input", {{"height", h}, {"width", w}, {"channels", c}}, {}, "input");
}

json conv(int filters, int k, int s, const char* padding, const char* act, bool bias = true) {
    return {{"filters", filters}, {"kernel_size", k},  {"strides", s},
            {"padding", padding}, {"activation", act}, {"use_bias", bias}};
}

json pool(int k, int s, const char* padding) { return {{"pool_size", k}, {"strides", s}, {"padding", padding}}; }

json dense(int units, const char* act, bool bias = true) {
    return {{"units", units}, {"activation", act}, {"use_bias", bias}};
}

class MysteryLayer : public Layer {
public:
    using Layer::Layer;
    std::string_view kind() const override { return "Mystery"; }
    Options options() const override { return Options::object(); }
    Shape outputShape(std::span<const Shape> inputs) const override { return inputs[0]; }
    void forward(const ForwardArgs& a) override { a.output = *a.inputs[0]; }
    void backward(const BackwardArgs& a) override {
        if (a.inputGrads[0]) *a.inputGrads[0] = a.outputGrad;
    }
};

}  // namespace

const LayerRegistry& registryWithMysteryKind() {
    static const LayerRegistry registry = [] {
        LayerRegistry r;
        registerBuiltinLayers(r);
        LayerInfo info;
        info.kind = "Mystery";
        info.category = "Core";
        info.help = "A layer kind only the exporter tests know.";
        info.create = [](const Options&, const std::string& name) { return std::make_unique<MysteryLayer>(name); };
        r.add(std::move(info));
        return r;
    }();
    return registry;
}

GraphSpec mysteryGraph() {
    GraphSpec g;
    int x = input(g, 1, 4, 4);
    x = g.add("Flatten", {}, {x});
    x = g.add("Mystery", {}, {x}, "mystery");
    g.add("Dense", dense(3, "softmax"), {x});
    return g;
}

// Issue 15's convolutions: explicit (asymmetric) padding, dilation, groups, depthwise and
// separable convolutions, appended to the cases below.
void addConvolutionOptionCases(std::vector<std::pair<std::string, GraphSpec>>& cases) {
    const auto pads = [](json o, int t, int b, int l, int r) {
        o["padding"] = "explicit";
        o["pad_top"] = t;
        o["pad_bottom"] = b;
        o["pad_left"] = l;
        o["pad_right"] = r;
        return o;
    };
    {
        GraphSpec g;
        int x = input(g, 3, 12, 11);
        x = g.add("Conv2D", pads(conv(4, 7, 2, "valid", "relu"), 3, 3, 3, 3), {x});  // resnet's stem
        x = g.add("Conv2D", pads(conv(4, 3, 1, "valid", "tanh"), 2, 0, 1, 3), {x});  // asymmetric
        json dilated = conv(6, 3, 1, "same", "linear");
        dilated["dilation_rate"] = 2;
        dilated["groups"] = 2;
        x = g.add("Conv2D", dilated, {x});
        json grouped = pads(conv(8, 3, 2, "valid", "elu", false), 1, 1, 1, 1);
        grouped["groups"] = 2;
        x = g.add("Conv2D", grouped, {x});
        x = g.add("Flatten", {}, {x});
        g.add("Dense", dense(3, "softmax"), {x});
        cases.emplace_back("conv_pads_dilation_groups", g);
    }
    {
        GraphSpec g;
        int x = input(g, 3, 13, 12);
        x = g.add("DepthwiseConv2D", {{"padding", "same"}, {"activation", "relu"}}, {x});
        x = g.add("DepthwiseConv2D", pads({{"depth_multiplier", 2}, {"strides", 2}}, 0, 1, 0, 1), {x});
        json separable = {{"filters", 8}, {"padding", "same"}, {"activation", "relu"}};
        x = g.add("SeparableConv2D", separable, {x});
        json dilated =
            pads({{"filters", 5}, {"depth_multiplier", 2}, {"dilation_rate", 2}, {"use_bias", false}}, 1, 2, 2, 1);
        x = g.add("SeparableConv2D", dilated, {x});
        json depthwiseByGroups = conv(5, 3, 1, "same", "linear");
        depthwiseByGroups["groups"] = 5;
        x = g.add("Conv2D", depthwiseByGroups, {x});
        x = g.add("GlobalAveragePooling2D", {}, {x});
        g.add("Dense", dense(3, "softmax"), {x});
        cases.emplace_back("depthwise_separable", g);
    }
}

std::vector<std::pair<std::string, GraphSpec>> layerCases() {
    std::vector<std::pair<std::string, GraphSpec>> cases;
    {
        GraphSpec g;
        int x = input(g, 3, 9, 9);
        x = g.add("Conv2D", conv(4, 3, 1, "valid", "relu"), {x});
        x = g.add("Flatten", {}, {x});
        g.add("Dense", dense(5, "softmax"), {x});
        cases.emplace_back("conv_valid_relu", g);
    }
    {
        GraphSpec g;
        int x = input(g, 3, 7, 8);  // 'same' stride 2: symmetric on 7 rows, asymmetric on 8 columns
        x = g.add("Conv2D", conv(4, 3, 1, "same", "tanh"), {x});
        x = g.add("Conv2D", conv(3, 3, 2, "same", "elu", false), {x});
        x = g.add("Conv2D", conv(3, 4, 1, "same", "leaky_relu"), {x});  // even kernel: pads 1 and 2
        x = g.add("Flatten", {}, {x});
        g.add("Dense", dense(3, "linear"), {x});
        cases.emplace_back("conv_same_asymmetric", g);
    }
    {
        GraphSpec g;
        int x = input(g, 3, 7, 7);
        x = g.add("MaxPooling2D", pool(2, 0, "same"), {x});  // 7 -> 4: one pixel of padding after
        x = g.add("MaxPooling2D", pool(3, 1, "same"), {x});  // symmetric
        x = g.add("MaxPooling2D", pool(2, 1, "valid"), {x});
        x = g.add("Flatten", {}, {x});
        g.add("Dense", dense(3, "sigmoid"), {x});
        cases.emplace_back("maxpool", g);
    }
    {
        GraphSpec g;
        int x = input(g, 3, 7, 7);
        x = g.add("AveragePooling2D", pool(2, 0, "same"), {x});  // asymmetric, padding not counted
        x = g.add("AveragePooling2D", pool(3, 1, "same"), {x});
        x = g.add("AveragePooling2D", pool(2, 2, "valid"), {x});
        x = g.add("Flatten", {}, {x});
        g.add("Dense", dense(3, "softmax"), {x});
        cases.emplace_back("avgpool", g);
    }
    {
        GraphSpec g;
        int x = input(g, 3, 6, 6);
        x = g.add("Conv2D", conv(4, 3, 1, "same", "linear"), {x});
        x = g.add("BatchNormalization", {{"epsilon", 0.01}, {"momentum", 0.9}}, {x});
        x = g.add("Activation", {{"activation", "relu"}}, {x});
        x = g.add("GlobalAveragePooling2D", {}, {x});
        x = g.add("BatchNormalization", {}, {x});
        g.add("Dense", dense(4, "softmax"), {x});
        cases.emplace_back("batchnorm_gap", g);
    }
    {
        GraphSpec g;
        int x = input(g, 3, 5, 5);
        x = g.add("BatchNormalization", {{"center", false}, {"scale", false}}, {x});
        x = g.add("Flatten", {}, {x});
        x = g.add("Dense", dense(3, "linear"), {x});
        x = g.add("BatchNormalization", {{"center", false}}, {x});
        g.add("Activation", {{"activation", "softmax"}}, {x});
        cases.emplace_back("batchnorm_options", g);
    }
    {
        GraphSpec g;
        int x = input(g, 3, 5, 5);
        x = g.add("Dropout", {{"rate", 0.3}}, {x});
        for (const char* a : {"leaky_relu", "elu", "sigmoid", "tanh", "linear", "softmax"})
            x = g.add("Activation", {{"activation", a}}, {x});
        x = g.add("Flatten", {}, {x});
        x = g.add("Dense", dense(6, "relu"), {x});
        x = g.add("Dropout", {{"rate", 0.5}}, {x});
        x = g.add("Dense", dense(3, "elu"), {x});
        g.add("Activation", {{"activation", "softmax"}}, {x});
        cases.emplace_back("activations_dropout", g);
    }
    {
        GraphSpec g;
        const int in = input(g, 3, 6, 6);
        const int a = g.add("Conv2D", conv(4, 3, 1, "same", "relu"), {in});
        const int b = g.add("Conv2D", conv(4, 3, 1, "same", "linear"), {a});
        const int s = g.add("Add", {}, {a, b});
        const int c = g.add("Conv2D", conv(4, 1, 1, "valid", "linear"), {s});
        const int t = g.add("Add", {}, {a, b, c});
        const int f = g.add("Flatten", {}, {t});
        g.add("Dense", dense(3, "softmax"), {f});
        cases.emplace_back("residual_add", g);
    }
    {
        GraphSpec g;
        const int in = input(g, 3, 6, 6);
        const int a = g.add("Conv2D", conv(3, 1, 1, "valid", "relu"), {in});
        const int b = g.add("Conv2D", conv(2, 3, 1, "same", "relu"), {in});
        const int c = g.add("MaxPooling2D", pool(3, 1, "same"), {in});
        const int cat = g.add("Concatenate", {}, {a, b, c});
        const int gap = g.add("GlobalAveragePooling2D", {}, {cat});
        const int d1 = g.add("Dense", dense(4, "relu"), {gap});
        const int d2 = g.add("Dense", dense(3, "tanh"), {gap});
        const int flat = g.add("Concatenate", {}, {d1, d2});
        g.add("Dense", dense(3, "softmax"), {flat});
        cases.emplace_back("concatenate", g);
    }
    {
        GraphSpec g;
        int x = input(g, 1, 4, 4);
        x = g.add("Flatten", {}, {x});
        x = g.add("Dense", dense(6, "leaky_relu", false), {x});
        g.add("Dense", dense(3, "linear"), {x});
        cases.emplace_back("dense_no_bias", g);
    }
    addConvolutionOptionCases(cases);
    // The blocks of MobileNet/ShuffleNet/EfficientNet-style models (issue 15).
    {
        GraphSpec g;
        int x = input(g, 3, 6, 6);
        x = g.add("Conv2D", conv(4, 3, 1, "same", "relu6"), {x});
        x = g.add("Conv2D", conv(4, 3, 1, "same", "hard_swish"), {x});
        x = g.add("Conv2D", conv(4, 1, 1, "valid", "silu"), {x});
        x = g.add("Conv2D", conv(4, 1, 1, "valid", "gelu"), {x});
        for (const char* a : {"hard_sigmoid", "relu6", "hard_swish", "silu", "gelu"})
            x = g.add("Activation", {{"activation", a}}, {x});
        x = g.add("Flatten", {}, {x});
        x = g.add("Dense", dense(6, "hard_swish"), {x});
        g.add("Dense", dense(3, "softmax"), {x});
        cases.emplace_back("modern_activations", g);
    }
    {
        GraphSpec g;  // squeeze-and-excitation: a per-channel gate from the pooled features
        const int in = input(g, 3, 6, 6);
        const int a = g.add("Conv2D", conv(6, 3, 1, "same", "relu"), {in});
        int s = g.add("GlobalAveragePooling2D", {}, {a});
        s = g.add("Dense", dense(3, "relu"), {s});
        s = g.add("Dense", dense(6, "hard_sigmoid"), {s});
        const int m = g.add("Multiply", {}, {a, s});
        const int sq = g.add("Multiply", {}, {m, m});
        const int f = g.add("GlobalAveragePooling2D", {}, {sq});
        g.add("Dense", dense(3, "softmax"), {f});
        cases.emplace_back("squeeze_excite", g);
    }
    {
        GraphSpec g;  // a ShuffleNet unit: split, one branch convolved, concatenated, shuffled
        const int in = input(g, 3, 6, 6);
        const int a = g.add("Conv2D", conv(8, 1, 1, "valid", "relu"), {in});
        const int left = g.add("ChannelSlice", {{"start", 0}, {"stop", 4}}, {a});
        int right = g.add("ChannelSlice", {{"start", 4}, {"stop", 8}}, {a});
        right = g.add("Conv2D", conv(4, 3, 1, "same", "relu"), {right});
        int x = g.add("Concatenate", {}, {left, right});
        x = g.add("ChannelShuffle", {{"groups", 2}}, {x});
        x = g.add("ZeroPadding2D", {{"top", 1}, {"bottom", 0}, {"left", 2}, {"right", 1}}, {x});
        x = g.add("Activation", {{"activation", "relu6"}}, {x});
        x = g.add("Flatten", {}, {x});
        g.add("Dense", dense(3, "softmax"), {x});
        cases.emplace_back("shuffle_unit", g);
    }
    return cases;
}

}  // namespace cs::testing
