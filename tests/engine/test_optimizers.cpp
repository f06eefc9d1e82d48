// Optimizers against update rules worked out by hand in double precision (Keras's formulas),
// plus weight decay, clipping, slot layout and the options' JSON form.
#include <QtTest>

#include <cmath>
#include <vector>

#include "core/errors.h"
#include "train/optimizer.h"

using namespace cs;

namespace {

Param makeParam(const std::string& name, const std::vector<float>& values, bool decay = false) {
    Param p;
    p.name = name;
    p.value.resize(1, Shape::flat(static_cast<int>(values.size())));
    for (std::size_t i = 0; i < values.size(); ++i) p.value[static_cast<int64_t>(i)] = values[i];
    p.decay = decay;
    return p;
}

Tensor makeTensor(const std::vector<float>& values) {
    Tensor t(1, Shape::flat(static_cast<int>(values.size())));
    for (std::size_t i = 0; i < values.size(); ++i) t[static_cast<int64_t>(i)] = values[i];
    return t;
}

// Owns params and grads and hands the optimizer the pointer lists it takes.
struct Problem {
    std::vector<Param> params;
    std::vector<Tensor> grads;

    void step(Optimizer& opt, float lr) {
        std::vector<Param*> p;
        std::vector<Tensor*> g;
        for (auto& x : params) p.push_back(&x);
        for (auto& x : grads) g.push_back(&x);
        opt.step(p, g, lr);
    }
    void setGrad(std::size_t i, const std::vector<float>& values) { grads[i] = makeTensor(values); }
};

Problem oneParam(const std::vector<float>& w, bool decay = false) {
    Problem pr;
    pr.params.push_back(makeParam("kernel", w, decay));
    pr.grads.push_back(makeTensor(std::vector<float>(w.size(), 0.f)));
    return pr;
}

// float results against double arithmetic: |actual - expected| <= absTol + relTol*|expected|.
// The defaults allow a few float roundings on weights near 1; slots holding tiny values (v ~ g^2)
// are compared with absTol 0.
void expectNear(const Tensor& actual, const std::vector<double>& expected, double relTol = 1e-5, double absTol = 3e-7) {
    QCOMPARE(actual.size(), static_cast<int64_t>(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double a = actual[static_cast<int64_t>(i)];
        if (std::abs(a - expected[i]) > absTol + relTol * std::abs(expected[i]))
            QFAIL(qPrintable(
                QString("element %1: got %2, expected %3").arg(i).arg(a, 0, 'g', 10).arg(expected[i], 0, 'g', 10)));
    }
}

OptimizerOptions opts(const std::string& kind) {
    OptimizerOptions o;
    o.kind = kind;
    return o;
}

QString optionErrorOf(const nlohmann::json& j) {
    try {
        OptimizerOptions::fromJson(j);
    } catch (const OptionError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestOptimizers : public QObject {
    Q_OBJECT

private slots:
    void sgdPlain() {
        auto opt = makeOptimizer(opts("sgd"));
        Problem pr = oneParam({1.f, -2.f});
        pr.setGrad(0, {0.5f, -0.25f});
        pr.step(*opt, 0.1f);
        // w -= lr*g
        expectNear(pr.params[0].value, {1.0 - 0.1 * 0.5, -2.0 - 0.1 * -0.25});
        pr.setGrad(0, {-1.f, 2.f});
        pr.step(*opt, 0.05f);
        expectNear(pr.params[0].value, {0.95 - 0.05 * -1.0, -1.975 - 0.05 * 2.0});
        QCOMPARE(opt->iterations(), int64_t(2));
        QVERIFY(opt->slotTensors().empty());  // momentum 0: Keras makes no momentum slot
    }

    void sgdMomentum() {
        OptimizerOptions o = opts("sgd");
        o.momentum = 0.9f;
        auto opt = makeOptimizer(o);
        Problem pr = oneParam({1.f});
        const double lr = 0.1, mu = 0.9f;
        // step 1: v = -lr*g = -0.05; w = 0.95
        pr.setGrad(0, {0.5f});
        pr.step(*opt, 0.1f);
        double v = mu * 0.0 - lr * 0.5, w = 1.0 + v;
        expectNear(pr.params[0].value, {w});
        // step 2: v = 0.9*-0.05 - 0.1*0.2 = -0.065; w = 0.885
        pr.setGrad(0, {0.2f});
        pr.step(*opt, 0.1f);
        v = mu * v - lr * 0.2;
        w += v;
        QVERIFY(std::abs(v - -0.065) < 1e-7);
        expectNear(pr.params[0].value, {w});
        expectNear(opt->slotTensors()[0], {v});
        // step 3 with a negative gradient
        pr.setGrad(0, {-0.4f});
        pr.step(*opt, 0.1f);
        v = mu * v - lr * -0.4;
        w += v;
        expectNear(pr.params[0].value, {w});
    }

    void sgdNesterov() {
        OptimizerOptions o = opts("sgd");
        o.momentum = 0.9f;
        o.nesterov = true;
        auto opt = makeOptimizer(o);
        Problem pr = oneParam({1.f, 2.f});
        const double lr = 0.1, mu = 0.9f;
        const double g1[2] = {0.5, -1.0}, g2[2] = {0.2, 0.3};
        pr.setGrad(0, {0.5f, -1.f});
        pr.step(*opt, 0.1f);
        // v = mu*v - lr*g; w += mu*v - lr*g
        double v[2], w[2] = {1.0, 2.0};
        for (int i = 0; i < 2; ++i) {
            v[i] = -lr * g1[i];
            w[i] += mu * v[i] - lr * g1[i];
        }
        QVERIFY(std::abs(w[0] - (1.0 - 0.05 - 0.045)) < 1e-7);  // 0.905 by hand
        expectNear(pr.params[0].value, {w[0], w[1]});
        pr.setGrad(0, {0.2f, 0.3f});
        pr.step(*opt, 0.1f);
        for (int i = 0; i < 2; ++i) {
            v[i] = mu * v[i] - lr * g2[i];
            w[i] += mu * v[i] - lr * g2[i];
        }
        expectNear(pr.params[0].value, {w[0], w[1]});
        expectNear(opt->slotTensors()[0], {v[0], v[1]});
    }

    void adamFirstSteps() {
        auto opt = makeOptimizer(opts("adam"));
        Problem pr = oneParam({0.5f, -1.f, 0.f});
        const double lr = 1e-3, b1 = 0.9f, b2 = 0.999f, eps = 1e-7f;
        const std::vector<std::vector<double>> gs = {{0.1, -0.2, 1e-6}, {0.3, 0.1, 0.0}, {-0.2, 0.05, 2.0}};
        double m[3] = {0, 0, 0}, v[3] = {0, 0, 0}, w[3] = {0.5, -1.0, 0.0};
        for (int t = 1; t <= 3; ++t) {
            const auto& g = gs[t - 1];
            pr.setGrad(0, {float(g[0]), float(g[1]), float(g[2])});
            pr.step(*opt, 1e-3f);
            const double alpha = lr * std::sqrt(1 - std::pow(b2, t)) / (1 - std::pow(b1, t));
            for (int i = 0; i < 3; ++i) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                w[i] -= alpha * m[i] / (std::sqrt(v[i]) + eps);
            }
            expectNear(opt->slotTensors()[0], {m[0], m[1], m[2]}, 1e-5, 0);
            expectNear(opt->slotTensors()[1], {v[0], v[1], v[2]}, 1e-5, 0);
            if (t == 1) {
                // Adam's first step moves a weight by about lr against its gradient (epsilon
                // takes 3e-8 off it here)...
                QVERIFY(std::abs(w[0] - (0.5 - 1e-3)) < 1e-7);
                // ...unless |g| is near epsilon. g = 1e-6: m = 1e-7, sqrt(v) = sqrt(1e-3*1e-12)
                // = 3.1623e-8, alpha = 1e-3*sqrt(1e-3)/0.1 = 3.1623e-4, so Keras's step is
                // 3.1623e-4*1e-7/(3.1623e-8 + 1e-7) = 2.4025e-4 (PyTorch's placement of epsilon,
                // after the bias correction, would give 1e-3*1e-6/(1e-6 + 1e-7) = 9.09e-4).
                QVERIFY(std::abs(w[2] - -2.4025e-4) < 1e-7);
            }
            expectNear(pr.params[0].value, {w[0], w[1], w[2]}, 1e-5, 1e-9);
        }
        QCOMPARE(opt->iterations(), int64_t(3));
    }

    void adamUsesIterationsForBiasCorrection() {
        // A restored optimizer continues the bias correction from its iteration count.
        auto opt = makeOptimizer(opts("adam"));
        Problem pr = oneParam({0.f});
        pr.setGrad(0, {0.1f});
        pr.step(*opt, 1e-3f);  // creates the slots
        opt->slotTensors()[0].fill(0.f);
        opt->slotTensors()[1].fill(0.f);
        opt->setIterations(9);
        pr.params[0].value.fill(0.f);
        pr.step(*opt, 1e-3f);
        const double b1 = 0.9f, b2 = 0.999f, t = 10;
        const double m = (1 - b1) * 0.1f, v = (1 - b2) * 0.1f * 0.1f;
        const double alpha = 1e-3 * std::sqrt(1 - std::pow(b2, t)) / (1 - std::pow(b1, t));
        expectNear(pr.params[0].value, {-alpha * m / (std::sqrt(v) + 1e-7f)});
        QCOMPARE(opt->iterations(), int64_t(10));
    }

    void adamwDecoupledDecay() {
        OptimizerOptions o = opts("adamw");
        o.weightDecay = 0.1f;
        auto opt = makeOptimizer(o);
        Problem pr;
        pr.params.push_back(makeParam("kernel", {2.f}, true));
        pr.params.push_back(makeParam("bias", {2.f}, false));
        pr.grads = {makeTensor({0.5f}), makeTensor({0.5f})};
        const double lr = 0.01, b1 = 0.9f, b2 = 0.999f, eps = 1e-7f, wd = 0.1f, g = 0.5;
        double wk = 2.0, wb = 2.0, m = 0, v = 0;
        for (int t = 1; t <= 2; ++t) {
            pr.grads = {makeTensor({0.5f}), makeTensor({0.5f})};
            pr.step(*opt, 0.01f);
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            const double alpha = lr * std::sqrt(1 - std::pow(b2, t)) / (1 - std::pow(b1, t));
            const double adamStep = alpha * m / (std::sqrt(v) + eps);
            wk = wk - wk * wd * lr - adamStep;  // decay first, then the plain Adam step
            wb = wb - adamStep;
            expectNear(pr.params[0].value, {wk});
            expectNear(pr.params[1].value, {wb});
        }
        // The decay never reaches the moments: both params' slots are identical.
        expectNear(opt->slotTensors()[2], {m});
        expectNear(opt->slotTensors()[0], {m});
    }

    void rmsprop() {
        auto opt = makeOptimizer(opts("rmsprop"));
        Problem pr = oneParam({1.f, -1.f, 0.f});
        const double lr = 0.01, rho = 0.9f, eps = 1e-7f;
        const std::vector<std::vector<double>> gs = {{0.2, -0.5, 1e-4}, {0.1, 0.5, 0.0}, {-0.3, 0.0, 1e-4}};
        double v[3] = {0, 0, 0}, w[3] = {1, -1, 0};
        for (int t = 0; t < 3; ++t) {
            const auto& g = gs[t];
            pr.setGrad(0, {float(g[0]), float(g[1]), float(g[2])});
            pr.step(*opt, 0.01f);
            for (int i = 0; i < 3; ++i) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / std::sqrt(v[i] + eps);  // Keras: epsilon inside the root
            }
            expectNear(pr.params[0].value, {w[0], w[1], w[2]});
            expectNear(opt->slotTensors()[0], {v[0], v[1], v[2]}, 1e-5, 0);
        }
        // First step by hand for the small gradient: v = 0.1*1e-8 = 1e-9,
        // step = 0.01*1e-4/sqrt(1e-9 + 1e-7) = 1e-6/sqrt(1.01e-7) ~ 3.1466e-3.
        QVERIFY(std::abs(0.01 * 1e-4 / std::sqrt(1.01e-7) - 3.1466e-3) < 1e-6);
    }

    void l2DecayOnlyOnDecayParams_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sgd") << "sgd";
        QTest::newRow("adam") << "adam";
        QTest::newRow("rmsprop") << "rmsprop";
    }
    void l2DecayOnlyOnDecayParams() {
        // L2 folds weightDecay*w into the gradient: a decay param with gradient g behaves like a
        // plain param with gradient g + wd*w.
        QFETCH(QString, kind);
        OptimizerOptions o = opts(kind.toStdString());
        o.weightDecay = 0.5f;
        auto withDecay = makeOptimizer(o);
        Problem pr;
        pr.params.push_back(makeParam("kernel", {2.f, -4.f}, true));
        pr.params.push_back(makeParam("bias", {2.f, -4.f}, false));
        pr.grads = {makeTensor({0.1f, 0.1f}), makeTensor({0.1f, 0.1f})};
        o.weightDecay = 0.f;
        auto plain = makeOptimizer(o);
        Problem ref;
        ref.params.push_back(makeParam("kernel", {2.f, -4.f}));
        ref.params.push_back(makeParam("bias", {2.f, -4.f}));
        for (int t = 0; t < 2; ++t) {
            const std::vector<float> w0(pr.params[0].value.data(), pr.params[0].value.data() + 2);
            pr.grads = {makeTensor({0.1f, 0.1f}), makeTensor({0.1f, 0.1f})};
            ref.grads = {makeTensor({0.1f + 0.5f * w0[0], 0.1f + 0.5f * w0[1]}), makeTensor({0.1f, 0.1f})};
            pr.step(*withDecay, 0.01f);
            ref.step(*plain, 0.01f);
            for (int p = 0; p < 2; ++p)
                expectNear(pr.params[p].value, {ref.params[p].value[0], ref.params[p].value[1]}, 1e-6, 0);
        }
        // And the decay did something: at w = -4 it turns the gradient 0.1 into 0.1 - 2 = -1.9,
        // so the kernel moves up while the bias moves down.
        QVERIFY(pr.params[0].value[1] > -4.f);
        QVERIFY(pr.params[1].value[1] < -4.f);
    }

    void sgdL2ByHand() {
        OptimizerOptions o = opts("sgd");
        o.weightDecay = 0.01f;
        auto opt = makeOptimizer(o);
        Problem pr;
        pr.params.push_back(makeParam("kernel", {3.f}, true));
        pr.params.push_back(makeParam("bias", {3.f}, false));
        pr.grads = {makeTensor({1.f}), makeTensor({1.f})};
        pr.step(*opt, 0.1f);
        expectNear(pr.params[0].value, {3.0 - 0.1 * (1.0 + 0.01 * 3.0)});  // 2.897
        expectNear(pr.params[1].value, {3.0 - 0.1 * 1.0});                 // 2.9
    }

    void globalNormIsOverAllGrads() {
        Tensor a = makeTensor({3.f}), b = makeTensor({0.f, 4.f});
        std::vector<Tensor*> g{&a, &b};
        QCOMPARE(globalNorm(g), 5.0);
        // Double accumulation: a million squares of 1e-3 sum to what double arithmetic says (a
        // float sum would be off by far more than 1e-9).
        Tensor big(1, Shape::flat(1000000));
        big.fill(1e-3f);
        std::vector<Tensor*> g2{&big};
        const double expected = std::sqrt(1e6 * double(1e-3f) * double(1e-3f));
        QVERIFY(std::abs(globalNorm(g2) - expected) < 1e-9);
    }

    void clipsByGlobalNorm() {
        OptimizerOptions o = opts("sgd");
        o.clipNorm = 1.f;
        auto opt = makeOptimizer(o);
        Problem pr;
        pr.params.push_back(makeParam("kernel", {0.f}));
        pr.params.push_back(makeParam("bias", {0.f}));
        pr.grads = {makeTensor({3.f}), makeTensor({-4.f})};  // global norm 5
        pr.step(*opt, 1.f);
        // Every gradient scaled by 1/5 (in place), so the update is -(0.6, -0.8).
        expectNear(pr.grads[0], {0.6});
        expectNear(pr.grads[1], {-0.8});
        expectNear(pr.params[0].value, {-0.6});
        expectNear(pr.params[1].value, {0.8});
        // Below the threshold nothing is scaled.
        pr.grads = {makeTensor({0.3f}), makeTensor({0.4f})};
        pr.step(*opt, 1.f);
        expectNear(pr.grads[0], {0.3});
        expectNear(pr.params[0].value, {-0.9});
        // A norm just above the threshold is scaled too: 5 -> 4 is a factor of 0.8.
        o.clipNorm = 4.f;
        auto opt4 = makeOptimizer(o);
        pr.grads = {makeTensor({3.f}), makeTensor({-4.f})};
        pr.step(*opt4, 1.f);
        expectNear(pr.grads[0], {2.4});
        expectNear(pr.grads[1], {-3.2});
    }

    void clipsBeforeAdam() {
        // Clipping happens before anything else, so Adam's moments see the clipped gradient.
        OptimizerOptions o = opts("adam");
        o.clipNorm = 0.5f;
        auto opt = makeOptimizer(o);
        Problem pr = oneParam({0.f, 0.f});
        pr.setGrad(0, {6.f, 8.f});  // norm 10 -> scaled by 0.05 to (0.3, 0.4)
        pr.step(*opt, 1e-3f);
        expectNear(opt->slotTensors()[0], {0.1 * 0.3, 0.1 * 0.4});
        expectNear(opt->slotTensors()[1], {double(1 - 0.999f) * 0.09, double(1 - 0.999f) * 0.16}, 1e-5, 0);
    }

    void slotShapes_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<float>("momentum");
        QTest::addColumn<int>("perParam");
        QTest::newRow("sgd") << "sgd" << 0.f << 0;
        QTest::newRow("sgd momentum") << "sgd" << 0.9f << 1;
        QTest::newRow("adam") << "adam" << 0.f << 2;
        QTest::newRow("adamw") << "adamw" << 0.f << 2;
        QTest::newRow("rmsprop") << "rmsprop" << 0.f << 1;
    }
    void slotShapes() {
        QFETCH(QString, kind);
        QFETCH(float, momentum);
        QFETCH(int, perParam);
        OptimizerOptions o = opts(kind.toStdString());
        o.momentum = momentum;
        auto opt = makeOptimizer(o);
        Problem pr;
        Param kernel;
        kernel.name = "kernel";
        kernel.value.resize(4, Shape::image(2, 3, 3));  // 4 filters of 2x3x3
        kernel.value.fill(1.f);
        pr.params.push_back(std::move(kernel));
        pr.params.push_back(makeParam("bias", {0.f, 0.f, 0.f, 0.f}));
        pr.grads.push_back(Tensor(4, Shape::image(2, 3, 3)));
        pr.grads[0].fill(0.5f);
        pr.grads.push_back(makeTensor({1.f, 1.f, 1.f, 1.f}));
        QVERIFY(opt->slotTensors().empty());
        pr.step(*opt, 0.01f);
        QCOMPARE(int(opt->slotTensors().size()), 2 * perParam);
        for (int k = 0; k < perParam; ++k) {
            const Tensor& s0 = opt->slotTensors()[k];             // param 0, slot k
            const Tensor& s1 = opt->slotTensors()[perParam + k];  // param 1, slot k
            QCOMPARE(s0.batch(), 4);
            QVERIFY(s0.sampleShape() == Shape::image(2, 3, 3));
            QCOMPARE(s1.batch(), 1);
            QVERIFY(s1.sampleShape() == Shape::flat(4));
        }
        // Slot k of param i holds param i's state: the kernel's gradient was 0.5, the bias's 1.
        if (kind == "adam" || kind == "adamw") {
            QVERIFY(std::abs(opt->slotTensors()[0][0] - 0.05f) < 1e-7f);  // m of the kernel
            QVERIFY(std::abs(opt->slotTensors()[2][0] - 0.1f) < 1e-7f);   // m of the bias
        }
    }

