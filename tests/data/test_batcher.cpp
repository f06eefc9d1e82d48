// Batch assembly: layout and values, conversion on the slow path, determinism, and the
// prefetching batcher and an epoch's batches assembled ahead in the step giving the very same
// batches as the plain one.
#include <QtTest>

#include <thread>
#include "core/errors.h"

#include "data/batcher.h"
#include "data/epoch_batches.h"
#include "data/prefetch_batcher.h"
#include "data/split.h"
#include "data_test_helpers.h"

using namespace cs;

namespace {

bool sameTensor(const Tensor& a, const Tensor& b) {
    return a.batch() == b.batch() && a.sampleShape() == b.sampleShape() &&
           std::equal(a.data(), a.data() + a.size(), b.data());
}

// Batch b (of 16) of an epoch over `order`, made with assembleBatch itself: what every batcher
// must hand out.
void expectedBatch(const Dataset& ds, const std::vector<uint32_t>& order, const Preprocessing& pre,
                   const AugmentOptions* aug, uint64_t epochSeed, std::size_t b, Tensor& images,
                   std::vector<int32_t>& labels) {
    const std::size_t first = b * 16, count = std::min<std::size_t>(16, order.size() - first);
    assembleBatch(ds, std::span<const uint32_t>(order).subspan(first, count), pre, aug, batchSeed(epochSeed, b), images,
                  labels);
}

AugmentOptions someAugmentation() {
    AugmentOptions o;
    o.shift = {1.f, 0.1f};
    o.rotate = {0.7f, 15.f};
    o.hflip = {0.5f, 0.f};
    o.noise = {0.5f, 0.05f};
    o.erase = {0.3f, 0.2f};
    return o;
}

// 103 augmented 10x10 samples in 7 batches of 16, shuffled by `seed`: what the batchers' tests
// compare with assembleBatch.
struct AugmentedEpoch {
    explicit AugmentedEpoch(uint64_t seed) : order(shuffledIndices(ds.size(), seed)) { pre.height = pre.width = 10; }
    Dataset ds = testdata::makeDataset(103, 10, 10, 1, 5);
    Preprocessing pre;
    AugmentOptions aug = someAugmentation();
    std::vector<uint32_t> order;
};

}  // namespace

class TestBatcher : public QObject {
    Q_OBJECT

private slots:
    void fastPathMatchesToFloat() {
        const Dataset ds = testdata::makeDataset(10, 6, 5, 3, 4);
        Preprocessing pre;
        pre.height = 6;
        pre.width = 5;
        pre.channels = 3;
        pre.scaling = Scaling::Standardize;
        pre.mean = {0.5f, 0.4f, 0.3f};
        pre.stdev = {0.2f, 0.25f, 0.3f};
        const std::vector<uint32_t> idx{3, 9, 0};
        Tensor images;
        std::vector<int32_t> labels;
        assembleBatch(ds, idx, pre, nullptr, 1, images, labels);
        QCOMPARE(images.batch(), 3);
        QVERIFY(images.sampleShape() == Shape::image(3, 6, 5));
        QVERIFY(labels == (std::vector<int32_t>{3, 1, 0}));
        // NCHW: channel 1, row 2, column 4 of sample 1 (dataset index 9).
        const float expected = (ds.image(9)[(2 * 5 + 4) * 3 + 1] / 255.f - 0.4f) / 0.25f;
        QVERIFY(std::abs(images.sample(1)[1 * 30 + 2 * 5 + 4] - expected) < 1e-5f);
    }

    void convertsSizeAndChannels() {
        // A 4x4 gray set fed to an 8x8 RGB model: every channel equal, values stay in range.
        Dataset ds = testdata::makeDataset(4, 4, 4, 1, 2);
        Preprocessing pre;
        pre.height = 8;
        pre.width = 8;
        pre.channels = 3;
        Tensor images;
        std::vector<int32_t> labels;
        const std::vector<uint32_t> idx{0, 1, 2, 3};
        assembleBatch(ds, idx, pre, nullptr, 1, images, labels);
        QVERIFY(images.sampleShape() == Shape::image(3, 8, 8));
        for (int i = 0; i < 64; ++i) {
            QCOMPARE(images.sample(2)[i], images.sample(2)[64 + i]);
            QVERIFY(images.sample(2)[i] >= 0.f && images.sample(2)[i] <= 1.f);
        }
        // A uniform RGB image shrunk to gray keeps its level.
        Dataset colour = testdata::makeDataset(1, 10, 10, 3, 2);
        std::fill(colour.pixels.begin(), colour.pixels.end(), 200);
        pre.height = pre.width = 5;
        pre.channels = 1;
        const std::vector<uint32_t> one{0};
        assembleBatch(colour, one, pre, nullptr, 1, images, labels);
        QVERIFY(std::abs(images[12] - 200.f / 255.f) < 1e-5f);
    }

