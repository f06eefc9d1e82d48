// The layer contract, checked the same way for every registered kind (as Caffe's and Keras's
// generic layer tests do), plus optimised kernels against naive references.
#include <QtTest>

#include <cmath>
#include <map>
#include <thread>

#include "core/errors.h"
#include "gradient_check.h"
#include "layers/activation.h"
#include "layers/layer_registry.h"

using namespace cs;
using cs::test::LayerRunner;

namespace {

struct Case {
    std::string label;
    nlohmann::json options;
    std::vector<Shape> inputs;
    Phase phase = Phase::Eval;
    int batch = 3;
};

Shape img(int c, int h, int w) { return Shape::image(c, h, w); }
Shape flat(int n) { return Shape::flat(n); }

// At least one configuration per kind; a kind missing here fails the contract test.
std::map<std::string, std::vector<Case>> contractCases() {
    std::map<std::string, std::vector<Case>> m;
    m["Input"] = {{"default", {}, {}}, {"5x4x3", {{"height", 5}, {"width", 4}, {"channels", 3}}, {}}};
    auto& conv = m["Conv2D"];
    conv = {
        {"valid k3", {{"filters", 4}}, {img(3, 6, 6)}},
        {"same k3 relu", {{"filters", 4}, {"padding", "same"}, {"activation", "relu"}}, {img(2, 5, 6)}},
        {"valid stride 2", {{"filters", 3}, {"strides", 2}}, {img(2, 7, 6)}},
        // One image of a plane under 16 pixels takes the pixels-as-rows product (conv_gemm.h):
        // seed-cnn's last convolution with filters across two column panels, and a strided one.
        {"small plane 3x3", {{"filters", 40}, {"activation", "linear"}}, {img(16, 5, 5)}},
        {"small plane stride 2 same", {{"filters", 7}, {"strides", 2}, {"padding", "same"}}, {img(6, 6, 7)}},
        // 7 rows, k4, s2 pads 1 above and 2 below: TensorFlow's asymmetric 'same'.
        {"same k4 stride 2", {{"filters", 3}, {"kernel_size", 4}, {"strides", 2}, {"padding", "same"}}, {img(2, 7, 6)}},
        {"k1 no bias", {{"filters", 5}, {"kernel_size", 1}, {"use_bias", false}}, {img(3, 4, 4)}},
        // Wider inputs (as in a network's middle), with the fused ReLU of the GEMM path.
        {"valid k3 6ch", {{"filters", 4}}, {img(6, 6, 5)}},
        {"same k3 relu 6ch", {{"filters", 4}, {"padding", "same"}, {"activation", "relu"}}, {img(6, 5, 6)}},
        {"same k3 elu 5ch", {{"filters", 3}, {"padding", "same"}, {"activation", "elu"}}, {img(5, 4, 5)}},
        // The direct path with rows of two vector segments and the fused ReLU's mask.
        {"direct 1ch relu wide", {{"filters", 3}, {"activation", "relu"}}, {img(1, 5, 20)}},
        {"direct 3ch k3 same train", {{"filters", 2}, {"padding", "same"}}, {img(3, 4, 19)}, Phase::Train},
        // Explicit padding, dilation and groups (issue 15), on every path: GEMM (train and eval),
        // implicit GEMM (eval), direct (few taps) and depthwise (groups == channels).
        {"explicit asymmetric pads train",
         {{"filters", 3},
          {"padding", "explicit"},
          {"pad_top", 2},
          {"pad_bottom", 0},
          {"pad_left", 1},
          {"pad_right", 3}},
         {img(4, 5, 6)},
         Phase::Train},
        {"explicit asymmetric pads eval",
         {{"filters", 3},
          {"padding", "explicit"},
          {"pad_top", 0},
          {"pad_bottom", 1},
          {"pad_left", 2},
          {"pad_right", 0}},
         {img(4, 5, 6)}},
        {"explicit pads direct",
         {{"filters", 2}, {"padding", "explicit"}, {"pad_top", 1}, {"pad_left", 2}},
         {img(1, 5, 6)}},
        {"dilation 2 train", {{"filters", 3}, {"dilation_rate", 2}}, {img(4, 7, 8)}, Phase::Train},
        {"dilation 2 same eval", {{"filters", 3}, {"dilation_rate", 2}, {"padding", "same"}}, {img(4, 6, 7)}},
        {"dilation 2 direct", {{"filters", 3}, {"dilation_rate", 2}, {"padding", "same"}}, {img(2, 6, 7)}},
        {"dilation 2 stride 2 explicit",
         {{"filters", 3},
          {"dilation_rate", 2},
          {"strides", 2},
          {"padding", "explicit"},
          {"pad_top", 2},
          {"pad_bottom", 1},
          {"pad_left", 2},
          {"pad_right", 2}},
         {img(4, 7, 8)},
         Phase::Train},
        {"groups 2 train", {{"filters", 4}, {"groups", 2}, {"padding", "same"}}, {img(4, 5, 6)}, Phase::Train},
        {"groups 2 eval relu", {{"filters", 6}, {"groups", 2}, {"activation", "relu"}}, {img(4, 5, 6)}},
        {"groups 4 stride 2",
         {{"filters", 8}, {"groups", 4}, {"strides", 2}, {"padding", "same"}},
         {img(8, 7, 6)},
         Phase::Train},
        {"groups 4 dilation 2 no bias",
         {{"filters", 4}, {"groups", 4}, {"dilation_rate", 2}, {"use_bias", false}},
         {img(8, 6, 6)}},
        {"depthwise groups = channels elu",
         {{"filters", 6}, {"groups", 3}, {"padding", "same"}, {"activation", "elu"}},
         {img(3, 5, 18)},
         Phase::Train},
        {"depthwise stride 2 asymmetric",
         {{"filters", 4},
          {"groups", 4},
          {"strides", 2},
          {"padding", "explicit"},
          {"pad_top", 1},
          {"pad_bottom", 2},
          {"pad_left", 0},
          {"pad_right", 1}},
         {img(4, 7, 9)}},
    };
    for (const std::string& act : activationNames())
        conv.push_back({"same " + act, {{"filters", 3}, {"padding", "same"}, {"activation", act}}, {img(2, 4, 5)}});
    for (const char* pool : {"MaxPooling2D", "AveragePooling2D"})
        m[pool] = {{"default", {}, {img(2, 6, 6)}},
                   {"3 stride 2 same", {{"pool_size", 3}, {"strides", 2}, {"padding", "same"}}, {img(2, 7, 5)}},
                   {"2 stride 1", {{"strides", 1}}, {img(2, 5, 4)}},
                   {"2 same odd", {{"padding", "same"}}, {img(1, 5, 3)}},
                   // The 2x2 kernels: winners recorded (train) or recomputed for backward (eval),
                   // with a last row and column no window covers.
                   {"2 odd train", {}, {img(2, 7, 5)}, Phase::Train},
                   {"2 odd eval", {}, {img(2, 5, 7)}},
                   // Rows of 13 outputs (AVX2: a whole vector and the last whole one again) and of
                   // 5 (one masked vector), winners recorded.
                   {"2 rows of 13 train", {}, {img(1, 4, 26)}, Phase::Train},
                   {"2 rows of 5 train", {}, {img(2, 4, 11)}, Phase::Train}};
    m["DepthwiseConv2D"] = {
        {"default", {}, {img(3, 6, 6)}},
        {"same elu train", {{"padding", "same"}, {"activation", "elu"}}, {img(2, 5, 19)}, Phase::Train},
        {"multiplier 2 stride 2", {{"depth_multiplier", 2}, {"strides", 2}, {"padding", "same"}}, {img(3, 7, 8)}},
        {"asymmetric pads dilation 2",
         {{"padding", "explicit"},
          {"pad_top", 2},
          {"pad_bottom", 1},
          {"pad_left", 0},
          {"pad_right", 3},
          {"dilation_rate", 2}},
         {img(2, 6, 5)},
         Phase::Train},
        {"k5 no bias tanh", {{"kernel_size", 5}, {"use_bias", false}, {"activation", "tanh"}}, {img(2, 6, 7)}},
    };
    m["SeparableConv2D"] = {
        {"default", {{"filters", 4}}, {img(3, 6, 6)}},
        {"same sigmoid train",
         {{"filters", 5}, {"padding", "same"}, {"activation", "sigmoid"}},
         {img(2, 5, 7)},
         Phase::Train},
        {"multiplier 2 stride 2 asymmetric",
         {{"filters", 3},
          {"depth_multiplier", 2},
          {"strides", 2},
          {"padding", "explicit"},
          {"pad_bottom", 1},
          {"pad_right", 2}},
         {img(3, 7, 8)}},
        {"dilation 2 no bias softmax",
         {{"filters", 4}, {"dilation_rate", 2}, {"use_bias", false}, {"activation", "softmax"}},
         {img(2, 6, 6)}},
    };
    m["GlobalAveragePooling2D"] = {{"default", {}, {img(3, 4, 5)}}};
    m["Flatten"] = {{"image", {}, {img(3, 4, 5)}}, {"flat", {}, {flat(7)}}};
    auto& dense = m["Dense"];
    dense = {{"no bias", {{"units", 4}, {"use_bias", false}}, {flat(6)}}};
    for (const std::string& act : activationNames())
        dense.push_back({act, {{"units", 5}, {"activation", act}}, {flat(12)}});
    m["BatchNormalization"] = {
        {"image train", {}, {img(3, 4, 4)}, Phase::Train},
        {"image eval", {}, {img(3, 4, 4)}, Phase::Eval},
        {"flat train", {{"epsilon", 0.01}}, {flat(6)}, Phase::Train, 16},
        {"no center no scale", {{"center", false}, {"scale", false}}, {img(2, 3, 3)}, Phase::Train},
        {"scale only", {{"center", false}}, {flat(4)}, Phase::Train, 8},
    };
    m["Dropout"] = {{"train", {}, {img(2, 4, 4)}, Phase::Train},
                    {"train flat 0.2", {{"rate", 0.2}}, {flat(20)}, Phase::Train},
                    {"eval", {{"rate", 0.3}}, {img(2, 4, 4)}, Phase::Eval}};
    for (const std::string& act : activationNames()) {
        m["Activation"].push_back({act + " image", {{"activation", act}}, {img(3, 3, 4)}});
        m["Activation"].push_back({act + " flat", {{"activation", act}}, {flat(7)}});
    }
    m["Add"] = {{"two images", {}, {img(2, 3, 3), img(2, 3, 3)}}, {"three flat", {}, {flat(5), flat(5), flat(5)}}};
    m["Concatenate"] = {{"images", {}, {img(2, 3, 3), img(3, 3, 3)}}, {"flat", {}, {flat(4), flat(2), flat(3)}}};
    // The blocks of MobileNet/ShuffleNet/EfficientNet-style models.
    m["Multiply"] = {{"same shape", {}, {img(2, 3, 3), img(2, 3, 3)}},
                     {"channel gate", {}, {img(3, 2, 4), flat(3)}},
                     {"gate first", {}, {flat(2), img(2, 3, 3)}},
                     {"flat", {}, {flat(5), flat(5)}}};
    m["ZeroPadding2D"] = {{"default", {}, {img(2, 3, 4)}},
                          {"per side", {{"top", 0}, {"bottom", 2}, {"left", 1}, {"right", 3}}, {img(1, 2, 3)}}};
    m["ChannelShuffle"] = {{"2 groups", {}, {img(4, 2, 3)}}, {"3 groups", {{"groups", 3}}, {img(6, 2, 2)}}};
    m["ChannelSlice"] = {{"first half", {{"start", 0}, {"stop", 2}}, {img(4, 2, 3)}},
                         {"middle flat", {{"start", 1}, {"stop", 4}}, {flat(6)}}};
    return m;
}

// Gives non-default values to biases, BatchNorm's gamma/beta and its moving statistics, so the
// checks exercise them (zero biases and unit gammas hide mistakes).
void randomiseParameters(Layer& layer, Rng& rng) {
    for (Param& p : layer.params())
        if (p.name == "gamma")
            test::fillUniform(p.value, rng, 0.5f, 1.5f);
        else if (p.name != "kernel")
            test::fillUniform(p.value, rng, -0.5f, 0.5f);
    for (Param& p : layer.state())
        if (p.name == "moving_variance")
            test::fillUniform(p.value, rng, 0.5f, 1.5f);
        else
            test::fillUniform(p.value, rng, -0.5f, 0.5f);
}

struct Built {
    std::unique_ptr<Layer> layer;
    std::unique_ptr<LayerRunner> runner;
};

Built build(const std::string& kind, const Case& c, Phase phase, uint64_t seed = 1) {
    Built b;
    b.layer = LayerRegistry::builtin().create(kind, c.options, "layer_under_test");
    Rng rng(seed);
    b.layer->build(c.inputs, rng);
    randomiseParameters(*b.layer, rng);
    std::vector<Tensor> inputs;
    for (const Shape& s : c.inputs) inputs.push_back(test::randomTensor(c.batch, s, rng));
    b.runner = std::make_unique<LayerRunner>(*b.layer, std::move(inputs), phase);
    return b;
}

bool sameTensor(const Tensor& a, const Tensor& b, double tol = 0) {
    return a.batch() == b.batch() && a.sampleShape() == b.sampleShape() && test::maxAbsDiff(a, b) <= tol;
}

}  // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void everyKindHasCases();
    void contract_data();
    void contract();
    void gradientCheckCatchesWrongGradient();
    void preActivationGradient_data();
    void preActivationGradient();
    void convMatchesNaiveReference_data();
    void convMatchesNaiveReference();
    void convOptionsMatchNaiveReference_data();
    void convOptionsMatchNaiveReference();
    void convGroupsMustDivide();
    void depthwiseFusedReluIsMaskedLinear_data();
    void depthwiseFusedReluIsMaskedLinear();
    void convLargeBatchIsChunked();
    void poolingMatchesNaiveReference_data();
    void poolingMatchesNaiveReference();
    void simpleLayerValues();
    void batchNormStatistics();
    void batchNormLargeActivations();
    void dropoutMask();
    void shapeErrorsNameLayerAndShapes();
    void macsCounts();
};

