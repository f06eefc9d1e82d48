#pragma once
// The canvas view: zoom (Ctrl+wheel, keys, fit), pan (middle or right button drag, wheel),
// rubber-band selection, Delete and arrow-key nudges, and a dotted background. When the model
// does not fit the viewport, a minimap in the top-right corner shows all of it with the visible
// part framed; a click there centres the view on that point.
#include <QGraphicsView>
#include <QPixmap>

namespace cs::gui {

class DesignerScene;

class DesignerView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DesignerView(DesignerScene* scene, QWidget* parent = nullptr);

    DesignerScene* designerScene() const { return scene_; }
    double zoom() const { return transform().m11(); }
    // The minimap's place in viewport coordinates; empty when the whole model is in view.
    QRect minimapRect() const;
    // The view on a freshly opened model: all of it when readable, else its top, at most 100 %.
    void fitOnOpen();

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
    void scrollContentsBy(int dx, int dy) override;

private:
    DesignerScene* scene_;
    bool panning_ = false;
    bool showedHint_ = false;
    bool panMoved_ = false;
    QPoint panStart_;
    QPoint pressPos_;
    QPixmap minimap_;  // the scene drawn small; rebuilt after the scene changed
    bool minimapDirty_ = true;
    void drawMinimap(QPainter* painter);
};

}  // namespace cs::gui
