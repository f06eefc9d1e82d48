#include "inspect/prediction_bars.h"

#include <QPainter>
#include <algorithm>

namespace cs::gui {

namespace {
constexpr int kRow = 20;
}

PredictionBars::PredictionBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setToolTip(tr("Class probabilities for the probe image; the green dot marks its true class"));
}

void PredictionBars::setPrediction(std::vector<float> probabilities, std::vector<std::string> classNames,
                                   int trueLabel) {
    const bool resized = probabilities.size() != probabilities_.size();
    probabilities_ = std::move(probabilities);
    names_ = std::move(classNames);
    trueLabel_ = trueLabel;
    if (resized) updateGeometry();
    update();
}

int PredictionBars::predicted() const {
    if (probabilities_.empty()) return -1;
    return static_cast<int>(std::max_element(probabilities_.begin(), probabilities_.end()) - probabilities_.begin());
}

QString PredictionBars::className(int i) const {
    return i < static_cast<int>(names_.size()) ? QString::fromStdString(names_[i]) : tr("class %1").arg(i);
}

QSize PredictionBars::sizeHint() const { return {280, std::max(1, int(probabilities_.size())) * kRow + 8}; }
QSize PredictionBars::minimumSizeHint() const { return {160, sizeHint().height()}; }

void PredictionBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (probabilities_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No prediction yet"));
        return;
    }
    const QFontMetrics fm = fontMetrics();
    QFont boldFont = font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);  // the predicted class is drawn bold
    int nameWidth = 0;
    for (int i = 0; i < int(probabilities_.size()); ++i)
        nameWidth = std::max(nameWidth, bold.horizontalAdvance(className(i)));
    nameWidth = std::min(nameWidth + 18, width() / 2);
    const int percentWidth = fm.horizontalAdvance(QStringLiteral("100.0%")) + 6;
    const int barLeft = nameWidth + 4;
    const int barMax = std::max(10, width() - barLeft - percentWidth - 4);
    const int top = predicted();
    const QColor accent = palette().color(QPalette::Highlight);
    for (int i = 0; i < int(probabilities_.size()); ++i) {
        const int y = 4 + i * kRow;
        const float prob = std::clamp(probabilities_[i], 0.f, 1.f);
        QFont f = font();
        f.setBold(i == top);
        p.setFont(f);
        p.setPen(palette().color(QPalette::Text));
        const QString name = className(i);
        if (i == trueLabel_) {
            // The true class: green name with a dot in front.
            p.setPen(QColor(0x1e, 0x84, 0x49));
            const int w = std::min(QFontMetrics(f).horizontalAdvance(name), nameWidth - 12);
            p.setBrush(QColor(0x1e, 0x84, 0x49));
            p.drawEllipse(QPointF(nameWidth - w - 8, y + kRow / 2.0 - 1), 3, 3);
        }
        p.drawText(QRect(0, y, nameWidth, kRow - 2), Qt::AlignRight | Qt::AlignVCenter,
                   QFontMetrics(f).elidedText(name, Qt::ElideRight, nameWidth - 12));
        QColor bar = i == top ? (trueLabel_ >= 0 && top != trueLabel_ ? QColor(0xd6, 0x27, 0x28) : accent)
                              : palette().color(QPalette::Mid);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::AlternateBase));
        p.drawRoundedRect(QRectF(barLeft, y + 3, barMax, kRow - 8), 2, 2);
        p.setBrush(bar);
        p.drawRoundedRect(QRectF(barLeft, y + 3, std::max(1.0, double(barMax) * prob), kRow - 8), 2, 2);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(barLeft + barMax + 4, y, percentWidth, kRow - 2), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1%").arg(double(prob) * 100, 0, 'f', 1));
    }
}

}  // namespace cs::gui
