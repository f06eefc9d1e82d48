#include "doctor/doctor_map_view.h"

#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "dataset/class_colors.h"

namespace cs::gui {

namespace {
constexpr double kMargin = 16;     // px around the fitted points
constexpr double kDot = 5;         // dot diameter, px
constexpr double kLassoMinPx = 4;  // a drag shorter than this is a click
constexpr int kCardImage = 84;     // hover card picture, px
}  // namespace

DoctorMapView::DoctorMapView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(240, 200);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    // The hover card is a child, not a tooltip window: it shows in screenshots and stays inside.
    card_ = new QFrame(this);
    auto* frame = static_cast<QFrame*>(card_);
    frame->setFrameShape(QFrame::Box);
    frame->setAutoFillBackground(true);
    frame->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto* layout = new QVBoxLayout(card_);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    cardImage_ = new QLabel(card_);
    cardImage_->setAlignment(Qt::AlignCenter);
    cardText_ = new QLabel(card_);
    cardText_->setAlignment(Qt::AlignCenter);
    layout->addWidget(cardImage_);
    layout->addWidget(cardText_);
    card_->hide();
}

void DoctorMapView::setPoints(std::vector<Point> points, QStringList classNames) {
    points_ = std::move(points);
    classNames_ = std::move(classNames);
    highlighted_.assign(points_.size(), 0);
    selected_.assign(points_.size(), 0);
    selection_.clear();
    hideCard();
    resetView();
    emit selectionChanged();
}

void DoctorMapView::setHighlighted(const std::vector<int>& points) {
    highlighted_.assign(points_.size(), 0);
    for (int i : points)
        if (i >= 0 && i < pointCount()) highlighted_[std::size_t(i)] = 1;
    update();
}

void DoctorMapView::setSelection(std::vector<int> points) {
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    std::erase_if(points, [this](int i) { return i < 0 || i >= pointCount(); });
    selection_ = std::move(points);
    selected_.assign(points_.size(), 0);
    for (int i : selection_) selected_[std::size_t(i)] = 1;
    update();
    emit selectionChanged();
}

void DoctorMapView::resetView() {
    zoom_ = 1;
    pan_ = {};
    if (points_.empty()) {
        update();
        return;
    }
    float minX = points_[0].x, maxX = minX, minY = points_[0].y, maxY = minY;
    for (const Point& p : points_) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    mapCentre_ = {(minX + maxX) / 2.0, (minY + maxY) / 2.0};
    const double w = std::max(1e-6, double(maxX - minX)), h = std::max(1e-6, double(maxY - minY));
    fitScale_ = std::max(1e-9, std::min((width() - 2 * kMargin) / w, (height() - 2 * kMargin) / h));
    update();
}

QPointF DoctorMapView::toWidget(float x, float y) const {
    const double s = fitScale_ * zoom_;
    return QPointF(width() / 2.0 + (x - mapCentre_.x()) * s, height() / 2.0 - (y - mapCentre_.y()) * s) + pan_;
}

QPointF DoctorMapView::widgetPos(int i) const {
    if (i < 0 || i >= pointCount()) return {};
    return toWidget(points_[std::size_t(i)].x, points_[std::size_t(i)].y);
}

int DoctorMapView::pointAt(QPointF pos, double radius) const {
    int best = -1;
    double bestD2 = radius * radius;
    for (int i = 0; i < pointCount(); ++i) {
        const QPointF d = widgetPos(i) - pos;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= bestD2) {
            bestD2 = d2;
            best = i;
        }
    }
    return best;
}

QString DoctorMapView::hoverText() const { return card_->isVisible() ? cardText_->text() : QString(); }

void DoctorMapView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    if (points_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Run the doctor to see every image of the dataset on a map, placed by similarity."));
        return;
    }
    // One drawPoints() per class: round pen caps make the dots.
    const int classes = std::max(int(classNames_.size()), 1);
    std::vector<std::vector<QPointF>> byClass(std::size_t(classes) + 1);
    for (int i = 0; i < pointCount(); ++i) {
        const int label = points_[std::size_t(i)].label;
        byClass[std::size_t(label >= 0 && label < classes ? label : classes)].push_back(widgetPos(i));
    }
    for (std::size_t c = 0; c < byClass.size(); ++c) {
        if (byClass[c].empty()) continue;
        QColor color = classColor(int(c) < classes ? int(c) : -1);
        color.setAlpha(200);
        p.setPen(QPen(color, kDot, Qt::SolidLine, Qt::RoundCap));
        p.drawPoints(byClass[c].data(), int(byClass[c].size()));
    }
    // Suspects: a red ring; the selection: a dark ring on top.
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 1.5));
    for (int i = 0; i < pointCount(); ++i)
        if (highlighted_[std::size_t(i)]) p.drawEllipse(widgetPos(i), kDot, kDot);
    p.setPen(QPen(palette().color(QPalette::Text), 1.5));
    for (int i : selection_) p.drawEllipse(widgetPos(i), kDot * 0.8, kDot * 0.8);
    if (hovered_ >= 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawEllipse(widgetPos(hovered_), kDot + 2, kDot + 2);
    }
    if (lassoing_ && lasso_.size() > 1) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(40);
        p.setBrush(fill);
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        p.drawPolygon(lasso_);
    }
    drawLegend(p);
}