    void deterministicAndSeedDependent() {
        const Dataset ds = testdata::makeDataset(16, 12, 12, 1, 4);
        Preprocessing pre;
        pre.height = pre.width = 12;
        const AugmentOptions aug = someAugmentation();
        const std::vector<uint32_t> idx{1, 5, 7, 2};
        Tensor a, b, c;
        std::vector<int32_t> la, lb, lc;
        assembleBatch(ds, idx, pre, &aug, 99, a, la);
        assembleBatch(ds, idx, pre, &aug, 99, b, lb);
        assembleBatch(ds, idx, pre, &aug, 100, c, lc);
        QVERIFY(sameTensor(a, b));
        QVERIFY(!sameTensor(a, c));
        QVERIFY(la == lc);  // augmentation never changes labels
        Tensor plain;
        std::vector<int32_t> lp;
        assembleBatch(ds, idx, pre, nullptr, 99, plain, lp);
        QVERIFY(!sameTensor(a, plain));
    }

    void badIndexIsAnError() {
        const Dataset ds = testdata::makeDataset(3, 4, 4, 1, 2);
        Preprocessing pre;
        pre.height = pre.width = 4;
        Tensor t;
        std::vector<int32_t> l;
        const std::vector<uint32_t> idx{0, 3};
        QVERIFY_THROWS_EXCEPTION(Error, assembleBatch(ds, idx, pre, nullptr, 1, t, l));
    }

    void prefetchGivesTheSameBatches() {
        const AugmentedEpoch e(7);
        PrefetchBatcher batcher(e.ds, e.order, 16, e.pre, e.aug, 1234);
        QCOMPARE(batcher.batchCount(), std::size_t(7));
        Tensor images, expected;
        std::vector<int32_t> labels, expectedLabels;
        std::size_t b = 0;
        while (batcher.next(images, labels)) {
            expectedBatch(e.ds, e.order, e.pre, &e.aug, 1234, b, expected, expectedLabels);
            QVERIFY2(sameTensor(images, expected), qPrintable(QString("batch %1 differs").arg(b)));
            QVERIFY(labels == expectedLabels);
            ++b;
        }
        QCOMPARE(b, std::size_t(7));
        QCOMPARE(images.batch(), 103 - 6 * 16);
        QVERIFY(!batcher.next(images, labels));
    }

    void prefetchStartsMidEpochWithTheSameSeeds() {
        // A resumed run starts its epoch at batch 4: it must get batches 4..6 exactly as an
        // uninterrupted epoch does.
        const AugmentedEpoch e(8);
        PrefetchBatcher whole(e.ds, e.order, 16, e.pre, e.aug, 55);
        PrefetchBatcher resumed(e.ds, e.order, 16, e.pre, e.aug, 55, 4);
        QCOMPARE(resumed.batchCount(), std::size_t(7));
        Tensor a, b;
        std::vector<int32_t> la, lb;
        for (int k = 0; k < 4; ++k) QVERIFY(whole.next(a, la));
        for (int k = 4; k < 7; ++k) {
            QVERIFY(whole.next(a, la));
            QVERIFY(resumed.next(b, lb));
            QVERIFY2(sameTensor(a, b), qPrintable(QString("batch %1 differs").arg(k)));
            QVERIFY(la == lb);
        }
        QVERIFY(!resumed.next(b, lb));
    }

    void prefetchStopsCleanlyMidEpoch() {
        const Dataset ds = testdata::makeDataset(500, 28, 28, 1, 10);
        Preprocessing pre;
        for (int round = 0; round < 20; ++round) {
            PrefetchBatcher batcher(ds, shuffledIndices(ds.size(), round), 32, pre, someAugmentation(), round);
            Tensor images;
            std::vector<int32_t> labels;
            for (int k = 0; k < round % 3; ++k) QVERIFY(batcher.next(images, labels));
        }  // destroyed with batches pending: must join without hanging
    }

