// FrameSource with the sources this machine has: an MJPG AVI the test writes and GStreamer's
// videotestsrc. Frames arrive, files pace at their rate or hand over every frame, ends and
// errors are reported, and a camera that does not exist fails within a second.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "inference/frame_source.h"
#include "inference_helpers.h"

using namespace cs;
using namespace std::chrono_literals;

class TestFrameSource : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string video(const char* name, int frames, double fps) {
        const std::string path = dir_.filePath(name).toStdString();
        if (!testing::writeTestVideo(path, frames, fps)) qFatal("OpenCV cannot write MJPG AVI here");
        return path;
    }

private slots:
    void parsesSources() {
        QCOMPARE(int(SourceSpec::parse("0").kind), int(SourceSpec::Kind::Camera));
        QCOMPARE(SourceSpec::parse(" 2 ").camera, 2);
        QCOMPARE(SourceSpec::parse("camera:1").camera, 1);
        QCOMPARE(int(SourceSpec::parse("rtsp://cam.local/stream").kind), int(SourceSpec::Kind::Url));
        QCOMPARE(int(SourceSpec::parse("videotestsrc ! appsink").kind), int(SourceSpec::Kind::Pipeline));
        QCOMPARE(int(SourceSpec::parse("gst:videotestsrc").kind), int(SourceSpec::Kind::Pipeline));
        QCOMPARE(int(SourceSpec::parse("/tmp/a b.avi").kind), int(SourceSpec::Kind::File));
        QCOMPARE(SourceSpec::parse("file:///tmp/0").location, std::string("/tmp/0"));
        QVERIFY_THROWS_EXCEPTION(CaptureError, SourceSpec::parse("   "));
        QVERIFY_THROWS_EXCEPTION(CaptureError, SourceSpec::parse("camera:x"));
        for (const char* text :
             {"3", "/tmp/v.avi", "http://h/x.mjpg", "videotestsrc ! videoconvert ! appsink", "gst:videotestsrc"}) {
            const SourceSpec s = SourceSpec::parse(text);
            const SourceSpec back = SourceSpec::parse(s.toString());
            QCOMPARE(int(back.kind), int(s.kind));
            QCOMPARE(back.location, s.location);
            QCOMPARE(back.camera, s.camera);
        }
        // A file literally named "0" keeps being a file.
        SourceSpec f;
        f.kind = SourceSpec::Kind::File;
        f.location = "0";
        QCOMPARE(int(SourceSpec::parse(f.toString()).kind), int(SourceSpec::Kind::File));
    }

    void videoFileDeliversEveryFrameWhenAsked() {
        const std::string path = video("every.avi", 40, 25);
        FrameSource source;
        CaptureOptions o;
        o.everyFrame = true;
        source.open(SourceSpec::parse(path), o);
        QCOMPARE(source.frameSize(), cv::Size(160, 120));
        int64_t last = 0;
        int seen = 0;
        Frame f;
        while (source.waitNewer(f, last, 2000ms)) {
            QCOMPARE(f.index, last + 1);  // none skipped
            QCOMPARE(f.image.type(), CV_8UC3);
            last = f.index;
            ++seen;
        }
        QCOMPARE(seen, 40);
        QCOMPARE(int(source.state()), int(SourceState::Ended));
        QVERIFY(QString::fromStdString(source.error().english()).contains("ended"));
    }

    void videoFilePlaysAtItsFrameRate() {
        const std::string path = video("paced.avi", 60, 50);
        FrameSource source;
        source.open(SourceSpec::parse(path));
        QElapsedTimer t;
        t.start();
        Frame f;
        int64_t last = 0;
        while (source.waitNewer(f, last, 2000ms)) last = f.index;
        const double seconds = t.elapsed() / 1000.0;
        QCOMPARE(last, int64_t(60));
        // 59 frame periods of 20 ms after the first: about 1.2 s, never as fast as decoding.
        QVERIFY2(seconds > 0.9 && seconds < 3.0, qPrintable(QString::number(seconds)));
    }

    void fileLoops() {
        const std::string path = video("loop.avi", 10, 200);
        FrameSource source;
        CaptureOptions o;
        o.loop = true;
        source.open(SourceSpec::parse(path), o);
        Frame f;
        int64_t last = 0;
        QElapsedTimer t;
        t.start();
        while (last < 25 && t.elapsed() < 5000)
            if (source.waitNewer(f, last, 500ms)) last = f.index;
        QVERIFY(last >= 25);
        QCOMPARE(int(source.state()), int(SourceState::Running));
        QVERIFY(source.fps() > 50);
    }

    void gstreamerPipelineDeliversFrames() {
        if (!testing::haveGStreamer())
            QFAIL(
                "OpenCV has no GStreamer backend: install Debian's libopencv-videoio406 (with libopencv-dev) and "
                "gstreamer1.0-plugins-base (scripts/install-deps.sh)");
        FrameSource source;
        source.open(SourceSpec::parse(testing::testPipeline(50, {200, 150})));
        QCOMPARE(source.frameSize(), cv::Size(200, 150));
        Frame f;
        int64_t last = 0;
        int seen = 0;
        while (source.waitNewer(f, last, 2000ms)) {
            QVERIFY(f.index > last);
            QCOMPARE(f.image.size(), cv::Size(200, 150));
            last = f.index;
            ++seen;
        }
        QVERIFY(seen >= 1);
        QCOMPARE(last, int64_t(50));  // the capture thread read them all, the consumer saw the newest
        QCOMPARE(int(source.state()), int(SourceState::Ended));
    }

    void latestNeverBlocks() {
        if (!testing::haveGStreamer())
            QFAIL(
                "OpenCV has no GStreamer backend: install Debian's libopencv-videoio406 (with libopencv-dev) and "
                "gstreamer1.0-plugins-base (scripts/install-deps.sh)");
        FrameSource source;
        // A paced pipeline: ~30 fps like a camera.
        source.open(
            SourceSpec::parse("videotestsrc pattern=snow ! video/x-raw,width=64,height=48,framerate=30/1 ! "
                              "videoconvert ! video/x-raw,format=BGR ! appsink"));
        QElapsedTimer t;
        t.start();
        Frame f;
        int got = 0;
        for (int i = 0; i < 1000; ++i)
            if (source.latest(f, f.index)) ++got;
        QVERIFY2(t.elapsed() < 200, "latest() waited for the camera");
        QVERIFY(got >= 1);
        QTest::qWait(300);
        QVERIFY(source.fps() > 10 && source.fps() < 60);
        t.restart();
        source.close();
        QVERIFY(t.elapsed() < 1000);
        QCOMPARE(int(source.state()), int(SourceState::Closed));
    }

    void missingCameraFailsWithinASecond() {
        QElapsedTimer t;
        t.start();
        FrameSource source;
        try {
            source.open(SourceSpec::cameraIndex(7));
            QFAIL("camera 7 opened on a machine without cameras");
        } catch (const CaptureError& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains("camera 7"));
        }
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed()) + " ms"));
        QCOMPARE(int(source.state()), int(SourceState::Closed));
    }

    void badFilesSayWhatIsWrong() {
        FrameSource source;
        try {
            source.open(SourceSpec::parse(dir_.filePath("missing.avi").toStdString()));
            QFAIL("opened a missing file");
        } catch (const CaptureError& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains("does not exist"));
        }
        const QString junk = dir_.filePath("junk.avi");
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("this is not a video");
        j.close();
        QVERIFY_THROWS_EXCEPTION(CaptureError, source.open(SourceSpec::parse(junk.toStdString())));
        QVERIFY_THROWS_EXCEPTION(CaptureError, source.open(SourceSpec::parse(dir_.path().toStdString())));
        if (testing::haveGStreamer())
            QVERIFY_THROWS_EXCEPTION(CaptureError, source.open(SourceSpec::parse("nosuchelement ! appsink")));
    }

    void listingCamerasIsQuick() {
        QElapsedTimer t;
        t.start();
        const auto cams = listCameras(3);
        QVERIFY(t.elapsed() < 3000);
        for (int c : cams) QVERIFY(c >= 0 && c < 3);
    }
};

QTEST_GUILESS_MAIN(TestFrameSource)
#include "test_frame_source.moc"
