#include "designer/designer_view.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "designer/designer_scene.h"
#include "designer/model_document.h"
#include "designer/node_item.h"

namespace cs::gui {

namespace {
constexpr double kMinZoom = 0.2;
constexpr double kMaxZoom = 3.0;
}  // namespace

DesignerView::DesignerView(DesignerScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setObjectName(QStringLiteral("designerView"));
    connect(scene_, &DesignerScene::nodeCreated, this, &DesignerView::revealNode);
    connect(scene_, &QGraphicsScene::changed, this, [this] {
        minimapDirty_ = true;
        if (!minimapRect().isEmpty()) viewport()->update();
    });
    // The empty-canvas hint is drawn in the foreground: repaint all when it comes or goes.
    connect(scene_->document(), &ModelDocument::checked, this, [this] {
        const bool empty = scene_->document()->graph().nodes().empty();
        if (empty != showedHint_) {
            showedHint_ = empty;
            viewport()->update();
        }
    });
    showedHint_ = scene_->document()->graph().nodes().empty();
}

void DesignerView::setZoom(double factor) {
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    if (std::abs(factor - zoom()) < 1e-6) return;
    setTransform(QTransform::fromScale(factor, factor));
    emit zoomChanged(factor);
}

void DesignerView::zoomIn() { setZoom(zoom() * 1.2); }
void DesignerView::zoomOut() { setZoom(zoom() / 1.2); }
void DesignerView::resetZoom() { setZoom(1.0); }

void DesignerView::zoomToFit() {
    QRectF r = scene_->itemsBoundingRect();
    if (r.isEmpty()) return;
    r.adjust(-40, -40, 40, 40);
    const double f = std::min(viewport()->width() / r.width(), viewport()->height() / r.height());
    setZoom(std::min(f, 1.0));
    centerOn(r.center());
}

void DesignerView::fitOnOpen() {
    const QRectF r = scene_->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    const double fit =
        std::min(viewport()->width() / std::max(1.0, r.width()), viewport()->height() / std::max(1.0, r.height()));
    // Below half size the layer names cannot be read: show the top half-size, the minimap the rest.
    setZoom(std::clamp(fit, 0.5, 1.0));
    centerOn(r.center().x(), r.top() + viewport()->height() / (2 * zoom()));
}

QRect DesignerView::minimapRect() const {
    const QRectF all = scene_->itemsBoundingRect();
    if (all.isEmpty() || mapToScene(viewport()->rect()).boundingRect().contains(all)) return {};
    const int h = std::min(int(viewport()->height() * 0.6), 240);
    const int w = std::min(int(h * all.width() / std::max(1.0, all.height())), 160);
    if (w < 16 || h < 16) return {};
    const double scale = std::min(double(w) / all.width(), double(h) / all.height());
    const QSize size(int(all.width() * scale), int(all.height() * scale));
    return QRect(QPoint(viewport()->width() - size.width() - 12, 12), size);
}

void DesignerView::drawMinimap(QPainter* p) {
    const QRect box = minimapRect();
    if (box.isEmpty()) return;
    const QRectF all = scene_->itemsBoundingRect();
    if (minimapDirty_ || minimap_.size() != box.size() * devicePixelRatioF()) {
        minimap_ = QPixmap(box.size() * devicePixelRatioF());
        minimap_.setDevicePixelRatio(devicePixelRatioF());
        minimap_.fill(QColor(255, 255, 255, 230));
        QPainter mp(&minimap_);
        mp.setRenderHint(QPainter::Antialiasing);
        scene_->render(&mp, QRectF(QPointF(0, 0), QSizeF(box.size())), all);
        minimapDirty_ = false;
    }
    p->save();
    p->resetTransform();
    p->drawPixmap(box.topLeft(), minimap_);
    p->setPen(QColor(0x7a, 0x82, 0x8e));
    p->drawRect(box.adjusted(0, 0, -1, -1));
    const double scale = box.width() / all.width();
    const QRectF seen = mapToScene(viewport()->rect()).boundingRect().intersected(all);
    p->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
    p->drawRect(QRectF(box.left() + (seen.left() - all.left()) * scale, box.top() + (seen.top() - all.top()) * scale,
                       seen.width() * scale, seen.height() * scale));
    p->restore();
}

void DesignerView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    // The minimap stays in its corner: a scroll that blits the viewport would move it along.
    if (!minimapRect().isEmpty()) viewport()->update();
}

