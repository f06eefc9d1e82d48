// Format detection and loadDataSource's dispatch, including forced formats and paths that fit none.
#include <QtTest>

#include <filesystem>

#include "core/errors.h"
#include "data/data_source.h"
#include "data_test_helpers.h"

using namespace cs;
namespace fs = std::filesystem;

class TestDataSource : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string path(const std::string& name) const {
        return dir_.filePath(QString::fromStdString(name)).toStdString();
    }

    static std::string errorOf(const std::function<void()>& f) {
        try {
            f();
        } catch (const Error& e) {
            return e.what();
        }
        return "no error";
    }

private slots:
    void detection() {
        QCOMPARE(detectDataFormat("builtin"), DataFormat::Builtin);
        QCOMPARE(detectDataFormat("builtin:shapes"), DataFormat::Builtin);
        fs::create_directories(path("idx"));
        testdata::writeIdxPair(path("idx"), "train", testdata::makeDataset(4, 3, 3, 1, 2), true);
        QCOMPARE(detectDataFormat(path("idx")), DataFormat::Idx);
        QCOMPARE(detectDataFormat(path("idx/train-images-idx3-ubyte.gz")), DataFormat::Idx);
        fs::create_directories(path("cifar"));
        testdata::writeCifarBatch(path("cifar/data_batch_1.bin"), testdata::makeDataset(2, 32, 32, 3, 10));
        QCOMPARE(detectDataFormat(path("cifar")), DataFormat::Cifar10);
        fs::create_directories(path("folders/a"));
        QCOMPARE(detectDataFormat(path("folders")), DataFormat::ImageFolder);
    }

    void idxFileFindsItsPair() {
        // Either file of the pair names the pair.
        const DataSplits a = loadDataSource(path("idx/train-images-idx3-ubyte.gz"));
        const DataSplits b = loadDataSource(path("idx/train-labels-idx1-ubyte.gz"));
        QCOMPARE(a.train.size(), std::size_t(4));
        QVERIFY(a.train.pixels == b.train.pixels);
        testdata::writeBytes(path("idx/odd-ubyte"), {0, 0, 8, 1});
        QVERIFY(errorOf([&] { loadDataSource(path("idx/odd-ubyte")); }).find("must contain 'images' or 'labels'") !=
                std::string::npos);
    }

    void forcedFormat() {
        LoadOptions o;
        o.format = DataFormat::ImageFolder;
        // An IDX folder read as image folders has no class folders with images.
        QVERIFY(errorOf([&] { loadDataSource(path("idx"), o); }).find("no images found") != std::string::npos);
        QCOMPARE(dataFormatFromString("cifar10"), DataFormat::Cifar10);
        QCOMPARE(dataFormatName(DataFormat::ImageFolder), std::string("folder"));
        QVERIFY_THROWS_EXCEPTION(OptionError, dataFormatFromString("tiff"));
    }

    void pathsThatFitNothing() {
        QVERIFY(errorOf([&] { loadDataSource(path("missing")); }).find("missing: does not exist") != std::string::npos);
        testdata::writeBytes(path("notes.txt"), {'x'});
        QVERIFY(errorOf([&] { loadDataSource(path("notes.txt")); }).find("no known data format") != std::string::npos);
        QVERIFY(errorOf([&] { loadDataSource("builtin:faces"); }).find("known: builtin:shapes") != std::string::npos);
    }

    void builtinHonoursSizeAndProgress() {
        LoadOptions o;
        o.height = 16;
        o.width = 20;
        o.channels = 3;
        o.builtinTrainCount = 30;
        o.builtinTestCount = 10;
        int calls = 0;
        o.progress = [&](std::size_t, std::size_t) { ++calls; };
        const DataSplits s = loadDataSource("builtin", o);
        QCOMPARE(s.train.height, 16);
        QCOMPARE(s.train.width, 20);
        QCOMPARE(s.test.channels, 3);
        QVERIFY(calls > 0);
    }
};

QTEST_APPLESS_MAIN(TestDataSource)
#include "test_data_source.moc"
