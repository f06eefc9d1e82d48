#include "training/live_chart.h"

#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "training/decimate.h"

namespace cs::gui {

struct LiveChart::Series {
    QString name;
    QVector<QPointF> points;
    QLineSeries* line = nullptr;
    bool dirty = false;
    bool visible = true;
    double minY = std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();
    double minPositiveY = std::numeric_limits<double>::infinity();
};

// The chart's view: wheel zoom on x, rubber-band zoom, right-click reset, hover values.
class LiveChartView : public QChartView {
public:
    LiveChartView(QChart* chart, LiveChart* owner) : QChartView(chart), owner_(owner) {
        setRenderHint(QPainter::Antialiasing);
        setRubberBand(QChartView::RectangleRubberBand);
        setMouseTracking(true);
    }

protected:
    void wheelEvent(QWheelEvent* e) override {
        const QPointF v = chart()->mapToValue(chart()->mapFromScene(mapToScene(e->position().toPoint())));
        owner_->zoomX(e->angleDelta().y() > 0 ? 1.25 : 0.8, v.x());
        e->accept();
    }
    void mousePressEvent(QMouseEvent* e) override {
        if (e->button() == Qt::RightButton) {
            owner_->resetZoom();
            e->accept();
            return;
        }
        QChartView::mousePressEvent(e);
    }
    void mouseReleaseEvent(QMouseEvent* e) override {
        if (e->button() == Qt::RightButton) {
            e->accept();
            return;
        }
        QChartView::mouseReleaseEvent(e);
        if (e->button() == Qt::LeftButton) owner_->markZoomed();  // the rubber band zoomed in
    }
    void resizeEvent(QResizeEvent* e) override {
        QChartView::resizeEvent(e);
        owner_->placeTools();
    }
    void mouseMoveEvent(QMouseEvent* e) override {
        QChartView::mouseMoveEvent(e);
        const QPointF scene = mapToScene(e->position().toPoint());
        if (!chart()->plotArea().contains(chart()->mapFromScene(scene))) {
            QToolTip::hideText();
            return;
        }
        const QPointF v = chart()->mapToValue(chart()->mapFromScene(scene));
        const QString text = owner_->valuesAt(v.x());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(e->globalPosition().toPoint(), text, this);
    }

private:
    LiveChart* owner_;
};

namespace {
QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
}  // namespace

LiveChart::LiveChart(const QString& title, const QString& xTitle, const QString& yTitle, QWidget* parent)
    : QWidget(parent),
      chart_(new QChart),
      xAxis_(new QValueAxis),
      timer_(new QTimer(this)),
      xTitle_(xTitle),
      yTitle_(yTitle) {
    chart_->setTitle(title);
    chart_->setAnimationOptions(QChart::NoAnimation);
    chart_->legend()->setAlignment(Qt::AlignBottom);
    chart_->setMargins(QMargins(4, 4, 4, 4));
    xAxis_->setTitleText(xTitle);
    xAxis_->setLabelFormat(QStringLiteral("%g"));
    chart_->addAxis(xAxis_, Qt::AlignBottom);
    view_ = new LiveChartView(chart_, this);
    rebuildYAxis();

    // The tool buttons float in the chart's top-right corner, beside the title.
    tools_ = new QWidget(view_);
    logButton_ = toolButton(tr("Log"), tr("Logarithmic y axis"), tools_);
    logButton_->setCheckable(true);
    logButton_->hide();
    connect(logButton_, &QToolButton::toggled, this, &LiveChart::placeTools);
    connect(logButton_, &QToolButton::toggled, this, &LiveChart::setLogScale);
    auto* reset = toolButton(tr("Reset"),
                             tr("Reset the zoom (or right-click the chart); drag a rectangle or use "
                                "the wheel to zoom"),
                             tools_);
    connect(reset, &QToolButton::clicked, this, &LiveChart::resetZoom);
    auto* png = toolButton(tr("PNG…"), tr("Export the chart as a PNG image"), tools_);
    connect(png, &QToolButton::clicked, this, &LiveChart::exportPngDialog);
    auto* csv = toolButton(tr("CSV…"), tr("Export every point of the chart as CSV"), tools_);
    connect(csv, &QToolButton::clicked, this, &LiveChart::exportCsvDialog);

    auto* bar = new QHBoxLayout(tools_);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(0);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, font().pointSizeF() - 1));
    for (QToolButton* b : {logButton_, reset, png, csv}) {
        b->setFont(small);
        bar->addWidget(b);
    }
    tools_->setAutoFillBackground(true);
    tools_->hide();  // shown while the mouse is over the chart
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_, 1);
    QFont labels = chart_->font();
    labels.setPointSizeF(std::max(7.0, labels.pointSizeF() - 1));
    xAxis_->setLabelsFont(labels);
    yAxis_->setLabelsFont(labels);
    QFont titleFont = chart_->titleFont();
    titleFont.setBold(true);
    chart_->setTitleFont(titleFont);
    chart_->legend()->setFont(labels);

    timer_->setInterval(250);
    // Only what is seen: a replace() recomputes the series' geometry even for a hidden chart
    // (the Training page's charts while the Inspect page is shown).
    connect(timer_, &QTimer::timeout, this, [this] {
        if (isVisible()) redraw();
    });
    timer_->start();
}