void TestLayers::everyKindHasCases() {
    const auto cases = contractCases();
    for (const std::string& kind : LayerRegistry::builtin().kinds())
        QVERIFY2(cases.count(kind) && !cases.at(kind).empty(), ("no contract test case for " + kind).c_str());
    for (const auto& [kind, list] : cases)
        QVERIFY2(LayerRegistry::builtin().contains(kind), ("test case for unregistered kind " + kind).c_str());
}

void TestLayers::contract_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("index");
    for (const auto& [kind, list] : contractCases())
        for (std::size_t i = 0; i < list.size(); ++i)
            QTest::newRow((kind + " " + list[i].label).c_str()) << QString::fromStdString(kind) << int(i);
}

void TestLayers::contract() {
    QFETCH(QString, kind);
    QFETCH(int, index);
    const std::string k = kind.toStdString();
    const Case c = contractCases().at(k).at(index);
    const LayerRegistry& reg = LayerRegistry::builtin();
    Built b = build(k, c, c.phase);
    Layer& layer = *b.layer;
    const LayerRunner& run = *b.runner;
    QCOMPARE(std::string(layer.kind()), k);

    // Options: complete, validated, and a JSON round trip gives the same layer options.
    const Options opts = layer.options();
    QCOMPARE(reg.validate(k, opts), opts);
    QCOMPARE(Options::parse(opts.dump()), opts);
    QCOMPARE(reg.create(k, Options::parse(opts.dump()), "copy")->options(), opts);
    for (const auto& [key, value] : c.options.items()) QCOMPARE(opts.at(key), value);

    // Parameters: only kernels decay; the count is the sum of the sizes.
    int64_t count = 0;
    for (const Param& p : layer.params()) {
        QCOMPARE(p.decay, p.name.ends_with("kernel"));  // "kernel", "depthwise_kernel", ...
        count += p.value.size();
    }
    QCOMPARE(layer.paramCount(), count);
    // totalParams() tells from the options alone, before build(), what build() allocates
    // (parameters and state): what the designer shows after every edit.
    int64_t total = count;
    for (const Param& s : layer.state()) total += s.value.size();
    QCOMPARE(reg.create(k, opts, "unbuilt")->totalParams(c.inputs), total);
    if (c.inputs.empty()) {  // Input: the model fills its output; only the shape is declared
        QCOMPARE(run.outputShape(), img(opts["channels"], opts["height"], opts["width"]));
        return;
    }

    // outputShape() is the shape forward() fills: every element written, nothing resized.
    Workspace ws;
    const Tensor out = run.forward(ws);
    QCOMPARE(out.batch(), c.batch);
    QCOMPARE(out.sampleShape(), run.outputShape());
    QVERIFY2(test::allFinite(out), "forward left elements of the declared output shape unwritten");
    QVERIFY(sameTensor(run.forward(ws), out));  // deterministic, also with a reused workspace

    // Gradients of L = sum(out * R), analytic vs central differences.
    Rng rng(99);
    const Tensor r = test::randomTensor(c.batch, run.outputShape(), rng);
    const LayerRunner::Grads g = run.backward(ws, out, r);
    Workspace numericWs;
    auto loss = [&] { return test::dot(run.forward(numericWs), r); };
    for (std::size_t i = 0; i < c.inputs.size(); ++i) {
        Tensor& x = b.runner->inputs()[i];
        const auto res = test::checkGradient(x.data(), x.size(), g.inputs[i].data(), loss);
        QVERIFY2(res.ok(), ("input " + std::to_string(i) + ": " + res.summary()).c_str());
    }
    for (std::size_t p = 0; p < layer.params().size(); ++p) {
        Tensor& v = layer.params()[p].value;
        QVERIFY(sameTensor(g.params[p], Tensor(g.params[p])));
        QCOMPARE(g.params[p].size(), v.size());
        const auto res = test::checkGradient(v.data(), v.size(), g.params[p].data(), loss);
        QVERIFY2(res.ok(), ("param " + layer.params()[p].name + ": " + res.summary()).c_str());
    }

    // Without input gradients (nullptr entries) the parameter gradients are unchanged.
    run.forward(ws);
    const LayerRunner::Grads noInput = run.backward(ws, out, r, false);
    for (std::size_t p = 0; p < g.params.size(); ++p) QVERIFY(sameTensor(noInput.params[p], g.params[p]));

    // Batch independence (Eval): each sample equals running it alone.
    {
        Built whole = build(k, c, Phase::Eval);
        Workspace w1;
        const Tensor all = whole.runner->forward(w1);
        for (int n = 0; n < c.batch; ++n) {
            std::vector<Tensor> single;
            for (const Tensor& t : whole.runner->inputs()) {
                single.emplace_back();
                single.back().copySamplesFrom(t, n, 1);
            }
            LayerRunner alone(*whole.layer, std::move(single), Phase::Eval);
            Workspace w2;
            Tensor one = alone.forward(w2);
            Tensor expected;
            expected.copySamplesFrom(all, n, 1);
            QVERIFY2(test::maxAbsDiff(one, expected) <= 1e-5, ("sample " + std::to_string(n)).c_str());
        }
    }

    // Concurrency: one layer, two threads with their own workspaces, same results as above.
    {
        struct Result {
            Tensor out;
            LayerRunner::Grads grads;
        };
        Result results[2];
        auto work = [&](Result& res) {
            Workspace w;
            for (int rep = 0; rep < 20; ++rep) {
                res.out = run.forward(w);
                res.grads = run.backward(w, res.out, r);
            }
        };
        std::thread t0(work, std::ref(results[0])), t1(work, std::ref(results[1]));
        t0.join();
        t1.join();
        for (const Result& res : results) {
            QVERIFY(sameTensor(res.out, out));
            for (std::size_t i = 0; i < g.inputs.size(); ++i) QVERIFY(sameTensor(res.grads.inputs[i], g.inputs[i]));
            for (std::size_t p = 0; p < g.params.size(); ++p) QVERIFY(sameTensor(res.grads.params[p], g.params[p]));
        }
    }
}

