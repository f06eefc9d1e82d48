#include "designer/designer_scene.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QUndoStack>
#include <cmath>

#include "designer/designer_metrics.h"
#include "designer/edge_item.h"
#include "designer/model_document.h"
#include "designer/node_item.h"
#include "layers/layer_registry.h"

namespace cs::gui {

using namespace metrics;

namespace {
QPointF snapped(QPointF p) { return QPointF(std::round(p.x() / 8) * 8, std::round(p.y() / 8) * 8); }
}  // namespace

DesignerScene::DesignerScene(ModelDocument* doc, QObject* parent) : QGraphicsScene(parent), doc_(doc) {
    setItemIndexMethod(QGraphicsScene::NoIndex);  // few items, moved often
    connect(doc_, &ModelDocument::nodeAdded, this, &DesignerScene::addNodeItem);
    connect(doc_, &ModelDocument::nodeRemoved, this, &DesignerScene::removeNodeItem);
    connect(doc_, &ModelDocument::nodeChanged, this, &DesignerScene::refreshNode);
    connect(doc_, &ModelDocument::inputsChanged, this, [this](int id) {
        refreshNode(id);
        rebuildEdgesInto(id);
    });
    connect(doc_, &ModelDocument::nodeMoved, this, [this](int id) {
        if (NodeItem* item = nodeItem(id)) {
            const NodeSpec* n = doc_->node(id);
            item->setModelPos(QPointF(n->x, n->y));
            for (EdgeItem* e : edgeItems()) e->adjust();  // detours depend on every card
            updateBounds();
        }
    });
    connect(doc_, &ModelDocument::checked, this, &DesignerScene::applyCheck);
    connect(doc_, &ModelDocument::documentReset, this, &DesignerScene::rebuild);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        const int cur = currentNodeId();
        if (cur != lastCurrent_) {
            lastCurrent_ = cur;
            emit currentNodeChanged(cur);
        }
    });
    rebuild();
}

DesignerScene::~DesignerScene() {
    // No more mirroring or selection signals while the items go; edges forget their cards
    // because the scene deletes items in any order.
    disconnect(this, nullptr, nullptr, nullptr);
    if (doc_) disconnect(doc_, nullptr, this, nullptr);
    nodes_.clear();
    edgesInto_.clear();
    for (QGraphicsItem* item : items())
        if (item->type() == EdgeItem::Type) static_cast<EdgeItem*>(item)->detach();
}

// ---- Mirroring the document ----

void DesignerScene::rebuild() {
    for (QGraphicsItem* item : items())
        if (item->type() == EdgeItem::Type) static_cast<EdgeItem*>(item)->detach();
    nodes_.clear();  // before clear(): its selection signals must not see deleted cards
    edgesInto_.clear();
    clear();
    connecting_.reset();
    dropNode_ = nullptr;
    dropEdge_ = nullptr;
    for (const NodeSpec& n : doc_->graph().nodes()) {
        auto* item = new NodeItem(n, doc_->layerInfo(n.kind));
        addItem(item);
        nodes_.insert(n.id, item);
    }
    for (const NodeSpec& n : doc_->graph().nodes()) rebuildEdgesInto(n.id);
    applyCheck();
    updateBounds();
    if (lastCurrent_ != -1) {
        lastCurrent_ = -1;
        emit currentNodeChanged(-1);
    }
}

void DesignerScene::addNodeItem(int id) {
    const NodeSpec* n = doc_->node(id);
    if (!n || nodes_.contains(id)) return;
    auto* item = new NodeItem(*n, doc_->layerInfo(n->kind));
    addItem(item);
    nodes_.insert(id, item);
    rebuildEdgesInto(id);
    for (int c : doc_->consumersOf(id)) rebuildEdgesInto(c);
    for (EdgeItem* e : edgeItems()) e->adjust();  // the new card may stand in an edge's way
    item->setCheck(doc_->nodeCheck(id));
    updateBounds();
}

