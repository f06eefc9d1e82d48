// Explanations checked against what they claim to compute: saliency and Grad-CAM against finite
// differences of the class's logit, occlusion on a model whose answer is known, and every bad
// request refused with a message naming the value.
#include <QtTest>

#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/errors.h"
#include "core/rng.h"
#include "explain/explanation.h"
#include "explain/grad_cam.h"
#include "explain/heat_map_overlay.h"
#include "explain/occlusion.h"
#include "explain/saliency.h"
#include "gradient_check.h"
#include "graph/model.h"

using namespace cs;

namespace {

// Tanh and average pooling: smooth, so finite differences need no kink handling.
GraphSpec smoothCnn(const std::string& outputActivation, int channels = 3) {
    return GraphSpec::sequential({{"Input", {{"height", 8}, {"width", 8}, {"channels", channels}}},
                                  {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "tanh"}}},
                                  {"Conv2D", {{"filters", 5}, {"kernel_size", 3}, {"activation", "tanh"}}},
                                  {"AveragePooling2D", {{"pool_size", 2}}},
                                  {"Flatten", {}},
                                  {"Dense", {{"units", 3}, {"activation", outputActivation}}}});
}

// The same weights in a model whose output is the logits, to measure them directly.
void copyWeights(const Model& from, Model& to) {
    const auto src = from.parameters();
    auto dst = to.parameters();
    for (std::size_t i = 0; i < src.size(); ++i) dst[i]->value = src[i]->value;
}

Tensor randomInput(const Model& m, uint64_t seed) {
    Rng rng(seed);
    return test::randomTensor(1, m.inputShape(), rng, 0.f, 1.f);
}

ExplainOptions options(ExplainMethod method, std::string layer = {}, int targetClass = -1, int patch = 0,
                       int stride = 0) {
    ExplainOptions o;
    o.method = method;
    o.layer = std::move(layer);
    o.targetClass = targetClass;
    o.patch = patch;
    o.stride = stride;
    return o;
}

template <typename F>
QString codeOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.message().code + ": " + e.what());
    }
    return {};
}

}  // namespace

class TestExplain : public QObject {
    Q_OBJECT

private slots:
    // Saliency is max over channels of |d logit / d input|, the logit measured in a twin model
    // without the softmax.
    void saliencyIsTheInputGradientOfTheLogit() {
        Model model(smoothCnn("softmax"), 5), logits(smoothCnn("linear"), 99);
        copyWeights(model, logits);
        Tensor x = randomInput(model, 3);
        const int target = 2;
        auto ex = model.makeExecutor();
        Tensor og;
        const cv::Mat s = saliency(model, *ex, x, target, og);
        auto lex = logits.makeExecutor();
        const auto logit = [&] { return double(logits.forward(*lex, x, Phase::Eval)[target]); };
        const Shape& shape = model.inputShape();
        const int plane = shape.height() * shape.width();
        double worst = 0, largest = 0;
        for (int p = 0; p < plane; ++p) {
            double best = 0;
            for (int c = 0; c < shape.channels(); ++c) {
                float& v = x[c * plane + p];
                const float keep = v;
                v = keep + 1e-2f;
                const double up = logit();
                v = keep - 1e-2f;
                const double down = logit();
                v = keep;
                best = std::max(best, std::abs(up - down) / 2e-2);
            }
            worst = std::max(worst, std::abs(best - s.at<float>(p / shape.width(), p % shape.width())));
            largest = std::max(largest, best);
        }
        QVERIFY(largest > 1e-3);
        QVERIFY2(worst < 2e-3 + 1e-2 * largest, qPrintable(QString("max error %1 of %2").arg(worst).arg(largest)));
        // The explanation is the same map scaled by its maximum.
        const Explanation e = explain(model, x, options(ExplainMethod::Saliency, {}, target));
        double peak = 0;
        for (int p = 0; p < plane; ++p) peak = std::max(peak, double(s.at<float>(p / 8, p % 8)));
        for (int p = 0; p < plane; ++p) QVERIFY(std::abs(e.heat[p] - s.at<float>(p / 8, p % 8) / peak) < 1e-5);
        QCOMPARE(e.heat[e.maxRow * 8 + e.maxCol], 1.f);
    }