// The checker must fail on a gradient that is slightly wrong, or the contract test proves nothing.
void TestLayers::gradientCheckCatchesWrongGradient() {
    const Case c{"", {{"filters", 3}, {"padding", "same"}, {"activation", "tanh"}}, {img(2, 4, 5)}};
    Built b = build("Conv2D", c, Phase::Eval);
    Workspace ws;
    const Tensor out = b.runner->forward(ws);
    Rng rng(5);
    const Tensor r = test::randomTensor(c.batch, out.sampleShape(), rng);
    LayerRunner::Grads g = b.runner->backward(ws, out, r);
    auto loss = [&] {
        Workspace w;
        return test::dot(b.runner->forward(w), r);
    };
    Tensor& x = b.runner->inputs()[0];
    QVERIFY(test::checkGradient(x.data(), x.size(), g.inputs[0].data(), loss).ok());
    for (float scale : {1.01f, 0.99f}) {
        Tensor wrong = g.inputs[0];
        wrong.array() *= scale;
        QVERIFY(!test::checkGradient(x.data(), x.size(), wrong.data(), loss).ok());
    }
    Tensor oneOff = g.inputs[0];
    oneOff[7] += 0.01f;
    QVERIFY(!test::checkGradient(x.data(), x.size(), oneOff.data(), loss).ok());
}

