// `convstudio-cli classify-stream` as a user runs it: one line (or JSON object) per classified
// frame with the top-1 class and confidence, then the FPS; errors on stderr with exit codes.
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "inference/classifier.h"
#include "inference_helpers.h"

using namespace cs;

class TestClassifyStreamCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString model_, video_;

    struct Run {
        int code = -1;
        QString out, err;
        qint64 ms = 0;
    };

    static Run cli(const QStringList& args, int timeoutMs = 60000) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(CONVSTUDIO_CLI, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()), t.elapsed()};
    }

private slots:
    void initTestCase() {
        model_ = dir_.filePath("tiny.csmodel");
        saveModelFile(model_.toStdString(), testing::tinyStreamModel());
        video_ = dir_.filePath("clip.avi");
        QVERIFY(testing::writeTestVideo(video_.toStdString(), 20, 25));
    }

    void textPrintsEachFrameThenFps() {
        const Run r = cli({"classify-stream", "--model", model_, "--source", video_, "--every-frame"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QVERIFY(lines.first().startsWith("source: video file"));
        QVERIFY(lines.first().contains("160x120"));
        int frames = 0;
        for (const QString& l : lines)
            if (l.startsWith("frame")) {
                ++frames;
                QVERIFY2(QRegularExpression(R"(^frame\s+\d+\s+(red|green|blue)\s+0\.\d{4})").match(l).hasMatch(),
                         qPrintable(l));
            }
        QCOMPARE(frames, 20);
        QVERIFY(lines.last().contains("FPS"));
        QVERIFY(lines.last().startsWith("20 frames classified"));
    }

    void jsonIsOneObjectPerFrameAndASummary() {
        const Run r = cli({"classify-stream", "--model", model_, "--source", video_, "--every-frame", "--json", "--roi",
                           "10,10,100,100", "--top", "2"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 21);
        Classifier reference(testing::tinyStreamModel());
        for (int i = 0; i < 20; ++i) {
            const auto j = nlohmann::json::parse(lines[i].toStdString());
            QCOMPARE(j["frame"].get<int>(), i + 1);
            QCOMPARE(j["roi"], nlohmann::json({10, 10, 100, 100}));
            QCOMPARE(j["top"].size(), std::size_t(2));
            QCOMPARE(j["class"].get<std::string>(), j["top"][0]["name"].get<std::string>());
            QVERIFY(j["confidence"].get<double>() > 0.3);
            QVERIFY(j.contains("inference_ms"));
        }
        const auto s = nlohmann::json::parse(lines.last().toStdString())["summary"];
        QCOMPARE(s["frames_classified"].get<int>(), 20);
        QCOMPARE(s["frames_dropped"].get<int>(), 0);
        QVERIFY(s["fps"].get<double>() > 0);
        QCOMPARE(s["stopped"].get<std::string>(), std::string("ended"));
    }

    void gstreamerSourceAndFrameLimit() {
        if (!testing::haveGStreamer())
            QFAIL(
                "OpenCV has no GStreamer backend: install Debian's libopencv-videoio406 (with libopencv-dev) and "
                "gstreamer1.0-plugins-base (scripts/install-deps.sh)");
        const Run r = cli({"classify-stream", "--model", model_, "--source",
                           QString::fromStdString(testing::testPipeline(1000)), "--frames", "15", "--json"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 16);
        const auto s = nlohmann::json::parse(lines.last().toStdString())["summary"];
        QCOMPARE(s["frames_classified"].get<int>(), 15);
        QCOMPARE(s["stopped"].get<std::string>(), std::string("stopped"));
    }

    void errorsAreClear() {
        Run r = cli({"classify-stream", "--model", model_, "--source", "9"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("camera 9 could not be opened"));
        // Fails instead of waiting for the camera (a hang would run to the 60 s timeout); the bound
        // is loose because an ASan build on a loaded machine takes several seconds just to start.
        QVERIFY2(r.ms < 20000, qPrintable(QString::number(r.ms)));
        r = cli({"classify-stream", "--model", model_});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--source"));
        r = cli({"classify-stream", "--model", model_, "--source", video_, "--roi", "1,2,3"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("x,y,w,h"));
        r = cli({"classify-stream", "--model", model_, "--source", video_, "--roi", "500,500,10,10"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("outside"));
        r = cli({"classify-stream", "--model", dir_.filePath("none.csmodel"), "--source", video_});
        QCOMPARE(r.code, 1);
    }
};

QTEST_GUILESS_MAIN(TestClassifyStreamCli)
#include "test_classify_stream_cli.moc"