    // Grad-CAM's channel weights are the spatial means of d logit / d activation (here measured
    // by perturbing the layer's output and running the rest of the model), its map
    // ReLU(sum_c w_c A_c), and the input map that map resized bilinearly.
    void gradCamMatchesFiniteDifferencesOfTheLayer() {
        Model model(smoothCnn("softmax"), 8), logits(smoothCnn("linear"), 1);
        copyWeights(model, logits);
        const Tensor x = randomInput(model, 4);
        const int layer = 1, target = 0;  // the first Conv2D: 4 x 6 x 6
        auto ex = model.makeExecutor();
        Tensor og;
        const GradCamMaps maps = gradCam(model, *ex, x, layer, target, og);
        auto lex = logits.makeExecutor();
        Tensor a = logits.forwardTo(*lex, x, layer);
        const Tensor a0 = a;
        const auto logit = [&] { return double(logits.forwardFrom(*lex, layer, a, Phase::Eval)[target]); };
        const int channels = 4, plane = 36;
        QCOMPARE(int(maps.weights.size()), channels);
        for (int c = 0; c < channels; ++c) {
            double sum = 0;
            for (int p = 0; p < plane; ++p) {
                float& v = a[c * plane + p];
                const float keep = v;
                v = keep + 1e-2f;
                const double up = logit();
                v = keep - 1e-2f;
                const double down = logit();
                v = keep;
                sum += (up - down) / 2e-2;
            }
            QVERIFY2(std::abs(sum / plane - maps.weights[c]) < 1e-3,
                     qPrintable(QString("channel %1: %2 vs %3").arg(c).arg(sum / plane).arg(maps.weights[c])));
        }
        QCOMPARE(maps.layerMap.rows, 6);
        for (int p = 0; p < plane; ++p) {
            double m = 0;
            for (int c = 0; c < channels; ++c) m += maps.weights[c] * a0[c * plane + p];
            QVERIFY(std::abs(std::max(m, 0.0) - maps.layerMap.at<float>(p / 6, p % 6)) < 1e-5);
        }
        QCOMPARE(maps.inputMap.rows, 8);
        QCOMPARE(maps.inputMap.cols, 8);
        cv::Mat resized;
        cv::resize(maps.layerMap, resized, cv::Size(8, 8), 0, 0, cv::INTER_LINEAR);
        QVERIFY(cv::norm(resized, maps.inputMap, cv::NORM_INF) < 1e-6);
    }

    void gradCamDefaultsToTheLastSpatialLayerAndThePrediction() {
        Model model(smoothCnn("softmax"), 8);
        const auto spatial = spatialLayers(model);
        QCOMPARE(spatial, (std::vector<int>{1, 2, 3}));  // two convolutions and the pooling
        const Explanation e = explain(model, randomInput(model, 5), {});
        QCOMPARE(e.layer, model.nodes()[3].layer->name());
        QCOMPARE(e.height, 8);
        QCOMPARE(e.width, 8);
        QCOMPARE(int(e.probabilities.size()), 3);
        const int best =
            int(std::max_element(e.probabilities.begin(), e.probabilities.end()) - e.probabilities.begin());
        QCOMPARE(e.predicted, best);
        QCOMPARE(e.target, best);
        QCOMPARE(e.probability, e.probabilities[best]);
        for (float v : e.heat) QVERIFY(v >= 0.f && v <= 1.f);
    }

    // A linear model that only reads a 2x2 block: occluding that block, and nothing else, lowers
    // class 0's probability.
    void occlusionFindsTheOnlyRegionThatMatters() {
        Model model(GraphSpec::sequential({{"Input", {{"height", 8}, {"width", 8}, {"channels", 1}}},
                                           {"Flatten", {}},
                                           {"Dense", {{"units", 2}, {"activation", "softmax"}}}}),
                    1);
        Param* kernel = model.parameters()[0];  // 2 x 64
        Param* bias = model.parameters()[1];
        kernel->value.setZero();
        bias->value.setZero();
        const auto pixel = [](int r, int c) { return r * 8 + c; };
        for (int r = 2; r < 4; ++r)
            for (int c = 4; c < 6; ++c) kernel->value[pixel(r, c)] = 2.f;  // unit 0's row
        Tensor x(model.inputShape());
        x.fill(1.f);
        ExplainOptions o;
        o.method = ExplainMethod::Occlusion;
        o.patch = 2;
        o.stride = 2;
        const Explanation e = explain(model, x, o);
        QCOMPARE(e.predicted, 0);
        for (int r = 0; r < 8; ++r)
            for (int c = 0; c < 8; ++c) {
                const bool inside = r >= 2 && r < 4 && c >= 4 && c < 6;
                QCOMPARE(e.heat[pixel(r, c)], inside ? 1.f : 0.f);
            }
        QVERIFY(e.maxRow >= 2 && e.maxRow < 4 && e.maxCol >= 4 && e.maxCol < 6);
        // Overlapping patches: still the block's pixels, and only near it.
        o.patch = 3;
        o.stride = 1;
        const Explanation f = explain(model, x, o);
        QVERIFY(f.maxRow >= 2 && f.maxRow < 4 && f.maxCol >= 4 && f.maxCol < 6);
        QCOMPARE(f.heat[pixel(7, 0)], 0.f);
        QVERIFY(f.heat[pixel(3, 5)] > 0.9f);
    }