void TestLayers::preActivationGradient_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("activation");
    for (const char* kind : {"Conv2D", "Dense", "Activation"})
        for (const char* act : {"softmax", "relu", "sigmoid"})
            QTest::newRow((std::string(kind) + " " + act).c_str()) << kind << act;
}

// With gradIsPreActivation the layer must skip its activation's backward: the result equals
// the same layer with a linear activation given the same gradient.
void TestLayers::preActivationGradient() {
    QFETCH(QString, kind);
    QFETCH(QString, activation);
    const std::string k = kind.toStdString();
    const Shape in = k == "Dense" ? flat(6) : img(2, 4, 4);
    nlohmann::json opts = {{"activation", activation.toStdString()}};
    if (k == "Conv2D") opts["filters"] = 3;
    if (k == "Dense") opts["units"] = 4;
    Built fused = build(k, Case{"", opts, {in}}, Phase::Eval);
    opts["activation"] = "linear";
    Built linear = build(k, Case{"", opts, {in}}, Phase::Eval);  // same seed: same weights and inputs
    Workspace w1, w2;
    const Tensor outF = fused.runner->forward(w1);
    const Tensor outL = linear.runner->forward(w2);
    Rng rng(3);
    const Tensor r = test::randomTensor(3, outF.sampleShape(), rng);
    const auto gF = fused.runner->backward(w1, outF, r, true, true);
    const auto gL = linear.runner->backward(w2, outL, r, true, false);
    QVERIFY(sameTensor(gF.inputs[0], gL.inputs[0], 1e-6));
    for (std::size_t p = 0; p < gF.params.size(); ++p) QVERIFY(sameTensor(gF.params[p], gL.params[p], 1e-6));
}

namespace {

template <typename F>
QString errorOf(F&& f) {
    try {
        f();
    } catch (const ShapeError& e) {
        return QString::fromStdString(e.what());
    }
    return "no ShapeError";
}

}  // namespace

void TestLayers::convMatchesNaiveReference_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<QString>("padding");
    QTest::newRow("valid") << 3 << 8 << 8 << 3 << 1 << "valid";
    QTest::newRow("valid stride 2") << 2 << 9 << 8 << 3 << 2 << "valid";
    QTest::newRow("same") << 3 << 6 << 7 << 3 << 1 << "same";
    QTest::newRow("same stride 2 pads 0/1") << 3 << 6 << 6 << 3 << 2 << "same";
    QTest::newRow("same k4 stride 2 pads 1/2") << 2 << 7 << 9 << 4 << 2 << "same";
    QTest::newRow("same k2 pads 0/1") << 2 << 5 << 5 << 2 << 1 << "same";
    QTest::newRow("same kernel larger than input") << 1 << 3 << 4 << 5 << 1 << "same";
    QTest::newRow("k1 stride 3") << 4 << 7 << 7 << 1 << 3 << "valid";
    // The direct path (few taps, stride 1): a first layer's shape, and rows longer than a vector.
    QTest::newRow("direct 1ch 28x28") << 1 << 28 << 28 << 3 << 1 << "valid";
    QTest::newRow("direct 1ch wide same") << 1 << 6 << 40 << 3 << 1 << "same";
    // The inference path's implicit GEMM: the seed-cnn's middle layers (288 and 576 taps, the
    // latter in two depth blocks), output rows split across 32-column panels, stride 2 + padding.
    QTest::newRow("implicit 32ch 13x13") << 32 << 13 << 13 << 3 << 1 << "valid";
    QTest::newRow("implicit 64ch 5x5") << 64 << 5 << 5 << 3 << 1 << "valid";
    QTest::newRow("implicit 8ch 17x9 same") << 8 << 17 << 9 << 3 << 1 << "same";
    QTest::newRow("implicit 5ch stride 2 same") << 5 << 11 << 12 << 3 << 2 << "same";
    QTest::newRow("small plane 16ch 3x4 stride 2") << 16 << 6 << 8 << 3 << 2 << "same";
}

void TestLayers::convMatchesNaiveReference() {
    QFETCH(int, channels);
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(QString, padding);
    const Case c{"",
                 {{"filters", 5}, {"kernel_size", kernel}, {"strides", stride}, {"padding", padding.toStdString()}},
                 {img(channels, height, width)}};
    Built b = build("Conv2D", c, Phase::Eval);
    Workspace ws;
    const Tensor y = b.runner->forward(ws);
    const Tensor ref = test::naiveConv2D(b.runner->inputs()[0], b.layer->params()[0].value, b.layer->params()[1].value,
                                         stride, padding == "same");
    QCOMPARE(y.sampleShape(), ref.sampleShape());
    QVERIFY2(test::maxAbsDiff(y, ref) < 1e-5, qPrintable(QString::number(test::maxAbsDiff(y, ref))));
    // Each image alone (small planes take conv_gemm.h's pixels-as-rows product), with ReLU fused too.
    for (const char* activation : {"linear", "relu"}) {
        Case one = c;
        one.options["activation"] = activation;
        Built fused = build("Conv2D", one, Phase::Eval);  // the same seed: the same weights and inputs
        for (int n = 0; n < c.batch; ++n) {
            std::vector<Tensor> single(1);
            single[0].copySamplesFrom(fused.runner->inputs()[0], n, 1);
            LayerRunner alone(*fused.layer, std::move(single), Phase::Eval);
            Workspace w;
            Tensor want;
            want.copySamplesFrom(ref, n, 1);
            if (one.options["activation"] == "relu")
                for (int64_t i = 0; i < want.size(); ++i) want[i] = std::max(want[i], 0.f);
            const double diff = test::maxAbsDiff(alone.forward(w), want);
            QVERIFY2(diff < 1e-5, qPrintable(QString("%1, sample %2: %3").arg(activation).arg(n).arg(diff)));
        }
    }
}

