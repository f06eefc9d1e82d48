#pragma once
// The data doctor's 2-D map: every image a dot in its class colour (t-SNE of the model's
// features, or of the pixels), drawn in one pass per class so 20,000 dots repaint at once.
// Wheel zooms around the cursor, the right or middle button pans, a double click fits the
// view again. Hovering a dot shows a card with its image and label; dragging with the left
// button draws a lasso whose dots become the selection (Shift adds to it); a click without a
// drag selects the dot under the cursor, or nothing. Highlighted dots (label suspects) are
// ringed. GUI thread only; the widget keeps its own copy of the points.
#include <QImage>
#include <QPolygonF>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <vector>

class QLabel;

namespace cs::gui {

class DoctorMapView : public QWidget {
    Q_OBJECT
public:
    struct Point {
        float x = 0, y = 0;
        int label = 0;
    };
    // What the hover card shows for point i: its picture, and a line of text (name and class).
    using Describe = std::function<std::pair<QImage, QString>(int point)>;

    explicit DoctorMapView(QWidget* parent = nullptr);

    void setPoints(std::vector<Point> points, QStringList classNames);
    int pointCount() const { return int(points_.size()); }
    void setDescribe(Describe describe) { describe_ = std::move(describe); }
    void setHighlighted(const std::vector<int>& points);
    void setSelection(std::vector<int> points);  // sorted; emits selectionChanged
    const std::vector<int>& selection() const { return selection_; }
    // Fits every point into the widget again (after zooming or panning).
    void resetView();

    // Where point i is drawn, in widget coordinates; -1 when no point is within `radius` px.
    QPointF widgetPos(int point) const;
    int pointAt(QPointF pos, double radius = 6) const;
    int hoveredPoint() const { return hovered_; }
    QWidget* hoverCard() const { return card_; }
    QString hoverText() const;
    double zoom() const { return zoom_; }

    QSize sizeHint() const override { return {520, 420}; }

signals:
    void selectionChanged();
    void pointActivated(int point);  // double click on a dot

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QPointF toWidget(float x, float y) const;
    void showCard(int point, QPointF pos);
    void hideCard();
    void finishLasso(bool add);
    void drawLegend(QPainter& p) const;

    std::vector<Point> points_;
    QStringList classNames_;
    std::vector<char> highlighted_, selected_;
    std::vector<int> selection_;
    Describe describe_;
    // View: widget = centre + (map - mapCentre) * scale * zoom, y up.
    QPointF mapCentre_;
    double fitScale_ = 1, zoom_ = 1;
    QPointF pan_;
    QPolygonF lasso_;
    bool lassoing_ = false, panning_ = false;
    QPointF lastPan_;
    int hovered_ = -1;
    QWidget* card_;
    QLabel* cardImage_;
    QLabel* cardText_;
};

}  // namespace cs::gui
