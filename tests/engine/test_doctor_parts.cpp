// The data doctor's parts one by one (engine/doctor): duplicate grouping, the hashes' shift
// variants, confident learning, cross-validated softmax regression, PCA, pixel and feature
// outliers, feature duplicates against a brute-force search, the penultimate layer, bad input
// (a clear Error or a note saying what was skipped), cancel and progress, the JSON report.
#include <QtTest>
#include <atomic>
#include <cmath>
#include <set>

#include "core/rng.h"
#include "core/worker_pool.h"
#include "doctor/confident_learning.h"
#include "doctor/cross_validated_softmax.h"
#include "doctor/data_doctor.h"
#include "doctor/doctor_report_json.h"
#include "doctor/doctor_stage.h"
#include "doctor/feature_duplicates.h"
#include "doctor/image_hashes.h"
#include "doctor/model_features.h"
#include "doctor/outlier_finder.h"
#include "doctor/pca.h"
#include "doctor_helpers.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "test_data.h"

using namespace cs;

namespace {

DoctorOptions quick() {
    DoctorOptions o;
    o.map = false;
    return o;
}

// `count` images of noise with a few bright blobs (each image different), 20x20 gray.
Dataset noiseImages(int count, uint64_t seed, int classes = 2) {
    Dataset d;
    d.height = d.width = 20;
    d.channels = 1;
    for (int c = 0; c < classes; ++c) d.classNames.push_back("c" + std::to_string(c));
    Rng rng(seed);
    d.pixels.resize(std::size_t(count) * 400);
    for (int i = 0; i < count; ++i) {
        for (int p = 0; p < 400; ++p) d.image(std::size_t(i))[p] = uint8_t(rng.below(120));
        d.labels.push_back(i % classes);
    }
    return d;
}

void append(Dataset& d, const std::vector<uint8_t>& image, int label) {
    d.pixels.insert(d.pixels.end(), image.begin(), image.end());
    d.labels.push_back(label);
}

bool sameGroup(const DoctorReport& r, DoctorImage a, DoctorImage b, const DuplicateGroup** found = nullptr) {
    for (const DuplicateGroup& g : r.duplicates) {
        const bool hasA = std::find(g.images.begin(), g.images.end(), a) != g.images.end();
        const bool hasB = std::find(g.images.begin(), g.images.end(), b) != g.images.end();
        if (hasA && hasB) {
            if (found) *found = &g;
            return true;
        }
    }
    return false;
}

}  // namespace

class TestDoctorParts : public QObject {
    Q_OBJECT
private slots:
    void duplicatesExactShiftedAndLeaking() {
        Dataset train = noiseImages(60, 1), test = noiseImages(20, 2);
        append(train, std::vector<uint8_t>(train.image(3), train.image(3) + 400), 1);   // train #60 = train #3
        append(train, testing::shiftedCopy(test.image(5), 20, 20, 1, 2, -1, 1.2f), 0);  // train #61 ~ test #5
        append(train, testing::shiftedCopy(test.image(7), 20, 20, 1, -1, 0, 0.8f), 0);  // train #62 ~ test #7
        const DoctorReport r = runDataDoctor(train, test, nullptr, Preprocessing{20, 20, 1}, quick());
        const DuplicateGroup* g = nullptr;
        QVERIFY(sameGroup(r, {DoctorSplit::Train, 3}, {DoctorSplit::Train, 60}, &g));
        QVERIFY(g->exact);
        QVERIFY(!g->spansSplits);
        QCOMPARE(g->distance, 0.f);
        QVERIFY(sameGroup(r, {DoctorSplit::Train, 61}, {DoctorSplit::Test, 5}, &g));
        QVERIFY(!g->exact);
        QVERIFY(g->spansSplits);
        QVERIFY(sameGroup(r, {DoctorSplit::Train, 62}, {DoctorSplit::Test, 7}, &g));
        QCOMPARE(r.duplicates.size(), std::size_t(3));                        // nothing else: the noise images differ
        QVERIFY(r.duplicates[0].spansSplits && r.duplicates[1].spansSplits);  // leakage first
    }