void TestLayers::convOptionsMatchNaiveReference_data() {
    QTest::addColumn<QString>("kind");  // Conv2D, DepthwiseConv2D
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("filters");  // Conv2D: filters; DepthwiseConv2D: depth multiplier
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("dilation");
    QTest::addColumn<int>("groups");
    QTest::addColumn<QList<int>>("pads");  // top, bottom, left, right
    QTest::addColumn<bool>("train");
    for (bool train : {false, true}) {
        const char* phase = train ? " train" : " eval";
        auto row = [&](const std::string& name) -> QTestData& { return QTest::newRow((name + phase).c_str()); };
        // torchvision's first layers: 7x7 stride 2 pads 3 (resnet), 3x3 stride 2 pads 1 (mobilenet).
        row("resnet stem") << "Conv2D" << 3 << 20 << 4 << 7 << 2 << 1 << 1 << QList<int>{3, 3, 3, 3} << train;
        row("mobilenet stem") << "Conv2D" << 3 << 17 << 4 << 3 << 2 << 1 << 1 << QList<int>{1, 1, 1, 1} << train;
        row("asymmetric 16ch") << "Conv2D" << 16 << 9 << 5 << 3 << 1 << 1 << 1 << QList<int>{0, 2, 1, 0} << train;
        row("dilation 3 32ch") << "Conv2D" << 32 << 11 << 6 << 3 << 1 << 3 << 1 << QList<int>{3, 3, 3, 3} << train;
        row("groups 2") << "Conv2D" << 8 << 9 << 6 << 3 << 1 << 1 << 2 << QList<int>{1, 1, 1, 1} << train;
        // A 3x3 output (inference: conv_small_plane's product) with dilation and stride.
        row("small plane dilation 2 stride 2")
            << "Conv2D" << 6 << 8 << 5 << 3 << 2 << 2 << 1 << QList<int>{1, 1, 1, 1} << train;
        row("groups 4 stride 2") << "Conv2D" << 8 << 10 << 8 << 3 << 2 << 1 << 4 << QList<int>{1, 0, 1, 0} << train;
        row("depthwise groups 32 wide") << "Conv2D" << 32 << 21 << 32 << 3 << 1 << 1 << 32 << QList<int>{1, 1, 1, 1}
                                        << train;
        row("depthwise k5 stride 2") << "Conv2D" << 6 << 23 << 12 << 5 << 2 << 1 << 6 << QList<int>{2, 2, 2, 2}
                                     << train;
        row("dw 48x48 stride 2") << "DepthwiseConv2D" << 4 << 48 << 1 << 3 << 2 << 1 << 1 << QList<int>{0, 1, 0, 1}
                                 << train;
        row("dw multiplier 3 dilation 2")
            << "DepthwiseConv2D" << 3 << 13 << 3 << 3 << 1 << 2 << 1 << QList<int>{2, 2, 2, 2} << train;
        row("dw k7 stride 3") << "DepthwiseConv2D" << 2 << 19 << 2 << 7 << 3 << 1 << 1 << QList<int>{3, 2, 1, 3}
                              << train;
    }
}

// The convolution options on every path (GEMM per group, implicit GEMM, direct, depthwise)
// against the naive loops, forward and (through a training forward) the column-reusing backward.
void TestLayers::convOptionsMatchNaiveReference() {
    QFETCH(QString, kind);
    QFETCH(int, channels);
    QFETCH(int, size);
    QFETCH(int, filters);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, dilation);
    QFETCH(int, groups);
    QFETCH(QList<int>, pads);
    QFETCH(bool, train);
    const bool depthwise = kind == "DepthwiseConv2D";
    nlohmann::json opts = {{"kernel_size", kernel}, {"strides", stride},   {"dilation_rate", dilation},
                           {"padding", "explicit"}, {"pad_top", pads[0]},  {"pad_bottom", pads[1]},
                           {"pad_left", pads[2]},   {"pad_right", pads[3]}};
    if (depthwise) {
        opts["depth_multiplier"] = filters;
    } else {
        opts["filters"] = filters;
        opts["groups"] = groups;
    }
    const Case c{"", opts, {img(channels, size, size + 1)}, Phase::Eval, 2};
    Built b = build(kind.toStdString(), c, train ? Phase::Train : Phase::Eval);
    Workspace ws;
    const Tensor y = b.runner->forward(ws);
    test::NaiveConvOptions o;
    o.stride = stride;
    o.dilation = dilation;
    o.groups = depthwise ? channels : groups;
    for (int i = 0; i < 4; ++i) o.pads[i] = pads[i];
    const Tensor ref =
        test::naiveConv2D(b.runner->inputs()[0], b.layer->params()[0].value, &b.layer->params()[1].value, o);
    QCOMPARE(y.sampleShape(), ref.sampleShape());
    QVERIFY2(test::maxAbsDiff(y, ref) < 1e-4, qPrintable(QString::number(test::maxAbsDiff(y, ref))));
    // Backward against the naive forward's adjoint: <dL/dx, e> for a random direction e equals the
    // finite difference of L along e (L = sum(y * r)), on a few directions.
    Rng rng(11);
    const Tensor r = test::randomTensor(2, y.sampleShape(), rng);
    const auto g = b.runner->backward(ws, y, r);
    for (int rep = 0; rep < 3; ++rep) {
        Tensor e = test::randomTensor(2, b.runner->inputs()[0].sampleShape(), rng);
        Tensor xp = b.runner->inputs()[0], xm = b.runner->inputs()[0];
        xp.array() += 1e-2f * e.array();
        xm.array() -= 1e-2f * e.array();
        const double numeric =
            (test::dot(test::naiveConv2D(xp, b.layer->params()[0].value, &b.layer->params()[1].value, o), r) -
             test::dot(test::naiveConv2D(xm, b.layer->params()[0].value, &b.layer->params()[1].value, o), r)) /
            2e-2;
        const double analytic = test::dot(g.inputs[0], e);
        QVERIFY2(std::fabs(numeric - analytic) < 1e-3 * (1 + std::fabs(numeric)),
                 qPrintable(QString("dx: %1 vs %2").arg(analytic).arg(numeric)));
    }
}

void TestLayers::depthwiseFusedReluIsMaskedLinear_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("options");
    QTest::newRow("Conv2D groups = channels") << "Conv2D"
                                              << R"({"filters": 6, "groups": 3, "padding": "same"})";
    QTest::newRow("DepthwiseConv2D stride 2") << "DepthwiseConv2D"
                                              << R"({"strides": 2, "depth_multiplier": 2})";
    QTest::newRow("SeparableConv2D") << "SeparableConv2D"
                                     << R"({"filters": 4, "padding": "same"})";
}

