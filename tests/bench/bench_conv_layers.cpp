// Per-layer convolution benchmark (not a test: nothing is asserted): depthwise, grouped and
// separable convolutions on MobileNet-like shapes, forward and backward (input and parameter
// gradients) milliseconds of this thread's CPU time per batch (the machine is shared: wall time
// would count other processes), the median of repeated runs.
// tests/bench/torch_conv_layers.py measures the same shapes in PyTorch; compare_conv_layers.sh
// runs both.
//
//   bench_conv_layers [--quick] [--json] [--batch N] [--only NAME-PART]
// CONVSTUDIO_WINOGRAD=off runs the dense 3x3 shapes through the im2col products instead.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "layers/layer_registry.h"

using namespace cs;

namespace {

struct LayerShape {
    std::string name;  // also the key in torch_conv_layers.py's output
    std::string kind;
    nlohmann::json options;
    int channels, size;
    bool inputGradient = true;  // false for a first layer
};

// MobileNet v1/v2-like depthwise layers (channels x size x size, 3x3), a grouped and a dilated
// convolution, and a separable one. Keep in step with torch_conv_layers.py's SHAPES.
std::vector<LayerShape> shapes() {
    const nlohmann::json same = {
        {"padding", "explicit"}, {"pad_top", 1}, {"pad_bottom", 1}, {"pad_left", 1}, {"pad_right", 1}};
    auto with = [&](nlohmann::json o) {
        o.update(same);
        return o;
    };
    return {
        {"dw3x3_32x48x48_s1", "DepthwiseConv2D", with({}), 32, 48},
        {"dw3x3_32x48x48_s2", "DepthwiseConv2D", with({{"strides", 2}}), 32, 48},
        {"dw3x3_96x24x24_s1", "DepthwiseConv2D", with({}), 96, 24},
        {"dw3x3_96x24x24_s2", "DepthwiseConv2D", with({{"strides", 2}}), 96, 24},
        {"dw3x3_144x12x12_s1", "DepthwiseConv2D", with({}), 144, 12},
        {"dw5x5_144x12x12_s1",
         "DepthwiseConv2D",
         {{"kernel_size", 5},
          {"padding", "explicit"},
          {"pad_top", 2},
          {"pad_bottom", 2},
          {"pad_left", 2},
          {"pad_right", 2}},
         144,
         12},
        {"conv3x3_g4_64x24x24", "Conv2D", with({{"filters", 64}, {"groups", 4}}), 64, 24},
        {"conv3x3_d2_32x24x24",
         "Conv2D",
         {{"filters", 32},
          {"dilation_rate", 2},
          {"padding", "explicit"},
          {"pad_top", 2},
          {"pad_bottom", 2},
          {"pad_left", 2},
          {"pad_right", 2}},
         32,
         24},
        // Dense 3x3 convolutions of the seed-cnn and fashion-strong presets (the Winograd path).
        {"conv3x3_32to64x13x13_valid", "Conv2D", {{"filters", 64}}, 32, 13},
        {"conv3x3_32x28x28", "Conv2D", with({{"filters", 32}}), 32, 28},
        {"conv3x3_64x14x14", "Conv2D", with({{"filters", 64}}), 64, 14},
        // seed-cnn's first convolution (direct, no input gradient) and its last (3x3 output).
        {"conv3x3_1to32x28x28_first", "Conv2D", {{"filters", 32}, {"activation", "relu"}}, 1, 28, false},
        {"conv3x3_64to64x5x5_valid", "Conv2D", {{"filters", 64}, {"activation", "relu"}}, 64, 5},
        {"sep3x3_32to64x24x24", "SeparableConv2D", with({{"filters", 64}}), 32, 24},
    };
}

double cpuMillis() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Figures {
    double forward = 0, backward = 0;
};

Figures measure(const LayerShape& s, int batch, int reps) {
    const LayerRegistry& reg = LayerRegistry::builtin();
    auto layer = reg.create(s.kind, s.options, s.name);
    const Shape in = Shape::image(s.channels, s.size, s.size);
    Rng rng(1);
    layer->build(std::vector{in}, rng);
    Tensor x(batch, in), y(batch, layer->outputShape(std::vector{in}));
    for (int64_t i = 0; i < x.size(); ++i) x[i] = rng.uniform(-1.f, 1.f);
    Tensor dy(y), dx(x);
    for (int64_t i = 0; i < dy.size(); ++i) dy[i] = rng.uniform(-1.f, 1.f);
    std::vector<Tensor> grads(layer->params().size());
    Workspace ws;
    const Tensor* inputs[] = {&x};
    Tensor* inputGrad[] = {&dx};
    const std::span<Tensor* const> inputGrads =
        s.inputGradient ? std::span<Tensor* const>(inputGrad) : std::span<Tensor* const>();
    std::vector<double> fw, bw;
    for (int r = 0; r < reps + 3; ++r) {  // 3 warm-up runs
        const auto t0 = cpuMillis();
        layer->forward(ForwardArgs{inputs, y, ws, Phase::Train});
        const auto t1 = cpuMillis();
        Tensor g = dy;  // the layer may use it as scratch
        const auto t2 = cpuMillis();
        layer->backward(BackwardArgs{inputs, y, g, inputGrads, grads, ws});
        const auto t3 = cpuMillis();
        if (r < 3) continue;
        fw.push_back(t1 - t0);
        bw.push_back(t3 - t2);
    }
    return {median(fw), median(bw)};
}

}  // namespace

int main(int argc, char** argv) {
    bool quick = false, json = false;
    int batch = 32;
    std::string only;  // run only the shapes whose name contains this
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick"))
            quick = true;
        else if (!std::strcmp(argv[i], "--json"))
            json = true;
        else if (!std::strcmp(argv[i], "--batch") && i + 1 < argc)
            batch = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
    }
    nlohmann::json out;
    if (!json)
        std::printf("%-28s %10s %10s   (CPU ms per batch of %d, 1 thread, median)\n", "layer", "forward", "backward",
                    batch);
    for (const LayerShape& s : shapes()) {
        if (!only.empty() && s.name.find(only) == std::string::npos) continue;
        const Figures f = measure(s, batch, quick ? 5 : 20);
        out[s.name] = {{"forward_ms", f.forward}, {"backward_ms", f.backward}};
        if (!json) std::printf("%-28s %10.3f %10.3f\n", s.name.c_str(), f.forward, f.backward);
    }
    if (json) std::printf("%s\n", out.dump(1).c_str());
    return 0;
}
