#pragma once
// A Qt Charts line chart for data that keeps arriving. append() only buffers; a timer redraws
// the changed series a few times a second with QXYSeries::replace(), decimated to a bounded
// number of points of the visible range, so 100,000 points stay smooth while the full data is
// kept for CSV export. A hidden chart is not redrawn until it is shown (or refreshNow()). Axes follow the data until
// the user zooms (rubber band or wheel; a right-click or "Reset" goes back); hovering shows the nearest values; the y
// axis can switch to a log scale; the chart exports as PNG and its data as CSV.
#include <QColor>
#include <QPointF>
#include <QVector>
#include <QWidget>
#include <memory>
#include <vector>

class QChart;
class QChartView;
class QLineSeries;
class QAbstractAxis;
class QValueAxis;
class QTimer;
class QToolButton;
class QEnterEvent;

namespace cs::gui {

class LiveChartView;

class LiveChart : public QWidget {
    Q_OBJECT
public:
    enum class Style { Line, Dashed, Markers };

    LiveChart(const QString& title, const QString& xTitle, const QString& yTitle, QWidget* parent = nullptr);
    ~LiveChart() override;

    int addSeries(const QString& name, const QColor& color, Style style = Style::Line);
    void removeSeries(int id);
    void setSeriesVisible(int id, bool visible);
    int seriesCount() const;  // ids are 0..seriesCount()-1; removed ones stay empty
    QString seriesName(int id) const;

    // Buffers a point (x must not decrease within a series); drawn at the next refresh.
    void append(int id, double x, double y);
    void setData(int id, QVector<QPointF> points);
    void clearData(int id);
    const QVector<QPointF>& data(int id) const;
    int drawnPointCount(int id) const;

    void setMaxDrawnPoints(int n);  // per series, at least 4
    int maxDrawnPoints() const { return maxDrawn_; }
    void setRefreshInterval(int ms);
    void refreshNow();

    void setLogScaleAllowed(bool allowed);
    void setLogScale(bool on);
    bool logScale() const { return log_; }
    void setYFloor(double floor) { yFloor_ = floor; }  // lowest y the autoscale shows (e.g. 0 for loss)
    // Highest y the autoscale shows when the data stays below it (1 for accuracy): the padding
    // above the curve does not turn a 0..1 axis into 0..2.
    void setYCeiling(double ceiling) { yCeiling_ = ceiling; }
    void resetZoom();
    bool isZoomed() const { return zoomed_; }
    // Zooms the x axis by `factor` (> 1 magnifies) around `x`.
    void zoomX(double factor, double x);

    // Freezes the current axis ranges as the user's zoom (the rubber band calls this).
    void markZoomed();

    // Text shown when hovering at x (the nearest point of each visible series).
    QString valuesAt(double x) const;

    bool exportPng(const QString& path) const;
    bool exportCsv(const QString& path) const;  // "series,x,y" rows, every point

    // Hides the axis titles (small charts whose title says it all).
    void setAxisTitlesVisible(bool visible);
    // Hides the y axis's title only. Qt Charts sizes a vertical title by the widget font's
    // metrics, so a CJK title (taller glyphs from a fallback font) is elided to "⋮"; a chart
    // whose own title names its y values does without it.
    void setYTitleVisible(bool visible);
    void setXTitle(const QString& title);  // the x axis's title, hover text and CSV column
    void placeTools();

    QChart* chart() const { return chart_; }
    QChartView* view() const;

signals:
    void zoomChanged(bool zoomed);

protected:
    void enterEvent(QEnterEvent* e) override;
    void leaveEvent(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    struct Series;
    void redraw();
    void applyRanges();
    void rebuildYAxis();
    void restoreZoomRanges();
    void exportPngDialog();
    void exportCsvDialog();

    QChart* chart_;
    LiveChartView* view_;
    QValueAxis* xAxis_;
    QAbstractAxis* yAxis_ = nullptr;
    QToolButton* logButton_;
    QWidget* tools_ = nullptr;
    bool axisTitles_ = true;
    bool yTitleVisible_ = true;
    QTimer* timer_;
    std::vector<std::unique_ptr<Series>> series_;
    int maxDrawn_ = 1500;
    bool log_ = false;
    bool zoomed_ = false;
    double zoomX0_ = 0, zoomX1_ = 1, zoomY0_ = 0, zoomY1_ = 1;
    bool rangeDirty_ = true;
    double yFloor_ = -1e300;
    double yCeiling_ = 1e300;
    QString xTitle_, yTitle_;
};

}  // namespace cs::gui
