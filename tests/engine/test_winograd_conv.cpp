// The Winograd F(2x2, 3x3) convolution (layers/winograd_conv.h) against the naive loops: forward
// with bias and ReLU, the input gradient's rotated correlation, the kernel gradient, on shapes that leave partial
// tiles, cross the product's column panels, span several row segments (wider than 30 pixels),
// several blocks, and filter counts that are not a multiple of the register tile. Then Conv2D on
// that path: its outputs and gradients against finite differences.
// It runs at the AVX-512 and AVX2 levels (the isa stage runs this test at each, with
// CONVSTUDIO_ISA); at the scalar level the path must say it does not apply.
#include <QtTest>

#include <cmath>

#include "core/cpu_features.h"
#include "gradient_check.h"
#include "layers/layer_registry.h"
#include "layers/winograd_conv.h"
#include "winograd_reference.h"

using namespace cs;
using cs::test::forEachTap;
using cs::test::naiveCorrelation;

namespace {

Tensor runWinograd(const Tensor& in, const WinogradShape& s, const std::vector<float>& w, bool inputGradient,
                   const float* bias, bool relu) {
    Tensor u(1, Shape::flat(static_cast<int>(winogradKernelSize(s))));
    Tensor scratch(1, Shape::flat(static_cast<int>(winogradScratch(s))));
    winogradKernel(w.data(), s, inputGradient, u.data());
    Tensor out(in.batch(), Shape{s.F, s.OH, s.OW});
    out.array() = std::numeric_limits<float>::quiet_NaN();  // every element must be written
    winogradConv(in.data(), in.batch(), s, u.data(), bias, relu, out.data(), scratch.data());
    return out;
}

WindowGeometry geometryOf(int C, int H, int W, int padTop, int padBottom, int padLeft, int padRight) {
    return WindowGeometry::makeConv(Shape{C, H, W}, 3, 1, 1, Padding::Explicit, {padTop, padBottom, padLeft, padRight},
                                    "Conv2D", "test");
}

}  // namespace

class TestWinogradConv : public QObject {
    Q_OBJECT

private slots:
    void appliesOnlyWhereItComputes() {
        const WindowGeometry g = geometryOf(32, 13, 13, 0, 0, 0, 0);
        QCOMPARE(winogradApplies(g, 1), winogradAvailable());
        QVERIFY(!winogradApplies(g, 2));                                   // grouped
        QVERIFY(!winogradApplies(geometryOf(32, 13, 13, 3, 3, 0, 0), 1));  // padding beyond 2
        const WindowGeometry strided =
            WindowGeometry::makeConv(Shape{8, 20, 20}, 3, 2, 1, Padding::Same, {0, 0, 0, 0}, "Conv2D", "test");
        QVERIFY(!winogradApplies(strided, 1));
        const WindowGeometry dilated =
            WindowGeometry::makeConv(Shape{8, 20, 20}, 3, 1, 2, Padding::Same, {0, 0, 0, 0}, "Conv2D", "test");
        QVERIFY(!winogradApplies(dilated, 1));
        // Where it pays: enough tiles, channels, and little of the rounded-up tiles wasted.
        const WinogradShape seed = WinogradShape::forward(g, 64);  // 11x11 output: 36 tiles a sample
        QVERIFY(winogradPays(seed, 16));
        QVERIFY(winogradPays(seed, 1));  // 36 tiles: two 16-column vectors of the products
        QVERIFY(!winogradPays(WinogradShape::forward(geometryOf(32, 9, 9, 0, 0, 0, 0), 64), 1));         // 16 tiles
        QVERIFY(!winogradPays(WinogradShape::forward(geometryOf(64, 5, 5, 0, 0, 0, 0), 64), 64));        // 3x3 output
        QVERIFY(!winogradPays(WinogradShape::inputGradient(geometryOf(64, 5, 5, 0, 0, 0, 0), 64), 64));  // 5x5
        QVERIFY(winogradPays(WinogradShape::inputGradient(g, 64), 16));  // 13x13 input gradient
        QVERIFY(!winogradPays(WinogradShape::forward(geometryOf(2, 28, 28, 1, 1, 1, 1), 32), 16));  // 2 channels
        QCOMPARE(winogradAvailable(), cpuLevel() != CpuLevel::Scalar);
    }

