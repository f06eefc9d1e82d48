#pragma once
// One layer on the canvas: a card with the layer's kind, name, key options, output shape and
// parameter count, an input port on top and an output port below, and a red badge carrying
// the engine's message when the layer cannot work. It mirrors a NodeSpec; it is not the model.
#include <QGraphicsObject>
#include <vector>

#include "graph/graph_check.h"
#include "graph/graph_spec.h"

namespace cs {
struct LayerInfo;
}

namespace cs::gui {

class EdgeItem;

class NodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 1 };
    int type() const override { return Type; }

    NodeItem(const NodeSpec& spec, const LayerInfo* info, QGraphicsItem* parent = nullptr);

    int nodeId() const { return id_; }
    void setSpec(const NodeSpec& spec, const LayerInfo* info);
    void setCheck(const NodeCheck* check);
    void setModelPos(QPointF pos);  // exactly where the document says (no grid snapping)
    bool hasError() const { return !error_.isEmpty(); }
    QString errorText() const { return error_; }
    QString optionsText() const { return options_; }
    QString shapeText() const { return shape_; }
    bool takesInput() const { return takesInput_; }
    bool isFrozen() const { return frozen_; }  // NodeSpec::trainable false: drawn hatched, with a lock
    int inputCount() const { return inputCount_; }

    // Ports, in scene coordinates.
    QPointF inputAnchor(int slot) const;
    QPointF outputAnchor() const;
    bool hitsOutputPort(QPointF scenePos) const;
    bool hitsInputPort(QPointF scenePos) const;
    int nearestInputSlot(QPointF scenePos) const;

    void setHighlighted(bool on);  // a drop or connection target under the mouse
    void addEdge(EdgeItem* e) { edges_.push_back(e); }
    const std::vector<EdgeItem*>& edges() const { return edges_; }
    void removeEdge(EdgeItem* e);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void updateToolTip();

    int id_;
    QString kind_, name_, category_, options_, shape_, params_, help_, error_;
    bool takesInput_ = true;
    bool multiInput_ = false;
    bool shapeKnown_ = false;
    bool frozen_ = false;
    int inputCount_ = 0;
    bool highlighted_ = false;
    bool placing_ = false;
    int hoverPort_ = 0;  // 0 none, 1 input, 2 output
    QGraphicsItem* badge_;
    std::vector<EdgeItem*> edges_;
};

}  // namespace cs::gui
