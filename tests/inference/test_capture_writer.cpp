// CaptureWriter: frames land as image files in class folders the image-folder loader reads,
// near-duplicates are skipped, blur is flagged, class names that would break the dataset are
// refused, and a train/val/test layout gets its captures in train/.
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include "data/capture_writer.h"
#include "data/image_folder_loader.h"
#include "inference/classifier.h"
#include "inference_helpers.h"

using namespace cs;

namespace {

int filesIn(const QString& dir) { return int(QDir(dir).entryList(QDir::Files).size()); }

cv::Mat checkerboard(int size, int cell) {
    cv::Mat m(size, size, CV_8UC3);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            m.at<cv::Vec3b>(y, x) = ((x / cell + y / cell) % 2) ? cv::Vec3b(240, 240, 240) : cv::Vec3b(20, 20, 20);
    return m;
}

}  // namespace

class TestCaptureWriter : public QObject {
    Q_OBJECT

private slots:
    void writesFilesPerClassAndSkipsDuplicates() {
        QTemporaryDir dir;
        const QString root = dir.filePath("captures");
        CaptureWriter w(root.toStdString());
        QVERIFY(w.classes().empty());

        int savedA = 0, skipped = 0;
        for (int i = 0; i < 6; ++i) {
            const CaptureResult r = w.save("apple", testing::syntheticFrame(i * 3, {160, 120}));
            QVERIFY(r.saved);
            QVERIFY(QFileInfo::exists(QString::fromStdString(r.path)));
            QCOMPARE(r.count, ++savedA);
        }
        // The same frame again, and with a little sensor-like noise: near-duplicates.
        cv::Mat last = testing::syntheticFrame(15, {160, 120});
        for (int i = 0; i < 3; ++i) {
            cv::Mat noise(last.size(), CV_16SC3), noisy;
            cv::randn(noise, 0, 2);  // zero-mean, like a still camera's
            cv::add(last, noise, noisy, cv::noArray(), CV_8UC3);
            const CaptureResult r = w.save("apple", noisy);
            QVERIFY(!r.saved);
            QVERIFY(r.difference >= 0 && r.difference <= 0.6);
            QCOMPARE(r.count, savedA);
            ++skipped;
        }
        // The same picture in another class is that class's first: saved.
        QVERIFY(w.save("pear", last).saved);
        QVERIFY(w.save("pear", testing::syntheticFrame(30, {160, 120})).saved);

        QCOMPARE(filesIn(root + "/apple"), 6);
        QCOMPARE(filesIn(root + "/pear"), 2);
        QCOMPARE(w.count("apple"), 6);
        QCOMPARE(w.count("pear"), 2);
        QCOMPARE(w.classes(), (std::vector<std::string>{"apple", "pear"}));
        // Nothing half-written is left, and a fresh writer counts the same from disk.
        QVERIFY(QDir(root + "/apple").entryList({"*.tmp*"}, QDir::Files).isEmpty());
        CaptureWriter again(root.toStdString());
        QCOMPARE(again.counts(), w.counts());

        // The engine's loader reads the captures as a two-class dataset.
        LoadOptions o;
        o.height = 28;
        o.width = 28;
        o.channels = 3;
        const DataSplits data = loadImageFolder(root.toStdString(), o);
        QCOMPARE(int(data.train.size()), 8);
        QCOMPARE(data.train.classNames, (std::vector<std::string>{"apple", "pear"}));
        QCOMPARE(skipped, 3);
    }

    void forgettingAllowsTheSameFrameAgain() {
        QTemporaryDir dir;
        CaptureWriter w(dir.path().toStdString());
        const cv::Mat f = testing::syntheticFrame(1, {160, 120});
        QVERIFY(w.save("x", f).saved);
        QVERIFY(!w.save("x", f).saved);
        w.forgetLastFrames();
        QVERIFY(w.save("x", f).saved);
        CaptureSettings s = w.settings();
        s.duplicateThreshold = -1;  // keep everything
        w.setSettings(s);
        QVERIFY(w.save("x", f).saved);
        QCOMPARE(w.count("x"), 3);
    }

