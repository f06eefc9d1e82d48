#include "camera_ui.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QPainter>
#include <QPushButton>

#include "camera/camera_panel.h"
#include "camera_controller.h"
#include "main_window.h"

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

CameraUi::CameraUi(MainWindow& window, ModelDocument& doc, DatasetSession& data, QObject* parent)
    : QObject(parent), panel_(new CameraPanel), camera_(new CameraController(panel_, &doc, &data, this)) {
    // (Translated in the "CameraUi" context its strings always had.)
    // A page rather than a dock: live video wants the room of the central area.
    window.addPage(panel_, cameraIcon(), QCoreApplication::translate("CameraUi", "Camera"));

    auto* show = new QAction(cameraIcon(), QCoreApplication::translate("CameraUi", "Live &Camera"), this);
    show->setObjectName(QStringLiteral("actionLiveCamera"));
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    show->setStatusTip(QCoreApplication::translate(
        "CameraUi", "Classify a camera, video file or stream live, and capture training images"));
    connect(show, &QAction::triggered, this, [&window, this] {
        window.showPage(panel_);
        panel_->startButton()->setFocus();
    });
    window.menu(MainWindow::Menu::View)->addAction(show);
    window.addAction(show);  // the shortcut works whatever has the focus
}

}  // namespace cs::gui
