#pragma once
// The canvas view: zoom (Ctrl+wheel, keys, fit), pan (middle or right button drag, wheel),
// rubber-band selection, Delete and arrow-key nudges, and a dotted background.
#include <QGraphicsView>

namespace cs::gui {

class DesignerScene;

class DesignerView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DesignerView(DesignerScene* scene, QWidget* parent = nullptr);

    DesignerScene* designerScene() const { return scene_; }
    double zoom() const { return transform().m11(); }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void zoomToFit();
    void setZoom(double factor);
    void revealNode(int id);

signals:
    void zoomChanged(double factor);
    // A right click without a drag (a right drag pans).
    void contextMenuRequested(const QPoint& globalPos, const QPointF& scenePos);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    DesignerScene* scene_;
    bool panning_ = false;
    bool showedHint_ = false;
    bool panMoved_ = false;
    QPoint panStart_;
    QPoint pressPos_;
};

}  // namespace cs::gui