    void flagsBlurredFrames() {
        const cv::Mat sharp = checkerboard(200, 10);
        cv::Mat blurred;
        cv::GaussianBlur(sharp, blurred, cv::Size(0, 0), 8);
        QVERIFY2(sharpnessOf(sharp) > 0.2, qPrintable(QString::number(sharpnessOf(sharp))));
        QVERIFY2(sharpnessOf(blurred) < 0.05, qPrintable(QString::number(sharpnessOf(blurred))));
        // Contrast does not matter: the same scene at a quarter of the contrast scores alike.
        cv::Mat faint;
        sharp.convertTo(faint, -1, 0.25, 90);
        QVERIFY(std::abs(sharpnessOf(faint) - sharpnessOf(sharp)) < 0.3 * sharpnessOf(sharp));
        // A sharp object on a plain background is sharp; the same object motion-blurred is not.
        cv::Mat object(240, 320, CV_8UC3, cv::Scalar(70, 80, 90));
        cv::rectangle(object, cv::Rect(140, 100, 60, 40), cv::Scalar(200, 120, 60), cv::FILLED);
        cv::Mat smeared, diagonal = cv::Mat::eye(15, 15, CV_32F) / 15.0;  // a diagonal 15-pixel motion
        cv::filter2D(object, smeared, -1, diagonal);
        QVERIFY2(sharpnessOf(object) > 0.1, qPrintable(QString::number(sharpnessOf(object))));
        QVERIFY2(sharpnessOf(smeared) < 0.1, qPrintable(QString::number(sharpnessOf(smeared))));
        QTemporaryDir dir;
        CaptureWriter w(dir.path().toStdString());
        const CaptureResult a = w.save("c", sharp);
        QVERIFY(a.saved && !a.blurred);
        const CaptureResult b = w.save("c", blurred);
        QVERIFY(b.saved);  // blurred frames are kept, with a warning
        QVERIFY(b.blurred);
        QVERIFY(b.sharpness < a.sharpness);
    }

    void largeFramesAreScaledDown() {
        QTemporaryDir dir;
        CaptureWriter w(dir.path().toStdString());
        const CaptureResult r = w.save("big", testing::syntheticFrame(0, {640, 480}));
        const cv::Mat back = readImageFile(r.path);
        QCOMPARE(back.cols, 256);
        QCOMPARE(back.rows, 192);
        const CaptureResult g = w.save("gray", cv::Mat(50, 40, CV_8UC1, cv::Scalar(99)));
        QCOMPARE(readImageFile(g.path).channels(), 1);
    }

    void refusesBadClassNames() {
        QTemporaryDir dir;
        CaptureWriter w(dir.path().toStdString());
        for (const char* bad : {"", ".", "..", ".hidden", "a/b", "a\\b", "c:d", "train", "Test", "validation", " x"})
            QVERIFY2(!CaptureWriter::classNameProblem(bad).empty(), bad);
        QVERIFY_THROWS_EXCEPTION(Error, w.addClass("../escape"));
        QVERIFY_THROWS_EXCEPTION(Error, w.save("val", testing::syntheticFrame(0, {32, 32})));
        QVERIFY(CaptureWriter::classNameProblem("猫 cat 2").empty());
        w.addClass("猫 cat 2");
        QVERIFY(QDir(dir.filePath(QStringLiteral("猫 cat 2"))).exists());
        QCOMPARE(w.count("猫 cat 2"), 0);
        QCOMPARE(w.classes(), (std::vector<std::string>{"猫 cat 2"}));
        QVERIFY_THROWS_EXCEPTION(Error, w.save("x", cv::Mat()));
    }

    void splitLayoutCapturesIntoTrain() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("train/old"));
        QVERIFY(QDir(dir.path()).mkpath("test/old"));
        CaptureWriter w(dir.path().toStdString());
        QCOMPARE(QString::fromStdString(w.classRoot()), dir.filePath("train"));
        QCOMPARE(w.classes(), (std::vector<std::string>{"old"}));
        QVERIFY(w.save("new", testing::syntheticFrame(0, {64, 48})).saved);
        QCOMPARE(filesIn(dir.filePath("train/new")), 1);
        QVERIFY(!QDir(dir.filePath("new")).exists());
    }
};

QTEST_GUILESS_MAIN(TestCaptureWriter)
#include "test_capture_writer.moc"