LiveChart::~LiveChart() = default;

QChartView* LiveChart::view() const { return view_; }

void LiveChart::enterEvent(QEnterEvent*) {
    if (tools_) tools_->show();
    placeTools();
}

void LiveChart::leaveEvent(QEvent*) {
    if (tools_) tools_->hide();
}

void LiveChart::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    rangeDirty_ = true;  // the tick counts depend on the size
}

void LiveChart::placeTools() {
    if (!tools_) return;
    tools_->adjustSize();
    tools_->move(view_->width() - tools_->width() - 4, 2);
    tools_->raise();
}

void LiveChart::setXTitle(const QString& title) {
    xTitle_ = title;
    xAxis_->setTitleText(title);
}

void LiveChart::setAxisTitlesVisible(bool visible) {
    xAxis_->setTitleVisible(visible);
    axisTitles_ = visible;
    yAxis_->setTitleVisible(visible && yTitleVisible_);
}

void LiveChart::setYTitleVisible(bool visible) {
    yTitleVisible_ = visible;
    yAxis_->setTitleVisible(axisTitles_ && visible);
}

int LiveChart::addSeries(const QString& name, const QColor& color, Style style) {
    auto s = std::make_unique<Series>();
    s->name = name;
    s->line = new QLineSeries;
    s->line->setName(name);
    QPen pen(color);
    pen.setWidthF(style == Style::Line ? 1.5 : 2.0);
    if (style == Style::Dashed) pen.setStyle(Qt::DashLine);
    s->line->setPen(pen);
    if (style == Style::Markers) {
        s->line->setPointsVisible(true);
        s->line->setMarkerSize(6);
    }
    chart_->addSeries(s->line);
    s->line->attachAxis(xAxis_);
    s->line->attachAxis(yAxis_);
    series_.push_back(std::move(s));
    rangeDirty_ = true;
    return static_cast<int>(series_.size()) - 1;
}

void LiveChart::removeSeries(int id) {
    Series& s = *series_.at(id);
    if (s.line) {
        chart_->removeSeries(s.line);
        delete s.line;
        s.line = nullptr;
    }
    s.points.clear();
    rangeDirty_ = true;
}

void LiveChart::setSeriesVisible(int id, bool visible) {
    Series& s = *series_.at(id);
    s.visible = visible;
    if (s.line) s.line->setVisible(visible);
    rangeDirty_ = true;
}

int LiveChart::seriesCount() const { return static_cast<int>(series_.size()); }
QString LiveChart::seriesName(int id) const { return series_.at(id)->name; }

void LiveChart::append(int id, double x, double y) {
    Series& s = *series_.at(id);
    if (!std::isfinite(y)) return;
    s.points.append(QPointF(x, y));
    s.minY = std::min(s.minY, y);
    s.maxY = std::max(s.maxY, y);
    if (y > 0) s.minPositiveY = std::min(s.minPositiveY, y);
    s.dirty = true;
}

void LiveChart::setData(int id, QVector<QPointF> points) {
    clearData(id);
    for (const QPointF& p : points) append(id, p.x(), p.y());
}

void LiveChart::clearData(int id) {
    Series& s = *series_.at(id);
    s.points.clear();
    s.minY = s.minPositiveY = std::numeric_limits<double>::infinity();
    s.maxY = -std::numeric_limits<double>::infinity();
    s.dirty = true;
}

const QVector<QPointF>& LiveChart::data(int id) const { return series_.at(id)->points; }

int LiveChart::drawnPointCount(int id) const {
    const Series& s = *series_.at(id);
    return s.line ? static_cast<int>(s.line->count()) : 0;
}

void LiveChart::setMaxDrawnPoints(int n) {
    maxDrawn_ = std::max(4, n);
    for (auto& s : series_) s->dirty = true;
}

