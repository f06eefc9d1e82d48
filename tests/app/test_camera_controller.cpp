// CameraController with real sources (an MJPG AVI the test writes, GStreamer's videotestsrc)
// and a real model: frames reach the view, predictions equal the engine's on the same frame,
// the GUI thread never stalls on the camera, a missing camera fails fast with Retry, a video
// that ends says so, captures land in class folders (duplicates skipped, the project adopts
// the folder), and a new model changes the live predictions.
#include <QDir>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <opencv2/videoio/registry.hpp>

#include "camera/camera_panel.h"
#include "camera/camera_view.h"
#include "camera/capture_panel.h"
#include "camera_controller.h"
#include "dataset_session.h"
#include "designer/model_document.h"
#include "graph/model.h"
#include "inference/classifier.h"

using namespace cs;
using namespace cs::gui;

namespace {

ModelFile trainedModel(uint64_t seed, std::vector<std::string> classes) {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", 16}, {"width", 16}, {"channels", 3}}},
                                     {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                     {"MaxPooling2D", {{"pool_size", 2}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", int(classes.size())}, {"activation", "softmax"}}}});
    f.seed = seed;
    Model m(f.graph, f.seed);
    storeWeights(m, f);
    f.preprocessing.height = f.preprocessing.width = 16;
    f.preprocessing.channels = 3;
    f.preprocessing.scaling = Scaling::Standardize;
    f.preprocessing.mean = {0.4f, 0.5f, 0.6f};
    f.preprocessing.stdev = {0.25f, 0.3f, 0.2f};
    f.preprocessing.invert = true;
    f.classNames = std::move(classes);
    return f;
}

cv::Mat frameAt(int i) {
    cv::Mat m(120, 160, CV_8UC3, cv::Scalar(40, 90, 140));
    cv::rectangle(m, cv::Rect((i * 5) % 120, 30, 40, 50), cv::Scalar((i * 30) % 256, 220, 60), cv::FILLED);
    cv::circle(m, cv::Point(120 - (i * 3) % 100, 80), 18, cv::Scalar(250, 250, (i * 50) % 256), cv::FILLED);
    return m;
}

bool writeVideo(const QString& path, int frames, double fps) {
    cv::VideoWriter w(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, cv::Size(160, 120));
    if (!w.isOpened()) return false;
    for (int i = 0; i < frames; ++i) w.write(frameAt(i));
    return true;
}

cv::Mat toMat(const QImage& image) {
    const QImage bgr = image.convertToFormat(QImage::Format_BGR888);
    return cv::Mat(bgr.height(), bgr.width(), CV_8UC3, const_cast<uchar*>(bgr.constBits()), bgr.bytesPerLine()).clone();
}

}  // namespace

class TestCameraController : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString video_;

    struct Rig {
        ModelDocument doc;
        CameraPanel panel;
        CameraController camera{&panel, &doc};
        explicit Rig(const ModelFile& model) {
            doc.reset(model);
            camera.setInteractive(false);
            panel.resize(900, 600);
            panel.show();
        }
        bool waitState(CameraController::State s, int ms = 5000) {
            QElapsedTimer t;
            t.start();
            while (camera.state() != s && t.elapsed() < ms) QTest::qWait(10);
            return camera.state() == s;
        }
    };

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        video_ = dir_.filePath("clip.avi");
        QVERIFY(writeVideo(video_, 90, 30));
    }

    void framesAndPredictionsFromAVideoFile() {
        Rig rig(trainedModel(3, {"red", "green", "blue"}));
        QSignalSpy frames(&rig.camera, &CameraController::frameShown);
        QSignalSpy predictions(&rig.camera, &CameraController::predictionShown);
        rig.camera.open(video_);
        QCOMPARE(rig.camera.state(), CameraController::State::Opening);
        QVERIFY(rig.waitState(CameraController::State::Running));
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 10, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(predictions.count() >= 5, 5000);
        const LivePrediction p = rig.camera.lastPrediction();
        QCOMPARE(p.frameSize, QSize(160, 120));
        QCOMPARE(p.roi, CameraView::roiInFrame(QRectF(), QSize(160, 120)));
        QCOMPARE(p.networkView.size(), QSize(16, 16));
        QCOMPARE(p.top.size(), 3);
        QVERIFY(p.fps > 5);
        QVERIFY(p.captureFps > 5);
        QVERIFY(!rig.panel.view()->frame().isNull());

        // Freeze: the frozen frame is classified as a still; its probabilities are the
        // engine's own for that frame's ROI.
        predictions.clear();
        rig.camera.setFrozen(true);
        QVERIFY(rig.camera.isFrozen());
        QTRY_VERIFY_WITH_TIMEOUT(!predictions.isEmpty() && rig.camera.lastPrediction().still, 3000);
        const QImage frozen = rig.camera.currentFrame();
        Classifier engine(rig.doc.file());
        const cv::Mat frame = toMat(frozen);
        const QRect r = rig.panel.view()->roiInFrame();
        const std::vector<float> expected = engine.probabilities(frame(cv::Rect(r.x(), r.y(), r.width(), r.height())));
        const LivePrediction still = rig.camera.lastPrediction();
        for (const ClassBar& b : still.top) QVERIFY(std::abs(b.probability - expected[b.index]) < 1e-5f);

        // Moving the ROI while frozen re-classifies the same frame.
        predictions.clear();
        rig.panel.view()->setRoi(QRectF(0, 0, 0.5, 0.5));
        emit rig.panel.view()->roiChanged(QRectF(0, 0, 0.5, 0.5));
        QTRY_VERIFY_WITH_TIMEOUT(!predictions.isEmpty(), 3000);
        QCOMPARE(rig.camera.lastPrediction().roi, QRect(0, 0, 80, 60));
        const std::vector<float> corner = engine.probabilities(frame(cv::Rect(0, 0, 80, 60)));
        for (const ClassBar& b : rig.camera.lastPrediction().top)
            QVERIFY(std::abs(b.probability - corner[b.index]) < 1e-5f);
        const QImage stillFrame = rig.camera.currentFrame();
        QTest::qWait(200);
        QCOMPARE(rig.camera.currentFrame(), stillFrame);  // frozen: the view keeps its frame

        rig.camera.setFrozen(false);
        rig.camera.stop();
        QCOMPARE(rig.camera.state(), CameraController::State::Idle);
        QVERIFY(rig.panel.view()->frame().isNull());
    }

    void guiThreadNeverWaitsForTheCamera() {
        if (!cv::videoio_registry::hasBackend(cv::CAP_GSTREAMER))
            QFAIL(
                "OpenCV has no GStreamer backend: install Debian's libopencv-videoio406 (with libopencv-dev) and "
                "gstreamer1.0-plugins-base (scripts/install-deps.sh)");
        Rig rig(trainedModel(3, {"a", "b", "c"}));
        // The longest gap between two 5 ms timer ticks while opening and running a live source.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, worst = 0;
        QTimer ticker;
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
        ticker.start();
        rig.camera.open(
            QStringLiteral("videotestsrc pattern=ball is-live=true ! video/x-raw,width=320,height=240,"
                           "framerate=30/1 ! videoconvert ! video/x-raw,format=BGR ! appsink"));
        QVERIFY(rig.waitState(CameraController::State::Running));
        QTRY_VERIFY_WITH_TIMEOUT(rig.camera.lastPrediction().isValid(), 5000);
        QTest::qWait(1000);
        rig.camera.stop();
        QTest::qWait(50);
        QVERIFY2(worst < 150, qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(worst)));
        const LivePrediction p = rig.camera.lastPrediction();
        Q_UNUSED(p);
    }