void DesignerScene::removeNodeItem(int id) {
    NodeItem* item = nodes_.take(id);
    if (!item) return;
    if (dropNode_ == item) dropNode_ = nullptr;
    const std::vector<EdgeItem*> edges = item->edges();
    for (EdgeItem* e : edges) {
        if (dropEdge_ == e) dropEdge_ = nullptr;
        edgesInto_[e->target()->nodeId()].removeOne(e);
        delete e;
    }
    edgesInto_.remove(id);
    delete item;
    updateBounds();
}

void DesignerScene::rebuildEdgesInto(int id) {
    for (EdgeItem* e : edgesInto_.take(id)) {
        if (dropEdge_ == e) dropEdge_ = nullptr;
        delete e;
    }
    NodeItem* target = nodeItem(id);
    const NodeSpec* n = doc_->node(id);
    if (!target || !n) return;
    QList<EdgeItem*>& list = edgesInto_[id];
    for (int slot = 0; slot < static_cast<int>(n->inputs.size()); ++slot) {
        NodeItem* source = nodeItem(n->inputs[slot]);
        if (!source || source == target) continue;
        auto* e = new EdgeItem(source, target, slot);
        addItem(e);
        e->adjust();  // again, now that it can see the cards it must avoid
        list.push_back(e);
    }
}

void DesignerScene::refreshNode(int id) {
    NodeItem* item = nodeItem(id);
    const NodeSpec* n = doc_->node(id);
    if (!item || !n) return;
    item->setSpec(*n, doc_->layerInfo(n->kind));
    for (EdgeItem* e : item->edges()) e->adjust();
}

void DesignerScene::applyCheck() {
    for (auto it = nodes_.begin(); it != nodes_.end(); ++it) it.value()->setCheck(doc_->nodeCheck(it.key()));
}

void DesignerScene::updateBounds() {
    QRectF r = itemsBoundingRect();
    if (r.isNull()) r = QRectF(-kCardWidth / 2, 0, kCardWidth, kCardHeight);
    setSceneRect(r.adjusted(-900, -500, 900, 700));
}

// ---- Queries ----

EdgeItem* DesignerScene::edgeItem(int to, int slot) const {
    for (EdgeItem* e : edgesInto_.value(to))
        if (e->slot() == slot) return e;
    return nullptr;
}

QList<EdgeItem*> DesignerScene::edgeItems() const {
    QList<EdgeItem*> out;
    for (const auto& list : edgesInto_) out += list;
    return out;
}

std::vector<int> DesignerScene::selectedNodeIds() const {
    std::vector<int> ids;
    for (const NodeSpec& n : doc_->graph().nodes())
        if (NodeItem* item = nodeItem(n.id); item && item->isSelected()) ids.push_back(n.id);
    return ids;
}

int DesignerScene::currentNodeId() const {
    const auto ids = selectedNodeIds();
    return ids.size() == 1 ? ids.front() : -1;
}

void DesignerScene::selectNodes(const std::vector<int>& ids) {
    QSignalBlocker block(this);
    clearSelection();
    for (int id : ids)
        if (NodeItem* item = nodeItem(id)) item->setSelected(true);
    if (ids.size() == 1)
        if (NodeItem* item = nodeItem(ids.front())) setFocusItem(item);
    block.unblock();
    emit selectionChanged();
}

NodeItem* DesignerScene::nodeAt(QPointF pos, const NodeItem* except) const {
    for (QGraphicsItem* item : items(pos)) {
        QGraphicsItem* top = item->topLevelItem();
        if (top->type() == NodeItem::Type && top != except) return static_cast<NodeItem*>(top);
    }
    return nullptr;
}

EdgeItem* DesignerScene::edgeAt(QPointF pos) const {
    for (QGraphicsItem* item : items(pos))
        if (item->type() == EdgeItem::Type) return static_cast<EdgeItem*>(item);
    return nullptr;
}

// ---- Editing ----

