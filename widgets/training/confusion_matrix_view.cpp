#include "training/confusion_matrix_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace cs::gui {

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionMatrixView::setMatrix(std::vector<std::vector<int>> confusion, std::vector<std::string> classNames) {
    matrix_ = std::move(confusion);
    names_ = std::move(classNames);
    selected_ = {-1, -1};
    updateGeometry();
    update();
}

void ConfusionMatrixView::setSelectedCell(int trueClass, int predicted) {
    selected_ = QPoint(predicted, trueClass);
    update();
}

QString ConfusionMatrixView::name(int i) const {
    return i < static_cast<int>(names_.size()) ? QString::fromStdString(names_[i]) : QString::number(i);
}

ConfusionMatrixView::Geometry ConfusionMatrixView::geometry() const {
    const QFontMetrics fm = fontMetrics();
    int label = 0;
    for (int i = 0; i < classCount(); ++i) label = std::max(label, fm.horizontalAdvance(name(i)));
    label = std::min(label + 10, 140);
    const int n = std::max(1, classCount());
    const int titleSpace = fm.height() + 4;
    const int left = label + titleSpace;
    const int top = label + titleSpace;
    const int cell = std::max(14, std::min((width() - left - 4) / n, (height() - top - 4) / n));
    return {left, top, cell};
}

QRect ConfusionMatrixView::cellRect(int trueClass, int predicted) const {
    const Geometry g = geometry();
    return QRect(g.left + predicted * g.cell, g.top + trueClass * g.cell, g.cell, g.cell);
}

QSize ConfusionMatrixView::sizeHint() const { return {420, 420}; }
QSize ConfusionMatrixView::minimumSizeHint() const { return {200, 200}; }

bool ConfusionMatrixView::cellAt(QPoint pos, int& t, int& p) const {
    const Geometry g = geometry();
    if (pos.x() < g.left || pos.y() < g.top) return false;
    p = (pos.x() - g.left) / g.cell;
    t = (pos.y() - g.top) / g.cell;
    return t >= 0 && p >= 0 && t < classCount() && p < classCount();
}

void ConfusionMatrixView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (matrix_.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Evaluate the model to see its confusion matrix."));
        return;
    }
    const Geometry g = geometry();
    const int n = classCount();
    const QFontMetrics fm = fontMetrics();
    QFont small = font();
    small.setPointSizeF(std::max(6.0, std::min(font().pointSizeF(), g.cell / 3.2)));
    for (int t = 0; t < n; ++t) {
        int rowTotal = 0;
        for (int v : matrix_[t]) rowTotal += v;
        for (int p = 0; p < n; ++p) {
            const int v = matrix_[t][p];
            const double share = rowTotal > 0 ? double(v) / rowTotal : 0;
            // Correct predictions in blue, confusions in red, intensity by share of the row.
            const QColor base = t == p ? QColor(0x1f, 0x77, 0xb4) : QColor(0xd6, 0x27, 0x28);
            const double a = v == 0 ? 0 : 0.08 + 0.92 * std::sqrt(share);
            const QColor c =
                QColor::fromRgbF(1 - a * (1 - base.redF()), 1 - a * (1 - base.greenF()), 1 - a * (1 - base.blueF()));
            const QRect r = cellRect(t, p);
            painter.fillRect(r, c);
            painter.setPen(QColor(0xdd, 0xdd, 0xdd));
            painter.drawRect(r.adjusted(0, 0, -1, -1));
            if (v > 0 && g.cell >= 18) {
                painter.setFont(small);
                painter.setPen(a > 0.55 ? Qt::white : Qt::black);
                painter.drawText(r, Qt::AlignCenter, QString::number(v));
            }
        }
    }
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::Text));
    for (int i = 0; i < n; ++i) {
        const QRect row = cellRect(i, 0);
        painter.drawText(QRect(fm.height() + 4, row.top(), g.left - fm.height() - 10, g.cell),
                         Qt::AlignRight | Qt::AlignVCenter,
                         fm.elidedText(name(i), Qt::ElideRight, g.left - fm.height() - 10));
        const QRect col = cellRect(0, i);
        painter.save();
        painter.translate(col.left() + g.cell / 2 + fm.ascent() / 2 - 1, g.top - 6);
        painter.rotate(-90);
        painter.drawText(0, 0, fm.elidedText(name(i), Qt::ElideRight, g.top - fm.height() - 10));
        painter.restore();
    }
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const int gridSize = n * g.cell;
    painter.drawText(QRect(g.left, 0, gridSize, fm.height()), Qt::AlignCenter, tr("Predicted class"));
    painter.save();
    painter.translate(fm.ascent(), g.top + gridSize / 2);
    painter.rotate(-90);
    painter.drawText(QRect(-gridSize / 2, -fm.ascent(), gridSize, fm.height()), Qt::AlignCenter, tr("True class"));
    painter.restore();
    if (selected_.x() >= 0 && selected_.y() >= 0 && selected_.x() < n && selected_.y() < n) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect(selected_.y(), selected_.x()).adjusted(1, 1, -2, -2));
    }
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent* e) {
    int t, p;
    if (e->button() != Qt::LeftButton || !cellAt(e->position().toPoint(), t, p)) return;
    setSelectedCell(t, p);
    emit cellClicked(t, p);
}

bool ConfusionMatrixView::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        int t, p;
        if (cellAt(help->pos(), t, p)) {
            int rowTotal = 0;
            for (int v : matrix_[t]) rowTotal += v;
            const int v = matrix_[t][p];
            QToolTip::showText(help->globalPos(),
                               tr("True %1, predicted %2: %3 images (%4% of %1)")
                                   .arg(name(t), name(p))
                                   .arg(v)
                                   .arg(rowTotal > 0 ? 100.0 * v / rowTotal : 0, 0, 'f', 1),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(e);
}

}  // namespace cs::gui
