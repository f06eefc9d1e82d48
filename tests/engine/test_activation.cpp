// Element-wise activations and softmax, shared by Conv2D, Dense and the Activation layer.
#include <QtTest>

#include <cmath>

#include "core/errors.h"
#include "core/rng.h"
#include "layers/activation.h"

using namespace cs;

namespace {

Tensor flatTensor(std::initializer_list<float> values) {
    Tensor t(1, Shape::flat(static_cast<int>(values.size())));
    int i = 0;
    for (float v : values) t[i++] = v;
    return t;
}

}  // namespace

class TestActivation : public QObject {
    Q_OBJECT

private slots:
    void namesRoundTrip();
    void unknownNameListsKnown();
    void values_data();
    void values();
    void derivativesMatchFiniteDifferences_data();
    void derivativesMatchFiniteDifferences();
    void softmaxSumsToOne();
    void softmaxIsStableForLargeInputs();
};

void TestActivation::namesRoundTrip() {
    const std::vector<std::string> expected = {"linear",  "relu",  "leaky_relu",   "elu",        "sigmoid", "tanh",
                                               "softmax", "relu6", "hard_sigmoid", "hard_swish", "silu",    "gelu"};
    QCOMPARE(activationNames(), expected);
    for (const std::string& n : activationNames()) QCOMPARE(std::string(activationName(activationFromName(n))), n);
    QCOMPARE(activationFromName("leaky_relu"), Activation::LeakyRelu);
}

void TestActivation::unknownNameListsKnown() {
    try {
        activationFromName("swish");  // Keras's other name for silu: one name per function here
        QFAIL("accepted an unknown activation");
    } catch (const OptionError& e) {
        QCOMPARE(QString(e.what()), QString("unknown activation 'swish'; known activations: linear, relu, "
                                            "leaky_relu, elu, sigmoid, tanh, softmax, relu6, hard_sigmoid, "
                                            "hard_swish, silu, gelu"));
    }
}

void TestActivation::values_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<float>("x");
    QTest::addColumn<float>("y");
    QTest::newRow("linear") << "linear" << -1.5f << -1.5f;
    QTest::newRow("relu+") << "relu" << 2.f << 2.f;
    QTest::newRow("relu-") << "relu" << -2.f << 0.f;
    QTest::newRow("leaky+") << "leaky_relu" << 3.f << 3.f;
    QTest::newRow("leaky-") << "leaky_relu" << -2.f << -2.f * kLeakyReluSlope;
    QTest::newRow("elu+") << "elu" << 1.f << 1.f;
    QTest::newRow("elu-") << "elu" << -1.f << float(std::exp(-1.0) - 1.0);
    QTest::newRow("sigmoid0") << "sigmoid" << 0.f << 0.5f;
    QTest::newRow("sigmoid2") << "sigmoid" << 2.f << float(1 / (1 + std::exp(-2.0)));
    QTest::newRow("tanh") << "tanh" << 0.5f << float(std::tanh(0.5));
    QTest::newRow("relu6 high") << "relu6" << 7.f << 6.f;
    QTest::newRow("relu6 mid") << "relu6" << 2.5f << 2.5f;
    QTest::newRow("hard_sigmoid") << "hard_sigmoid" << 1.5f << 0.75f;
    QTest::newRow("hard_sigmoid low") << "hard_sigmoid" << -4.f << 0.f;
    QTest::newRow("hard_swish") << "hard_swish" << -1.5f << -0.375f;
    QTest::newRow("hard_swish high") << "hard_swish" << 4.f << 4.f;
    QTest::newRow("silu") << "silu" << 1.f << float(1 / (1 + std::exp(-1.0)));
    QTest::newRow("gelu") << "gelu" << 1.f << 0.8413447f;  // x * Phi(x)
    QTest::newRow("gelu neg") << "gelu" << -1.f << -0.1586553f;
}

void TestActivation::values() {
    QFETCH(QString, name);
    QFETCH(float, x);
    QFETCH(float, y);
    Tensor t = flatTensor({x});
    activationForward(activationFromName(name.toStdString()), t);
    QVERIFY2(std::abs(t[0] - y) < 1e-6, qPrintable(QString::number(t[0])));
    QCOMPARE(kLeakyReluSlope, 0.2f);
}