    void changedParamsThrow() {
        auto opt = makeOptimizer(opts("adam"));
        Problem pr = oneParam({1.f, 2.f});
        pr.step(*opt, 1e-3f);
        Problem more = pr;
        more.params.push_back(makeParam("bias", {0.f}));
        more.grads.push_back(makeTensor({0.f}));
        try {
            more.step(*opt, 1e-3f);
            QFAIL("a changed parameter count must throw");
        } catch (const OptionError& e) {
            QVERIFY2(QString(e.what()).contains("has state for 1 parameter but was given 2 parameters"), e.what());
        }
        Problem reshaped = oneParam({1.f, 2.f, 3.f});
        try {
            reshaped.step(*opt, 1e-3f);
            QFAIL("a changed parameter shape must throw");
        } catch (const OptionError& e) {
            QVERIFY2(QString(e.what()).contains("'kernel'") && QString(e.what()).contains("1x3") &&
                         QString(e.what()).contains("1x2"),
                     e.what());
        }
        QCOMPARE(opt->iterations(), int64_t(1));  // failed steps did not count
    }

    void mismatchedGradsThrow() {
        auto opt = makeOptimizer(opts("sgd"));
        Problem pr = oneParam({1.f, 2.f});
        pr.grads[0] = makeTensor({1.f});
        QVERIFY_THROWS_EXCEPTION(ShapeError, pr.step(*opt, 0.1f));
        pr.grads.clear();
        QVERIFY_THROWS_EXCEPTION(ShapeError, pr.step(*opt, 0.1f));
    }

