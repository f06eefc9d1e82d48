#include "designer/edge_item.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <cmath>

#include "designer/designer_metrics.h"
#include "designer/node_item.h"

namespace cs::gui {

EdgeItem::EdgeItem(NodeItem* source, NodeItem* target, int slot) : source_(source), target_(target), slot_(slot) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(-1);
    source_->addEdge(this);
    target_->addEdge(this);
    adjust();
}

EdgeItem::~EdgeItem() {
    if (source_) source_->removeEdge(this);
    if (target_) target_->removeEdge(this);
}

void EdgeItem::detach() {
    source_ = nullptr;
    target_ = nullptr;
}

QPainterPath EdgeItem::curve(QPointF a, QPointF b) {
    QPainterPath path(a);
    const double dy = b.y() - a.y();
    if (dy >= 20) {
        const double c = std::max(30.0, dy / 2);
        path.cubicTo(a + QPointF(0, c), b - QPointF(0, c), b);
    } else {
        // Target above the source (a back edge or a card dragged upwards): loop around the side.
        const double side = metrics::kCardWidth / 2 + 40;
        const double dir = b.x() >= a.x() ? 1 : -1;
        const double x = (dir > 0 ? std::max(a.x(), b.x()) : std::min(a.x(), b.x())) + dir * side;
        path.cubicTo(a + QPointF(0, 60), QPointF(x, a.y() + 60), QPointF(x, (a.y() + b.y()) / 2));
        path.cubicTo(QPointF(x, b.y() - 60), b - QPointF(0, 60), b);
    }
    return path;
}

QPainterPath EdgeItem::sideCurve(QPointF a, QPointF b, double laneX) {
    // Out of the port, over to a lane beside the cards in between, down, and back in.
    const double bend = 36;
    QPainterPath path(a);
    path.cubicTo(a + QPointF(0, bend), QPointF(laneX, a.y() + 4), QPointF(laneX, a.y() + bend + 20));
    path.lineTo(laneX, b.y() - bend - 20);
    path.cubicTo(QPointF(laneX, b.y() - 4), b - QPointF(0, bend), b);
    return path;
}

void EdgeItem::adjust() {
    if (!source_ || !target_) return;
    prepareGeometryChange();
    const QPointF a = source_->outputAnchor();
    const QPointF b = target_->inputAnchor(slot_);
    QPainterPath path = curve(a, b);
    if (scene() && b.y() - a.y() > metrics::kRowStep) {
        // An edge that skips rows (a residual connection) would run under the cards between
        // its ends: route it along a lane beside them, on the side of its input slot.
        QRectF blocked;
        for (QGraphicsItem* item : scene()->items(path, Qt::IntersectsItemShape)) {
            if (item->type() != NodeItem::Type || item == source_ || item == target_) continue;
            blocked |= item->sceneBoundingRect();
        }
        if (!blocked.isNull()) {
            const bool left = b.x() < target_->sceneBoundingRect().center().x() - 1;
            const double lane =
                left ? std::min({blocked.left(), a.x(), b.x()}) - 28 : std::max({blocked.right(), a.x(), b.x()}) + 28;
            path = sideCurve(a, b, lane);
        }
    }
    setPath(path);
}

void EdgeItem::setHighlighted(bool on) {
    if (highlighted_ == on) return;
    highlighted_ = on;
    update();
}

QPainterPath EdgeItem::shape() const {
    QPainterPathStroker s;
    s.setWidth(14);
    return s.createStroke(path());
}

QRectF EdgeItem::boundingRect() const { return QGraphicsPathItem::boundingRect().adjusted(-10, -10, 10, 10); }

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    QColor c(0x8a, 0x93, 0xa1);
    double w = 2;
    if (hovered_) c = QColor(0x5c, 0x66, 0x75);
    if (option->state & QStyle::State_Selected) {
        c = QColor(0x2f, 0x6f, 0xde);
        w = 3;
    }
    if (highlighted_) {
        c = QColor(0xf2, 0x99, 0x1d);
        w = 4;
    }
    p->setPen(QPen(c, w, Qt::SolidLine, Qt::RoundCap));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());

    // Arrow head just above the input port.
    const QPointF tip = path().pointAtPercent(1.0) - QPointF(0, metrics::kPortRadius);
    const double angle = path().angleAtPercent(0.98) * M_PI / 180.0;
    const QPointF dir(std::cos(angle), -std::sin(angle));
    const QPointF normal(-dir.y(), dir.x());
    QPolygonF head;
    head << tip << tip - dir * 9 + normal * 4.5 << tip - dir * 9 - normal * 4.5;
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    p->drawPolygon(head);
}

void EdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    hovered_ = true;
    update();
    QGraphicsPathItem::hoverEnterEvent(event);
}

void EdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    hovered_ = false;
    update();
    QGraphicsPathItem::hoverLeaveEvent(event);
}

}  // namespace cs::gui