void TestActivation::derivativesMatchFiniteDifferences_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("image");
    for (const std::string& n : activationNames()) {
        QTest::newRow((n + " flat").c_str()) << QString::fromStdString(n) << false;
        QTest::newRow((n + " image").c_str()) << QString::fromStdString(n) << true;
    }
}

// L = sum(act(x) * r): activationBackward (written in terms of the output) must give dL/dx.
void TestActivation::derivativesMatchFiniteDifferences() {
    QFETCH(QString, name);
    QFETCH(bool, image);
    const Activation a = activationFromName(name.toStdString());
    const Shape s = image ? Shape::image(3, 2, 2) : Shape::flat(5);
    Tensor x(2, s), r(2, s);
    Rng rng(8);
    for (int64_t i = 0; i < x.size(); ++i) {
        // Keep away from the kinks (relu's at 0, hard_sigmoid's at +-3, relu6's at 6), where the
        // derivative is one-sided; reach past them so every branch is checked.
        float v = rng.uniform(0.1f, 7.f);
        while (std::abs(v - 3.f) < 0.05f || std::abs(v - 6.f) < 0.05f) v = rng.uniform(0.1f, 7.f);
        x[i] = rng.uniform() < 0.5f ? -v : v;
        r[i] = rng.uniform(-1.f, 1.f);
    }
    auto loss = [&](const Tensor& in) {
        Tensor y = in;
        activationForward(a, y);
        double l = 0;
        for (int64_t i = 0; i < y.size(); ++i) l += double(y[i]) * r[i];
        return l;
    };
    Tensor y = x;
    activationForward(a, y);
    Tensor g = r;
    activationBackward(a, y, g, &x);
    for (int64_t i = 0; i < x.size(); ++i) {
        Tensor xp = x, xm = x;
        xp[i] += 1e-3f;
        xm[i] -= 1e-3f;
        const double numeric = (loss(xp) - loss(xm)) / (double(xp[i]) - xm[i]);
        QVERIFY2(std::abs(g[i] - numeric) < 1e-4 + 1e-3 * std::abs(numeric),
                 qPrintable(QString("element %1: %2 vs %3").arg(i).arg(g[i]).arg(numeric)));
    }
}

void TestActivation::softmaxSumsToOne() {
    Tensor flat = flatTensor({1.f, 2.f, 3.f, -1.f});
    activationForward(Activation::Softmax, flat);
    double sum = 0;
    for (int i = 0; i < 4; ++i) sum += flat[i];
    QVERIFY(std::abs(sum - 1) < 1e-6);
    QVERIFY(std::abs(flat[2] / flat[1] - std::exp(1.f)) < 1e-4);  // ratios are exp(differences)

    // Images: softmax over the channels of every pixel (Keras's last axis in channels-last).
    Tensor im(2, Shape::image(3, 2, 5));
    Rng rng(1);
    for (int64_t i = 0; i < im.size(); ++i) im[i] = rng.uniform(-3.f, 3.f);
    const Tensor before = im;
    activationForward(Activation::Softmax, im);
    for (int n = 0; n < 2; ++n)
        for (int p = 0; p < 10; ++p) {
            double s = 0;
            for (int c = 0; c < 3; ++c) s += im.sample(n)[c * 10 + p];
            QVERIFY(std::abs(s - 1) < 1e-6);
            const float ratio = im.sample(n)[p] / im.sample(n)[10 + p];
            QVERIFY(std::abs(ratio - std::exp(before.sample(n)[p] - before.sample(n)[10 + p])) < 1e-3 * ratio);
        }
}

void TestActivation::softmaxIsStableForLargeInputs() {
    Tensor t = flatTensor({1000.f, 1000.f, -1000.f});
    activationForward(Activation::Softmax, t);
    QVERIFY(std::abs(t[0] - 0.5f) < 1e-6 && std::abs(t[1] - 0.5f) < 1e-6 && t[2] == 0.f);
    Tensor s = flatTensor({-100.f, 100.f});
    activationForward(Activation::Sigmoid, s);
    QVERIFY(std::isfinite(s[0]) && s[0] >= 0.f && s[1] == 1.f);
}

QTEST_APPLESS_MAIN(TestActivation)
#include "test_activation.moc"
