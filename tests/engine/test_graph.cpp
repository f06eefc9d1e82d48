// Graph checking and compilation: every problem named with its node, shapes inferred, counts
// matching the built layers, and the reference model's 93,322 parameters.
#include <QtTest>

#include <limits>

#include "core/errors.h"
#include "graph/graph_check.h"
#include "graph/model.h"
#include "io/presets.h"
#include "layers/layer_registry.h"

using namespace cs;

class TestGraph : public QObject {
    Q_OBJECT

    static GraphSpec reference() { return loadPreset("seed-cnn").graph; }

    static std::string errorOf(const GraphCheck& c, const GraphSpec& g, const std::string& name) {
        const NodeCheck* n = c.node(g.findByName(name)->id);
        return n ? n->error.english() : "";
    }

private slots:
    void referenceModelShapesAndParams() {
        const GraphSpec g = reference();
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        QVERIFY2(c.ok, c.problems.empty() ? "" : c.problems.front().english().c_str());
        QCOMPARE(c.totalParams, int64_t(93322));
        QCOMPARE(c.node(g.findByName("conv2d")->id)->output, Shape::image(32, 26, 26));
        QCOMPARE(c.node(g.findByName("conv2d_2")->id)->output, Shape::image(64, 3, 3));
        QCOMPARE(c.node(g.findByName("flatten")->id)->output, Shape::flat(576));
        QCOMPARE(c.node(g.findByName("dense")->id)->params, int64_t(36928));
        Model m(g, 1);
        QCOMPARE(m.paramCount(), int64_t(93322));
        QCOMPARE(m.outputShape(), Shape::flat(10));
        QCOMPARE(m.outputActivation(), Activation::Softmax);
    }

    void checkerCountsEqualBuiltLayers() {
        for (const auto& name : presetNames()) {
            const GraphSpec g = loadPreset(name).graph;
            const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
            QVERIFY2(c.ok, name.c_str());
            Model m(g, 3);
            for (const auto& node : m.nodes()) {
                int64_t real = node.layer->paramCount();
                for (const auto& s : node.layer->state()) real += s.value.size();
                QCOMPARE(c.node(node.id)->params, real);
                QCOMPARE(c.node(node.id)->output, node.outputShape);
            }
        }
    }

    void probabilitiesSoftmaxOnlyLinearOutputs() {
        const float outputs[3] = {2.f, -1.f, 0.5f};
        auto head = [](const char* activation) {
            return Model(GraphSpec::sequential({{"Input", {{"height", 2}, {"width", 2}, {"channels", 1}}},
                                                {"Flatten", {}},
                                                {"Dense", {{"units", 3}, {"activation", activation}}}}));
        };
        // A softmax head already gives probabilities: they pass unchanged.
        QCOMPARE(head("softmax").probabilities(outputs), std::vector<float>(outputs, outputs + 3));
        // Logits get their softmax, in place too.
        const double sum = std::exp(2.0) + std::exp(-1.0) + std::exp(0.5);
        const Model linear = head("linear");
        std::vector<float> p(outputs, outputs + 3);
        linear.toProbabilities(p.data(), p.data());
        QCOMPARE(linear.probabilities(outputs), p);
        for (int c = 0; c < 3; ++c) QVERIFY(std::abs(p[c] - std::exp(double(outputs[c])) / sum) < 1e-6);
    }

    void summaryListsEveryLayer() {
        Model m(reference(), 1);
        const std::string s = m.summary();
        QVERIFY(s.find("conv2d (Conv2D)") != std::string::npos);
        QVERIFY(s.find("(None, 26, 26, 32)") != std::string::npos);
        QVERIFY(s.find("Total params: 93,322") != std::string::npos);
        QVERIFY(s.find("Non-trainable params: 0") != std::string::npos);
    }

    void kernelLargerThanInputNamesNodeAndShapes() {
        GraphSpec g = GraphSpec::sequential({{"Input", {{"height", 8}, {"width", 8}, {"channels", 1}}},
                                             {"Conv2D", {{"filters", 4}, {"kernel_size", 3}}},
                                             {"MaxPooling2D", {{"pool_size", 2}}},
                                             {"Conv2D", {{"filters", 4}, {"kernel_size", 5}}},
                                             {"Flatten", {}},
                                             {"Dense", {{"units", 3}}}});
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        QVERIFY(!c.ok);
        const std::string e = errorOf(c, g, "conv2d_1");
        QVERIFY2(e.find("conv2d_1") != std::string::npos && e.find("5x5") != std::string::npos &&
                     e.find("3x3") != std::string::npos,
                 e.c_str());
        // Downstream nodes are not flagged themselves, only not known.
        QVERIFY(errorOf(c, g, "dense").empty());
        QVERIFY(!c.node(g.findByName("dense")->id)->shapeKnown);
        try {
            Model m(g);
            QFAIL("compiling must throw");
        } catch (const ShapeError& err) {
            QCOMPARE(err.nodeId(), g.findByName("conv2d_1")->id);
        }
    }

