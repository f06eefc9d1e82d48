#pragma once
// The canvas contents. The scene mirrors the ModelDocument's signals (one card per node,
// one edge per input) and turns mouse gestures into document edits: dropping a palette
// layer (onto empty space, a card or an edge), dragging from port to port, moving cards,
// deleting, copy and paste. It never changes the graph except through the document.
#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <optional>
#include <vector>

namespace cs::gui {

class ModelDocument;
class NodeItem;
class EdgeItem;

class DesignerScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit DesignerScene(ModelDocument* doc, QObject* parent = nullptr);
    ~DesignerScene() override;

    ModelDocument* document() const { return doc_; }
    NodeItem* nodeItem(int id) const { return nodes_.value(id, nullptr); }
    EdgeItem* edgeItem(int to, int slot) const;
    QList<EdgeItem*> edgeItems() const;
    std::vector<int> selectedNodeIds() const;  // in graph order
    int currentNodeId() const;                 // the one selected card, or -1
    void selectNodes(const std::vector<int>& ids);

public slots:
    void deleteSelection();
    void copySelection();
    void cutSelection();
    void paste();
    void selectAllItems();
    // Double-click or Enter in the palette: the layer goes right after the selected card.
    int appendLayer(const QString& kind);

signals:
    void currentNodeChanged(int id);
    void nodeCreated(int id);  // by a gesture here; views scroll to it

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dropEvent(QGraphicsSceneDragDropEvent* event) override;

private:
    void rebuild();
    void addNodeItem(int id);
    void removeNodeItem(int id);
    void rebuildEdgesInto(int id);
    void refreshNode(int id);
    void applyCheck();
    void updateBounds();
    NodeItem* nodeAt(QPointF pos, const NodeItem* except = nullptr) const;
    EdgeItem* edgeAt(QPointF pos) const;
    void setDropTarget(NodeItem* node, EdgeItem* edge);
    void finishConnection(QPointF pos);

    QPointer<ModelDocument> doc_;
    QHash<int, NodeItem*> nodes_;
    QHash<int, QList<EdgeItem*>> edgesInto_;
    int lastCurrent_ = -1;

    // A connection being dragged out of a port.
    struct Connecting {
        int from = -1;                                // source node (output side); -1 when dragging backwards
        int to = -1;                                  // target node when dragging from an input port
        std::optional<std::pair<int, int>> detached;  // (to, slot) picked up from an input
        QGraphicsPathItem* preview = nullptr;
    };
    std::optional<Connecting> connecting_;
    QHash<int, QPointF> pressPositions_;
    NodeItem* dropNode_ = nullptr;
    EdgeItem* dropEdge_ = nullptr;
};

}  // namespace cs::gui
