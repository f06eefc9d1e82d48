// `convstudio-cli dataset ...` through runDatasetCommand: info (text and JSON), export and its
// round trip through the image-folder loader, preview-augment, usage and data errors.
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

// The command lives in the CLI executable; compile it into this test directly.
#include "../../app/cli/dataset_command.cpp"
#include "data/data_source.h"
#include "data/dataset_export.h"
#include "data/statistics.h"
#include "data_test_helpers.h"

namespace fs = std::filesystem;

class TestDatasetCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string out_, err_;
    std::string path(const std::string& name) const {
        return dir_.filePath(QString::fromStdString(name)).toStdString();
    }

    int run(const std::vector<std::string>& args) {
        std::ostringstream out, err;
        const int code = runDatasetCommand(args, out, err);
        out_ = out.str();
        err_ = err.str();
        return code;
    }

    std::string mnistFolder() {
        const std::string folder = path("mnist");
        if (!fs::exists(folder)) {
            fs::create_directories(folder);
            testdata::writeIdxPair(folder, "train", testdata::makeDataset(30, 8, 8, 1, 3), true);
            testdata::writeIdxPair(folder, "t10k", testdata::makeDataset(9, 8, 8, 1, 3, 5), true);
        }
        return folder;
    }

private slots:
    void infoText() {
        QCOMPARE(run({"info", mnistFolder()}), 0);
        QVERIFY2(out_.find("(idx)") != std::string::npos, out_.c_str());
        QVERIFY(out_.find("train: 30 images, 8x8x1, 3 classes, hash ") != std::string::npos);
        QVERIFY(out_.find("test: 9 images") != std::string::npos);
        QVERIFY(out_.find("Problems: 0") != std::string::npos);
    }

    void infoJson() {
        QCOMPARE(run({"info", mnistFolder(), "--json"}), 0);
        const auto j = nlohmann::json::parse(out_);  // exactly one JSON object
        QCOMPARE(j["format"].get<std::string>(), std::string("idx"));
        QCOMPARE(j["sets"]["train"]["count"].get<int>(), 30);
        QCOMPARE(j["sets"]["test"]["classes"].size(), std::size_t(3));
        QCOMPARE(j["sets"]["train"]["hash"].get<std::string>().size(), std::size_t(16));
        QVERIFY(j["problems"].empty());
    }

    void infoReportsProblems() {
        const std::string root = path("withbad");
        fs::create_directories(root + "/a");
        fs::create_directories(root + "/b");
        cv::imwrite(root + "/a/0.png", cv::Mat(4, 4, CV_8UC1, cv::Scalar(5)));
        cv::imwrite(root + "/b/0.png", cv::Mat(4, 4, CV_8UC1, cv::Scalar(9)));
        testdata::writeBytes(root + "/b/bad.jpg", {1, 2, 3});
        QCOMPARE(run({"info", root, "--json"}), 0);
        const auto j = nlohmann::json::parse(out_);
        QCOMPARE(j["problems"].size(), std::size_t(1));
        QVERIFY(j["problems"][0]["path"].get<std::string>().find("bad.jpg") != std::string::npos);
    }

    void exportRoundTrip() {
        const std::string to = path("exported");
        QCOMPARE(run({"export", mnistFolder(), "--to", to}), 0);
        QVERIFY(out_.find("Wrote 39 images") != std::string::npos);
        QVERIFY(fs::exists(to + "/train/2/29.png"));
        QVERIFY(fs::exists(to + "/test/0/0.png"));
        const cs::DataSplits original = cs::loadDataSource(mnistFolder());
        const cs::DataSplits back = cs::loadDataSource(to);
        QCOMPARE(back.train.size(), std::size_t(30));
        QCOMPARE(back.test.size(), std::size_t(9));
        QVERIFY(back.train.classNames == original.train.classNames);
        // Same pixels per class (the folder order groups by class, so compare class by class).
        std::vector<std::vector<uint8_t>> a(3), b(3);
        for (std::size_t i = 0; i < 30; ++i) {
            a[original.train.labels[i]].insert(a[original.train.labels[i]].end(), original.train.image(i),
                                               original.train.image(i) + 64);
            b[back.train.labels[i]].insert(b[back.train.labels[i]].end(), back.train.image(i),
                                           back.train.image(i) + 64);
        }
        QVERIFY(a == b);

        QCOMPARE(run({"export", "builtin", "--to", path("单一"), "--split", "test"}), 0);
        QVERIFY(fs::exists(path("单一/star/008.png")));
    }

    void exportSanitisesClassNames() {
        // Names that are not in sorted order and not valid folder names survive the round trip
        // through classes.txt.
        cs::Dataset ds = testdata::makeDataset(12, 5, 5, 3, 3);
        ds.classNames = {"T-shirt/top", "Trouser", "猫"};
        QCOMPARE(cs::exportImageFolder(ds, path("names")), std::size_t(12));
        QVERIFY(fs::exists(path("names/T-shirt_top/00.png")));
        const cs::DataSplits back = cs::loadDataSource(path("names"));
        QVERIFY(back.train.classNames == ds.classNames);
        QVERIFY(back.problems.empty());
        // Numbered files reload in the original order: same labels, pixels and content hash.
        QVERIFY(back.train.labels == ds.labels);
        QVERIFY(back.train.pixels == ds.pixels);
        QCOMPARE(cs::contentHash(back.train), cs::contentHash(ds));
        QCOMPARE(cs::folderNameForClass("T-shirt/top"), std::string("T-shirt_top"));
        QCOMPARE(cs::folderNameForClass(".hidden"), std::string("_hidden"));
        QCOMPARE(cs::folderNameForClass("猫"), std::string("猫"));
    }

    void previewAugment() {
        const std::string png = path("grid.png");
        QCOMPARE(run({"preview-augment", "builtin", "--out", png, "--index", "3", "--count", "7", "--seed", "5",
                      "--augment", "shift=0.1,rotate=15", "--augment", "noise=0.05@0.5"}),
                 0);
        QVERIFY2(out_.find("and 7 variants with shift=0.1@1,rotate=15@1,noise=0.05@0.5") != std::string::npos,
                 out_.c_str());
        const cv::Mat grid = cv::imread(png, cv::IMREAD_UNCHANGED);
        // 8 cells of 28x28 scaled 3x with 2-pixel gaps, one row of 8.
        QCOMPARE(grid.cols, 8 * (84 + 2) + 2);
        QCOMPARE(grid.rows, 84 + 4);
        std::string first = out_;
        QCOMPARE(run({"preview-augment", "builtin", "--out", path("grid2.png"), "--index", "3", "--count", "7",
                      "--seed", "5", "--augment", "shift=0.1,rotate=15", "--augment", "noise=0.05@0.5"}),
                 0);
        const cv::Mat again = cv::imread(path("grid2.png"), cv::IMREAD_UNCHANGED);
        QCOMPARE(cv::norm(grid, again, cv::NORM_INF), 0.0);  // same seed, same picture
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{"frobnicate", "x"} << "unknown command 'frobnicate'";
        QTest::newRow("no path") << QStringList{"info"} << "PATH is missing";
        QTest::newRow("unknown option") << QStringList{"info", "x", "--colour"} << "unknown option --colour";
        QTest::newRow("export without --to") << QStringList{"export", "x"} << "needs --to FOLDER";
        QTest::newRow("bad split") << QStringList{"export", "x", "--to", "y", "--split", "dev"} << "--split must be";
        QTest::newRow("bad count") << QStringList{"preview-augment", "builtin", "--out", "g.png", "--count", "0"}
                                   << "--count must be";
        QTest::newRow("bad augment") << QStringList{"preview-augment", "builtin",   "--out",
                                                    "g.png",           "--augment", "twirl"}
                                     << "unknown transform 'twirl'";
        QTest::newRow("bad format") << QStringList{"info", "x", "--format", "tiff"} << "unknown data format 'tiff'";
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> words;
        for (const auto& a : args) words.push_back(a.toStdString());
        QCOMPARE(run(words), 2);
        QVERIFY2(err_.find(message.toStdString()) != std::string::npos, err_.c_str());
        QVERIFY(err_.find("Usage: convstudio-cli dataset") != std::string::npos);
    }

    void dataErrors() {
        QCOMPARE(run({"info", path("does-not-exist")}), 1);
        QVERIFY(err_.find("does-not-exist: does not exist") != std::string::npos);
        QCOMPARE(run({"preview-augment", "builtin", "--out", path("g.png"), "--index", "999999"}), 1);
        QVERIFY2(err_.find("--index 999999 is outside the train set of 6000 images") != std::string::npos,
                 err_.c_str());
        QCOMPARE(run({"export", mnistFolder(), "--to", path("x"), "--split", "validation"}), 1);
        QVERIFY(err_.find("no 'validation' set") != std::string::npos);
        QCOMPARE(run({"--help"}), 0);
        QVERIFY(out_.find("--augment SPEC") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestDatasetCommand)
#include "test_dataset_command.moc"
