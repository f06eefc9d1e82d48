// The camera widgets on their own: the live view's ROI follows real mouse drags (move, resize
// with the model's aspect, clamped to the frame, reset by double click), the overlay draws the
// prediction, errors offer Retry; the capture panel and the camera panel emit what the user asks.
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "camera/camera_panel.h"
#include "camera/camera_view.h"
#include "camera/capture_panel.h"

using namespace cs::gui;

namespace {

QImage testFrame() {
    QImage img(640, 480, QImage::Format_RGB888);
    img.fill(QColor(70, 90, 110));
    return img;
}

LivePrediction prediction(bool uncertain) {
    LivePrediction p;
    p.frameSize = {640, 480};
    p.roi = QRect(128, 48, 384, 384);
    p.networkView = QImage(28, 28, QImage::Format_Grayscale8);
    p.networkView.fill(200);
    p.top = {{1, QStringLiteral("cat"), 0.8f}, {0, QStringLiteral("dog"), 0.15f}, {2, QStringLiteral("cow"), 0.05f}};
    p.uncertain = uncertain;
    p.minConfidence = uncertain ? 0.9f : 0.5f;
    p.fps = 29.5;
    p.inferenceMs = 1.25;
    p.captureFps = 30;
    return p;
}

}  // namespace

class TestCameraWidgets : public QObject {
    Q_OBJECT

private slots:
    void roiDefaultsToTheCentreSquare() {
        QCOMPARE(CameraView::roiInFrame(QRectF(), QSize(640, 480)), QRect(128, 48, 384, 384));
        QCOMPARE(CameraView::roiInFrame(QRectF(0.5, 0.5, 0.25, 0.25), QSize(640, 480)), QRect(320, 240, 160, 120));
    }