    void jsonRoundTrip() {
        OptimizerOptions o;
        o.kind = "sgd";
        o.learningRate = 0.05f;
        o.momentum = 0.9f;
        o.nesterov = true;
        o.beta1 = 0.8f;
        o.beta2 = 0.99f;
        o.epsilon = 1e-8f;
        o.rho = 0.95f;
        o.weightDecay = 1e-4f;
        o.clipNorm = 2.5f;
        const nlohmann::json j = o.toJson();
        QCOMPARE(QString::fromStdString(j.at("optimizer").get<std::string>()), QString("sgd"));
        QCOMPARE(j.at("learning_rate").get<double>(), 0.05);  // written as the decimal the user typed
        QCOMPARE(j.at("nesterov").get<bool>(), true);
        for (const char* key : {"momentum", "beta_1", "beta_2", "epsilon", "rho", "weight_decay", "clipnorm"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j.size(), std::size_t(10));
        const OptimizerOptions r = OptimizerOptions::fromJson(nlohmann::json::parse(j.dump()));
        QCOMPARE(QString::fromStdString(r.kind), QString("sgd"));
        QCOMPARE(r.learningRate, o.learningRate);
        QCOMPARE(r.momentum, o.momentum);
        QCOMPARE(r.nesterov, o.nesterov);
        QCOMPARE(r.beta1, o.beta1);
        QCOMPARE(r.beta2, o.beta2);
        QCOMPARE(r.epsilon, o.epsilon);
        QCOMPARE(r.rho, o.rho);
        QCOMPARE(r.weightDecay, o.weightDecay);
        QCOMPARE(r.clipNorm, o.clipNorm);
    }

    void jsonMissingKeysAreDefaults() {
        const OptimizerOptions d;
        const OptimizerOptions r = OptimizerOptions::fromJson({{"optimizer", "rmsprop"}});
        QCOMPARE(QString::fromStdString(r.kind), QString("rmsprop"));
        QCOMPARE(r.learningRate, d.learningRate);
        QCOMPARE(r.epsilon, 1e-7f);
        QCOMPARE(r.rho, d.rho);
        QCOMPARE(r.clipNorm, 0.f);
        const OptimizerOptions e = OptimizerOptions::fromJson(nlohmann::json::object());
        QCOMPARE(QString::fromStdString(e.kind), QString("adam"));
    }

    void jsonBadValues_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << R"({"optimizer": "adamm"})"
                                 << "unknown optimizer 'adamm'; known: adam, adamw, rmsprop, sgd";
        QTest::newRow("lr zero") << R"({"learning_rate": 0})"
                                 << "'learning_rate' must be > 0; received: 0";
        QTest::newRow("lr negative") << R"({"learning_rate": -0.1})"
                                     << "'learning_rate' must be > 0; received: -0.1";
        QTest::newRow("lr string") << R"({"learning_rate": "fast"})"
                                   << "'learning_rate' must be a number; received: \"fast\"";
        QTest::newRow("momentum 1") << R"({"momentum": 1})"
                                    << "'momentum' must be in [0, 1); received: 1";
        QTest::newRow("momentum <0") << R"({"momentum": -0.5})"
                                     << "'momentum' must be in [0, 1); received: -0.5";
        QTest::newRow("nesterov") << R"({"nesterov": 1})"
                                  << "'nesterov' must be true or false; received: 1";
        QTest::newRow("beta_1") << R"({"beta_1": 1.0})"
                                << "'beta_1' must be in [0, 1); received: 1";
        QTest::newRow("beta_2") << R"({"beta_2": 1.5})"
                                << "'beta_2' must be in [0, 1); received: 1.5";
        QTest::newRow("epsilon") << R"({"epsilon": 0})"
                                 << "'epsilon' must be > 0; received: 0";
        QTest::newRow("rho") << R"({"rho": 1})"
                             << "'rho' must be in [0, 1); received: 1";
        QTest::newRow("decay") << R"({"weight_decay": -1e-4})"
                               << "'weight_decay' must be >= 0; received: -1e-04";
        QTest::newRow("clip") << R"({"clipnorm": -1})"
                              << "'clipnorm' must be >= 0 (0 turns clipping off); received: -1";
        QTest::newRow("overflow") << R"({"learning_rate": 1e300})"
                                  << "'learning_rate' must be a finite float; received: 1e+300";
        QTest::newRow("kind type") << R"({"optimizer": 3})"
                                   << "'optimizer' must be a string; received: 3";
        QTest::newRow("not object") << R"([1, 2])"
                                    << "optimizer options must be a JSON object";
    }
    void jsonBadValues() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const QString got = optionErrorOf(nlohmann::json::parse(json.toStdString()));
        QVERIFY2(got.contains(message), qPrintable("got: \"" + got + "\"\nwanted: \"" + message + "\""));
    }

    void makeOptimizerValidates() {
        OptimizerOptions o;
        o.kind = "adagrad";
        try {
            makeOptimizer(o);
            QFAIL("unknown kind must throw");
        } catch (const OptionError& e) {
            QCOMPARE(QString(e.what()), QString("unknown optimizer 'adagrad'; known: adam, adamw, rmsprop, sgd"));
        }
        o.kind = "sgd";
        o.learningRate = -1.f;
        QVERIFY_THROWS_EXCEPTION(OptionError, makeOptimizer(o));
    }
};

QTEST_APPLESS_MAIN(TestOptimizers)
#include "test_optimizers.moc"
