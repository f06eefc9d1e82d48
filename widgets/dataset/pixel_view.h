#pragma once
// An image drawn as large as fits, pixels kept sharp when enlarged, that reports the pixel under
// the mouse and its value(s).
#include <QImage>
#include <QWidget>

namespace cs::gui {

class PixelView : public QWidget {
    Q_OBJECT
public:
    explicit PixelView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    const QImage& image() const { return image_; }
    // Drawn over the image, scaled to it smoothly, at overlayOpacity() (an explanation's heat
    // map); a null image draws nothing.
    void setOverlay(const QImage& overlay);
    const QImage& overlay() const { return overlay_; }
    void setOverlayOpacity(double opacity);  // 0..1, default 0.5
    double overlayOpacity() const { return overlayOpacity_; }
    // The image pixel under a widget position, or (-1, -1).
    QPoint pixelAt(const QPoint& widgetPos) const;
    // "x 3, y 7: 128" (gray) or "x 3, y 7: R 12 G 40 B 200".
    QString describePixel(const QPoint& pixel) const;

    QSize sizeHint() const override { return {280, 280}; }

signals:
    void pixelHovered(const QString& description);  // empty when the mouse left the image

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRect imageRect() const;

    QImage image_;
    QImage overlay_;
    double overlayOpacity_ = 0.5;
    QPoint hovered_{-1, -1};
};

}  // namespace cs::gui