    void missingCameraFailsFastWithRetry() {
        Rig rig(trainedModel(3, {"a", "b", "c"}));
        QSignalSpy errors(&rig.camera, &CameraController::error);
        QElapsedTimer t;
        t.start();
        rig.camera.open(QStringLiteral("7"));
        QVERIFY(rig.waitState(CameraController::State::Failed, 3000));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(errors.count(), 1);
        CameraView* view = rig.panel.view();
        QVERIFY(view->message().contains(QStringLiteral("camera 7"), Qt::CaseInsensitive));
        QCOMPARE(int(view->messageKind()), int(CameraView::MessageKind::Error));
        QVERIFY(view->retryButton()->isVisible());
        QTest::mouseClick(view->retryButton(), Qt::LeftButton);
        QCOMPARE(rig.camera.state(), CameraController::State::Opening);
        QVERIFY(rig.waitState(CameraController::State::Failed, 3000));
        QCOMPARE(errors.count(), 2);
        // A bad file says what is wrong.
        rig.camera.open(dir_.filePath("nothing.avi"));
        QVERIFY(rig.waitState(CameraController::State::Failed, 3000));
        QVERIFY(view->message().contains(QStringLiteral("does not exist")));
    }

    void aVideoThatEndsSaysSoAndPlaysAgain() {
        const QString shortClip = dir_.filePath("short.avi");
        QVERIFY(writeVideo(shortClip, 12, 60));
        Rig rig(trainedModel(3, {"a", "b", "c"}));
        rig.panel.setLoopFiles(false);
        rig.camera.open(shortClip);
        QVERIFY(rig.waitState(CameraController::State::Running));
        QVERIFY(rig.waitState(CameraController::State::Failed, 5000));
        CameraView* view = rig.panel.view();
        QCOMPARE(int(view->messageKind()), int(CameraView::MessageKind::Ended));
        QVERIFY(view->message().contains(QStringLiteral("ended")));
        QVERIFY(!view->frame().isNull());  // the last frame stays in view
        QTest::mouseClick(view->retryButton(), Qt::LeftButton);
        QVERIFY(rig.waitState(CameraController::State::Running));
    }