    void matchesNaiveLoops_data() {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("filters");
        QTest::addColumn<QList<int>>("pads");  // top, bottom, left, right
        QTest::newRow("seed conv2d_1 valid") << 5 << 32 << 13 << 13 << 64 << QList<int>{0, 0, 0, 0};
        QTest::newRow("same 28x28") << 2 << 16 << 28 << 28 << 24 << QList<int>{1, 1, 1, 1};
        QTest::newRow("odd filters, odd size") << 7 << 5 << 9 << 11 << 13 << QList<int>{1, 1, 1, 1};
        QTest::newRow("asymmetric pads") << 6 << 3 << 10 << 7 << 9 << QList<int>{2, 0, 0, 2};
        QTest::newRow("wide: three row segments") << 2 << 4 << 6 << 70 << 8 << QList<int>{1, 1, 1, 1};
        QTest::newRow("exactly 30 wide") << 3 << 4 << 8 << 32 << 8 << QList<int>{0, 0, 0, 0};
        // AVX2's strips are 8 tiles: a row of exactly one, and one tile more.
        QTest::newRow("exactly 16 wide") << 3 << 4 << 6 << 18 << 8 << QList<int>{0, 0, 0, 0};
        QTest::newRow("17 wide") << 2 << 6 << 7 << 17 << 7 << QList<int>{1, 1, 1, 1};
        QTest::newRow("many blocks") << 40 << 48 << 14 << 14 << 40 << QList<int>{1, 1, 1, 1};
        QTest::newRow("one channel, pads 2") << 9 << 1 << 12 << 12 << 3 << QList<int>{2, 2, 2, 2};
    }

    // Forward (bias and ReLU) and the input gradient, each on its own inputs.
    void matchesNaiveLoops() {
        QFETCH(int, batch);
        QFETCH(int, channels);
        QFETCH(int, size);
        QFETCH(int, width);
        QFETCH(int, filters);
        QFETCH(QList<int>, pads);
        const WindowGeometry g = geometryOf(channels, size, width, pads[0], pads[1], pads[2], pads[3]);
        if (!winogradAvailable()) {
            QVERIFY(!winogradApplies(g, 1));
            return;
        }
        Rng rng(static_cast<uint64_t>(batch * 1000 + channels * 10 + size));
        std::vector<float> w(static_cast<size_t>(filters * channels * 9)), bias(static_cast<size_t>(filters));
        for (float& v : w) v = rng.uniform(-1.f, 1.f);
        for (float& v : bias) v = rng.uniform(-1.f, 1.f);

        const WinogradShape fwd = WinogradShape::forward(g, filters);
        const Tensor x = test::randomTensor(batch, Shape{channels, size, width}, rng);
        for (bool relu : {false, true}) {
            const Tensor got = runWinograd(x, fwd, w, false, bias.data(), relu);
            const Tensor want = naiveCorrelation(x, fwd, w, bias.data(), relu);
            QVERIFY2(test::maxAbsDiff(got, want) < 1e-4, qPrintable(QString::number(test::maxAbsDiff(got, want))));
        }

        // dx(c, h, w) = sum of dy(f, h + padTop - i, w + padLeft - j) * w(f, c, i, j).
        const WinogradShape back = WinogradShape::inputGradient(g, filters);
        QCOMPARE(back.OH, size);
        QCOMPARE(back.OW, width);
        const Tensor dy = test::randomTensor(batch, Shape{filters, g.outH, g.outW}, rng);
        Tensor want(batch, Shape{channels, size, width});
        want.setZero();
        forEachTap(batch, filters, g, [&](int n, int yi, int xi, int wi) {
            want.sample(n)[xi] += dy.sample(n)[yi] * w[static_cast<size_t>(wi)];
        });
        const Tensor got = runWinograd(dy, back, w, true, nullptr, false);
        QVERIFY2(test::maxAbsDiff(got, want) < 1e-4, qPrintable(QString::number(test::maxAbsDiff(got, want))));

        // dw(f, c, i, j) = sum of dy(f, oy, ox) * x(c, oy - padTop + i, ox - padLeft + j).
        Tensor dwWant(filters, Shape{channels, 3, 3}), dwGot(filters, Shape{channels, 3, 3});
        dwWant.setZero();
        dwGot.array() = std::numeric_limits<float>::quiet_NaN();
        forEachTap(batch, filters, g,
                   [&](int n, int yi, int xi, int wi) { dwWant.data()[wi] += dy.sample(n)[yi] * x.sample(n)[xi]; });
        Tensor scratch(1, Shape::flat(static_cast<int>(winogradKernelGradientScratch(fwd))));
        winogradKernelGradient(x.data(), dy.data(), batch, fwd, dwGot.data(), scratch.data());
        const double dwError = test::maxAbsDiff(dwGot, dwWant);
        QVERIFY2(dwError < 2e-4 * (1 + batch * g.outH * g.outW / 100.0), qPrintable(QString::number(dwError)));
    }