void DesignerView::revealNode(int id) {
    if (NodeItem* item = scene_->nodeItem(id)) ensureVisible(item, 60, 60);
}

void DesignerView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DesignerView::mousePressEvent(QMouseEvent* event) {
    const QRect box = minimapRect();
    if (event->button() == Qt::LeftButton && box.contains(event->position().toPoint())) {
        const QRectF all = scene_->itemsBoundingRect();
        const QPointF at = event->position() - QPointF(box.topLeft());
        centerOn(all.left() + at.x() * all.width() / box.width(), all.top() + at.y() * all.height() / box.height());
        event->accept();
        return;
    }
    if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton) {
        panning_ = true;
        panMoved_ = event->button() == Qt::MiddleButton;
        panStart_ = pressPos_ = event->position().toPoint();
        if (panMoved_) viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignerView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        if (!panMoved_ && (event->position().toPoint() - pressPos_).manhattanLength() < 5) return;
        if (!panMoved_) viewport()->setCursor(Qt::ClosedHandCursor);
        panMoved_ = true;
        const QPoint d = event->position().toPoint() - panStart_;
        panStart_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignerView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_ && (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton)) {
        panning_ = false;
        viewport()->unsetCursor();
        event->accept();
        if (!panMoved_ && event->button() == Qt::RightButton)
            emit contextMenuRequested(event->globalPosition().toPoint(), mapToScene(event->position().toPoint()));
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DesignerView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            scene_->deleteSelection();
            event->accept();
            return;
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down: {
            const std::vector<int> ids = scene_->selectedNodeIds();
            if (ids.empty()) break;
            const double step = (event->modifiers() & Qt::ShiftModifier) ? 40 : 8;
            QPointF d;
            if (event->key() == Qt::Key_Left) d.rx() = -step;
            if (event->key() == Qt::Key_Right) d.rx() = step;
            if (event->key() == Qt::Key_Up) d.ry() = -step;
            if (event->key() == Qt::Key_Down) d.ry() = step;
            std::map<int, QPointF> pos;
            for (int id : ids) {
                const NodeSpec* n = scene_->document()->node(id);
                pos[id] = QPointF(n->x, n->y) + d;
            }
            scene_->document()->moveNodes(pos, true);
            event->accept();
            return;
        }
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            if (event->modifiers() & Qt::ControlModifier) break;
            zoomIn();
            return;
        case Qt::Key_Minus:
            if (event->modifiers() & Qt::ControlModifier) break;
            zoomOut();
            return;
        default:
            break;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignerView::drawBackground(QPainter* p, const QRectF& rect) {
    p->fillRect(rect, QColor(0xf3, 0xf4, 0xf7));
    if (zoom() < 0.45) return;
    constexpr double step = 24;
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    QVector<QPointF> dots;
    for (double x = left; x < rect.right(); x += step)
        for (double y = top; y < rect.bottom(); y += step) dots.push_back(QPointF(x, y));
    p->setPen(QPen(QColor(0xc9, 0xcd, 0xd6), 1.6 / zoom(), Qt::SolidLine, Qt::RoundCap));
    p->drawPoints(dots.data(), static_cast<int>(dots.size()));
}

void DesignerView::drawForeground(QPainter* p, const QRectF& rect) {
    if (!scene_->document()->graph().nodes().empty()) {
        drawMinimap(p);
        return;
    }
    // An empty model: say how to start, in the middle of the viewport.
    p->save();
    p->resetTransform();
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() + 3);
    p->setFont(f);
    p->setPen(QColor(0x7a, 0x82, 0x8e));
    p->drawText(viewport()->rect().adjusted(40, 0, -40, 0), Qt::AlignCenter | Qt::TextWordWrap,
                tr("Drag layers from the palette onto the canvas, starting with Input.\n"
                   "Connect them by dragging from an output port (bottom) to an input port (top)."));
    p->restore();
}

}  // namespace cs::gui