void LiveChart::setRefreshInterval(int ms) { timer_->setInterval(ms); }
void LiveChart::refreshNow() { redraw(); }

void LiveChart::setLogScaleAllowed(bool allowed) {
    logButton_->setVisible(allowed);
    placeTools();
}

void LiveChart::setLogScale(bool on) {
    if (on == log_) return;
    log_ = on;
    logButton_->setChecked(on);
    rebuildYAxis();
    resetZoom();  // a linear zoom's y range means nothing on a log axis
}

void LiveChart::rebuildYAxis() {
    if (yAxis_) {
        for (auto& s : series_)
            if (s->line) s->line->detachAxis(yAxis_);
        chart_->removeAxis(yAxis_);
        delete yAxis_;
    }
    if (log_) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(-1);
        yAxis_ = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%.3g"));
        yAxis_ = axis;
    }
    yAxis_->setTitleText(yTitle_);
    yAxis_->setTitleVisible(axisTitles_ && yTitleVisible_);
    yAxis_->setLabelsFont(xAxis_->labelsFont());
    chart_->addAxis(yAxis_, Qt::AlignLeft);
    for (auto& s : series_)
        if (s->line) s->line->attachAxis(yAxis_);
}

namespace {
std::pair<double, double> rangeOf(const QAbstractAxis* axis) {
    if (auto* v = qobject_cast<const QValueAxis*>(axis)) return {v->min(), v->max()};
    if (auto* l = qobject_cast<const QLogValueAxis*>(axis)) return {l->min(), l->max()};
    return {0, 1};
}
void setRangeOf(QAbstractAxis* axis, double lo, double hi) {
    if (auto* v = qobject_cast<QValueAxis*>(axis)) v->setRange(lo, hi);
    if (auto* l = qobject_cast<QLogValueAxis*>(axis)) l->setRange(lo, hi);
}
}  // namespace

void LiveChart::markZoomed() {
    // Stop following the data and redraw the visible range in full detail.
    zoomX0_ = xAxis_->min();
    zoomX1_ = xAxis_->max();
    std::tie(zoomY0_, zoomY1_) = rangeOf(yAxis_);
    for (auto& s : series_) s->dirty = true;
    if (!zoomed_) {
        zoomed_ = true;
        emit zoomChanged(true);
    }
    redraw();
}

void LiveChart::restoreZoomRanges() {
    xAxis_->setRange(zoomX0_, zoomX1_);
    setRangeOf(yAxis_, zoomY0_, zoomY1_);
}

void LiveChart::resetZoom() {
    const bool was = zoomed_;
    zoomed_ = false;
    rangeDirty_ = true;
    for (auto& s : series_) s->dirty = true;
    redraw();
    if (was) emit zoomChanged(false);
}

void LiveChart::zoomX(double factor, double x) {
    const double lo = xAxis_->min(), hi = xAxis_->max();
    if (!(hi > lo) || factor <= 0) return;
    const double newLo = x - (x - lo) / factor, newHi = x + (hi - x) / factor;
    xAxis_->setRange(newLo, newHi);
    markZoomed();
}

namespace {

struct NiceRange {
    double lo, hi;
    int ticks;
};

// Round numbers around [lo, hi] with at most `maxTicks` ticks. Snapping the axes to them means
// they change only now and then as data arrives: every axis change makes Qt Charts recompute
// every drawn point, which costs far more than the replace() itself.
NiceRange niceRange(double lo, double hi, int maxTicks = 6) {
    if (!(hi > lo)) hi = lo + std::max(1e-6, std::abs(lo) * 0.1);
    const double raw = (hi - lo) / (maxTicks - 1);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * mag;
        if (step >= raw * (1 - 1e-9)) break;
    }
    const double nlo = std::floor(lo / step + 1e-9) * step;
    const double nhi = std::ceil(hi / step - 1e-9) * step;
    return {nlo, nhi, int(std::lround((nhi - nlo) / step)) + 1};
}

void setValueAxis(QValueAxis* axis, const NiceRange& r) {
    if (axis->tickCount() != r.ticks) axis->setTickCount(r.ticks);
    if (axis->min() != r.lo || axis->max() != r.hi) axis->setRange(r.lo, r.hi);
}

}  // namespace

