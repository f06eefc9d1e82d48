#include "camera/camera_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <algorithm>
#include <cmath>

#include "inference/stream_classifier.h"

namespace cs::gui {

namespace {
constexpr double kHandle = 9.0;      // grab distance of a corner, widget pixels
constexpr double kMinRoiSide = 8.0;  // frame pixels
}  // namespace

CameraView::CameraView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("cameraView"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    retry_ = new QPushButton(tr("Retry"), this);
    retry_->setObjectName(QStringLiteral("cameraRetry"));
    retry_->setCursor(Qt::ArrowCursor);
    retry_->hide();
    connect(retry_, &QPushButton::clicked, this, &CameraView::retryRequested);
}

void CameraView::setFrame(const QImage& frame) {
    frame_ = frame;
    update();
}

void CameraView::clearFrame() {
    frame_ = QImage();
    update();
}

void CameraView::setPrediction(const LivePrediction& prediction) {
    prediction_ = prediction;
    update();
}

void CameraView::clearPrediction() {
    prediction_ = LivePrediction();
    update();
}

void CameraView::setRoi(const QRectF& fraction) {
    roi_ = fraction;
    update();
}

QRect CameraView::roiInFrame(const QRectF& fraction, const QSize& size) {
    RegionOfInterest roi;
    if (!fraction.isEmpty())
        roi = RegionOfInterest::fraction(fraction.x(), fraction.y(), fraction.width(), fraction.height());
    const cv::Rect r = roi.in(cv::Size(size.width(), size.height()));
    return QRect(r.x, r.y, r.width, r.height);
}

void CameraView::setHeatMapShown(bool shown) {
    heatMapShown_ = shown;
    update();
}

void CameraView::setFrozen(bool frozen) {
    frozen_ = frozen;
    update();
}

void CameraView::setMessage(const QString& text, MessageKind kind) {
    message_ = text;
    messageKind_ = text.isEmpty() ? MessageKind::None : kind;
    retry_->setVisible(messageKind_ == MessageKind::Error || messageKind_ == MessageKind::Ended);
    placeRetry();
    update();
}

void CameraView::setBanner(const QString& text) {
    banner_ = text;
    update();
}

QRectF CameraView::imageRect() const {
    if (frame_.isNull()) return {};
    const QSizeF area = size();
    QSizeF s = QSizeF(frame_.size()).scaled(area, Qt::KeepAspectRatio);
    return QRectF(QPointF((area.width() - s.width()) / 2, (area.height() - s.height()) / 2), s);
}

QRectF CameraView::roiInWidget() const {
    const QRectF image = imageRect();
    if (image.isEmpty()) return {};
    const double k = image.width() / frame_.width();
    const QRect r = roiInFrame();
    return QRectF(image.x() + r.x() * k, image.y() + r.y() * k, r.width() * k, r.height() * k);
}

QPointF CameraView::toFrame(const QPointF& pos) const {
    const QRectF image = imageRect();
    const double k = frame_.width() / image.width();
    return (pos - image.topLeft()) * k;
}

CameraView::Handle CameraView::handleAt(const QPointF& pos) const {
    const QRectF r = roiInWidget();
    if (r.isEmpty()) return Handle::None;
    auto near = [&](const QPointF& c) {
        return std::abs(pos.x() - c.x()) <= kHandle && std::abs(pos.y() - c.y()) <= kHandle;
    };
    if (near(r.topLeft())) return Handle::TopLeft;
    if (near(r.topRight())) return Handle::TopRight;
    if (near(r.bottomLeft())) return Handle::BottomLeft;
    if (near(r.bottomRight())) return Handle::BottomRight;
    return r.contains(pos) ? Handle::Move : Handle::None;
}

void CameraView::updateCursor(const QPointF& pos) {
    switch (drag_ != Handle::None ? drag_ : handleAt(pos)) {
        case Handle::Move:
            setCursor(drag_ == Handle::Move ? Qt::ClosedHandCursor : Qt::OpenHandCursor);
            break;
        case Handle::TopLeft:
        case Handle::BottomRight:
            setCursor(Qt::SizeFDiagCursor);
            break;
        case Handle::TopRight:
        case Handle::BottomLeft:
            setCursor(Qt::SizeBDiagCursor);
            break;
        case Handle::None:
            unsetCursor();
            break;
    }
}

void CameraView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || frame_.isNull()) return QWidget::mousePressEvent(event);
    drag_ = handleAt(event->position());
    if (drag_ == Handle::None) return;
    dragStart_ = toFrame(event->position());
    dragRoi_ = QRectF(roiInFrame());
    updateCursor(event->position());
    event->accept();
}

void CameraView::mouseMoveEvent(QMouseEvent* event) {
    if (drag_ == Handle::None || frame_.isNull()) {
        updateCursor(event->position());
        return;
    }
    const QSizeF fs = frame_.size();
    const QPointF at = toFrame(event->position());
    QRectF r = dragRoi_;
    if (drag_ == Handle::Move) {
        r.translate(at - dragStart_);
        r.moveLeft(std::clamp(r.left(), 0.0, fs.width() - r.width()));
        r.moveTop(std::clamp(r.top(), 0.0, fs.height() - r.height()));
    } else {
        // The corner opposite the one dragged stays put; the aspect follows the model input.
        const bool left = drag_ == Handle::TopLeft || drag_ == Handle::BottomLeft;
        const bool top = drag_ == Handle::TopLeft || drag_ == Handle::TopRight;
        const QPointF anchor(left ? dragRoi_.right() : dragRoi_.left(), top ? dragRoi_.bottom() : dragRoi_.top());
        double w = std::abs(at.x() - anchor.x()), h = std::abs(at.y() - anchor.y());
        const double maxW = left ? anchor.x() : fs.width() - anchor.x();
        const double maxH = top ? anchor.y() : fs.height() - anchor.y();
        if (aspect_ > 0) {
            w = std::max(w, h * aspect_);
            w = std::min({w, maxW, maxH * aspect_});
            h = w / aspect_;
        } else {
            w = std::min(w, maxW);
            h = std::min(h, maxH);
        }
        w = std::max(w, kMinRoiSide);
        h = std::max(h, kMinRoiSide);
        r = QRectF(left ? anchor.x() - w : anchor.x(), top ? anchor.y() - h : anchor.y(), w, h);
    }
    roi_ = QRectF(r.x() / fs.width(), r.y() / fs.height(), r.width() / fs.width(), r.height() / fs.height());
    update();
    emit roiChanged(roi_);
}

void CameraView::mouseReleaseEvent(QMouseEvent* event) {
    if (drag_ != Handle::None && event->button() == Qt::LeftButton) {
        drag_ = Handle::None;
        updateCursor(event->position());
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void CameraView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && handleAt(event->position()) != Handle::None) {
        roi_ = QRectF();  // back to the centre square
        update();
        emit roiChanged(roi_);
    }
}

void CameraView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeRetry();
}

void CameraView::placeRetry() {
    retry_->adjustSize();
    const QSize s = retry_->sizeHint().expandedTo(QSize(96, 0));
    retry_->resize(s);
    retry_->move((width() - s.width()) / 2, height() / 2 + 36);
}

void CameraView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(0x1e, 0x22, 0x28));
    const QRectF image = imageRect();
    if (!image.isEmpty()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(image, frame_);
        p.setRenderHint(QPainter::Antialiasing, true);
        paintRoi(p, image);
        if (prediction_.isValid()) {
            paintBars(p, image);
            paintInset(p, image);
        }
        paintStats(p, image);
    }
    paintMessage(p);
}

}  // namespace cs::gui
