#include "dataset/thumbnail_delegate.h"

#include <QApplication>
#include <QPainter>

#include "dataset/dataset_list_model.h"

namespace cs::gui {

namespace {
constexpr int kPad = 3;
int lineHeight() { return QFontMetrics(QApplication::font()).height(); }
}  // namespace

ThumbnailDelegate::ThumbnailDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize ThumbnailDelegate::tileSize() const {
    const int lines = showPredictions_ ? 2 : 1;
    return {std::max(thumbSize_, 80) + 2 * kPad, thumbSize_ + 2 * kPad + lines * lineHeight() + 2};
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const { return tileSize(); }

void ThumbnailDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    p->save();
    const QRect r = option.rect.adjusted(1, 1, -1, -1);
    const bool selected = option.state & QStyle::State_Selected;
    const bool excluded = index.data(DatasetListModel::ExcludedRole).toBool();
    const bool wrong = index.data(DatasetListModel::MisclassifiedRole).toBool();
    const QColor classCol = index.data(DatasetListModel::ClassColorRole).value<QColor>();
    const QPalette& pal = option.palette;

    p->fillRect(r, selected ? pal.color(QPalette::Highlight).lighter(170) : pal.color(QPalette::Base));

    const QImage thumb = index.data(Qt::DecorationRole).value<QImage>();
    const QRect imageArea(r.left() + (r.width() - thumbSize_) / 2, r.top() + kPad, thumbSize_, thumbSize_);
    if (!thumb.isNull()) {
        const QRect target(imageArea.left() + (thumbSize_ - thumb.width()) / 2,
                           imageArea.top() + (thumbSize_ - thumb.height()) / 2, thumb.width(), thumb.height());
        p->drawImage(target, thumb);
    }
    if (excluded) {
        p->fillRect(imageArea, QColor(255, 255, 255, 150));
        p->setPen(QPen(QColor(120, 120, 120), 2));
        p->drawLine(imageArea.topLeft(), imageArea.bottomRight());
    }

    const QFontMetrics fm(option.font);
    const int lh = fm.height();
    QRect line(r.left() + kPad, imageArea.bottom() + 2, r.width() - 2 * kPad, lh);
    // Class: a colour swatch and the name.
    p->fillRect(QRect(line.left(), line.top() + 2, 4, lh - 4), classCol);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(
        line.adjusted(7, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(index.data(DatasetListModel::ClassNameRole).toString(), Qt::ElideRight, line.width() - 7));
    if (showPredictions_ && index.data(DatasetListModel::PredictedRole).toInt() >= 0) {
        line.translate(0, lh);
        // Right: only the confidence (the class is the label above); wrong: what it saw instead.
        const int percent = int(index.data(DatasetListModel::ConfidenceRole).toDouble() * 100 + 0.5);
        const QString text = wrong ? QStringLiteral("✗ %1 %2%")
                                         .arg(index.data(DatasetListModel::PredictedNameRole).toString())
                                         .arg(percent)
                                   : QStringLiteral("✓ %1%").arg(percent);
        p->setPen(wrong ? QColor(0xc6, 0x28, 0x28) : QColor(0x2e, 0x7d, 0x32));
        p->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideMiddle, line.width()));
    }

    // Frame: red when the model got it wrong, the class colour otherwise; thicker when selected.
    QColor frame = wrong ? QColor(0xd3, 0x2f, 0x2f) : classCol;
    if (!wrong) frame.setAlpha(selected ? 255 : 90);
    p->setPen(QPen(frame, wrong || selected ? 2 : 1));
    p->setBrush(Qt::NoBrush);
    p->drawRect(r.adjusted(0, 0, -1, -1));
    if (option.state & QStyle::State_HasFocus && selected) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p->drawRect(r.adjusted(2, 2, -3, -3));
    }
    p->restore();
}

}  // namespace cs::gui
