// Winograd F(4x4, 3x3) (layers/winograd_f4.h) against the naive loops: forward with bias and
// ReLU, the input gradient both as the rotated correlation and as the forward tiles' adjoint, and
// the kernel gradient, on shapes with partial tiles (rows and columns), channels and filters that
// are not multiples of the 8 lanes or the 16-filter panels, asymmetric padding, a 3x3 output (one
// tile), and several blocks (with 16 tiles a sample, blocks of 18 end inside samples). Then Conv2D
// on that path against finite differences. Where the CPU has AVX2 (the avx2 and avx512 levels of
// the isa stage) the kernels run and Conv2D takes them; at the scalar level it does not.
#include <QtTest>

#include <cmath>
#include <cstring>

#include "core/cpu_features.h"
#include "gradient_check.h"
#include "layers/layer_registry.h"
#include "layers/winograd_f4.h"
#include "winograd_reference.h"

using namespace cs;
using cs::test::naiveCorrelation;

namespace {

WindowGeometry geometryOf(int C, int H, int W, const QList<int>& pads) {
    return WindowGeometry::makeConv(Shape{C, H, W}, 3, 1, 1, Padding::Explicit, {pads[0], pads[1], pads[2], pads[3]},
                                    "Conv2D", "test");
}

Tensor runF4(const Tensor& in, const WinogradShape& s, const std::vector<float>& w, bool inputGradient,
             const float* bias, bool relu) {
    Tensor u(1, Shape::flat(static_cast<int>(winogradF4KernelSize(s))));
    Tensor scratch(1, Shape::flat(static_cast<int>(winogradF4Scratch(s))));
    winogradF4Kernel(w.data(), s, inputGradient, u.data());
    Tensor out(in.batch(), Shape{s.F, s.OH, s.OW});
    out.array() = std::numeric_limits<float>::quiet_NaN();  // every element must be written
    winogradF4Conv(in.data(), in.batch(), s, u.data(), bias, relu, out.data(), scratch.data());
    return out;
}

// Relative to the largest reference value: F(4x4)'s transforms round to about 1e-6 of the sums.
double relativeError(const Tensor& got, const Tensor& want) {
    return test::maxAbsDiff(got, want) / std::max(1.0, double(want.array().abs().maxCoeff()));
}

}  // namespace

class TestWinogradF4 : public QObject {
    Q_OBJECT

private slots:
    void paysWhereItHasFewerProducts() {
        const WinogradShape seed = WinogradShape::forward(geometryOf(32, 13, 13, {0, 0, 0, 0}), 64);
        // At the AVX2 and AVX-512 levels (and with Winograd on): the seed's 11x11 output, 9 tiles
        // of 36 products against F(2x2)'s 36 of 16.
        const bool takes = winogradF4Allowed();
        QCOMPARE(winogradF4Pays(seed, 1), takes);
        QCOMPARE(winogradF4Pays(WinogradShape::inputGradient(geometryOf(32, 13, 13, {0, 0, 0, 0}), 64), 1), takes);
        QVERIFY(!winogradF4Pays(WinogradShape::forward(geometryOf(4, 13, 13, {0, 0, 0, 0}), 64), 8));  // 4 channels
        QVERIFY(!winogradF4Pays(WinogradShape::forward(geometryOf(32, 13, 13, {0, 0, 0, 0}), 4), 8));  // 4 filters
        QVERIFY(!winogradF4Pays(WinogradShape::forward(geometryOf(32, 5, 5, {0, 0, 0, 0}), 32), 1));   // one tile
        // A 3x3 output (one tile per image) from four images on, as for a micro-batch's last four.
        QVERIFY(!winogradF4Pays(WinogradShape::forward(geometryOf(64, 5, 5, {0, 0, 0, 0}), 64), 3));
        QCOMPARE(winogradF4Pays(WinogradShape::forward(geometryOf(64, 5, 5, {0, 0, 0, 0}), 64), 4), takes);
        // 9x9 'same': 9 tiles of 36 (324 products) against 25 of 16 (400): not 1.25x fewer.
        QVERIFY(!winogradF4Pays(WinogradShape::forward(geometryOf(32, 9, 9, {1, 1, 1, 1}), 32), 8));
    }