    void prefetchRethrowsWorkerErrors() {
        const Dataset ds = testdata::makeDataset(10, 4, 4, 1, 2);
        Preprocessing pre;
        pre.height = pre.width = 4;
        PrefetchBatcher batcher(ds, {0, 1, 2, 3, 77}, 2, pre, {}, 1);
        Tensor images;
        std::vector<int32_t> labels;
        QVERIFY(batcher.next(images, labels));
        QVERIFY(batcher.next(images, labels));
        QVERIFY_THROWS_EXCEPTION(Error, batcher.next(images, labels));
    }

    void batchesAssembledAheadInTheStepAreTheSame() {
        // Two threads race for each batch's assembly, as a step's two workers do; one assembles
        // it, the other returns at once. A resumed epoch (from batch 2) gets the same batches.
        const AugmentedEpoch e(9);
        for (std::size_t firstBatch : {0, 2}) {
            EpochBatches batches(e.ds, e.order, 16, e.pre, e.aug, 77, firstBatch, EpochBatches::Ahead::InStep);
            Tensor images, expected;
            std::vector<int32_t> labels, expectedLabels;
            std::size_t b = firstBatch;
            while (batches.next(images, labels)) {
                expectedBatch(e.ds, e.order, e.pre, &e.aug, 77, b, expected, expectedLabels);
                QVERIFY2(sameTensor(images, expected), qPrintable(QString("batch %1 differs").arg(b)));
                QVERIFY(labels == expectedLabels);
                std::thread other([&] { batches.assembleAhead(); });
                batches.assembleAhead();
                other.join();
                ++b;
            }
            QCOMPARE(b, std::size_t(7));
            QCOMPARE(batches.assembledAhead(), 6 - firstBatch);  // every batch but the first
        }
    }

    void batchesNotAssembledAheadAreAssembledWhenAskedFor() {
        const Dataset ds = testdata::makeDataset(40, 10, 10, 1, 5);
        Preprocessing pre;
        pre.height = pre.width = 10;
        const std::vector<uint32_t> order = shuffledIndices(ds.size(), 3);
        for (EpochBatches::Ahead ahead : {EpochBatches::Ahead::InStep, EpochBatches::Ahead::None}) {
            EpochBatches batches(ds, order, 16, pre, {}, 5, 0, ahead);
            Tensor images, expected;
            std::vector<int32_t> labels, expectedLabels;
            for (std::size_t b = 0; b < 3; ++b) {
                QVERIFY(batches.next(images, labels));
                expectedBatch(ds, order, pre, nullptr, 5, b, expected, expectedLabels);
                QVERIFY(sameTensor(images, expected));
                if (ahead == EpochBatches::Ahead::None) batches.assembleAhead();  // a no-op here
            }
            QVERIFY(!batches.next(images, labels));
            QCOMPARE(batches.assembledAhead(), std::size_t(0));
        }
    }

    void aBatchSizeBelowOneIsRefused() {
        const Dataset ds = testdata::makeDataset(10, 4, 4, 1, 2);
        Preprocessing pre;
        pre.height = pre.width = 4;
        for (EpochBatches::Ahead ahead :
             {EpochBatches::Ahead::Thread, EpochBatches::Ahead::InStep, EpochBatches::Ahead::None}) {
            try {
                EpochBatches batches(ds, {0, 1, 2}, 0, pre, {}, 1, 0, ahead);
                QFAIL("a batch size of 0 was accepted");
            } catch (const OptionError& e) {
                QVERIFY2(QString(e.what()).contains("batch size must be at least 1, got 0"), e.what());
            }
        }
    }

    void anErrorAssemblingAheadReachesTheBatchThatNeedsIt() {
        // Batch 2 names a sample that does not exist: the step before it must not fail, asking
        // for batch 2 must.
        const Dataset ds = testdata::makeDataset(10, 4, 4, 1, 2);
        Preprocessing pre;
        pre.height = pre.width = 4;
        EpochBatches batches(ds, {0, 1, 2, 3, 77}, 2, pre, {}, 1, 0, EpochBatches::Ahead::InStep);
        Tensor images;
        std::vector<int32_t> labels;
        QVERIFY(batches.next(images, labels));
        batches.assembleAhead();
        QVERIFY(batches.next(images, labels));
        batches.assembleAhead();  // batch 2: fails, quietly
        QVERIFY_THROWS_EXCEPTION(Error, batches.next(images, labels));
    }
};

QTEST_APPLESS_MAIN(TestBatcher)
#include "test_batcher.moc"