// The ReLU fused into the depthwise kernel (and SeparableConv2D's) equals the linear layer with
// max(y, 0) after it and the gradient masked where y > 0. Checked exactly here, because a finite
// difference across ReLU's kink is unreliable in the contract test.
void TestLayers::depthwiseFusedReluIsMaskedLinear() {
    QFETCH(QString, kind);
    QFETCH(QString, options);
    nlohmann::json opts = nlohmann::json::parse(options.toStdString());
    opts["activation"] = "relu";
    const std::string k = kind.toStdString();
    Built relu = build(k, Case{"", opts, {img(3, 7, 21)}}, Phase::Train);
    opts["activation"] = "linear";
    Built linear = build(k, Case{"", opts, {img(3, 7, 21)}}, Phase::Train);  // same seed: same weights and inputs
    Workspace w1, w2;
    const Tensor yr = relu.runner->forward(w1);
    Tensor yl = linear.runner->forward(w2);
    Rng rng(8);
    Tensor r = test::randomTensor(3, yr.sampleShape(), rng);
    const auto gr = relu.runner->backward(w1, yr, r);
    int positive = 0;
    for (int64_t i = 0; i < yl.size(); ++i) {
        positive += yl[i] > 0.f;
        if (!(yl[i] > 0.f)) r[i] = 0.f;
        yl[i] = std::max(yl[i], 0.f);
    }
    QVERIFY(positive > yl.size() / 10 && positive < yl.size() * 9 / 10);  // both sides of the kink
    QVERIFY(sameTensor(yr, yl, 1e-6));
    const auto gl = linear.runner->backward(w2, linear.runner->forward(w2), r);
    QVERIFY(sameTensor(gr.inputs[0], gl.inputs[0], 1e-5));
    for (std::size_t p = 0; p < gr.params.size(); ++p) QVERIFY(sameTensor(gr.params[p], gl.params[p], 1e-4));
}

void TestLayers::convGroupsMustDivide() {
    const auto error = [](const nlohmann::json& opts, const Shape& in) {
        return errorOf([&] { LayerRegistry::builtin().create("Conv2D", opts, "conv3")->outputShape(std::vector{in}); });
    };
    QCOMPARE(error({{"filters", 8}, {"groups", 3}}, img(6, 5, 5)),
             QString("Conv2D 'conv3': groups 3 must divide both the 6 input channels and the 8 filters"));
    QCOMPARE(error({{"filters", 6}, {"groups", 4}}, img(8, 5, 5)),
             QString("Conv2D 'conv3': groups 4 must divide both the 8 input channels and the 6 filters"));
    QCOMPARE(error({{"filters", 6}, {"dilation_rate", 3}}, img(2, 6, 9)),
             QString("Conv2D 'conv3': kernel 3x3 with dilation 3 spans 7x7 pixels, more than its 6x9 input padded "
                     "to 6x9"));
    QCOMPARE(error({{"filters", 6}, {"padding", "explicit"}, {"kernel_size", 5}, {"pad_left", 1}}, img(2, 6, 3)),
             QString("Conv2D 'conv3': kernel 5x5 with dilation 1 spans 5x5 pixels, more than its 6x3 input padded "
                     "to 6x4"));
}

// Batches too large for one column matrix are split into several GEMMs; the result (forward
// and gradients) must not depend on the split.
void TestLayers::convLargeBatchIsChunked() {
    const Case c{"", {{"filters", 4}, {"kernel_size", 5}, {"padding", "same"}}, {img(16, 32, 32)}, Phase::Eval, 12};
    Built b = build("Conv2D", c, Phase::Eval);
    Workspace ws;
    const Tensor y = b.runner->forward(ws);
    const Tensor ref =
        test::naiveConv2D(b.runner->inputs()[0], b.layer->params()[0].value, b.layer->params()[1].value, 1, true);
    QVERIFY(test::maxAbsDiff(y, ref) < 1e-4);
    Rng rng(4);
    const Tensor r = test::randomTensor(12, y.sampleShape(), rng);
    const auto g = b.runner->backward(ws, y, r);
    Tensor dwSum(g.params[0]), dbSum(g.params[1]);
    dwSum.setZero();
    dbSum.setZero();
    for (int n = 0; n < 12; ++n) {
        Tensor xn, rn;
        xn.copySamplesFrom(b.runner->inputs()[0], n, 1);
        rn.copySamplesFrom(r, n, 1);
        LayerRunner one(*b.layer, {xn}, Phase::Eval);
        Workspace w1;
        const auto gn = one.backward(w1, one.forward(w1), rn);
        Tensor dxn;
        dxn.copySamplesFrom(g.inputs[0], n, 1);
        QVERIFY(test::maxAbsDiff(gn.inputs[0], dxn) < 1e-5);
        dwSum.array() += gn.params[0].array();
        dbSum.array() += gn.params[1].array();
    }
    QVERIFY(test::maxAbsDiff(dwSum, g.params[0]) < 1e-3);
    QVERIFY(test::maxAbsDiff(dbSum, g.params[1]) < 1e-3);
}

void TestLayers::poolingMatchesNaiveReference_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("pool");
    QTest::addColumn<int>("stride");  // 0: pool size
    QTest::addColumn<QString>("padding");
    QTest::addColumn<int>("width");
    for (const char* kind : {"MaxPooling2D", "AveragePooling2D"}) {
        const std::string k = kind;
        QTest::newRow((k + " 2 valid").c_str()) << kind << 2 << 0 << "valid" << 6;
        QTest::newRow((k + " 2 same").c_str()) << kind << 2 << 0 << "same" << 6;
        QTest::newRow((k + " 3 stride 2 same").c_str()) << kind << 3 << 2 << "same" << 6;
        QTest::newRow((k + " 3 stride 1 same").c_str()) << kind << 3 << 1 << "same" << 6;
        QTest::newRow((k + " 3 stride 2 valid").c_str()) << kind << 3 << 2 << "valid" << 6;
        // 18 outputs a row: whole vectors of the AVX2 (8) and AVX-512 (16) kernels and a tail.
        QTest::newRow((k + " 2 valid wide").c_str()) << kind << 2 << 0 << "valid" << 37;
        // seed-cnn's maps: 26 (13 outputs: AVX2's last vector overlaps), 11 (5: masked), 16 (8).
        QTest::newRow((k + " 2 valid 26").c_str()) << kind << 2 << 0 << "valid" << 26;
        QTest::newRow((k + " 2 valid 11").c_str()) << kind << 2 << 0 << "valid" << 11;
        QTest::newRow((k + " 2 valid 16").c_str()) << kind << 2 << 0 << "valid" << 16;
    }
}