    // 4096 maps of 4096x4096 flatten to 2^36 values: more than a flat shape's int holds. The
    // check names the Flatten layer instead of wrapping to a wrong size.
    void flattenSizeOverflowIsRefused() {
        GraphSpec g = GraphSpec::sequential({{"Input", {{"height", 4096}, {"width", 4096}, {"channels", 1}}},
                                             {"Conv2D", {{"filters", 4096}, {"kernel_size", 1}}},
                                             {"Flatten", {}},
                                             {"Dense", {{"units", 10}}}});
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        QVERIFY(!c.ok);
        const std::string e = errorOf(c, g, "flatten");
        QVERIFY2(
            e.find("Flatten 'flatten'") != std::string::npos &&
                e.find("4096x4096x4096 input): its output would hold more than 2147483647 values") != std::string::npos,
            e.c_str());
    }

    // Shapes from a crafted file: products past 64 bits are errors, never a wrapped small size.
    void tensorSizeOverflowIsAnError() {
        const int big = std::numeric_limits<int>::max();
        QVERIFY_THROWS_EXCEPTION(ShapeError, Tensor(1, Shape{big, big, big}));
        QVERIFY_THROWS_EXCEPTION(ShapeError, Tensor(256, Shape{1 << 24, 1 << 24, 256}));
        QVERIFY_THROWS_EXCEPTION(ShapeError, Tensor(2, Shape{-3, 4}));
        try {
            Tensor(big, Shape{big, big});
            QFAIL("must throw");
        } catch (const ShapeError& e) {
            QCOMPARE(e.message().code, std::string("tensor.too_large"));
        }
        QCOMPARE(Tensor(2, Shape{3, 4, 5}).size(), int64_t(120));
    }

    void denseOnImageSuggestsFlatten() {
        GraphSpec g = GraphSpec::sequential({{"Input", {}}, {"Conv2D", {}}, {"Dense", {{"units", 10}}}});
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        const std::string e = errorOf(c, g, "dense");
        QVERIFY2(e.find("Flatten") != std::string::npos, e.c_str());
    }

    void cycleIsReported() {
        GraphSpec g = GraphSpec::sequential({{"Input", {}}, {"Flatten", {}}, {"Dense", {}}, {"Dense", {}}});
        // dense takes dense_1, which takes dense: a cycle.
        g.nodes()[2].inputs = {4};
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        QVERIFY(!c.ok);
        QVERIFY2(errorOf(c, g, "dense").find("cycle") != std::string::npos, errorOf(c, g, "dense").c_str());
        QVERIFY(errorOf(c, g, "dense_1").find("cycle") != std::string::npos);
    }

    void danglingAndDisconnected() {
        GraphSpec g = GraphSpec::sequential({{"Input", {}}, {"Flatten", {}}, {"Dense", {}}});
        g.add("Dense", {}, {});      // no input
        g.nodes()[2].inputs = {99};  // dense takes a node that does not exist
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        QVERIFY(!c.ok);
        QVERIFY(errorOf(c, g, "dense").find("#99") != std::string::npos);
        QVERIFY(errorOf(c, g, "dense_1").find("no input") != std::string::npos);
    }

    void twoOutputsAndTwoInputs() {
        GraphSpec g = GraphSpec::sequential({{"Input", {}}, {"Flatten", {}}, {"Dense", {}}});
        g.add("Dense", {}, {2});
        g.add("Input", {}, {});
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        QVERIFY(!c.ok);
        QVERIFY(errorOf(c, g, "dense").find("one output") != std::string::npos);
        QVERIFY(errorOf(c, g, "input_1").find("second") != std::string::npos);
    }

    void unknownKindListsKnownKinds() {
        GraphSpec g = GraphSpec::sequential({{"Input", {}}, {"Conv3D", {}}});
        const GraphCheck c = checkGraph(g, LayerRegistry::builtin());
        const std::string e = errorOf(c, g, "conv3d");
        QVERIFY2(e.find("Conv2D") != std::string::npos && e.find("Dense") != std::string::npos, e.c_str());
    }