    void capturesIntoClassFolders() {
        QTemporaryDir work;
        const QString folder = work.filePath("captures");
        Rig rig(trainedModel(3, {"a", "b", "c"}));
        rig.camera.setCaptureFolder(folder);
        QCOMPARE(rig.camera.captureFolder(), folder);
        QVERIFY(rig.camera.addClass(QStringLiteral("apple")));
        QVERIFY(rig.camera.addClass(QStringLiteral("pear")));
        QVERIFY(!rig.camera.addClass(QStringLiteral("test")));  // reserved for splits
        QCOMPARE(rig.panel.capture()->classes().keys(), (QStringList{"apple", "pear"}));
        // Adding a class made the capture folder the project's dataset.
        QCOMPARE(QString::fromStdString(rig.doc.file().project["dataset"].get<std::string>()), folder);

        rig.camera.open(video_);
        QVERIFY(rig.waitState(CameraController::State::Running));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.panel.view()->frame().isNull(), 3000);

        // Two shots of one frozen frame: the second is a near-duplicate.
        rig.camera.setFrozen(true);
        QSignalSpy captured(&rig.camera, &CameraController::captured);
        rig.camera.captureOnce(QStringLiteral("apple"));
        QTRY_COMPARE_WITH_TIMEOUT(captured.count(), 1, 3000);
        rig.camera.captureOnce(QStringLiteral("apple"));
        QTRY_COMPARE_WITH_TIMEOUT(captured.count(), 2, 3000);
        QVERIFY(captured[0][0].value<CaptureOutcome>().saved);
        QVERIFY(captured[1][0].value<CaptureOutcome>().duplicate);
        rig.camera.setFrozen(false);

