#include "dataset/class_balance_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QValueAxis>
#include <algorithm>

namespace cs::gui {

ClassBalanceChart::ClassBalanceChart(QWidget* parent) : QChartView(parent) {
    setObjectName(QStringLiteral("classBalanceChart"));
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    setChart(chart);
    setMinimumHeight(200);
}

void ClassBalanceChart::setCounts(const std::vector<std::string>& classNames, const std::vector<std::size_t>& train,
                                  const std::vector<std::size_t>& validation, const std::vector<std::size_t>& test) {
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    auto* series = new QHorizontalStackedBarSeries;
    const QString names[3] = {tr("Training"), tr("Validation"), tr("Test")};
    const QColor colors[3] = {QColor(0x42, 0x7a, 0xc4), QColor(0xf0, 0xa0, 0x30), QColor(0x8a, 0x8f, 0x98)};
    const std::vector<std::size_t>* lists[3] = {&train, &validation, &test};
    double largest = 0;
    std::vector<double> totals(classNames.size(), 0.0);
    for (int s = 0; s < 3; ++s) {
        sets_[s] = new QBarSet(names[s]);
        sets_[s]->setColor(colors[s]);
        sets_[s]->setBorderColor(colors[s]);
        // Categories run bottom to top, so the last class goes first to read in label order.
        for (std::size_t k = classNames.size(); k-- > 0;) {
            const double v = k < lists[s]->size() ? double((*lists[s])[k]) : 0.0;
            *sets_[s] << v;
            totals[k] += v;
        }
        series->append(sets_[s]);
    }
    for (double t : totals) largest = std::max(largest, t);
    series->setBarWidth(0.75);
    c->addSeries(series);
    QStringList categories;
    for (auto it = classNames.rbegin(); it != classNames.rend(); ++it) categories << QString::fromStdString(*it);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, largest > 0 ? largest * 1.05 : 1);
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setTickCount(3);
    axisX->applyNiceNumbers();
    c->addAxis(axisY, Qt::AlignLeft);
    c->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    // Hide the legend entries of empty sets.
    const auto markers = c->legend()->markers(series);
    for (int s = 0; s < 3 && s < markers.size(); ++s) markers[s]->setVisible(sets_[s]->sum() > 0);
    setMinimumHeight(std::max(200, 26 * int(classNames.size()) + 80));
}

std::vector<double> ClassBalanceChart::values(int set) const {
    std::vector<double> out;
    if (set < 0 || set > 2 || !sets_[set]) return out;
    for (int i = sets_[set]->count() - 1; i >= 0; --i) out.push_back(sets_[set]->at(i));  // back to label order
    return out;
}

QStringList ClassBalanceChart::categories() const {
    QStringList out;
    for (QAbstractAxis* axis : chart()->axes(Qt::Vertical))
        if (auto* cat = qobject_cast<QBarCategoryAxis*>(axis)) out = cat->categories();
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace cs::gui