    void residualBlockComputesAndBackpropagates() {
        // input -> conv a -> conv b ; add(a, b) ; the fan-out of `a` must sum two gradients.
        GraphSpec g;
        const int in = g.add("Input", {{"height", 6}, {"width", 6}, {"channels", 2}});
        const int a = g.add("Conv2D", {{"filters", 3}, {"kernel_size", 3}, {"padding", "same"}}, {in});
        const int b = g.add("Conv2D", {{"filters", 3}, {"kernel_size", 3}, {"padding", "same"}}, {a});
        const int add = g.add("Add", {}, {a, b});
        const int f = g.add("Flatten", {}, {add});
        g.add("Dense", {{"units", 2}}, {f});
        Model m(g, 5);
        auto ex = m.makeExecutor();
        Tensor x(2, Shape::image(2, 6, 6));
        Rng rng(9);
        for (int64_t i = 0; i < x.size(); ++i) x[i] = rng.uniform(-1, 1);
        // Numerical check of d(sum(out * r))/d(kernel of a) for one weight.
        Tensor r(2, Shape::flat(2));
        for (int64_t i = 0; i < r.size(); ++i) r[i] = rng.uniform(-1, 1);
        auto lossAt = [&] {
            const Tensor& out = m.forward(*ex, x, Phase::Eval);
            double s = 0;
            for (int64_t i = 0; i < out.size(); ++i) s += double(out[i]) * r[i];
            return s;
        };
        lossAt();
        Tensor grad = r;
        m.backward(*ex, grad, false);
        const float analytic = ex->paramGrads()[0][5];
        Param* kernel = m.parameters()[0];
        const float saved = kernel->value[5];
        const float h = 1e-2f;
        kernel->value[5] = saved + h;
        const double up = lossAt();
        kernel->value[5] = saved - h;
        const double down = lossAt();
        kernel->value[5] = saved;
        const double numeric = (up - down) / (2 * h);
        QVERIFY2(std::abs(numeric - analytic) < 1e-2 * std::max(1.0, std::abs(numeric)),
                 (std::to_string(numeric) + " vs " + std::to_string(analytic)).c_str());
    }

    void specJsonRoundTrip() {
        GraphSpec g = reference();
        g.nodes()[3].x = 12.5;
        QCOMPARE(GraphSpec::fromJson(g.toJson()), g);
        QVERIFY_THROWS_EXCEPTION(FileError, GraphSpec::fromJson(nlohmann::json::parse(
                                                R"({"nodes":[{"id":1,"kind":"Input"},{"id":1,"kind":"Dense"}]})")));
        QVERIFY_THROWS_EXCEPTION(FileError, GraphSpec::fromJson(nlohmann::json::parse(R"({"layers":[]})")));
    }

    void uniqueNamesFollowKeras() {
        GraphSpec g;
        g.add("MaxPooling2D");
        g.add("MaxPooling2D");
        g.add("BatchNormalization");
        g.add("GlobalAveragePooling2D");
        QCOMPARE(g.nodes()[0].name, std::string("max_pooling2d"));
        QCOMPARE(g.nodes()[1].name, std::string("max_pooling2d_1"));
        QCOMPARE(g.nodes()[2].name, std::string("batch_normalization"));
        QCOMPARE(g.nodes()[3].name, std::string("global_average_pooling2d"));
    }

    void predictInSlicesEqualsOneForwardPass() {
        // Every preset, a batch that leaves a partial last slice: the sliced inference must give
        // the very outputs of one forward pass over the whole batch.
        for (const auto& name : presetNames()) {
            Model m(loadPreset(name).graph, 3);
            auto whole = m.makeExecutor(), sliced = m.makeExecutor();
            Tensor x(37, m.inputShape());
            Rng rng(4);
            for (int64_t i = 0; i < x.size(); ++i) x[i] = rng.uniform();
            const Tensor expected = m.forward(*whole, x, Phase::Eval);
            const Tensor& got = m.predict(*sliced, x, 8);
            QCOMPARE(got.batch(), 37);
            float worst = 0;
            for (int64_t i = 0; i < got.size(); ++i) worst = std::max(worst, std::abs(got[i] - expected[i]));
            QVERIFY2(worst < 1e-6f, (name + ": " + std::to_string(worst)).c_str());
            QCOMPARE(m.predict(*sliced, x, 64).batch(), 37);  // one slice: the plain forward pass
        }
    }
};

QTEST_APPLESS_MAIN(TestGraph)
#include "test_graph.moc"
