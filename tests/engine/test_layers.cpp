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
        // 7 rows, k4, s2 pads 1 above and 2 below: TensorFlow's asymmetric 'same'.
        {"same k4 stride 2", {{"filters", 3}, {"kernel_size", 4}, {"strides", 2}, {"padding", "same"}},
         {img(2, 7, 6)}},
        {"k1 no bias", {{"filters", 5}, {"kernel_size", 1}, {"use_bias", false}}, {img(3, 4, 4)}},
    };
    for (const std::string& act : activationNames())
        conv.push_back({"same " + act, {{"filters", 3}, {"padding", "same"}, {"activation", act}}, {img(2, 4, 5)}});
    for (const char* pool : {"MaxPooling2D", "AveragePooling2D"})
        m[pool] = {{"default", {}, {img(2, 6, 6)}},
                   {"3 stride 2 same", {{"pool_size", 3}, {"strides", 2}, {"padding", "same"}}, {img(2, 7, 5)}},
                   {"2 stride 1", {{"strides", 1}}, {img(2, 5, 4)}},
                   {"2 same odd", {{"padding", "same"}}, {img(1, 5, 3)}}};
    m["GlobalAveragePooling2D"] = {{"default", {}, {img(3, 4, 5)}}};
    m["Flatten"] = {{"image", {}, {img(3, 4, 5)}}, {"flat", {}, {flat(7)}}};
    auto& dense = m["Dense"];
    dense = {{"no bias", {{"units", 4}, {"use_bias", false}}, {flat(6)}}};
    for (const std::string& act : activationNames())
        dense.push_back({act, {{"units", 5}, {"activation", act}}, {flat(12)}});
    m["BatchNormalization"] = {
        {"image train", {}, {img(3, 4, 4)}, Phase::Train},
        {"image eval", {}, {img(3, 4, 4)}, Phase::Eval},
        {"flat train", {{"epsilon", 0.01}}, {flat(6)}, Phase::Train, 6},
        {"no center no scale", {{"center", false}, {"scale", false}}, {img(2, 3, 3)}, Phase::Train},
        {"scale only", {{"center", false}}, {flat(4)}, Phase::Train, 5},
    };
    m["Dropout"] = {{"train", {}, {img(2, 4, 4)}, Phase::Train},
                    {"train flat 0.2", {{"rate", 0.2}}, {flat(20)}, Phase::Train},
                    {"eval", {{"rate", 0.3}}, {img(2, 4, 4)}, Phase::Eval}};
    for (const std::string& act : activationNames()) {
        m["Activation"].push_back({act + " image", {{"activation", act}}, {img(3, 3, 4)}});
        m["Activation"].push_back({act + " flat", {{"activation", act}}, {flat(7)}});
    }
    m["Add"] = {{"two images", {}, {img(2, 3, 3), img(2, 3, 3)}}, {"three flat", {}, {flat(5), flat(5), flat(5)}}};
    m["Concatenate"] = {{"images", {}, {img(2, 3, 3), img(3, 3, 3)}},
                        {"flat", {}, {flat(4), flat(2), flat(3)}}};
    return m;
}

// Gives non-default values to biases, BatchNorm's gamma/beta and its moving statistics, so the
// checks exercise them (zero biases and unit gammas hide mistakes).
void randomiseParameters(Layer& layer, Rng& rng) {
    for (Param& p : layer.params())
        if (p.name == "gamma") test::fillUniform(p.value, rng, 0.5f, 1.5f);
        else if (p.name != "kernel") test::fillUniform(p.value, rng, -0.5f, 0.5f);
    for (Param& p : layer.state())
        if (p.name == "moving_variance") test::fillUniform(p.value, rng, 0.5f, 1.5f);
        else test::fillUniform(p.value, rng, -0.5f, 0.5f);
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
        QCOMPARE(p.decay, p.name == "kernel");
        count += p.value.size();
    }
    QCOMPARE(layer.paramCount(), count);
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
    for (float scale : {1.05f, 0.95f}) {
        Tensor wrong = g.inputs[0];
        wrong.array() *= scale;
        QVERIFY(!test::checkGradient(x.data(), x.size(), wrong.data(), loss).ok());
    }
    Tensor oneOff = g.inputs[0];
    oneOff[7] += 0.05f;
    QVERIFY(!test::checkGradient(x.data(), x.size(), oneOff.data(), loss).ok());
}

void TestLayers::preActivationGradient_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("activation");
    for (const char* kind : {"Conv2D", "Dense", "Activation"})
        for (const char* act : {"softmax", "relu", "sigmoid"}) QTest::newRow((std::string(kind) + " " + act).c_str()) << kind << act;
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

QTEST_APPLESS_MAIN(TestLayers)
#include "test_layers.moc"