        // Hold to record on the moving video.
        rig.camera.setRecording(true, QStringLiteral("pear"), 20);
        QTest::qWait(600);
        rig.camera.setRecording(false);
        QTRY_COMPARE_WITH_TIMEOUT(rig.camera.pendingSaves(), 0, 3000);
        const int pears = int(QDir(folder + "/pear").entryList({"*.png"}, QDir::Files).size());
        QVERIFY2(pears >= 4, qPrintable(QString::number(pears)));
        QCOMPARE(int(QDir(folder + "/apple").entryList({"*.png"}, QDir::Files).size()), 1);
        QCOMPARE(rig.panel.capture()->classes().value(QStringLiteral("pear")), pears);
        QCOMPARE(rig.panel.capture()->classes().value(QStringLiteral("apple")), 1);
        // The saved image is the ROI of the frame.
        const QString first = QDir(folder + "/apple").entryInfoList({"*.png"}, QDir::Files).front().filePath();
        const QRect roi = CameraView::roiInFrame(QRectF(), QSize(160, 120));
        QCOMPARE(QImage(first).size(), roi.size());
        rig.camera.stop();
    }

    void predictionsFollowANewModel() {
        Rig rig(trainedModel(3, {"a", "b", "c"}));
        rig.camera.open(video_);
        QVERIFY(rig.waitState(CameraController::State::Running));
        QTRY_VERIFY_WITH_TIMEOUT(rig.camera.lastPrediction().isValid(), 5000);
        QVERIFY(QStringList({"a", "b", "c"}).contains(rig.camera.lastPrediction().top.front().name));
        // "Training" finished: two classes of captures.
        rig.camera.setModel(trainedModel(9, {"disc", "bar"}));
        QTRY_VERIFY_WITH_TIMEOUT(QStringList({"disc", "bar"}).contains(rig.camera.lastPrediction().top.front().name),
                                 3000);
        QCOMPARE(rig.camera.lastPrediction().top.size(), 2);
        // More outputs than named classes (a 4-way model trained on two classes): the unnamed
        // outputs get no bars.
        ModelFile wide = trainedModel(11, {"disc", "bar", "x", "y"});
        wide.classNames = {"disc", "bar"};
        rig.camera.setModel(wide);
        QTest::qWait(300);
        QTRY_VERIFY_WITH_TIMEOUT(rig.camera.lastPrediction().isValid(), 3000);
        const LivePrediction w = rig.camera.lastPrediction();
        for (int i = 1; i < w.top.size(); ++i) QVERIFY(w.top[i].index < 2);
        // The document's model changes too (a project opened): predictions follow it.
        rig.doc.reset(trainedModel(5, {"x", "y", "z", "w"}));
        QTRY_VERIFY_WITH_TIMEOUT(rig.camera.lastPrediction().top.size() == 4, 3000);
        rig.camera.stop();
    }

    void untrainedModelStillShowsAndCaptures() {
        ModelFile untrained = trainedModel(3, {"a", "b"});
        untrained.weights.clear();
        Rig rig(untrained);
        QVERIFY(!rig.camera.hasClassifier());
        QVERIFY(rig.panel.view()->banner().contains(QStringLiteral("No trained model")));
        rig.camera.open(video_);
        QVERIFY(rig.waitState(CameraController::State::Running));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.panel.view()->frame().isNull(), 3000);
        QTest::qWait(200);
        QVERIFY(!rig.camera.lastPrediction().isValid());
        QVERIFY(rig.panel.capture()->captureButton()->isEnabled() || rig.panel.capture()->currentClass().isEmpty());
        // The ROI goes to the feature maps at the model's input size and channels.
        QSignalSpy probe(&rig.camera, &CameraController::probeImageReady);
        rig.camera.sendRoiToFeatureMaps();
        QCOMPARE(probe.count(), 1);
        const ProbeImage image = probe.front().front().value<ProbeImage>();
        QCOMPARE(image.width, 16);
        QCOMPARE(image.height, 16);
        QCOMPARE(image.channels, 3);
        QCOMPARE(int(image.pixels.size()), 16 * 16 * 3);
        rig.camera.stop();
    }

    void teardownWhileOpeningOrRunning() {
        // Destroyed while a source opens, and while one runs with captures being saved: no
        // hang, and no background job left running (the process would crash at exit).
        QElapsedTimer t;
        t.start();
        {
            Rig rig(trainedModel(3, {"a", "b", "c"}));
            rig.camera.open(video_);
        }
        {
            QTemporaryDir work;
            Rig rig(trainedModel(3, {"a", "b", "c"}));
            rig.camera.setCaptureFolder(work.filePath("c"));
            rig.camera.addClass(QStringLiteral("x"));
            rig.camera.open(video_);
            QVERIFY(rig.waitState(CameraController::State::Running));
            QTRY_VERIFY_WITH_TIMEOUT(!rig.panel.view()->frame().isNull(), 3000);
            rig.camera.setRecording(true, QStringLiteral("x"), 30);
            QTest::qWait(100);
        }
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }

    void snapshotSavesTheFrame() {
        Rig rig(trainedModel(3, {"a", "b", "c"}));
        const QString path = dir_.filePath("snap.png");
        QVERIFY(!rig.camera.saveSnapshot(path));  // nothing to save yet
        rig.camera.open(video_);
        QVERIFY(rig.waitState(CameraController::State::Running));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.panel.view()->frame().isNull(), 3000);
        QVERIFY(rig.camera.saveSnapshot(path));
        QCOMPARE(QImage(path).size(), QSize(160, 120));
        rig.camera.stop();
    }

    // Issue 14: the camera listens to the document's revisions instead of fingerprinting it.
    // Moving a layer leaves the classifier alone; trained weights (and their Undo) rebuild it.
    void modelFollowsTheDocumentsRevisions() {
        Rig rig(trainedModel(3, {"a", "b", "c"}));
        const int updates = rig.camera.modelUpdates();
        const int last = rig.doc.graph().nodes().back().id;
        rig.doc.moveNodes({{last, QPointF(400, 400)}});
        QCOMPARE(rig.camera.modelUpdates(), updates);
        const ModelFile before = rig.doc.file();
        ModelFile run = trainedModel(8, {"x", "y", "z"});
        run.history.push_back({{"stop_reason", "completed"}});
        rig.doc.applyTrained(run);
        QCOMPARE(rig.camera.modelUpdates(), updates + 1);
        QCOMPARE(rig.camera.model().classNames, run.classNames);
        const Tensor& kernel = run.weights.begin()->second;
        const Tensor& used = rig.camera.model().weights.begin()->second;
        QVERIFY(std::equal(kernel.data(), kernel.data() + kernel.size(), used.data()));
        rig.doc.undoStack()->undo();
        QCOMPARE(rig.camera.modelUpdates(), updates + 2);
        QCOMPARE(rig.camera.model().classNames, before.classNames);
        // A graph edit rebuilds it too (the weights may no longer fit).
        rig.doc.setOption(last, "units", 4);
        QCOMPARE(rig.camera.modelUpdates(), updates + 3);
    }

    // Issue 14: the camera shares the studio's dataset session. Images captured into the
    // project's image folder make the session load that folder again when next asked.
    void capturesMakeTheSharedDataLoadAgain() {
        QTemporaryDir work;
        const QString folder = work.filePath("shots");
        ModelDocument doc;
        doc.reset(trainedModel(3, {"a", "b", "c"}));
        CameraPanel panel;
        DatasetSession data;
        CameraController camera(&panel, &doc, &data);
        camera.setInteractive(false);
        camera.setCaptureFolder(folder);
        QVERIFY(camera.addClass(QStringLiteral("a")));
        QVERIFY(camera.addClass(QStringLiteral("b")));
        QCOMPARE(QString::fromStdString(doc.datasetSource()), folder);
        camera.open(video_);
        QTRY_COMPARE_WITH_TIMEOUT(camera.state(), CameraController::State::Running, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.view()->frame().isNull(), 5000);
        camera.setFrozen(true);  // one frame: the first capture of each class is saved
        QSignalSpy captured(&camera, &CameraController::captured);
        const auto saveOne = [&](const char* cls) {
            captured.clear();
            camera.captureOnce(QString::fromLatin1(cls));
            return (!captured.isEmpty() || captured.wait(10000)) && captured[0][0].value<CaptureOutcome>().saved;
        };
        QVERIFY(saveOne("a"));
        QVERIFY(saveOne("b"));
        const Preprocessing& pre = doc.file().preprocessing;
        QVERIFY(data.ensure(folder, pre));
        QVERIFY(data.waitForIdle());
        QVERIFY(data.hasDataFor(folder, pre));
        QCOMPARE(data.data()->train.size(), std::size_t(2));
        QVERIFY(camera.addClass(QStringLiteral("c")));
        QVERIFY(saveOne("c"));
        QVERIFY(!data.hasDataFor(folder, pre));  // stale: the folder has another image
        QVERIFY(data.ensure(folder, pre));
        QVERIFY(data.waitForIdle());
        QCOMPARE(data.data()->train.size(), std::size_t(3));
        QCOMPARE(data.loadCount(), 2);
        camera.stop();
    }

    // Issue 14: "Feature Maps" sends the region exactly as the classifier prepares it, also for
    // a BGRA frame, so the Inspect page shows the input the classifier saw.
    void featureMapsSeeWhatTheClassifierSees() {
        cv::Mat bgra(120, 160, CV_8UC4);
        cv::randu(bgra, cv::Scalar::all(0), cv::Scalar::all(256));
        const QRectF roi(0.1, 0.2, 0.5, 0.6);
        const QRect r = CameraView::roiInFrame(roi, QSize(160, 120));
        for (int channels : {3, 1}) {
            ModelFile model = trainedModel(3, {"a", "b", "c"});
            if (channels == 1) {
                model.graph.nodes().front().options["channels"] = 1;
                storeWeights(Model(model.graph, 3), model);
                model.preprocessing.channels = 1;
                model.preprocessing.mean = {0.5f};
                model.preprocessing.stdev = {0.25f};
            }
            const Classifier classifier(model);
            const Preprocessing& pre = model.preprocessing;
            const ProbeImage probe = CameraController::probeOf(bgra, roi, pre);
            QCOMPARE(probe.channels, channels);
            QCOMPARE(probe.height, pre.height);
            QCOMPARE(probe.width, pre.width);
            const std::size_t n = std::size_t(channels) * pre.height * pre.width;
            std::vector<float> seen(n), shown(n);
            classifier.prepare(bgra(cv::Rect(r.x(), r.y(), r.width(), r.height())), seen.data());
            pre.toFloat(probe.pixels.data(), shown.data());
            QVERIFY2(seen == shown, qPrintable(QStringLiteral("%1 channel(s)").arg(channels)));
        }
    }
};

QTEST_MAIN(TestCameraController)
#include "test_camera_controller.moc"
