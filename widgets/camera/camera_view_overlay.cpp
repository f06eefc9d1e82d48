// CameraView's painting over the video: ROI, probability bars, network inset, statistics,
// badges and messages.
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <algorithm>

#include "camera/camera_view.h"

namespace cs::gui {

namespace {

const QColor kPanel(16, 19, 24, 190);
const QColor kConfident(0x3a, 0xd0, 0x7a);
const QColor kUncertain(0xf0, 0xb4, 0x29);
const QColor kBar(0x5b, 0x9b, 0xf0);
const QColor kText(0xf2, 0xf4, 0xf7);
const QColor kDim(0xb8, 0xc0, 0xcc);

void pill(QPainter& p, const QRectF& r, const QColor& fill) {
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(r, 6, 6);
}

}  // namespace

void CameraView::paintRoi(QPainter& p, const QRectF& image) const {
    const QRectF r = roiInWidget();
    if (r.isEmpty()) return;
    QPainterPath outside;
    outside.setFillRule(Qt::OddEvenFill);
    outside.addRect(image);
    outside.addRect(r);
    p.fillPath(outside, QColor(0, 0, 0, 95));
    if (heatMapShown_ && !prediction_.heatMap.isNull()) {
        // The network saw the region resized to its input: the map stretches back over it.
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.setOpacity(0.45);
        p.drawImage(r, prediction_.heatMap);
        p.setOpacity(1.0);
    }

    QColor edge = QColor(255, 255, 255, 220);
    if (prediction_.isValid()) edge = prediction_.uncertain ? kUncertain : kConfident;
    p.setPen(QPen(edge, 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    p.setPen(Qt::NoPen);
    p.setBrush(edge);
    for (const QPointF& c : {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()})
        p.drawRect(QRectF(c - QPointF(4, 4), QSizeF(8, 8)));

    // The prediction's name over the ROI.
    if (prediction_.isValid()) {
        QFont f = font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.15);
        p.setFont(f);
        const QString label =
            prediction_.uncertain
                ? tr("Uncertain")
                : tr("%1  %2%").arg(prediction_.bestName()).arg(qRound(prediction_.confidence() * 100));
        const QFontMetricsF fm(f);
        QRectF box(r.left(), r.top() - fm.height() - 8, fm.horizontalAdvance(label) + 14, fm.height() + 6);
        if (box.top() < image.top()) box.moveTop(r.top() + 4);
        box.moveLeft(std::clamp(box.left(), image.left(), std::max(image.left(), image.right() - box.width())));
        pill(p, box, edge.darker(prediction_.uncertain ? 160 : 190));
        p.setPen(kText);
        p.drawText(box, Qt::AlignCenter, label);
    }
    if (frozen_) {
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        const QString text = tr("Frozen");
        const double w = QFontMetricsF(f).horizontalAdvance(text) + 20;
        const QRectF box(image.center().x() - w / 2, image.top() + 10, w, 24);  // clear of the ROI label
        pill(p, box, QColor(0x2f, 0x6f, 0xd6, 220));
        p.setPen(kText);
        p.drawText(box, Qt::AlignCenter, text);
    }
    if (!banner_.isEmpty()) {
        p.setFont(font());
        const QFontMetricsF fm(font());
        const double w = std::min(image.width() - 20, fm.horizontalAdvance(banner_) + 20);
        const QRectF box(image.center().x() - w / 2, image.bottom() - 36, w, 26);
        pill(p, box, kPanel);
        p.setPen(kText);
        p.drawText(box.adjusted(10, 0, -10, 0), Qt::AlignCenter, fm.elidedText(banner_, Qt::ElideRight, w - 20));
    }
}

void CameraView::paintBars(QPainter& p, const QRectF& image) const {
    const LivePrediction& pr = prediction_;
    QFont f = font();
    p.setFont(f);
    const QFontMetricsF fm(f);
    const double row = std::max(18.0, fm.height() + 4);
    QFont bold = f;
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    double nameWidth = 0;
    for (const ClassBar& b : pr.top) nameWidth = std::max(nameWidth, boldMetrics.horizontalAdvance(b.name) + 2);
    const double width = std::clamp(image.width() * 0.46, 180.0, 320.0);
    nameWidth = std::min(nameWidth, width * 0.42);
    const double height = row * pr.top.size() + 12;
    const QRectF panel(image.left() + 10, image.bottom() - height - 10, width, height);
    pill(p, panel, kPanel);

    const double barLeft = panel.left() + 10 + nameWidth + 8;
    const double barWidth = panel.right() - 48 - barLeft;
    for (int i = 0; i < pr.top.size(); ++i) {
        const ClassBar& b = pr.top[i];
        const double y = panel.top() + 6 + i * row;
        const bool best = i == 0 && !pr.uncertain;
        p.setPen(best ? kText : kDim);
        QFont nf = f;
        nf.setBold(best);
        p.setFont(nf);
        p.drawText(QRectF(panel.left() + 10, y, nameWidth, row), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(b.name, Qt::ElideRight, nameWidth));
        const QRectF track(barLeft, y + row * 0.22, barWidth, row * 0.56);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 30));
        p.drawRoundedRect(track, 3, 3);
        QColor fill = best ? kConfident : kBar;
        if (pr.uncertain) fill = i == 0 ? kUncertain : kBar.darker(130);
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(track.left(), track.top(),
                                 std::max(2.0, track.width() * std::clamp(b.probability, 0.f, 1.f)), track.height()),
                          3, 3);
        p.setPen(best ? kText : kDim);
        p.setFont(f);
        p.drawText(QRectF(track.right() + 4, y, 40, row), Qt::AlignVCenter | Qt::AlignRight,
                   QStringLiteral("%1%").arg(qRound(b.probability * 100)));
    }
    // The minimum confidence as a tick across the bars.
    if (pr.minConfidence > 0) {
        const double x = barLeft + barWidth * pr.minConfidence;
        p.setPen(QPen(kUncertain, 1.5, Qt::DashLine));
        p.drawLine(QPointF(x, panel.top() + 4), QPointF(x, panel.bottom() - 4));
    }
}