void TestLayers::poolingMatchesNaiveReference() {
    QFETCH(QString, kind);
    QFETCH(int, pool);
    QFETCH(int, stride);
    QFETCH(QString, padding);
    QFETCH(int, width);
    const Case c{
        "", {{"pool_size", pool}, {"strides", stride}, {"padding", padding.toStdString()}}, {img(2, 7, width)}};
    Built b = build(kind.toStdString(), c, Phase::Eval);
    Workspace ws;
    const Tensor y = b.runner->forward(ws);
    const Tensor ref = test::naivePool2D(b.runner->inputs()[0], pool, stride ? stride : pool, padding == "same",
                                         kind == "MaxPooling2D");
    QCOMPARE(y.sampleShape(), ref.sampleShape());
    QVERIFY(test::maxAbsDiff(y, ref) < 1e-6);
}

void TestLayers::simpleLayerValues() {
    Rng rng(11);
    Workspace ws;
    const Tensor a = test::randomTensor(2, img(2, 3, 4), rng), b = test::randomTensor(2, img(3, 3, 4), rng);
    auto run = [&](const std::string& kind, std::vector<Tensor> in, nlohmann::json opts = {}) {
        auto layer = LayerRegistry::builtin().create(kind, opts, "x");
        Rng r(1);
        std::vector<Shape> shapes;
        for (const Tensor& t : in) shapes.push_back(t.sampleShape());
        layer->build(shapes, r);
        LayerRunner runner(*layer, std::move(in), Phase::Eval);
        return std::make_pair(runner.forward(ws), std::move(layer));
    };
    // Flatten keeps NCHW memory order (C, then H, then W).
    const auto [flatOut, fl] = run("Flatten", {a});
    QCOMPARE(flatOut.sampleShape(), flat(24));
    for (int64_t i = 0; i < a.size(); ++i) QCOMPARE(flatOut[i], a[i]);
    // Concatenate: sample n is a's sample then b's.
    const auto [cat, cl] = run("Concatenate", {a, b});
    QCOMPARE(cat.sampleShape(), img(5, 3, 4));
    for (int n = 0; n < 2; ++n)
        for (int i = 0; i < 60; ++i) QCOMPARE(cat.sample(n)[i], i < 24 ? a.sample(n)[i] : b.sample(n)[i - 24]);
    const auto [sum, al] = run("Add", {a, a, a});
    for (int64_t i = 0; i < a.size(); ++i) QVERIFY(std::abs(sum[i] - 3 * a[i]) < 1e-6);
    const auto [gap, gl] = run("GlobalAveragePooling2D", {b});
    QCOMPARE(gap.sampleShape(), flat(3));
    for (int n = 0; n < 2; ++n)
        for (int c = 0; c < 3; ++c) {
            double m = 0;
            for (int i = 0; i < 12; ++i) m += b.sample(n)[c * 12 + i];
            QVERIFY(std::abs(gap.sample(n)[c] - m / 12) < 1e-6);
        }
    // Dense: y = W x + b with W stored (units, inputs).
    auto [dense, dl] = run("Dense", {flatOut}, {{"units", 3}});
    test::fillUniform(dl->params()[1].value, rng);
    LayerRunner dr(*dl, {flatOut}, Phase::Eval);
    dense = dr.forward(ws);
    for (int n = 0; n < 2; ++n)
        for (int u = 0; u < 3; ++u) {
            double acc = dl->params()[1].value[u];
            for (int i = 0; i < 24; ++i) acc += double(dl->params()[0].value.sample(u)[i]) * flatOut.sample(n)[i];
            QVERIFY(std::abs(dense.sample(n)[u] - acc) < 1e-5);
        }
}

// Activations far from zero with a small spread (mean 100, range 0.4), in images of 28x28 and
// in flat vectors: the output still has zero mean and the variance v / (v + epsilon) per channel
// (E[x^2] - E[x]^2 in float would lose the variance entirely).
void TestLayers::batchNormLargeActivations() {
    for (const Shape& s : {img(3, 28, 28), flat(5)}) {
        auto layer = LayerRegistry::builtin().create("BatchNormalization", {{"epsilon", 1e-6}}, "bn");
        Rng rng(9);
        layer->build(std::vector<Shape>{s}, rng);
        const int batch = s.isImage() ? 16 : 512;
        LayerRunner run(*layer, {test::randomTensor(batch, s, rng, 99.8f, 100.2f)}, Phase::Train);
        Workspace ws;
        const Tensor y = run.forward(ws);
        const int channels = s.isImage() ? s.channels() : int(s.size()), plane = s.isImage() ? 28 * 28 : 1;
        for (int c = 0; c < channels; ++c) {
            double m = 0, v = 0, ym = 0, yv = 0, count = double(batch) * plane;
            const auto at = [&](const Tensor& t, int n, int i) { return double(t.sample(n)[c * plane + i]); };
            for (int n = 0; n < batch; ++n)
                for (int i = 0; i < plane; ++i) m += at(run.inputs()[0], n, i) / count, ym += at(y, n, i) / count;
            for (int n = 0; n < batch; ++n)
                for (int i = 0; i < plane; ++i)
                    v += std::pow(at(run.inputs()[0], n, i) - m, 2) / count,
                        yv += std::pow(at(y, n, i) - ym, 2) / count;
            QVERIFY2(std::abs(ym) < 1e-3, qPrintable(QString::number(ym)));
            QVERIFY2(std::abs(yv - v / (v + 1e-6)) < 1e-3, qPrintable(QString("%1 vs %2").arg(yv).arg(v / (v + 1e-6))));
        }
    }
}

