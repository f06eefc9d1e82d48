// Conv2D's kernel and bias gradients do not depend on whether its input gradient is asked for:
// the same bits either way (a training step's result must not depend on which layer is first).
// A network's first layer is never asked for one, and at AVX2 and AVX-512 a one-channel 3x3 layer
// then takes its own kernel (layers/direct_conv.cpp); the other paths (direct with more taps,
// Winograd, the column products) are checked the same way. The input-gradient path itself is checked against
// finite differences by test_layers' contract test.
#include <QtTest>

#include "gradient_check.h"
#include "layers/layer_registry.h"

using namespace cs;
using cs::test::LayerRunner;

namespace {

struct Gradients {
    Tensor kernel, bias;
};

Gradients kernelGradients(const nlohmann::json& options, const Shape& in, bool withInputGradient) {
    auto layer = LayerRegistry::builtin().create("Conv2D", options, "conv");
    Rng rng(7);
    layer->build(std::vector{in}, rng);
    for (Param& p : layer->params()) test::fillUniform(p.value, rng, -0.5f, 0.5f);
    std::vector<Tensor> inputs{test::randomTensor(3, in, rng)};
    LayerRunner run(*layer, std::move(inputs), Phase::Train);
    Workspace ws;
    const Tensor out = run.forward(ws);
    const Tensor r = test::randomTensor(out.batch(), out.sampleShape(), rng);
    LayerRunner::Grads g = run.backward(ws, out, r, withInputGradient);
    Gradients result{g.params[0], {}};
    if (g.params.size() > 1) result.bias = g.params[1];
    return result;
}

}  // namespace

class TestConvPaths : public QObject {
    Q_OBJECT

private slots:
    void kernelGradientWithoutInputGradient_data() {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("padding");
        QTest::addColumn<QString>("activation");
        QTest::addColumn<bool>("bias");
        // One channel, 3x3: rows of 26 (a partial last vector), exactly 8, 18 ('same'), 5
        // (under a vector), and 32 (two whole AVX-512 vectors).
        QTest::newRow("1ch 28x28 relu") << 1 << 28 << 28 << "valid"
                                        << "relu" << true;
        QTest::newRow("1ch 10x10 relu") << 1 << 10 << 10 << "valid"
                                        << "relu" << true;
        QTest::newRow("1ch 6x18 same linear no bias") << 1 << 6 << 18 << "same"
                                                      << "linear" << false;
        QTest::newRow("1ch 7x34 relu") << 1 << 7 << 34 << "valid"
                                       << "relu" << true;
        QTest::newRow("1ch 9x7 relu") << 1 << 9 << 7 << "valid"
                                      << "relu" << true;
        QTest::newRow("1ch 12x17 tanh") << 1 << 12 << 17 << "valid"
                                        << "tanh" << true;
        QTest::newRow("3ch 9x12 same relu") << 3 << 9 << 12 << "same"
                                            << "relu" << true;  // 27 taps
        QTest::newRow("32ch 13x13 relu") << 32 << 13 << 13 << "valid"
                                         << "relu" << true;  // Winograd
        QTest::newRow("16ch 5x5 relu") << 16 << 5 << 5 << "valid"
                                       << "relu" << true;  // columns
    }

    void kernelGradientWithoutInputGradient() {
        QFETCH(int, channels);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(QString, padding);
        QFETCH(QString, activation);
        QFETCH(bool, bias);
        const nlohmann::json options = {{"filters", 11},  // odd: a one-channel layer's last filter takes a pass alone
                                        {"padding", padding.toStdString()},
                                        {"activation", activation.toStdString()},
                                        {"use_bias", bias}};
        const Shape in = Shape::image(channels, height, width);
        const Gradients with = kernelGradients(options, in, true);
        const Gradients without = kernelGradients(options, in, false);
        QCOMPARE(without.kernel.sampleShape(), with.kernel.sampleShape());
        const double kernelDiff = test::maxAbsDiff(without.kernel, with.kernel);
        QVERIFY2(kernelDiff == 0, qPrintable(QString("kernel gradients differ by %1").arg(kernelDiff)));
        QCOMPARE(without.bias.size(), with.bias.size());
        if (bias) {
            const double biasDiff = test::maxAbsDiff(without.bias, with.bias);
            QVERIFY2(biasDiff == 0, qPrintable(QString("bias gradients differ by %1").arg(biasDiff)));
        }
        // Not vacuous: the gradient is not all zero.
        QVERIFY(with.kernel.array().abs().maxCoeff() > 1e-3f);
    }
};

QTEST_APPLESS_MAIN(TestConvPaths)
#include "test_conv_paths.moc"