void DoctorMapView::drawLegend(QPainter& p) const {
    const QFontMetrics fm(font());
    int textWidth = 0;
    for (const QString& name : classNames_) textWidth = std::max(textWidth, fm.horizontalAdvance(name));
    const int line = fm.height(), w = textWidth + 22, h = line * int(classNames_.size()) + 8;
    const QRect box(width() - w - 8, 8, w, h);
    QColor back = palette().color(QPalette::Base);
    back.setAlpha(220);
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(back);
    p.drawRect(box);
    for (int c = 0; c < int(classNames_.size()); ++c) {
        const QRect row(box.left() + 4, box.top() + 4 + c * line, box.width() - 8, line);
        p.setPen(Qt::NoPen);
        p.setBrush(classColor(c));
        p.drawEllipse(QPointF(row.left() + 5, row.center().y() + 0.5), 4, 4);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(row.adjusted(14, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, classNames_[c]);
    }
}

void DoctorMapView::mousePressEvent(QMouseEvent* event) {
    hideCard();
    if (event->button() == Qt::LeftButton) {
        lassoing_ = true;
        lasso_ = QPolygonF{event->position()};
    } else if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton) {
        panning_ = true;
        lastPan_ = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void DoctorMapView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (lassoing_) {
        lasso_ << pos;
        update();
        return;
    }
    if (panning_) {
        pan_ += pos - lastPan_;
        lastPan_ = pos;
        update();
        return;
    }
    const int point = pointAt(pos);
    if (point != hovered_) {
        hovered_ = point;
        if (point >= 0)
            showCard(point, pos);
        else
            hideCard();
        update();
    }
}

void DoctorMapView::mouseReleaseEvent(QMouseEvent* event) {
    if (lassoing_ && event->button() == Qt::LeftButton) {
        lasso_ << event->position();
        finishLasso(event->modifiers() & Qt::ShiftModifier);
    } else if (panning_) {
        panning_ = false;
        unsetCursor();
    }
}

void DoctorMapView::finishLasso(bool add) {
    lassoing_ = false;
    const QRectF bounds = lasso_.boundingRect();
    std::vector<int> chosen = add ? selection_ : std::vector<int>{};
    if (bounds.width() < kLassoMinPx && bounds.height() < kLassoMinPx) {
        const int point = pointAt(lasso_.front());
        if (point >= 0) chosen.push_back(point);
    } else {
        for (int i = 0; i < pointCount(); ++i) {
            const QPointF w = widgetPos(i);
            if (bounds.contains(w) && lasso_.containsPoint(w, Qt::OddEvenFill)) chosen.push_back(i);
        }
    }
    lasso_.clear();
    setSelection(std::move(chosen));
}

void DoctorMapView::mouseDoubleClickEvent(QMouseEvent* event) {
    lassoing_ = false;
    lasso_.clear();
    const int point = pointAt(event->position());
    if (point >= 0)
        emit pointActivated(point);
    else
        resetView();
}

void DoctorMapView::wheelEvent(QWheelEvent* event) {
    const double factor = std::pow(1.0015, event->angleDelta().y());
    const double newZoom = std::clamp(zoom_ * factor, 0.2, 200.0);
    // Keep the map position under the cursor where it is.
    const QPointF cursor = event->position();
    const QPointF centre(width() / 2.0, height() / 2.0);
    pan_ = cursor - (cursor - centre - pan_) * (newZoom / zoom_) - centre;
    zoom_ = newZoom;
    hideCard();
    update();
}

void DoctorMapView::leaveEvent(QEvent*) {
    hovered_ = -1;
    hideCard();
    update();
}

void DoctorMapView::resizeEvent(QResizeEvent*) { resetView(); }

void DoctorMapView::showCard(int point, QPointF pos) {
    QImage image;
    const int label = points_[std::size_t(point)].label;
    QString text = label >= 0 && label < classNames_.size() ? classNames_[label] : QString();
    if (describe_) std::tie(image, text) = describe_(point);
    cardImage_->setVisible(!image.isNull());
    if (!image.isNull())
        cardImage_->setPixmap(QPixmap::fromImage(
            image.scaled(kCardImage, kCardImage, Qt::KeepAspectRatio,
                         image.width() < kCardImage ? Qt::FastTransformation : Qt::SmoothTransformation)));
    cardText_->setText(text);
    card_->adjustSize();
    // Beside the cursor, flipped to stay inside the widget.
    QPoint at = pos.toPoint() + QPoint(14, 14);
    if (at.x() + card_->width() > width()) at.setX(pos.toPoint().x() - 14 - card_->width());
    if (at.y() + card_->height() > height()) at.setY(pos.toPoint().y() - 14 - card_->height());
    card_->move(std::max(0, at.x()), std::max(0, at.y()));
    card_->show();
    card_->raise();
}

void DoctorMapView::hideCard() {
    hovered_ = -1;
    card_->hide();
}

}  // namespace cs::gui
