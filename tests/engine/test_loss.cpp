// Softmax cross-entropy: values against hand computation, gradients against finite
// differences (logits and probability inputs), smoothing, class weights, bad labels.
#include <QtTest>

#include <cmath>

#include "core/errors.h"
#include "train/loss.h"

using namespace cs;

namespace {

Tensor logits(std::initializer_list<float> v, int classes) {
    Tensor t(static_cast<int>(v.size()) / classes, Shape::flat(classes));
    int i = 0;
    for (float x : v) t[i++] = x;
    return t;
}

Tensor softmaxOf(const Tensor& z) {
    Tensor p = z;
    const int c = static_cast<int>(z.sampleSize());
    for (int b = 0; b < z.batch(); ++b) {
        double s = 0;
        for (int k = 0; k < c; ++k) s += std::exp(double(z.sample(b)[k]));
        for (int k = 0; k < c; ++k) p.sample(b)[k] = float(std::exp(double(z.sample(b)[k])) / s);
    }
    return p;
}

}  // namespace

class TestLoss : public QObject {
    Q_OBJECT

private slots:
    void valueMatchesHandComputation() {
        const Tensor z = logits({1.f, 2.f, 3.f}, 3);
        const int32_t y[] = {0};
        const LossResult r = softmaxCrossEntropy(z, false, y, LossOptions{}, 1.f, nullptr);
        const double expect = -std::log(std::exp(1.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0)));
        QVERIFY(std::abs(r.lossSum - expect) < 1e-6);
        QCOMPARE(r.correct, 0);
        QCOMPARE(r.correctTopK, 1);
        const LossResult rp = softmaxCrossEntropy(softmaxOf(z), true, y, LossOptions{}, 1.f, nullptr);
        QVERIFY(std::abs(rp.lossSum - expect) < 1e-5);
    }

    void gradientIsProbabilitiesMinusTargets() {
        const Tensor z = logits({0.5f, -1.f, 2.f, 0.f, 3.f, -2.f, 1.f, 1.5f}, 4);
        const int32_t y[] = {2, 3};
        for (bool probs : {false, true}) {
            for (float smoothing : {0.f, 0.1f}) {
                LossOptions o;
                o.kind = smoothing > 0 ? "categorical_crossentropy" : "sparse_categorical_crossentropy";
                o.labelSmoothing = smoothing;
                o.classWeights = {1.f, 1.f, 2.f, 0.5f};
                Tensor g;
                softmaxCrossEntropy(probs ? softmaxOf(z) : z, probs, y, o, 0.5f, &g);
                // Finite differences with respect to the logits.
                for (int i = 0; i < z.size(); ++i) {
                    const float h = 1e-3f;
                    Tensor up = z, down = z;
                    up[i] += h;
                    down[i] -= h;
                    auto f = [&](const Tensor& t) {
                        return softmaxCrossEntropy(probs ? softmaxOf(t) : t, probs, y, o, 0.f, nullptr).lossSum;
                    };
                    const double numeric = 0.5 * (f(up) - f(down)) / (2 * h);
                    QVERIFY2(std::abs(numeric - g[i]) < 2e-3,
                             (std::to_string(numeric) + " vs " + std::to_string(g[i])).c_str());
                }
            }
        }
    }

    void extremeLogitsStayFinite() {
        const Tensor z = logits({1000.f, -1000.f, 0.f}, 3);
        const int32_t y[] = {1};
        Tensor g;
        const LossResult r = softmaxCrossEntropy(z, false, y, LossOptions{}, 1.f, &g);
        QVERIFY(std::isfinite(r.lossSum));
        QVERIFY(std::abs(r.lossSum - 2000.0) < 1e-2);
        for (int i = 0; i < 3; ++i) QVERIFY(std::isfinite(g[i]));
        // Probabilities of exactly 0 are clipped like Keras (loss -log(1e-7)).
        const Tensor p = logits({1.f, 0.f, 0.f}, 3);
        const LossResult rp = softmaxCrossEntropy(p, true, y, LossOptions{}, 1.f, &g);
        QVERIFY(std::abs(rp.lossSum + std::log(1e-7)) < 1e-3);
    }

    void badLabelsAndOptionsAreRejected() {
        const Tensor z = logits({1.f, 2.f}, 2);
        const int32_t y[] = {2};
        QVERIFY_THROWS_EXCEPTION(TrainingError, softmaxCrossEntropy(z, false, y, LossOptions{}, 1.f, nullptr));
        QVERIFY_THROWS_EXCEPTION(OptionError, LossOptions::fromJson({{"loss", "mse"}}));
        QVERIFY_THROWS_EXCEPTION(OptionError, LossOptions::fromJson({{"label_smoothing", 0.1}}));
        const LossOptions o = LossOptions::fromJson({{"loss", "categorical_crossentropy"}, {"label_smoothing", 0.2}});
        QCOMPARE(LossOptions::fromJson(o.toJson()).labelSmoothing, 0.2f);
    }
};

QTEST_APPLESS_MAIN(TestLoss)
#include "test_loss.moc"
