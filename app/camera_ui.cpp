#include "camera_ui.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QTabWidget>

#include "camera/camera_panel.h"
#include "camera_controller.h"
#include "designer/model_document.h"
#include "main_window.h"
#include "training_controller.h"

namespace cs::gui {

namespace {

// A small video-camera glyph for the page tab (drawn: the shared icon set has none yet).
QIcon cameraIcon() {
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x3b, 0x7d, 0xd8));
    p.drawRoundedRect(QRectF(3, 9, 19, 15), 3, 3);
    p.drawPolygon(QPolygonF({QPointF(22, 14), QPointF(29, 10), QPointF(29, 23), QPointF(22, 19)}));
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(12.5, 16.5), 4, 4);
    return QIcon(pm);
}

}  // namespace

CameraController* installCameraUi(MainWindow& window, ModelDocument& doc, TrainingController* training) {
    auto* panel = new CameraPanel;
    auto* camera = new CameraController(panel, &doc, panel);
    // A page rather than a dock: live video wants the room of the central area.
    window.addPage(panel, cameraIcon(), QCoreApplication::translate("CameraUi", "Camera"));

    QAction* show = new QAction(cameraIcon(), QCoreApplication::translate("CameraUi", "Live &Camera"), panel);
    show->setObjectName(QStringLiteral("actionLiveCamera"));
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    show->setStatusTip(QCoreApplication::translate(
        "CameraUi", "Classify a camera, video file or stream live, and capture training images"));
    QObject::connect(show, &QAction::triggered, panel, [&window, panel] {
        window.showPage(panel);
        panel->startButton()->setFocus();
    });
    window.menu(MainWindow::Menu::View)->addAction(show);
    window.addAction(show);  // the shortcut works whatever has the focus

    if (training) {
        QObject::connect(training, &TrainingController::finished, camera,
                         [camera](const RunSummary&, std::shared_ptr<const ModelFile> trained) {
                             if (trained && trained->hasWeights()) camera->setModel(*trained);
                         });
        QObject::connect(camera, &CameraController::probeImageReady, training,
                         [&window, training, camera](const ProbeImage& image) {
                             training->setProbeImage(image);
                             training->probeIdle(camera->model());
                             // The feature-map view, when the studio has one.
                             if (auto* inspect = window.findChild<QWidget*>(QStringLiteral("inspectPage")))
                                 window.showPage(inspect);
                         });
        panel->setProbeAvailable(true);
    } else {
        panel->setProbeAvailable(false,
                                 QCoreApplication::translate("CameraUi", "Feature maps need the training panel"));
    }
    return camera;
}

}  // namespace cs::gui