void DesignerScene::deleteSelection() {
    const std::vector<int> ids = selectedNodeIds();
    std::vector<std::pair<int, int>> edges;
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == EdgeItem::Type) {
            auto* e = static_cast<EdgeItem*>(item);
            if (!e->source()->isSelected() && !e->target()->isSelected())
                edges.emplace_back(e->target()->nodeId(), e->slot());
        }
    doc_->removeItems(ids, edges);
}

void DesignerScene::copySelection() {
    std::vector<NodeSpec> nodes;
    for (int id : selectedNodeIds()) nodes.push_back(*doc_->node(id));
    if (nodes.empty()) return;
    auto* mime = new QMimeData;
    const QByteArray bytes = ModelDocument::nodesToClipboard(nodes);
    mime->setData(QString::fromLatin1(ModelDocument::kNodesMimeType), bytes);
    mime->setText(QString::fromUtf8(bytes));
    QApplication::clipboard()->setMimeData(mime);
}

void DesignerScene::cutSelection() {
    if (selectedNodeIds().empty()) return;
    copySelection();
    doc_->undoStack()->beginMacro(QCoreApplication::translate("Commands", "Cut"));
    deleteSelection();
    doc_->undoStack()->endMacro();
}

void DesignerScene::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime) return;
    QByteArray bytes = mime->data(QString::fromLatin1(ModelDocument::kNodesMimeType));
    if (bytes.isEmpty()) bytes = mime->text().toUtf8();
    const auto nodes = ModelDocument::nodesFromClipboard(bytes);
    if (!nodes || nodes->empty()) return;
    // Next to the originals while they are on the canvas, else where they were.
    bool originalsShown = false;
    for (const NodeSpec& n : *nodes)
        if (doc_->node(n.id) && doc_->node(n.id)->kind == n.kind) originalsShown = true;
    const QPointF offset = originalsShown ? QPointF(kColStep, 32) : QPointF(0, 0);
    const std::vector<int> ids = doc_->pasteNodes(*nodes, offset);
    selectNodes(ids);
}

void DesignerScene::selectAllItems() {
    QSignalBlocker block(this);
    for (QGraphicsItem* item : items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable) item->setSelected(true);
    block.unblock();
    emit selectionChanged();
}

int DesignerScene::appendLayer(const QString& kind) {
    const std::vector<int> sel = selectedNodeIds();
    const int id = doc_->appendLayer(kind, sel.empty() ? -1 : sel.back());
    selectNodes({id});
    emit nodeCreated(id);
    return id;
}

// ---- Mouse: connections and moves ----

void DesignerScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        if (NodeItem* node = nodeAt(event->scenePos())) {
            Connecting c;
            if (node->hitsOutputPort(event->scenePos())) {
                c.from = node->nodeId();
            } else if (node->hitsInputPort(event->scenePos())) {
                const int slot = node->nearestInputSlot(event->scenePos());
                if (slot >= 0) {
                    // Pick up an existing connection by its end.
                    c.from = doc_->node(node->nodeId())->inputs[slot];
                    c.detached = std::make_pair(node->nodeId(), slot);
                    if (EdgeItem* e = edgeItem(node->nodeId(), slot)) e->hide();
                    if (!nodeItem(c.from)) c.from = -1;
                }
                if (c.from < 0) {
                    c.to = node->nodeId();
                    c.detached.reset();
                }
            }
            if (c.from >= 0 || c.to >= 0) {
                c.preview = addPath(QPainterPath(), QPen(QColor(0x2f, 0x6f, 0xde), 2.5, Qt::DashLine, Qt::RoundCap));
                c.preview->setZValue(10);
                connecting_ = c;
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
    pressPositions_.clear();
    for (int id : selectedNodeIds()) pressPositions_.insert(id, nodeItem(id)->pos());
}

void DesignerScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (connecting_) {
        const QPointF pos = event->scenePos();
        NodeItem* fixed = nodeItem(connecting_->from >= 0 ? connecting_->from : connecting_->to);
        if (!fixed) return;
        connecting_->preview->setPath(connecting_->from >= 0 ? EdgeItem::curve(fixed->outputAnchor(), pos)
                                                             : EdgeItem::curve(pos, fixed->inputAnchor(0)));
        setDropTarget(nodeAt(pos, fixed), nullptr);
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DesignerScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (connecting_) {
        finishConnection(event->scenePos());
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    std::map<int, QPointF> moved;
    for (auto it = pressPositions_.begin(); it != pressPositions_.end(); ++it)
        if (NodeItem* item = nodeItem(it.key()); item && item->pos() != it.value()) moved[it.key()] = item->pos();
    pressPositions_.clear();
    if (!moved.empty()) doc_->moveNodes(moved);  // the whole drag is one undo step
}

void DesignerScene::finishConnection(QPointF pos) {
    Connecting c = *connecting_;
    connecting_.reset();
    delete c.preview;
    setDropTarget(nullptr, nullptr);
    NodeItem* fixed = nodeItem(c.from >= 0 ? c.from : c.to);
    NodeItem* target = nodeAt(pos, fixed);
    if (c.detached) {
        EdgeItem* e = edgeItem(c.detached->first, c.detached->second);
        if (target && target->nodeId() == c.detached->first) {
            if (e) e->show();
            return;
        }
        doc_->undoStack()->beginMacro(QCoreApplication::translate("Commands", "Reconnect"));
        doc_->disconnectInput(c.detached->first, c.detached->second);
        if (target) doc_->connectNodes(c.from, target->nodeId());
        doc_->undoStack()->endMacro();
        return;
    }
    if (!target) return;
    if (c.from >= 0)
        doc_->connectNodes(c.from, target->nodeId());
    else
        doc_->connectNodes(target->nodeId(), c.to);
}

// ---- Drops from the palette ----

void DesignerScene::setDropTarget(NodeItem* node, EdgeItem* edge) {
    if (dropNode_ != node) {
        if (dropNode_) dropNode_->setHighlighted(false);
        dropNode_ = node;
        if (dropNode_) dropNode_->setHighlighted(true);
    }
    if (dropEdge_ != edge) {
        if (dropEdge_) dropEdge_->setHighlighted(false);
        dropEdge_ = edge;
        if (dropEdge_) dropEdge_->setHighlighted(true);
    }
}

void DesignerScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(ModelDocument::kLayerMimeType))) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void DesignerScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event) {
    if (!event->mimeData()->hasFormat(QString::fromLatin1(ModelDocument::kLayerMimeType))) {
        event->ignore();
        return;
    }
    NodeItem* node = nodeAt(event->scenePos());
    setDropTarget(node, node ? nullptr : edgeAt(event->scenePos()));
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void DesignerScene::dragLeaveEvent(QGraphicsSceneDragDropEvent* event) {
    setDropTarget(nullptr, nullptr);
    event->accept();
}

void DesignerScene::dropEvent(QGraphicsSceneDragDropEvent* event) {
    const QByteArray data = event->mimeData()->data(QString::fromLatin1(ModelDocument::kLayerMimeType));
    setDropTarget(nullptr, nullptr);
    if (data.isEmpty()) {
        event->ignore();
        return;
    }
    const QString kind = QString::fromUtf8(data);
    const QPointF pos = event->scenePos();
    const LayerInfo* info = doc_->layerInfo(kind.toStdString());
    const bool takesInput = !info || info->maxInputs != 0;
    int id = -1;
    NodeItem* node = nodeAt(pos);
    EdgeItem* edge = node ? nullptr : edgeAt(pos);
    if (takesInput && node)
        id = doc_->appendLayer(kind, node->nodeId());
    else if (takesInput && edge)
        id = doc_->insertLayerOnEdge(kind, edge->source()->nodeId(), edge->target()->nodeId(), edge->slot(), pos);
    else
        id = doc_->addLayer(kind, snapped(pos - QPointF(kCardWidth / 2, kCardHeight / 2)));
    selectNodes({id});
    emit nodeCreated(id);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

}  // namespace cs::gui