    // Conv2D on the Winograd path (a batch with enough tiles): forward against the naive
    // convolution, the input and kernel gradients against finite differences; then with ReLU
    // fused, the gradients equal the linear layer's given the output gradient masked by y > 0
    // (compared exactly: finite differences across ReLU's kinks prove little).
    void conv2dGradientsOnTheWinogradPath() {
        const Shape in{5, 9, 8};
        const int batch = 4;  // 4 x 5 x 4 tiles
        const WindowGeometry g = WindowGeometry::makeConv(in, 3, 1, 1, Padding::Same, {0, 0, 0, 0}, "Conv2D", "t");
        QCOMPARE(winogradApplies(g, 1), winogradAvailable());
        QVERIFY(winogradPays(WinogradShape::forward(g, 6), batch));
        QVERIFY(winogradPays(WinogradShape::inputGradient(g, 6), batch));
        auto make = [&](const char* activation) {
            auto layer = LayerRegistry::builtin().create(
                "Conv2D", Options{{"filters", 6}, {"padding", "same"}, {"activation", activation}}, "conv_winograd");
            Rng rng(3);
            layer->build(std::vector<Shape>{in}, rng);
            for (Param& p : layer->params()) test::fillUniform(p.value, rng, -0.5f, 0.5f);
            return layer;
        };
        auto linear = make("linear"), relu = make("relu");
        Rng rng(5);
        const Tensor x = test::randomTensor(batch, in, rng);
        test::LayerRunner runner(*linear, {x}, Phase::Train);
        Workspace ws;
        const Tensor y = runner.forward(ws);
        const Tensor ref = test::naiveConv2D(x, linear->params()[0].value, linear->params()[1].value, 1, true);
        QVERIFY2(test::maxAbsDiff(y, ref) < 1e-4, qPrintable(QString::number(test::maxAbsDiff(y, ref))));

        const Tensor r = test::randomTensor(batch, y.sampleShape(), rng);
        const auto grads = runner.backward(ws, y, r);
        auto loss = [&] {
            Workspace w2;
            return test::dot(runner.forward(w2), r);
        };
        // The loss is linear in every value, so a larger step costs no accuracy and keeps the
        // transforms' float rounding (a few 1e-7 of the loss) small against it.
        test::GradientCheckOptions o;
        o.step = 1e-2;
        const auto dx =
            test::checkGradient(runner.inputs()[0].data(), runner.inputs()[0].size(), grads.inputs[0].data(), loss, o);
        QVERIFY2(dx.ok(o) && dx.skipped == 0, dx.summary().c_str());
        const auto dw = test::checkGradient(linear->params()[0].value.data(), linear->params()[0].value.size(),
                                            grads.params[0].data(), loss, o);
        QVERIFY2(dw.ok(o) && dw.skipped == 0, dw.summary().c_str());
        const auto db = test::checkGradient(linear->params()[1].value.data(), linear->params()[1].value.size(),
                                            grads.params[1].data(), loss, o);
        QVERIFY2(db.ok(o) && db.skipped == 0, db.summary().c_str());

        test::LayerRunner reluRunner(*relu, {x}, Phase::Train);
        Workspace reluWs;
        const Tensor yRelu = reluRunner.forward(reluWs);
        Tensor yMax = y;
        yMax.array() = yMax.array().max(0.f);
        QVERIFY2(test::maxAbsDiff(yRelu, yMax) < 1e-6, qPrintable(QString::number(test::maxAbsDiff(yRelu, yMax))));
        Tensor masked = r;
        for (int64_t i = 0; i < masked.size(); ++i)
            if (!(yRelu[i] > 0.f)) masked[i] = 0.f;
        Workspace linearWs;
        runner.forward(linearWs);
        const auto want = runner.backward(linearWs, y, masked);
        const auto got = reluRunner.backward(reluWs, yRelu, r);
        QVERIFY2(test::maxAbsDiff(got.inputs[0], want.inputs[0]) < 1e-5, "dx with ReLU");
        QVERIFY2(test::maxAbsDiff(got.params[0], want.params[0]) < 1e-5, "dw with ReLU");
        QVERIFY2(test::maxAbsDiff(got.params[1], want.params[1]) < 1e-5, "db with ReLU");
    }
};

QTEST_GUILESS_MAIN(TestWinogradConv)
#include "test_winograd_conv.moc"
