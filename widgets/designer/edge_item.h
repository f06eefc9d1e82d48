#pragma once
// A connection from one layer's output port to an input port of another, drawn as a curve
// with an arrow. Selectable (Delete disconnects) and a drop target (a layer dropped on it is
// inserted into it).
#include <QGraphicsPathItem>

namespace cs::gui {

class NodeItem;

class EdgeItem : public QGraphicsPathItem {
public:
    enum { Type = QGraphicsItem::UserType + 2 };
    int type() const override { return Type; }

    EdgeItem(NodeItem* source, NodeItem* target, int slot);
    ~EdgeItem() override;

    NodeItem* source() const { return source_; }
    NodeItem* target() const { return target_; }
    int slot() const { return slot_; }
    void detach();  // forget the cards (they are being destroyed)
    void adjust();
    void setHighlighted(bool on);

    // A curve between two points, as edges and the connection being dragged draw it.
    static QPainterPath curve(QPointF from, QPointF to);
    static QPainterPath sideCurve(QPointF from, QPointF to, double laneX);

    QPainterPath shape() const override;
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    NodeItem* source_;
    NodeItem* target_;
    int slot_;
    bool highlighted_ = false;
    bool hovered_ = false;
};

}  // namespace cs::gui
