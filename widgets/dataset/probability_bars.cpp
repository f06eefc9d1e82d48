#include "dataset/probability_bars.h"

#include <QPainter>
#include <algorithm>

#include "dataset/class_colors.h"

namespace cs::gui {

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

void ProbabilityBars::setProbabilities(const QStringList& classNames, const std::vector<float>& probabilities,
                                       int trueClass) {
    names_ = classNames;
    p_ = probabilities;
    trueClass_ = trueClass;
    updateGeometry();
    update();
}

void ProbabilityBars::setEmptyText(const QString& text) {
    empty_ = text;
    update();
}

QSize ProbabilityBars::sizeHint() const {
    const int lh = fontMetrics().height() + 4;
    return {240, p_.empty() ? lh * 2 : lh * int(p_.size()) + 4};
}

void ProbabilityBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (p_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, empty_);
        return;
    }
    const QFontMetrics fm = fontMetrics();
    const int lh = fm.height() + 4;
    int nameWidth = 0;
    for (const QString& n : names_) nameWidth = std::max(nameWidth, fm.horizontalAdvance(n));
    nameWidth = std::min(nameWidth + 14, width() / 2);
    const int pctWidth = fm.horizontalAdvance(QStringLiteral("100.0%")) + 6;
    const int barWidth = std::max(10, width() - nameWidth - pctWidth);
    const int best = int(std::max_element(p_.begin(), p_.end()) - p_.begin());
    for (int k = 0; k < int(p_.size()); ++k) {
        const QRect row(0, k * lh, width(), lh);
        const QString name = k < names_.size() ? names_[k] : QString::number(k);
        QFont f = font();
        f.setBold(k == trueClass_);
        p.setFont(f);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(row.adjusted(12, 0, 0, 0).left(), row.top(), nameWidth - 12, lh, Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(f).elidedText(name, Qt::ElideRight, nameWidth - 14));
        p.fillRect(QRect(2, row.top() + 4, 6, lh - 8), classColor(k));
        const QRect track(nameWidth, row.top() + 3, barWidth, lh - 6);
        p.fillRect(track, palette().color(QPalette::AlternateBase).darker(103));
        QColor bar = k == best ? (k == trueClass_ ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28))
                               : QColor(0x90, 0xa4, 0xae);
        p.fillRect(QRect(track.left(), track.top(), int(track.width() * std::clamp(p_[std::size_t(k)], 0.f, 1.f)),
                         track.height()),
                   bar);
        p.setFont(font());
        p.drawText(QRect(track.right() + 4, row.top(), pctWidth, lh), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1%").arg(double(p_[std::size_t(k)]) * 100.0, 0, 'f', 1));
    }
}

}  // namespace cs::gui