    void shiftVariantsCoverEveryOffsetOnce() {
        // Each offset in [-2, 2]^2 is a variant or the negation of one, exactly once.
        std::set<std::pair<int, int>> seen;
        for (const auto& [dx, dy] : shiftVariants()) {
            QVERIFY(seen.insert({dx, dy}).second);
            if (dx || dy) QVERIFY(seen.insert({-dx, -dy}).second);
        }
        QCOMPARE(seen.size(), std::size_t(25));
    }

    void confidentLearningCountsTowardsTheConfidentClass() {
        // 3 classes; rows: labels 0,0,0,1,1,2,2 and probabilities. Thresholds: mean self-confidence.
        const std::vector<int32_t> labels{0, 0, 0, 1, 1, 2, 2};
        const std::vector<float> p{0.9f, 0.05f, 0.05f, 0.8f, 0.1f, 0.1f, 0.1f, 0.85f, 0.05f,  // row 2: looks like 1
                                   0.1f, 0.8f,  0.1f,  0.2f, 0.7f, 0.1f, 0.1f, 0.1f,  0.8f,   //
                                   0.3f, 0.3f,  0.4f};  // row 6: below every threshold, not counted
        const std::vector<float> t = confidentThresholds(p, labels, 3);
        QVERIFY(std::abs(t[0] - (0.9f + 0.8f + 0.1f) / 3) < 1e-6f);
        QVERIFY(std::abs(t[2] - 0.6f) < 1e-6f);
        Dataset d;
        d.height = d.width = d.channels = 1;
        d.pixels.resize(7);
        d.labels = labels;
        d.classNames = {"a", "b", "c"};
        const Dataset empty;
        const std::vector<LabelSuspect> s = findLabelSuspects(DoctorData{d, empty}, p, 3);
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s[0].image.index, 2u);
        QCOMPARE(s[0].givenClass, 0);
        QCOMPARE(s[0].suggestedClass, 1);
        QCOMPARE(s[0].givenProbability, 0.1f);
        QCOMPARE(s[0].suggestedProbability, 0.85f);
    }

    void crossValidatedProbabilitiesAreOutOfSample() {
        // Two Gaussian blobs; one point of blob 0 labelled 1. Its out-of-sample probability of
        // label 1 stays low: its own label did not train the model that predicted it.
        Rng rng(4);
        const int n = 400, dim = 5;
        std::vector<float> rows(std::size_t(n * dim));
        std::vector<int32_t> labels(n);
        for (int i = 0; i < n; ++i) {
            labels[std::size_t(i)] = i % 2;
            for (int d = 0; d < dim; ++d) rows[std::size_t(i * dim + d)] = rng.normal(i % 2 ? 1.5f : -1.5f, 1.f);
        }
        labels[10] = 1;  // row 10 is from blob 0
        standardizeColumns(rows, dim);
        WorkerPool pool(2);
        const DoctorProgress progress;
        const DoctorStage stage(progress, "test");
        const std::vector<float> p = crossValidatedProbabilities(rows, dim, labels, 2, 5, 1, pool, stage);
        int right = 0;
        for (int i = 0; i < n; ++i) right += (p[std::size_t(i * 2 + 1)] > 0.5f) == (i % 2 == 1);
        QVERIFY2(right > n * 95 / 100, qPrintable(QString::number(right)));
        QVERIFY(p[10 * 2 + 1] < 0.2f);
        // The same seed gives the same probabilities.
        QVERIFY(crossValidatedProbabilities(rows, dim, labels, 2, 5, 1, pool, stage) == p);

        // Random labels on 100 points in 60 dimensions: a linear model can fit them in-sample,
        // but out of sample it is right about half the time.
        std::vector<float> noise(100 * 60);
        for (float& x : noise) x = rng.normal();
        std::vector<int32_t> coin(100);
        for (int32_t& c : coin) c = int32_t(rng.below(2));
        const std::vector<float> q = crossValidatedProbabilities(noise, 60, coin, 2, 5, 2, pool, stage);
        int guessed = 0;
        for (int i = 0; i < 100; ++i) guessed += (q[std::size_t(i * 2 + 1)] > 0.5f) == (coin[std::size_t(i)] == 1);
        QVERIFY2(guessed < 70, qPrintable(QString::number(guessed)));
    }

    void pcaFindsTheLongAxis() {
        Rng rng(5);
        std::vector<float> rows;
        for (int i = 0; i < 500; ++i) {
            const float t = rng.normal(0, 3), u = rng.normal(0, 0.3f);
            rows.push_back(10 + 0.6f * t - 0.8f * u);
            rows.push_back(-4 + 0.8f * t + 0.6f * u);
        }
        const PcaBasis b = PcaBasis::fit(rows.data(), 500, 2, 1);
        QCOMPARE(b.outputDim(), 1);
        float out[2];
        const float points[4] = {10, -4, 10.6f, -3.2f};  // the mean, and one unit along the axis
        b.project(points, 2, out);
        QVERIFY(std::abs(out[0]) < 0.3f);  // the sample's mean is near (10, -4)
        QVERIFY(std::abs(std::abs(out[1] - out[0]) - 1.f) < 0.02f);
    }

    void pixelOutliersByKind() {
        Dataset d = noiseImages(10, 6);
        append(d, std::vector<uint8_t>(400, 77), 0);  // #10 blank
        std::vector<uint8_t> binary(400);
        for (int p = 0; p < 400; ++p) binary[std::size_t(p)] = p % 3 ? 0 : 255;
        append(d, binary, 0);  // #11 saturated
        std::vector<uint8_t> faint(400);
        for (int p = 0; p < 400; ++p) faint[std::size_t(p)] = uint8_t(100 + p % 12);
        append(d, faint, 0);  // #12 low contrast
        const Dataset empty;
        WorkerPool pool(2);
        const DoctorProgress progress;
        const DoctorStage stage(progress, "test");
        const std::vector<Outlier> o = findPixelOutliers(DoctorData{d, empty}, pool, stage);
        QCOMPARE(o.size(), std::size_t(3));
        auto kindOf = [&](uint32_t i) {
            for (const Outlier& x : o)
                if (x.image.index == i) return x.kind;
            return OutlierKind::FarFromClasses;
        };
        QCOMPARE(kindOf(10), OutlierKind::Blank);
        QCOMPARE(kindOf(11), OutlierKind::Saturated);
        QCOMPARE(kindOf(12), OutlierKind::LowContrast);
        QVERIFY(o[0].score >= o[1].score && o[1].score >= o[2].score);
    }

    void featureOutlierIsFarFromEveryClass() {
        Dataset d = noiseImages(2000, 7);
        Rng rng(8);
        std::vector<float> f;
        for (std::size_t i = 0; i < d.size(); ++i)
            for (int k = 0; k < 4; ++k) f.push_back(rng.normal(d.labels[i] ? 2.f : -2.f, 1.f));
        for (int k = 0; k < 4; ++k) f[std::size_t(123 * 4 + k)] = 20.f;  // far from both classes
        const Dataset empty;
        const DoctorProgress progress;
        const DoctorStage stage(progress, "test");
        const std::vector<Outlier> o = findFeatureOutliers(DoctorData{d, empty}, f, 4, stage);
        QVERIFY(!o.empty());
        QCOMPARE(o[0].image.index, 123u);
        QCOMPARE(o[0].kind, OutlierKind::FarFromClasses);
        QVERIFY(o.size() <= 3);  // the 99.9th percentile: a handful at most
    }

    void featureDuplicatesMatchABruteForceSearch() {
        Rng rng(9);
        const int n = 1500, dim = 16;
        std::vector<float> rows(std::size_t(n * dim));
        for (float& x : rows) x = rng.normal();
        for (int k = 0; k < 40; ++k)  // planted near pairs
            for (int d = 0; d < dim; ++d)
                rows[std::size_t((k * 37 + 1) * dim + d)] =
                    rows[std::size_t((k * 37) * dim + d)] + rng.normal(0, 0.01f);
        std::vector<int> buckets(n);
        for (int i = 0; i < n; ++i) buckets[std::size_t(i)] = (i / 37) % 3;  // pairs share a bucket
        WorkerPool pool(2);
        const DoctorProgress progress;
        const DoctorStage stage(progress, "test");
        const float limit = 0.05f;
        const auto edges = findFeatureDuplicates(rows, dim, buckets, limit, pool, stage);
        std::set<std::pair<int64_t, int64_t>> expected, got;
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b) {
                if (buckets[std::size_t(a)] != buckets[std::size_t(b)]) continue;
                double na = 0, nb = 0, dot = 0;
                for (int d = 0; d < dim; ++d) {
                    const double x = rows[std::size_t(a * dim + d)], y = rows[std::size_t(b * dim + d)];
                    na += x * x;
                    nb += y * y;
                    dot += x * y;
                }
                if (std::sqrt(std::max(0.0, 2 - 2 * dot / std::sqrt(na * nb))) <= limit) expected.insert({a, b});
            }
        for (const DuplicateEdge& e : edges) got.insert({e.a, e.b});
        QCOMPARE(expected.size(), std::size_t(40));
        QVERIFY(got == expected);
    }

    void penultimateLayerIsTheClassifiersInput() {
        Model cnn(GraphSpec::sequential({{"Input", {{"height", 8}, {"width", 8}, {"channels", 1}}},
                                         {"Conv2D", {{"filters", 2}, {"kernel_size", 3}}},
                                         {"Flatten", {}},
                                         {"Dense", {{"units", 6}, {"activation", "relu"}}},
                                         {"Dropout", {{"rate", 0.5}}},
                                         {"Dense", {{"units", 3}}},
                                         {"Activation", {{"activation", "softmax"}}}}));
        QCOMPARE(penultimateNode(cnn), cnn.indexOfName("dropout"));
        Model linear(GraphSpec::sequential({{"Input", {{"height", 8}, {"width", 8}, {"channels", 1}}},
                                            {"Flatten", {}},
                                            {"Dense", {{"units", 3}, {"activation", "softmax"}}}}));
        QCOMPARE(penultimateNode(linear), linear.indexOfName("flatten"));
    }

    void wideFeaturesAreReducedByPca() {
        // The classifier reads Flatten's 400 values: more than kMaxFeatureDim, so PCA reduces them.
        Model wide(GraphSpec::sequential({{"Input", {{"height", 20}, {"width", 20}, {"channels", 1}}},
                                          {"Flatten", {}},
                                          {"Dense", {{"units", 2}, {"activation", "softmax"}}}}));
        const DoctorReport r = runDataDoctor(noiseImages(300, 10), Dataset{}, &wide, Preprocessing{20, 20, 1}, quick());
        QCOMPARE(r.featureLayer, std::string("flatten"));
        QCOMPARE(r.featureDim, kMaxFeatureDim / 2);
        QCOMPARE(r.notes.size(), std::size_t(1));
        QCOMPARE(r.notes[0].code, std::string("doctor.features_reduced"));
        QCOMPARE(r.features.size(), std::size_t(r.featureDim) * 300);
    }

    void badInputGetsAClearMessage() {
        Model model(GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                           {"Flatten", {}},
                                           {"Dense", {{"units", 4}, {"activation", "relu"}}},
                                           {"Dense", {{"units", 2}, {"activation", "softmax"}}}}));
        try {
            runDataDoctor(noiseImages(30, 11), Dataset{}, &model, Preprocessing{}, quick());
            QFAIL("a 20x20 dataset on a 28x28 model was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.message().code, std::string("doctor.input_mismatch"));
            QVERIFY(QString(e.what()).contains("28x28x1") && QString(e.what()).contains("20x20x1"));
        }
        try {
            runDataDoctor(noiseImages(30, 11), testing::quadrantDataset(3, 16, 1), nullptr, Preprocessing{}, quick());
            QFAIL("splits of different sizes were accepted");
        } catch (const Error& e) {
            QCOMPARE(e.message().code, std::string("doctor.split_shapes"));
        }
        QVERIFY_THROWS_EXCEPTION(Error, runDataDoctor(Dataset{}, Dataset{}, nullptr, Preprocessing{}, quick()));
        ModelFile untrained;
        try {
            requireTrainedModel(untrained, "fresh.csmodel");
            QFAIL("a model without weights was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.message().code, std::string("doctor.untrained_model"));
            QVERIFY(QString(e.what()).contains("fresh.csmodel"));
        }
    }

    void smallDataGetsAReducedAnalysis() {
        const DoctorReport one = runDataDoctor(noiseImages(40, 12, 1), Dataset{}, nullptr, Preprocessing{}, quick());
        QCOMPARE(one.notes.size(), std::size_t(1));
        QCOMPARE(one.notes[0].code, std::string("doctor.labels_one_class"));
        QVERIFY(one.labelSuspects.empty() && one.labelMethod.empty());
        const DoctorReport ten = runDataDoctor(noiseImages(10, 13), Dataset{}, nullptr, Preprocessing{}, quick());
        QCOMPARE(ten.notes.size(), std::size_t(1));
        QCOMPARE(ten.notes[0].code, std::string("doctor.labels_too_few"));
        QCOMPARE(ten.features.size(), std::size_t(ten.featureDim) * 10);
        const DoctorReport single = runDataDoctor(noiseImages(1, 14), Dataset{}, nullptr, Preprocessing{}, quick());
        QVERIFY(single.duplicates.empty());
    }

    void progressAndCancel() {
        const Dataset d = noiseImages(300, 15);
        std::vector<std::string> stages;
        bool inRange = true;
        DoctorProgress progress;
        progress.report = [&](const std::string& stage, double f) {
            if (stages.empty() || stages.back() != stage) stages.push_back(stage);
            inRange = inRange && f >= 0 && f <= 1;
        };
        const DoctorReport r = runDataDoctor(d, Dataset{}, nullptr, Preprocessing{}, quick(), progress);
        QVERIFY(inRange);
        QCOMPARE(stages, (std::vector<std::string>{"hashes", "duplicates", "pixel statistics", "features",
                                                   "cross-validation", "outliers"}));
        QCOMPARE(r.stageSeconds.size(), stages.size());

        std::atomic<bool> cancel{false};
        progress.cancel = &cancel;
        progress.report = [&](const std::string& stage, double) {
            if (stage == "features") cancel = true;
        };
        QVERIFY_THROWS_EXCEPTION(DoctorCancelled,
                                 runDataDoctor(d, Dataset{}, nullptr, Preprocessing{}, quick(), progress));
    }

    void jsonNamesEveryImage() {
        Dataset train = noiseImages(30, 16);
        append(train, std::vector<uint8_t>(train.image(0), train.image(0) + 400), 0);
        train.sourceFile = "imgs.idx";
        const DoctorReport r = runDataDoctor(train, Dataset{}, nullptr, Preprocessing{}, quick());
        const nlohmann::json j = doctorReportToJson(r, train, Dataset{});
        QCOMPARE(j["duplicates"].size(), std::size_t(1));
        QCOMPARE(j["duplicates"][0]["images"][1]["source"].get<std::string>(), std::string("imgs.idx#30"));
        QCOMPARE(j["duplicates"][0]["images"][1]["split"].get<std::string>(), std::string("train"));
        QVERIFY(j.contains("labelSuspects") && j.contains("outliers") && j.contains("notes"));
    }
};

QTEST_APPLESS_MAIN(TestDoctorParts)
#include "test_doctor_parts.moc"
