#include "dataset/pixel_view.h"

#include <algorithm>

#include <QMouseEvent>
#include <QPainter>

namespace cs::gui {

PixelView::PixelView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(120, 120);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PixelView::setImage(const QImage& image) {
    image_ = image;
    hovered_ = {-1, -1};
    update();
}

QRect PixelView::imageRect() const {
    if (image_.isNull()) return {};
    const QSize avail = size() - QSize(8, 8);
    QSize s = image_.size().scaled(avail, Qt::KeepAspectRatio);
    // Whole-number enlargement keeps every pixel the same size.
    if (s.width() > image_.width() && image_.width() > 0) {
        const int factor = std::max(1, s.width() / image_.width());
        if (factor * image_.height() <= avail.height()) s = image_.size() * factor;
    }
    return QRect(QPoint((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

QPoint PixelView::pixelAt(const QPoint& pos) const {
    const QRect r = imageRect();
    if (r.isEmpty() || !r.contains(pos)) return {-1, -1};
    return {int(qint64(pos.x() - r.left()) * image_.width() / r.width()),
            int(qint64(pos.y() - r.top()) * image_.height() / r.height())};
}

QString PixelView::describePixel(const QPoint& p) const {
    if (p.x() < 0 || p.y() < 0 || !image_.valid(p)) return {};
    const QRgb v = image_.pixel(p);
    if (image_.isGrayscale()) return tr("x %1, y %2: %3").arg(p.x()).arg(p.y()).arg(qGray(v));
    return tr("x %1, y %2: R %3 G %4 B %5").arg(p.x()).arg(p.y()).arg(qRed(v)).arg(qGreen(v)).arg(qBlue(v));
}

void PixelView::setOverlay(const QImage& overlay) {
    overlay_ = overlay;
    update();
}

void PixelView::setOverlayOpacity(double opacity) {
    overlayOpacity_ = std::clamp(opacity, 0.0, 1.0);
    update();
}

void PixelView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window).darker(104));
    if (image_.isNull()) return;
    const QRect r = imageRect();
    const bool enlarge = r.width() > image_.width();
    p.setRenderHint(QPainter::SmoothPixmapTransform, !enlarge);
    p.drawImage(r, image_);
    if (!overlay_.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);  // a heat map has no pixels to keep sharp
        p.setOpacity(overlayOpacity_);
        p.drawImage(r, overlay_);
        p.setOpacity(1.0);
    }
    p.setPen(QColor(0, 0, 0, 60));
    p.drawRect(r.adjusted(-1, -1, 0, 0));
    if (hovered_.x() >= 0 && enlarge) {
        const double sx = double(r.width()) / image_.width(), sy = double(r.height()) / image_.height();
        p.setPen(QPen(QColor(255, 60, 60), 1));
        p.drawRect(QRectF(r.left() + hovered_.x() * sx, r.top() + hovered_.y() * sy, sx, sy));
    }
}

void PixelView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint p = pixelAt(event->position().toPoint());
    if (p == hovered_) return;
    hovered_ = p;
    update();
    emit pixelHovered(describePixel(p));
}

void PixelView::leaveEvent(QEvent*) {
    hovered_ = {-1, -1};
    update();
    emit pixelHovered(QString());
}

}  // namespace cs::gui