    void dragMovesTheRoiWithinTheFrame() {
        CameraView view;
        view.resize(640, 480);  // the frame fills it: widget pixels = frame pixels
        view.setFrame(testFrame());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy changed(&view, &CameraView::roiChanged);
        const QPoint centre(320, 240);
        QTest::mousePress(&view, Qt::LeftButton, {}, centre);
        QTest::mouseMove(&view, centre + QPoint(60, -20));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, centre + QPoint(60, -20));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(view.roiInFrame(), QRect(188, 28, 384, 384));
        // Far past the edge: clamped, size kept.
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(380, 220));
        QTest::mouseMove(&view, QPoint(630, 470));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(630, 470));
        QCOMPARE(view.roiInFrame(), QRect(256, 96, 384, 384));
        // A double click inside puts it back in the centre.
        QTest::mouseDClick(&view, Qt::LeftButton, {}, QPoint(400, 300));
        QVERIFY(view.roi().isEmpty());
        QCOMPARE(view.roiInFrame(), QRect(128, 48, 384, 384));
        // A press outside the ROI changes nothing.
        const int before = int(changed.count());
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(20, 20));
        QTest::mouseMove(&view, QPoint(80, 80));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(80, 80));
        QCOMPARE(int(changed.count()), before);
    }

    void cornerResizesWithTheModelsAspect() {
        CameraView view;
        view.resize(640, 480);
        view.setFrame(testFrame());
        view.setRoiAspect(1.0);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Bottom-right corner of the centre square is at (512, 432); drag it up-left.
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(512, 432));
        QTest::mouseMove(&view, QPoint(400, 350));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(400, 350));
        const QRect r = view.roiInFrame();
        QCOMPARE(r.topLeft(), QPoint(128, 48));  // the opposite corner stays
        QCOMPARE(r.width(), r.height());         // square, like a 28x28 input
        QCOMPARE(r.width(), 302);                // the larger of the two drag extents
        // A 2:1 model keeps 2:1.
        view.setRoiAspect(2.0);
        QTest::mousePress(&view, Qt::LeftButton, {}, r.topLeft());
        QTest::mouseMove(&view, QPoint(20, 200));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(20, 200));
        const QRect w = view.roiInFrame();
        QVERIFY(std::abs(w.width() - 2 * w.height()) <= 2);
        QCOMPARE(w.bottomRight(), r.bottomRight());
    }

    void overlayDrawsThePrediction() {
        CameraView view;
        view.resize(640, 480);
        view.setFrame(testFrame());
        const QImage plain = view.grab().toImage();
        view.setPrediction(prediction(false));
        const QImage drawn = view.grab().toImage();
        QVERIFY(plain != drawn);
        // The ROI's edge is green for a confident prediction, amber when uncertain.
        const QColor edge = drawn.pixelColor(128, 240);
        QVERIFY2(edge.green() > 180 && edge.red() < 120, qPrintable(edge.name()));
        view.setPrediction(prediction(true));
        const QColor amber = view.grab().toImage().pixelColor(128, 240);
        QVERIFY2(amber.red() > 200 && amber.blue() < 100, qPrintable(amber.name()));
        view.clearPrediction();
        QVERIFY(!view.prediction().isValid());
    }

    // "Show where it looks": a click on the check box asks the worker for heat maps and the view
    // draws the prediction's map over the region.
    void heatMapToggleDrawsTheMapOverTheRoi() {
        CameraPanel panel;
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        CameraView* view = panel.view();
        view->setFrame(testFrame());
        LivePrediction p = prediction(false);
        p.heatMap = QImage(4, 4, QImage::Format_RGB888);
        p.heatMap.fill(QColor(255, 0, 0));
        view->setPrediction(p);
        const QPoint centre = view->rect().center();
        const QColor before = view->grab().toImage().pixelColor(centre);
        auto* toggle = panel.findChild<QCheckBox*>(QStringLiteral("cameraHeatMap"));
        QVERIFY(toggle);
        QVERIFY(!panel.showsHeatMap());
        QSignalSpy settings(&panel, &CameraPanel::settingsChanged);
        QTest::mouseClick(toggle, Qt::LeftButton, {}, QPoint(8, toggle->height() / 2));
        QVERIFY(panel.showsHeatMap());
        QCOMPARE(settings.count(), 1);
        QVERIFY(view->heatMapShown());
        const QColor after = view->grab().toImage().pixelColor(centre);
        QVERIFY2(after.red() > before.red() + 50 && after.blue() < before.blue(),
                 qPrintable(before.name() + " -> " + after.name()));
        if (const QString dir = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(panel.grab().save(dir + QStringLiteral("/camera_heat_map_toggle.png")));
    }

    void errorsOfferRetry() {
        CameraView view;
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.retryButton()->isVisible());
        view.setMessage(QStringLiteral("camera 3 could not be opened"), CameraView::MessageKind::Error);
        QVERIFY(view.retryButton()->isVisible());
        QSignalSpy retry(&view, &CameraView::retryRequested);
        QTest::mouseClick(view.retryButton(), Qt::LeftButton);
        QCOMPARE(retry.count(), 1);
        view.setMessage(QStringLiteral("Opening…"), CameraView::MessageKind::Busy);
        QVERIFY(!view.retryButton()->isVisible());
        view.setMessage(QStringLiteral("The video has ended"), CameraView::MessageKind::Ended);
        QVERIFY(view.retryButton()->isVisible());
        view.setMessage({}, CameraView::MessageKind::Error);
        QCOMPARE(int(view.messageKind()), int(CameraView::MessageKind::None));
        QVERIFY(!view.retryButton()->isVisible());
    }

    void capturePanelAsksForClassesAndShots() {
        CapturePanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy add(&panel, &CapturePanel::addClassRequested);
        QTest::keyClicks(panel.newClassEdit(), QStringLiteral("train"));  // reserved
        QTest::keyClick(panel.newClassEdit(), Qt::Key_Return);
        QCOMPARE(add.count(), 0);
        QVERIFY(panel.statusText().contains(QStringLiteral("reserved")));
        panel.newClassEdit()->clear();
        QTest::keyClicks(panel.newClassEdit(), QStringLiteral(" thumbs up "));
        QTest::keyClick(panel.newClassEdit(), Qt::Key_Return);
        QCOMPARE(add.count(), 1);
        QCOMPARE(add.front().front().toString(), QStringLiteral("thumbs up"));
        QVERIFY(panel.newClassEdit()->text().isEmpty());

        panel.setClasses({{QStringLiteral("thumbs up"), 0}, {QStringLiteral("fist"), 4}});
        QVERIFY(!panel.captureButton()->isEnabled());  // no frame yet
        panel.setCaptureEnabled(true);
        QVERIFY(!panel.captureButton()->isEnabled());  // no class yet
        panel.selectClass(QStringLiteral("fist"));
        QVERIFY(panel.captureButton()->isEnabled());
        QSignalSpy shot(&panel, &CapturePanel::captureRequested);
        QTest::mouseClick(panel.captureButton(), Qt::LeftButton);
        QCOMPARE(shot.count(), 1);
        QCOMPARE(shot.front().front().toString(), QStringLiteral("fist"));

        QSignalSpy rec(&panel, &CapturePanel::recordingChanged);
        panel.setRecordRate(8);
        QTest::mousePress(panel.recordButton(), Qt::LeftButton);
        QVERIFY(panel.isRecording());
        QTest::mouseRelease(panel.recordButton(), Qt::LeftButton);
        QVERIFY(!panel.isRecording());
        QCOMPARE(rec.count(), 2);
        QCOMPARE(rec[0][0].toBool(), true);
        QCOMPARE(rec[0][1].toString(), QStringLiteral("fist"));
        QCOMPARE(rec[0][2].toDouble(), 8.0);
        QCOMPARE(rec[1][0].toBool(), false);

        // Counts follow the outcomes; the selection survives a refresh.
        CaptureOutcome o;
        o.className = QStringLiteral("fist");
        o.saved = true;
        o.path = QStringLiteral("/x/fist/capture-1.png");
        o.count = 5;
        panel.showOutcome(o);
        QCOMPARE(panel.classes().value(QStringLiteral("fist")), 5);
        QCOMPARE(panel.currentClass(), QStringLiteral("fist"));
        QCOMPARE(panel.classList()->findItems(QStringLiteral("fist"), Qt::MatchExactly).front()->text(1),
                 QStringLiteral("5"));
        o.saved = false;
        o.duplicate = true;
        panel.showOutcome(o);
        QVERIFY(panel.statusText().contains(QStringLiteral("nearly identical")));
        o.duplicate = false;
        o.saved = true;
        o.blurred = true;
        o.count = 6;
        panel.showOutcome(o);
        QVERIFY(panel.statusText().contains(QStringLiteral("blurred")));
        panel.setCaptureEnabled(false);
        QVERIFY(!panel.captureButton()->isEnabled());
    }

    void cameraPanelSources() {
        CameraPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCameras({0, 2});
        QComboBox* box = panel.sourceBox();
        QVERIFY(box->findText(QStringLiteral("Camera 2")) >= 0);
        box->setCurrentIndex(box->findText(QStringLiteral("Camera 2")));
        QCOMPARE(panel.sourceText(), QStringLiteral("2"));
        box->setCurrentIndex(box->findText(QStringLiteral("Test pattern (GStreamer)")));
        QVERIFY(panel.sourceText().contains(QStringLiteral("videotestsrc")));
        box->setEditText(QStringLiteral("/videos/clip.avi"));
        QCOMPARE(panel.sourceText(), QStringLiteral("/videos/clip.avi"));

        QSignalSpy start(&panel, &CameraPanel::startRequested);
        QSignalSpy stop(&panel, &CameraPanel::stopRequested);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QCOMPARE(start.count(), 1);
        QCOMPARE(start.front().front().toString(), QStringLiteral("/videos/clip.avi"));
        panel.setRunning(true);
        QCOMPARE(panel.startButton()->text(), QStringLiteral("Stop"));
        QVERIFY(!panel.sourceBox()->isEnabled());
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QCOMPARE(stop.count(), 1);
        panel.setRecentSources({QStringLiteral("/videos/older.avi")});
        QVERIFY(box->findText(QStringLiteral("/videos/older.avi")) >= 0);

        QSignalSpy settings(&panel, &CameraPanel::settingsChanged);
        panel.setPredictionSettings(3, 5, 0.7);
        QCOMPARE(panel.topK(), 3);
        QCOMPARE(panel.smoothing(), 5);
        QCOMPARE(panel.minConfidence(), 0.7);
        QCOMPARE(settings.count(), 1);
    }
};

QTEST_MAIN(TestCameraWidgets)
#include "test_camera_widgets.moc"