    void matchesNaiveLoops_data() {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("filters");
        QTest::addColumn<QList<int>>("pads");  // top, bottom, left, right
        QTest::newRow("seed conv2d_1 valid") << 5 << 32 << 13 << 13 << 64 << QList<int>{0, 0, 0, 0};
        QTest::newRow("same 28x28, 24 filters") << 2 << 16 << 28 << 28 << 24 << QList<int>{1, 1, 1, 1};
        QTest::newRow("5 channels, 13 filters, odd sizes") << 7 << 5 << 9 << 11 << 13 << QList<int>{1, 1, 1, 1};
        QTest::newRow("asymmetric pads") << 6 << 9 << 10 << 7 << 9 << QList<int>{2, 0, 0, 2};
        QTest::newRow("3x3 output: one tile") << 8 << 64 << 5 << 5 << 64 << QList<int>{0, 0, 0, 0};
        QTest::newRow("3x3 output, four images: a 4-row tile") << 4 << 64 << 5 << 5 << 64 << QList<int>{0, 0, 0, 0};
        QTest::newRow("many blocks") << 40 << 48 << 14 << 14 << 40 << QList<int>{1, 1, 1, 1};
        QTest::newRow("wide rows") << 2 << 8 << 6 << 70 << 17 << QList<int>{1, 1, 1, 1};
        QTest::newRow("one column in the last tiles") << 3 << 8 << 6 << 13 << 8 << QList<int>{1, 1, 1, 1};
        QTest::newRow("one channel, pads 2") << 9 << 1 << 12 << 12 << 3 << QList<int>{2, 2, 2, 2};
    }

    // Forward (bias and ReLU), the input gradient and the kernel gradient, each on its own inputs.
    void matchesNaiveLoops() {
        QFETCH(int, batch);
        QFETCH(int, channels);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, filters);
        QFETCH(QList<int>, pads);
        if (cpuLevel() == CpuLevel::Scalar) {  // the kernels need AVX2; Conv2D does not take them
            QVERIFY(!winogradF4Pays(WinogradShape::forward(geometryOf(32, 13, 13, {0, 0, 0, 0}), 64), 8));
            return;
        }
        const WindowGeometry g = geometryOf(channels, height, width, pads);
        Rng rng(static_cast<uint64_t>(batch * 1000 + channels * 10 + height));
        std::vector<float> w(static_cast<size_t>(filters * channels * 9)), bias(static_cast<size_t>(filters));
        for (float& v : w) v = rng.uniform(-1.f, 1.f);
        for (float& v : bias) v = rng.uniform(-1.f, 1.f);

        const WinogradShape fwd = WinogradShape::forward(g, filters);
        const Tensor x = test::randomTensor(batch, Shape{channels, height, width}, rng);
        for (bool relu : {false, true}) {
            const double e = relativeError(runF4(x, fwd, w, false, bias.data(), relu),
                                           naiveCorrelation(x, fwd, w, bias.data(), relu));
            QVERIFY2(e < 1e-5, qPrintable(QString("forward, relu %1: %2").arg(relu).arg(e)));
        }

        const WinogradShape back = WinogradShape::inputGradient(g, filters);
        const Tensor dy = test::randomTensor(batch, Shape{filters, g.outH, g.outW}, rng);
        const test::NaiveGradients want = test::naiveGradients(x, dy, w.data(), filters, g);
        Tensor dwGot(filters, Shape{channels, 3, 3});
        const double e = relativeError(runF4(dy, back, w, true, nullptr, false), want.dx);
        QVERIFY2(e < 1e-5, qPrintable(QString("input gradient: %1").arg(e)));

        // The backward pass on the forward tiles: the kernel gradient alone, the input gradient
        // alone (the forward tiles' adjoint), then both in one pass: the same bits as alone.
        dwGot.array() = std::numeric_limits<float>::quiet_NaN();
        Tensor scratch(1, Shape::flat(static_cast<int>(winogradF4BackwardScratch(fwd))));
        winogradF4Backward(x.data(), dy.data(), batch, fwd, nullptr, dwGot.data(), nullptr, scratch.data());
        const double dwError = relativeError(dwGot, want.dw);
        QVERIFY2(dwError < 1e-5, qPrintable(QString("kernel gradient: %1").arg(dwError)));