    void occlusionCoversEveryPixel() {
        QCOMPARE(occlusionStarts(28, 7, 3), (std::vector<int>{0, 3, 6, 9, 12, 15, 18, 21}));
        QCOMPARE(occlusionStarts(10, 4, 4), (std::vector<int>{0, 4, 6}));
        QCOMPARE(occlusionStarts(3, 5, 2), (std::vector<int>{0}));
    }

    void badRequestsNameTheValue() {
        Model model(smoothCnn("softmax", 1), 2);
        const Tensor x = randomInput(model, 1);
        const auto run = [&](ExplainOptions o) { return codeOf([&] { explain(model, x, o); }); };
        QVERIFY(run(options(ExplainMethod::GradCam, "nope")).startsWith("explain.unknown_layer"));
        QVERIFY(run(options(ExplainMethod::GradCam, "nope")).contains("'nope'"));
        const std::string flatten = model.nodes()[4].layer->name();
        const QString notSpatial = run(options(ExplainMethod::GradCam, flatten));
        QVERIFY2(notSpatial.startsWith("explain.layer_not_spatial") && notSpatial.contains("outputs 20"),
                 qPrintable(notSpatial));
        QVERIFY(run(options(ExplainMethod::GradCam, {}, 3)).startsWith("explain.class_out_of_range"));
        QVERIFY(run(options(ExplainMethod::GradCam, {}, 3)).contains("class 3"));
        QVERIFY(run(options(ExplainMethod::Saliency, {}, -2)).startsWith("explain.class_out_of_range"));
        QVERIFY(run(options(ExplainMethod::Occlusion, {}, -1, 9)).startsWith("explain.bad_patch"));
        QVERIFY(run(options(ExplainMethod::Occlusion, {}, -1, 0, -1)).startsWith("explain.bad_stride"));
        QVERIFY(codeOf([] { explainMethodFromName("lime"); }).contains("'lime'"));
        Tensor two(2, model.inputShape());
        two.setZero();
        QVERIFY(codeOf([&] { explain(model, two, {}); }).startsWith("explain.not_one_sample"));
        Tensor wrong(Shape::image(1, 9, 9));
        wrong.setZero();
        QVERIFY(codeOf([&] { explain(model, wrong, {}); }).startsWith("model.input_shape_mismatch"));
        Model flat(GraphSpec::sequential({{"Input", {{"height", 4}, {"width", 4}, {"channels", 1}}},
                                          {"Flatten", {}},
                                          {"Dense", {{"units", 2}, {"activation", "softmax"}}}}),
                   1);
        Tensor small(flat.inputShape());
        small.fill(0.5f);
        QVERIFY(codeOf([&] { explain(flat, small, {}); }).startsWith("explain.no_spatial_layer"));
        // Occlusion and saliency need no spatial layer.
        QCOMPARE(explain(flat, small, options(ExplainMethod::Occlusion)).height, 4);
        QCOMPARE(explain(flat, small, options(ExplainMethod::Saliency)).width, 4);
    }

    void overlayBlendsTheColouredMapOverTheImage() {
        Explanation e;
        e.height = 2;
        e.width = 2;
        e.heat = {0.f, 0.f, 0.f, 1.f};
        const cv::Mat gray(4, 4, CV_8UC1, cv::Scalar(100));
        const cv::Mat image = heatMapOverlay(gray, e, 0.0);
        QCOMPARE(image.type(), CV_8UC3);
        QCOMPARE(image.at<cv::Vec3b>(0, 0), cv::Vec3b(100, 100, 100));
        const cv::Mat map = heatMapOverlay(gray, e, 1.0);
        QVERIFY(map.at<cv::Vec3b>(3, 3)[2] > 100 && map.at<cv::Vec3b>(3, 3)[0] < 50);  // hot = red (BGR)
        QVERIFY(map.at<cv::Vec3b>(0, 0)[0] > 100);                                     // cold = blue
        QVERIFY(codeOf([&] { heatMapOverlay(cv::Mat(), e); }).startsWith("explain.overlay_image"));
    }
};

QTEST_APPLESS_MAIN(TestExplain)
#include "test_explain.moc"