void LiveChart::applyRanges() {
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0, yPos = x0;
    for (const auto& s : series_) {
        if (!s->line || !s->visible || s->points.isEmpty()) continue;
        x0 = std::min(x0, s->points.front().x());
        x1 = std::max(x1, s->points.back().x());
        y0 = std::min(y0, s->minY);
        y1 = std::max(y1, s->maxY);
        yPos = std::min(yPos, s->minPositiveY);
    }
    const bool empty = !std::isfinite(x0);
    if (empty) {  // nothing drawn yet: a plain 0..1 (not padded into -2..2 on a small chart)
        x0 = 0;
        x1 = 1;
        y0 = 0;
        y1 = 1;
        yPos = 0.01;
    }
    // As many ticks as fit, so no label is elided in a small chart.
    const QRectF plot = chart_->plotArea();
    const int xTicks = std::clamp(int(plot.width() / 60), 2, 7);
    const int yTicks = std::clamp(int(plot.height() / 26), 2, 6);
    if (x1 <= x0) {  // a single x (a one-epoch run): centred, so its marker is not cut at the edge
        const double half = std::max(0.5, std::abs(x0) * 0.5);
        x0 -= half;
        x1 = x0 + 2 * half;
    }
    setValueAxis(xAxis_, niceRange(x0, x1, xTicks));
    if (log_) {
        if (!std::isfinite(yPos)) yPos = 1e-3;
        const double lo = std::pow(10.0, std::floor(std::log10(yPos)));
        const double hi = std::pow(10.0, std::ceil(std::log10(std::max(y1, yPos * 10))));
        auto* axis = static_cast<QLogValueAxis*>(yAxis_);
        if (axis->min() != lo || axis->max() != hi) axis->setRange(lo, hi);
    } else {
        const double pad = empty ? 0 : y1 > y0 ? (y1 - y0) * 0.02 : std::max(1e-3, std::abs(y0) * 0.05);
        setValueAxis(static_cast<QValueAxis*>(yAxis_), niceRange(std::max(y0 - pad, std::min(yFloor_, y0)),
                                                                 std::min(y1 + pad, std::max(yCeiling_, y1)), yTicks));
    }
}

void LiveChart::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    redraw();  // what arrived while it was hidden
}

void LiveChart::redraw() {
    bool any = rangeDirty_;
    for (const auto& s : series_) any = any || s->dirty;
    if (!any) return;
    rangeDirty_ = false;
    const double lo = zoomX0_, hi = zoomX1_;
    for (auto& s : series_) {
        if (!s->dirty || !s->line) continue;
        s->dirty = false;
        QList<QPointF> pts = zoomed_ ? decimate(s->points, maxDrawn_, lo, hi) : decimate(s->points, maxDrawn_);
        if (log_)
            for (QPointF& p : pts) p.setY(std::max(p.y(), 1e-12));
        s->line->replace(pts);
    }
    // After replace(): the chart may have fitted the axes to the drawn points itself.
    if (zoomed_)
        restoreZoomRanges();
    else
        applyRanges();
}

QString LiveChart::valuesAt(double x) const {
    QStringList lines;
    double shownX = std::numeric_limits<double>::quiet_NaN();
    for (const auto& s : series_) {
        if (!s->line || !s->visible || s->points.isEmpty()) continue;
        const auto& pts = s->points;
        auto it = std::lower_bound(pts.begin(), pts.end(), x, [](const QPointF& p, double v) { return p.x() < v; });
        if (it == pts.end()) --it;
        if (it != pts.begin() && std::abs((it - 1)->x() - x) < std::abs(it->x() - x)) --it;
        const double span = std::max(1.0, (xAxis_->max() - xAxis_->min()) * 0.03);
        if (std::abs(it->x() - x) > span) continue;
        if (std::isnan(shownX)) shownX = it->x();
        lines << QStringLiteral("%1: %2 (%3 %4)").arg(s->name).arg(it->y(), 0, 'g', 5).arg(xTitle_).arg(it->x());
    }
    return lines.join(QLatin1Char('\n'));
}

bool LiveChart::exportPng(const QString& path) const { return view_->grab().save(path, "PNG"); }

bool LiveChart::exportCsv(const QString& path) const {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
    QTextStream out(&f);
    out << "series," << xTitle_ << ',' << yTitle_ << '\n';
    for (const auto& s : series_) {
        QString name = s->name;
        name.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        for (const QPointF& p : s->points)
            out << '"' << name << "\"," << QString::number(p.x(), 'g', 10) << ',' << QString::number(p.y(), 'g', 8)
                << '\n';
    }
    return out.status() == QTextStream::Ok;
}

void LiveChart::exportPngDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart"), chart_->title() + QStringLiteral(".png"), tr("PNG images (*.png)"));
    if (!path.isEmpty()) exportPng(path);
}

void LiveChart::exportCsvDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart Data"), chart_->title() + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) exportCsv(path);
}

}  // namespace cs::gui