        Tensor ut(1, Shape::flat(static_cast<int>(winogradF4AdjointKernelSize(fwd))));
        winogradF4AdjointKernel(w.data(), fwd, ut.data());
        Tensor dxGot(batch, x.sampleShape()), dxBoth(batch, x.sampleShape()), dwBoth(filters, Shape{channels, 3, 3});
        for (Tensor* t : {&dxGot, &dxBoth, &dwBoth}) t->array() = std::numeric_limits<float>::quiet_NaN();
        winogradF4Backward(x.data(), dy.data(), batch, fwd, ut.data(), nullptr, dxGot.data(), scratch.data());
        const double dxError = relativeError(dxGot, want.dx);
        QVERIFY2(dxError < 1e-5, qPrintable(QString("input gradient by the adjoint: %1").arg(dxError)));
        winogradF4Backward(x.data(), dy.data(), batch, fwd, ut.data(), dwBoth.data(), dxBoth.data(), scratch.data());
        QVERIFY(std::memcmp(dwBoth.data(), dwGot.data(), sizeof(float) * dwGot.size()) == 0);
        QVERIFY(std::memcmp(dxBoth.data(), dxGot.data(), sizeof(float) * dxGot.size()) == 0);
    }

    // Conv2D on a 3x3 output (the seed's last convolution, one tile a sample): both gradients
    // from F(4x4)'s backward pass on the forward tiles (until this pass, the input gradient took
    // the output gradient's columns and col2im), against the naive sums over every tap.
    void conv2dOnAThreeByThreeOutput() {
        const int batch = 26, channels = 64, filters = 16;
        const Shape in{channels, 5, 5};
        const WindowGeometry g = geometryOf(channels, 5, 5, {0, 0, 0, 0});
        auto layer =
            LayerRegistry::builtin().create("Conv2D", Options{{"filters", filters}, {"activation", "linear"}}, "conv");
        Rng rng(11);
        layer->build(std::vector<Shape>{in}, rng);
        for (Param& p : layer->params()) test::fillUniform(p.value, rng, -0.5f, 0.5f);
        test::LayerRunner runner(*layer, {test::randomTensor(batch, in, rng)}, Phase::Train);
        Workspace ws;
        const Tensor y = runner.forward(ws);
        const Tensor dy = test::randomTensor(batch, y.sampleShape(), rng);
        const auto grads = runner.backward(ws, y, dy);
        const Tensor& x = runner.inputs()[0];
        const Tensor& w = layer->params()[0].value;
        const test::NaiveGradients want = test::naiveGradients(x, dy, w.data(), filters, g);
        const double dxError = relativeError(grads.inputs[0], want.dx),
                     dwError = relativeError(grads.params[0], want.dw);
        QVERIFY2(dxError < 1e-5, qPrintable(QString("input gradient: %1").arg(dxError)));
        QVERIFY2(dwError < 1e-5, qPrintable(QString("kernel gradient: %1").arg(dwError)));
    }

    // Conv2D where it takes F(4x4) (AVX2 and AVX-512 levels): forward against the naive convolution, the
    // input, kernel and bias gradients against finite differences.
    void conv2dGradientsOnTheF4Path() {
        const Shape in{8, 10, 10};
        const int batch = 2;
        const WindowGeometry g = geometryOf(8, 10, 10, {0, 0, 0, 0});
        QCOMPARE(winogradF4Pays(WinogradShape::forward(g, 10), batch), winogradF4Allowed());
        auto layer =
            LayerRegistry::builtin().create("Conv2D", Options{{"filters", 10}, {"activation", "linear"}}, "conv_f4");
        Rng rng(3);
        layer->build(std::vector<Shape>{in}, rng);
        for (Param& p : layer->params()) test::fillUniform(p.value, rng, -0.5f, 0.5f);
        const Tensor x = test::randomTensor(batch, in, rng);
        test::LayerRunner runner(*layer, {x}, Phase::Train);
        Workspace ws;
        const Tensor y = runner.forward(ws);
        const Tensor ref = test::naiveConv2D(x, layer->params()[0].value, layer->params()[1].value, 1, false);
        QVERIFY2(relativeError(y, ref) < 1e-5, qPrintable(QString::number(relativeError(y, ref))));
        const Tensor r = test::randomTensor(batch, y.sampleShape(), rng);
        const auto grads = runner.backward(ws, y, r);
        auto loss = [&] {
            Workspace w2;
            return test::dot(runner.forward(w2), r);
        };
        test::GradientCheckOptions o;
        // The loss is linear, so a step of 1 costs no accuracy and keeps F(4x4)'s rounding (each
        // input feeds 36 transformed elements: about 1e-4 of the loss) small against it; at 1e-2
        // that rounding moved the central differences by up to 2e-3.
        o.step = 1.f;
        const auto dx =
            test::checkGradient(runner.inputs()[0].data(), runner.inputs()[0].size(), grads.inputs[0].data(), loss, o);
        QVERIFY2(dx.ok(o) && dx.skipped == 0, dx.summary().c_str());
        for (int p = 0; p < 2; ++p) {
            Tensor& v = layer->params()[static_cast<size_t>(p)].value;
            const auto res =
                test::checkGradient(v.data(), v.size(), grads.params[static_cast<size_t>(p)].data(), loss, o);
            QVERIFY2(res.ok(o) && res.skipped == 0, res.summary().c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestWinogradF4)
#include "test_winograd_f4.moc"