void CameraView::paintInset(QPainter& p, const QRectF& image) const {
    const QImage& view = prediction_.networkView;
    if (view.isNull()) return;
    const double side = std::clamp(image.width() * 0.2, 56.0, 128.0);
    QSizeF s = QSizeF(view.size()).scaled(QSizeF(side, side), Qt::KeepAspectRatio);
    const QString caption = tr("network input %1×%2").arg(view.width()).arg(view.height());
    const QFontMetricsF fm(font());
    const double w = std::max(s.width(), fm.horizontalAdvance(caption)) + 12;
    const QRectF panel(image.right() - w - 10, image.top() + 10, w, s.height() + fm.height() + 16);
    pill(p, panel, kPanel);
    const QRectF target(panel.center().x() - s.width() / 2, panel.top() + 6, s.width(), s.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);  // show the real pixels
    p.drawImage(target, view);
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.setPen(QPen(QColor(255, 255, 255, 120), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(target);
    p.setPen(kDim);
    p.setFont(font());
    p.drawText(QRectF(panel.left(), target.bottom() + 3, panel.width(), fm.height() + 4), Qt::AlignCenter, caption);
}

void CameraView::paintStats(QPainter& p, const QRectF& image) const {
    const LivePrediction& pr = prediction_;
    QString text;
    if (pr.isValid()) {
        text = tr("%1 FPS · %2 ms inference").arg(pr.fps, 0, 'f', 1).arg(pr.inferenceMs, 0, 'f', 1);
        // Frames the model was too slow for, as a share of those the source delivered.
        if (pr.dropped > 0)
            text += tr(" · %1% skipped").arg(qRound(100.0 * pr.dropped / double(pr.dropped + pr.classified)));
        if (pr.captureFps > 0) text += tr(" · source %1 FPS").arg(pr.captureFps, 0, 'f', 0);
    } else if (sourceFps_ > 0) {
        text = tr("source %1 FPS").arg(sourceFps_, 0, 'f', 1);
    } else {
        return;
    }
    const QFontMetricsF fm(font());
    const double w = fm.horizontalAdvance(text) + 16;
    const QRectF box(image.right() - w - 10, image.bottom() - fm.height() - 16, w, fm.height() + 6);
    pill(p, box, kPanel);
    p.setPen(kText);
    p.setFont(font());
    p.drawText(box, Qt::AlignCenter, text);
}

void CameraView::paintMessage(QPainter& p) const {
    if (messageKind_ == MessageKind::None) return;
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    p.setFont(f);
    const QFontMetricsF fm(f);
    const double maxW = std::min(width() * 0.8, 520.0);
    QRectF textRect = fm.boundingRect(QRectF(0, 0, maxW, 1000), Qt::TextWordWrap | Qt::AlignCenter, message_);
    const QRectF box(width() / 2.0 - textRect.width() / 2 - 18, height() / 2.0 - textRect.height() - 14,
                     textRect.width() + 36, textRect.height() + 28);
    QColor fill = kPanel;
    if (messageKind_ == MessageKind::Error) fill = QColor(0x7a, 0x23, 0x23, 225);
    pill(p, box, fill);
    p.setPen(kText);
    p.drawText(box.adjusted(18, 14, -18, -14), Qt::TextWordWrap | Qt::AlignCenter, message_);
}

}  // namespace cs::gui
