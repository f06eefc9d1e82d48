// CIFAR-10 binary batches written by the test: round trip, class names, bad sizes and labels.
#include <QtTest>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "data/cifar_loader.h"
#include "data/data_source.h"
#include "data_test_helpers.h"

using namespace cs;
namespace fs = std::filesystem;

class TestCifarLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string path(const std::string& name) const {
        return dir_.filePath(QString::fromStdString(name)).toStdString();
    }

    static std::string errorOf(const std::function<void()>& f) {
        try {
            f();
        } catch (const FileError& e) {
            return e.what();
        }
        return "no FileError";
    }

private slots:
    void folderRoundTrip() {
        const std::string root = path("cifar/cifar-10-batches-bin");
        fs::create_directories(root);
        const Dataset b1 = testdata::makeDataset(7, 32, 32, 3, 10, 1);
        const Dataset b2 = testdata::makeDataset(5, 32, 32, 3, 10, 2);
        const Dataset test = testdata::makeDataset(4, 32, 32, 3, 10, 3);
        testdata::writeCifarBatch(root + "/data_batch_1.bin", b1);
        testdata::writeCifarBatch(root + "/data_batch_2.bin", b2);
        testdata::writeCifarBatch(root + "/test_batch.bin", test);
        QCOMPARE(detectDataFormat(path("cifar")), DataFormat::Cifar10);
        const DataSplits s = loadDataSource(path("cifar"));
        QCOMPARE(s.train.size(), std::size_t(12));
        QCOMPARE(s.test.size(), std::size_t(4));
        QCOMPARE(s.train.channels, 3);
        QVERIFY(std::equal(b1.pixels.begin(), b1.pixels.end(), s.train.pixels.begin()));
        QVERIFY(std::equal(b2.pixels.begin(), b2.pixels.end(), s.train.pixels.begin() + b1.pixels.size()));
        QVERIFY(s.test.pixels == test.pixels);
        QCOMPARE(s.train.labels[8], b2.labels[1]);
        QCOMPARE(s.train.classNames[0], std::string("airplane"));
        QVERIFY(s.train.sourceOf(8).find("data_batch_2.bin#1") != std::string::npos);
        QVERIFY(s.test.sourceOf(3).find("test_batch.bin#3") != std::string::npos);
    }

    void metaNames() {
        const std::string root = path("meta");
        fs::create_directories(root);
        testdata::writeCifarBatch(root + "/data_batch_1.bin", testdata::makeDataset(3, 32, 32, 3, 3));
        std::ofstream(root + "/batches.meta.txt") << "apple\nbanana\r\ncherry\n\n";
        const DataSplits s = loadCifar10Folder(root);
        QVERIFY(s.train.classNames == (std::vector<std::string>{"apple", "banana", "cherry"}));
        QVERIFY(s.test.labels.empty());
    }

    void badSizes() {
        const std::string root = path("bad");
        fs::create_directories(root);
        testdata::writeBytes(root + "/data_batch_1.bin", std::vector<uint8_t>(3073 * 2 + 10));
        const std::string msg = errorOf([&] { loadCifar10Folder(root); });
        QVERIFY2(msg.find("data_batch_1.bin: 6156 bytes is not a whole number of CIFAR-10 records of 3073 bytes") !=
                     std::string::npos,
                 msg.c_str());
        testdata::writeBytes(root + "/data_batch_1.bin", {});
        QVERIFY(errorOf([&] { loadCifar10Folder(root); }).find("0 bytes") != std::string::npos);
    }

    // Gzip batches: a wrong size is named by its record, inflating stops at the ceiling, and the
    // trailer is checked; a FIFO is refused without opening it.
    void compressedAndSpecialBatches() {
        const std::string root = path("gz");
        fs::create_directories(root);
        const std::string batch = root + "/data_batch_1.bin";
        testdata::writeIdx(batch, {}, std::vector<uint8_t>(3073 * 2 + 6), true);  // 4-byte header + data
        QVERIFY2(errorOf([&] {
                     loadCifar10Batch(batch, cifar10ClassNames());
                 }).find("truncated record 2: expected 3073 bytes, got 10") != std::string::npos,
                 errorOf([&] { loadCifar10Batch(batch, cifar10ClassNames()); }).c_str());
        testdata::writeIdx(batch, {}, std::vector<uint8_t>(3073 * 100 - 4), true);  // 100 records of zeros
        LoadOptions options;
        QCOMPARE(loadCifar10Batch(batch, cifar10ClassNames(), options).size(), std::size_t(100));
        options.maxDecodedBytes = 3073 * 10;
        const std::string limit = errorOf([&] { loadCifar10Batch(batch, cifar10ClassNames(), options); });
        QVERIFY2(limit.find("data_batch_1.bin: over 30730 bytes of data, more than the limit of 30730 bytes") !=
                     std::string::npos,
                 limit.c_str());
        std::ofstream(batch, std::ios::app) << "junk";
        QVERIFY(errorOf([&] {
                    loadCifar10Batch(batch, cifar10ClassNames());
                }).find("bytes that are not gzip data follow the compressed stream") != std::string::npos);
        const std::string pipe = root + "/data_batch_2.bin";
        QCOMPARE(::mkfifo(pipe.c_str(), 0600), 0);
        QVERIFY(errorOf([&] {
                    loadCifar10Batch(pipe, cifar10ClassNames());
                }).find("data_batch_2.bin: is a named pipe (FIFO), expected a regular file") != std::string::npos);
    }

    void labelOutOfRange() {
        const std::string root = path("label");
        fs::create_directories(root);
        Dataset ds = testdata::makeDataset(3, 32, 32, 3, 3);
        ds.labels[2] = 12;
        testdata::writeCifarBatch(root + "/data_batch_1.bin", ds);
        const std::string msg = errorOf([&] { loadCifar10Folder(root); });
        QVERIFY2(msg.find("record 2 has label 12, but there are only 10 classes") != std::string::npos, msg.c_str());
    }

    void singleBatchFile() {
        fs::create_directories(path("single"));
        testdata::writeCifarBatch(path("single/test_batch.bin"), testdata::makeDataset(2, 32, 32, 3, 10));
        const DataSplits s = loadDataSource(path("single/test_batch.bin"));
        QCOMPARE(s.train.size(), std::size_t(2));
        // A folder with only test_batch.bin has no training set.
        QVERIFY(errorOf([&] { loadCifar10Folder(path("single")); }).find("no CIFAR-10 training batches") !=
                std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestCifarLoader)
#include "test_cifar_loader.moc"
