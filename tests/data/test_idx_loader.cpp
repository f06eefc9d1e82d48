// IDX loading: plain and gzip round trips, every malformed-header case, and the real
// Fashion-MNIST when it is installed.
#include <QtTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "data/idx_loader.h"
#include "data_test_helpers.h"

using namespace cs;

class TestIdxLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    static std::vector<uint8_t> readAll(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    static void writeAll(const std::string& file, const std::vector<uint8_t>& bytes) {
        testdata::writeBytes(file, bytes);
    }
    std::string path(const std::string& name) const {
        return dir_.filePath(QString::fromStdString(name)).toStdString();
    }

    // Expects a FileError whose message contains every one of `parts`.
    template <typename F>
    void expectFileError(F&& f, std::initializer_list<std::string> parts) {
        try {
            f();
        } catch (const FileError& e) {
            const std::string msg = e.what();
            for (const auto& p : parts)
                QVERIFY2(msg.find(p) != std::string::npos, ("'" + p + "' not in: " + msg).c_str());
            return;
        }
        QFAIL("no FileError thrown");
    }

private slots:
    void roundTripPlainAndGzip_data() {
        QTest::addColumn<bool>("gz");
        QTest::newRow("plain") << false;
        QTest::newRow("gzip") << true;
    }
    void roundTripPlainAndGzip() {
        QFETCH(bool, gz);
        const auto ds = testdata::makeDataset(37, 5, 4, 1, 3);
        const std::string sub = path(gz ? "gz" : "plain");
        std::filesystem::create_directories(sub);
        testdata::writeIdxPair(sub, "train", ds, gz);
        const Dataset back = loadIdx(sub + "/train-images-idx3-ubyte" + (gz ? ".gz" : ""),
                                     sub + "/train-labels-idx1-ubyte" + (gz ? ".gz" : ""));
        QCOMPARE(back.size(), std::size_t(37));
        QCOMPARE(back.height, 5);
        QCOMPARE(back.width, 4);
        QCOMPARE(back.channels, 1);
        QVERIFY(back.pixels == ds.pixels);
        QVERIFY(back.labels == ds.labels);
        QCOMPARE(back.classCount(), 3);
        QVERIFY(back.sources.empty());  // container formats name samples by file + index
        QCOMPARE(QString::fromStdString(back.sourceOf(7)).endsWith("ubyte" + QString(gz ? ".gz" : "") + "#7"), true);
    }

    void folderWithTrainAndTest() {
        const std::string sub = path("mnist");
        std::filesystem::create_directories(sub);
        testdata::writeIdxPair(sub, "train", testdata::makeDataset(20, 6, 6, 1, 4), true);
        testdata::writeIdxPair(sub, "t10k", testdata::makeDataset(8, 6, 6, 1, 4, 2), false);
        const DataSplits s = loadIdxFolder(sub);
        QCOMPARE(s.train.size(), std::size_t(20));
        QCOMPARE(s.test.size(), std::size_t(8));
        QVERIFY(s.train.classNames == (std::vector<std::string>{"0", "1", "2", "3"}));
        QVERIFY(s.test.classNames == s.train.classNames);
    }

    void fashionFolderGetsClassNames() {
        const std::string sub = path("my-fashion-mnist");
        std::filesystem::create_directories(sub);
        testdata::writeIdxPair(sub, "train", testdata::makeDataset(20, 4, 4, 1, 10), true);
        const DataSplits s = loadIdxFolder(sub);
        QCOMPARE(s.train.classNames.front(), std::string("T-shirt/top"));
        QCOMPARE(s.train.classNames.back(), std::string("Ankle boot"));
        QVERIFY(s.test.labels.empty());
    }

    void wrongMagic() {
        testdata::writeIdx(path("bad-magic"), {3, 2, 2}, std::vector<uint8_t>(12), false);
        testdata::writeIdx(path("labels1"), {3}, {0, 1, 2}, false);
        // An images file given as labels: rank 3 where 1 is expected.
        expectFileError([&] { loadIdx(path("bad-magic"), path("bad-magic")); },
                        {"bad-magic", "magic number 0x00000803", "0x00000801"});
        testdata::writeBytes(path("not-idx"), {'P', 'K', 3, 4, 0, 0, 0, 0});
        expectFileError([&] { loadIdx(path("not-idx"), path("labels1")); },
                        {"not-idx", "not an IDX images file", "0x504B0304"});
    }

    void headerClaimsBillions_data() {
        QTest::addColumn<bool>("gz");
        QTest::newRow("plain") << false;
        QTest::newRow("gzip") << true;
    }
    void headerClaimsBillions() {
        QFETCH(bool, gz);
        const std::string name = gz ? "huge.gz" : "huge";
        // 1e9 items of 4096x4096 would be 16 exabytes; the check must come before allocation.
        testdata::writeIdx(path(name), {1000000000u, 4096, 4096}, std::vector<uint8_t>(100), gz);
        expectFileError([&] { loadIdx(path(name), path("labels1")); },
                        {name, "header claims 1000000000 images of 4096x4096x1", "16777216000000000 bytes"});
        testdata::writeIdx(path(name), {0xFFFFFFFFu, 28, 28}, std::vector<uint8_t>(100), gz);
        expectFileError([&] { loadIdx(path(name), path("labels1")); },
                        {name, "4294967295 images", "more than the supported"});
        testdata::writeIdx(path(name), {100000000u, 100, 100}, std::vector<uint8_t>(100), gz);
        expectFileError([&] { loadIdx(path(name), path("labels1")); },
                        {name, "1000000000000 bytes", gz ? "can hold at most" : "holds only 100 bytes"});
    }

    void truncatedData() {
        // Plain: the file size check names both counts before reading.
        testdata::writeIdx(path("short"), {10, 4, 4}, std::vector<uint8_t>(150), false);
        expectFileError([&] { loadIdx(path("short"), path("labels1")); },
                        {"short", "160 bytes", "holds only 150 bytes"});
        // Gzip: the compressed size cannot tell, so the read reports the shortfall.
        testdata::writeIdx(path("short.gz"), {10, 4, 4}, std::vector<uint8_t>(150), true);
        expectFileError([&] { loadIdx(path("short.gz"), path("labels1")); },
                        {"short.gz", "truncated image data", "expected 160 bytes", "got 150"});
        // A gzip stream cut in the middle.
        testdata::writeIdx(path("cut.gz"), {10, 4, 4}, std::vector<uint8_t>(160, 7), true);
        auto size = std::filesystem::file_size(path("cut.gz"));
        std::filesystem::resize_file(path("cut.gz"), size - 12);
        expectFileError([&] { loadIdx(path("cut.gz"), path("labels1")); }, {"cut.gz"});
        // A header cut short.
        testdata::writeBytes(path("tiny"), {0, 0, 8, 3, 0, 0});
        expectFileError([&] { loadIdx(path("tiny"), path("labels1")); },
                        {"tiny", "truncated header", "expected 4 bytes", "got 2"});
    }

    // The gzip trailer (CRC-32 and length) is checked, and nothing may follow the stream.
    void gzipTrailerChecked() {
        const std::vector<uint8_t> pixels(160, 7);
        testdata::writeIdx(path("ok.gz"), {10, 4, 4}, pixels, true);
        testdata::writeIdx(path("labels10"), {10}, std::vector<uint8_t>(10, 1), false);
        QCOMPARE(loadIdx(path("ok.gz"), path("labels10")).size(), std::size_t(10));
        const auto bytes = readAll(path("ok.gz"));
        // Length field cut off: the data is complete, the trailer is not.
        writeAll(path("no-trailer.gz"), {bytes.begin(), bytes.end() - 4});
        expectFileError([&] { loadIdx(path("no-trailer.gz"), path("labels10")); },
                        {"no-trailer.gz", "gzip stream is cut short"});
        // Trailing garbage after a complete stream.
        auto garbage = bytes;
        for (char c : std::string("garbage")) garbage.push_back(static_cast<uint8_t>(c));
        writeAll(path("garbage.gz"), garbage);
        expectFileError([&] { loadIdx(path("garbage.gz"), path("labels10")); },
                        {"garbage.gz", "not gzip data follow the compressed stream"});
        // A wrong CRC-32 (the 4 bytes before the length).
        auto badCrc = bytes;
        badCrc[badCrc.size() - 8] ^= 0xFF;
        writeAll(path("bad-crc.gz"), badCrc);
        expectFileError([&] { loadIdx(path("bad-crc.gz"), path("labels10")); }, {"bad-crc.gz", "incorrect data check"});
        // Concatenated members are valid gzip: a second one continues the data, here past the header.
        testdata::writeIdx(path("empty.gz"), {}, {}, true);
        auto twoMembers = bytes;
        const auto second = readAll(path("empty.gz"));
        twoMembers.insert(twoMembers.end(), second.begin() + 0, second.end());
        writeAll(path("two.gz"), twoMembers);
        expectFileError([&] { loadIdx(path("two.gz"), path("labels10")); }, {"two.gz", "data continues after"});
    }

    // More data than the header announces is an error, plain or compressed.
    void dataPastTheHeader() {
        testdata::writeIdx(path("long"), {2, 2, 2}, std::vector<uint8_t>(9), false);
        testdata::writeIdx(path("labels2"), {2}, {0, 1}, false);
        expectFileError([&] { loadIdx(path("long"), path("labels2")); },
                        {"long", "data continues after the 2 images of 2x2x1 its header announces"});
    }

    // The ceiling is checked against the header's promise before anything is inflated or
    // allocated: 64 MB of zeros compress to 64 KB, far below deflate's ratio bound.
    void decodedSizeCeiling() {
        testdata::writeIdx(path("bomb.gz"), {1024, 256, 256}, std::vector<uint8_t>(64u << 20), true);
        QVERIFY(std::filesystem::file_size(path("bomb.gz")) < 200'000);
        testdata::writeIdx(path("labels1024"), {1024}, std::vector<uint8_t>(1024), false);
        LoadOptions options;
        options.maxDecodedBytes = 16u << 20;
        expectFileError([&] { loadIdx(path("bomb.gz"), path("labels1024"), options); },
                        {"bomb.gz", "1024 images of 256x256x1 = 67108864 bytes", "more than the limit of 16777216"});
        options.maxDecodedBytes = 64u << 20;
        QCOMPARE(loadIdx(path("bomb.gz"), path("labels1024"), options).size(), std::size_t(1024));
    }

    // A named pipe is refused from its type, before it is opened (opening it would block).
    void fifoIsRefused() {
        QCOMPARE(::mkfifo(path("pipe-ubyte").c_str(), 0600), 0);
        expectFileError([&] { loadIdx(path("pipe-ubyte"), path("labels1")); },
                        {"pipe-ubyte", "is a named pipe (FIFO), expected a regular file"});
    }

    void labelCountMustMatch() {
        testdata::writeIdx(path("img3"), {3, 2, 2}, std::vector<uint8_t>(12), false);
        testdata::writeIdx(path("labels4"), {4}, {0, 1, 2, 3}, false);
        expectFileError([&] { loadIdx(path("img3"), path("labels4")); }, {"labels4", "4 labels", "3 images"});
    }

    void missingFileAndDirectory() {
        expectFileError([&] { loadIdx(path("nope"), path("labels1")); }, {"nope", "does not exist"});
        std::filesystem::create_directories(path("adir"));
        expectFileError([&] { loadIdx(path("adir"), path("labels1")); }, {"adir", "is a directory"});
        expectFileError([&] { loadIdxFolder(path("adir")); }, {"adir", "no IDX training pair"});
    }

    void nonAsciiPath() {
        const std::string sub = path("数据集/时尚");
        std::filesystem::create_directories(sub);
        testdata::writeIdxPair(sub, "train", testdata::makeDataset(5, 3, 3, 1, 2), true);
        QCOMPARE(loadIdxFolder(sub).train.size(), std::size_t(5));
    }

    void subsetKeepsSourceIndex() {
        const std::string sub = path("subset");
        std::filesystem::create_directories(sub);
        testdata::writeIdxPair(sub, "train", testdata::makeDataset(10, 3, 3, 1, 2), false);
        const Dataset ds = loadIdxFolder(sub).train;
        const Dataset part = ds.subset({7, 2});
        QCOMPARE(part.size(), std::size_t(2));
        QCOMPARE(part.labels[0], ds.labels[7]);
        QVERIFY(QString::fromStdString(part.sourceOf(0)).endsWith("#7"));
        QVERIFY(QString::fromStdString(part.subset({1}).sourceOf(0)).endsWith("#2"));
        QVERIFY(std::equal(part.image(1), part.image(1) + 9, ds.image(2)));
    }

    void realFashionMnist() {
        const std::string folder = CONVSTUDIO_FASHION_DIR;
        if (!std::filesystem::exists(folder + "/train-images-idx3-ubyte.gz"))
            QFAIL("Fashion-MNIST is missing: install Debian's dataset-fashion-mnist (scripts/install-deps.sh)");
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        const DataSplits s = loadIdxFolder(folder);
        rusage after{};
        getrusage(RUSAGE_SELF, &after);
        QCOMPARE(s.train.size(), std::size_t(60000));
        QCOMPARE(s.test.size(), std::size_t(10000));
        QCOMPARE(s.train.height, 28);
        QCOMPARE(s.train.classNames[9], std::string("Ankle boot"));
        const std::size_t bytes = s.train.pixels.capacity() + s.test.pixels.capacity() +
                                  4 * (s.train.labels.capacity() + s.test.labels.capacity());
        qInfo("Fashion-MNIST: %.1f MB held, peak RSS grew by %.1f MB", bytes / 1e6,
              (after.ru_maxrss - before.ru_maxrss) / 1024.0);
        QVERIFY(bytes < 60'000'000);
        QVERIFY((after.ru_maxrss - before.ru_maxrss) * 1024 < 60'000'000);
    }
};

QTEST_APPLESS_MAIN(TestIdxLoader)
#include "test_idx_loader.moc"