void TestLayers::batchNormStatistics() {
    auto layer = LayerRegistry::builtin().create("BatchNormalization", {{"momentum", 0.9}}, "bn");
    Rng rng(2);
    const Shape s = img(2, 4, 4);
    layer->build(std::vector<Shape>{s}, rng);
    QCOMPARE(layer->params().size(), std::size_t(2));
    QCOMPARE(layer->state()[0].name, std::string("moving_mean"));
    QCOMPARE(layer->state()[1].name, std::string("moving_variance"));
    // Train: each channel comes out with zero mean and unit (biased) variance.
    LayerRunner w0(*layer, {test::randomTensor(4, s, rng, 1.f, 3.f)}, Phase::Train);
    LayerRunner w1(*layer, {test::randomTensor(4, s, rng, -2.f, 0.f)}, Phase::Train);
    Workspace ws0, ws1;
    const Tensor y = w0.forward(ws0);
    w1.forward(ws1);
    double expectedMean[2] = {}, expectedVar[2] = {};
    for (const LayerRunner* r : {&w0, &w1})
        for (int c = 0; c < 2; ++c) {
            double m = 0, v = 0, ym = 0, yv = 0;
            const Tensor& x = r->inputs()[0];
            for (int n = 0; n < 4; ++n)
                for (int i = 0; i < 16; ++i) m += x.sample(n)[c * 16 + i] / 64.0;
            for (int n = 0; n < 4; ++n)
                for (int i = 0; i < 16; ++i) v += std::pow(x.sample(n)[c * 16 + i] - m, 2) / 64.0;
            expectedMean[c] += 0.1 * m / 2;
            expectedVar[c] += 0.9 / 2 + 0.1 * v / 2;
            if (r != &w0) continue;
            for (int n = 0; n < 4; ++n)
                for (int i = 0; i < 16; ++i) ym += y.sample(n)[c * 16 + i] / 64.0;
            for (int n = 0; n < 4; ++n)
                for (int i = 0; i < 16; ++i) yv += std::pow(y.sample(n)[c * 16 + i] - ym, 2) / 64.0;
            QVERIFY(std::abs(ym) < 1e-5);
            QVERIFY(std::abs(yv - v / (v + 0.001)) < 1e-4);
        }
    // commitState: moving = momentum * moving + (1 - momentum) * mean over the workers.
    std::vector<Workspace*> workers{&ws0, &ws1};
    layer->commitState(workers);
    for (int c = 0; c < 2; ++c) {
        QVERIFY(std::abs(layer->state()[0].value[c] - expectedMean[c]) < 1e-5);
        QVERIFY(std::abs(layer->state()[1].value[c] - expectedVar[c]) < 1e-5);
    }
    // Eval normalises with the moving statistics, and leaves nothing for commitState.
    LayerRunner ev(*layer, {w0.inputs()[0]}, Phase::Eval);
    Workspace wsE;
    const Tensor ye = ev.forward(wsE);
    for (int c = 0; c < 2; ++c) {
        const float m = layer->state()[0].value[c], v = layer->state()[1].value[c];
        QVERIFY(std::abs(ye.sample(1)[c * 16 + 3] -
                         (ev.inputs()[0].sample(1)[c * 16 + 3] - m) / std::sqrt(v + 0.001f)) < 1e-5);
    }
    const Tensor before = layer->state()[0].value;
    std::vector<Workspace*> evalOnly{&wsE};
    layer->commitState(evalOnly);
    QCOMPARE(test::maxAbsDiff(layer->state()[0].value, before), 0.0);
}

void TestLayers::dropoutMask() {
    auto layer = LayerRegistry::builtin().create("Dropout", {{"rate", 0.25}}, "drop");
    Rng rng(3);
    const Tensor x = test::randomTensor(10, flat(1000), rng, 1.f, 2.f);
    LayerRunner train(*layer, {x}, Phase::Train, 5), other(*layer, {x}, Phase::Train, 6),
        eval(*layer, {x}, Phase::Eval);
    Workspace ws;
    const Tensor y = train.forward(ws);
    int zeros = 0;
    for (int64_t i = 0; i < y.size(); ++i) {
        if (y[i] == 0.f)
            ++zeros;
        else
            QVERIFY(std::abs(y[i] - x[i] / 0.75f) < 1e-5);
    }
    QVERIFY2(std::abs(zeros / 10000.0 - 0.25) < 0.02, qPrintable(QString::number(zeros)));
    QVERIFY(test::maxAbsDiff(other.forward(ws), y) > 0);  // another seed, another mask
    QCOMPARE(test::maxAbsDiff(eval.forward(ws), x), 0.0);
    // An odd element count: the last element gets a decision too (masks come two per draw).
    const Tensor odd = test::randomTensor(1, flat(7), rng, 1.f, 2.f);
    LayerRunner oddRun(*layer, {odd}, Phase::Train, 9);
    Workspace oddWs;
    const Tensor yOdd = oddRun.forward(oddWs);  // the runner pre-fills the output with NaN
    for (int64_t i = 0; i < yOdd.size(); ++i)
        QVERIFY2(yOdd[i] == 0.f || std::abs(yOdd[i] - odd[i] / 0.75f) < 1e-5, qPrintable(QString::number(yOdd[i])));
}

void TestLayers::shapeErrorsNameLayerAndShapes() {
    const LayerRegistry& reg = LayerRegistry::builtin();
    auto shapeOf = [&](const std::string& kind, nlohmann::json opts, const std::string& name, std::vector<Shape> in) {
        return errorOf([&] { reg.create(kind, opts, name)->outputShape(in); });
    };
    QCOMPARE(shapeOf("Conv2D", {{"kernel_size", 5}}, "conv2", {img(8, 3, 3)}),
             QString("Conv2D 'conv2': kernel 5x5 is larger than its 3x3 input"));
    QVERIFY(shapeOf("Conv2D", {}, "conv1", {flat(784)}).startsWith("Conv2D 'conv1': "));
    QVERIFY(shapeOf("Conv2D", {}, "conv1", {flat(784)}).contains("784"));
    QCOMPARE(shapeOf("Dense", {}, "fc1", {img(64, 5, 5)}),
             QString("Dense 'fc1': expects a flat input, got 64x5x5; add Flatten before it"));
    QCOMPARE(shapeOf("MaxPooling2D", {{"pool_size", 3}}, "pool", {img(4, 2, 5)}),
             QString("MaxPooling2D 'pool': pool 3x3 is larger than its 2x5 input"));
    QVERIFY(shapeOf("GlobalAveragePooling2D", {}, "gap", {flat(10)}).contains("got 10"));
    const QString add = shapeOf("Add", {}, "res", {img(8, 4, 4), img(8, 5, 5)});
    QVERIFY2(add.startsWith("Add 'res': ") && add.contains("8x4x4") && add.contains("8x5x5"), qPrintable(add));
    const QString cat = shapeOf("Concatenate", {}, "cat", {img(8, 4, 4), img(2, 4, 3)});
    QVERIFY2(cat.startsWith("Concatenate 'cat': ") && cat.contains("8x4x4") && cat.contains("2x4x3"), qPrintable(cat));
    QVERIFY(shapeOf("Concatenate", {}, "cat", {flat(3), img(1, 2, 2)}).contains("1x2x2"));
}

void TestLayers::macsCounts() {
    const LayerRegistry& reg = LayerRegistry::builtin();
    const std::vector<Shape> convIn{img(3, 28, 28)};
    auto conv = reg.create("Conv2D", {{"filters", 8}}, "c");
    const Shape convOut = conv->outputShape(convIn);
    QCOMPARE(convOut, img(8, 26, 26));
    QCOMPARE(conv->macs(convIn, convOut), int64_t(8) * 26 * 26 * 3 * 9);
    const std::vector<Shape> denseIn{flat(100)};
    auto dense = reg.create("Dense", {{"units", 7}}, "d");
    QCOMPARE(dense->macs(denseIn, dense->outputShape(denseIn)), int64_t(700));
    Rng rng(1);
    conv->build(convIn, rng);
    QCOMPARE(conv->paramCount(), int64_t(8 * 3 * 9 + 8));
}

QTEST_APPLESS_MAIN(TestLayers)
#include "test_layers.moc"
