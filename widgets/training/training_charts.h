#pragma once
// The three live charts of a run: loss (per batch raw and smoothed, per epoch validation),
// accuracy (per epoch training and validation, plus the smoothed batch accuracy so it moves
// during the first epoch) and the learning rate. Earlier runs from the project's history can
// be shown dashed for comparison. Above the charts, two viewing controls that apply to the
// live curves and the earlier runs alike: the smoothing (an exponential moving average,
// debiased at the start as TensorBoard does; the raw curve stays faint behind) and the x axis,
// epoch (fractional for batches, so runs of different lengths and batch counts overlay) or
// training time (pauses left out). Both are the user's viewing preference, remembered in the
// user's settings rather than in the project.
#include <QColor>
#include <QMap>
#include <QVector>
#include <QWidget>

#include "train/trainer.h"

class QComboBox;
class QLabel;
class QSlider;

namespace cs::gui {

class LiveChart;

// One earlier run's per-epoch curves, as kept in the project's history.
struct RunCurves {
    QString label;
    QVector<QPointF> loss, valLoss, accuracy, valAccuracy, learningRate;  // x: the epoch, 1-based
    QVector<double> minutes;  // training time at the end of each epoch (index epoch - 1)
    static RunCurves fromHistory(const nlohmann::json& run, const QString& label);
};

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    enum class XAxis { Epoch, Time };

    explicit TrainingCharts(QWidget* parent = nullptr);

    // Clears the current run's curves (a resumed run keeps them and continues).
    void beginRun(bool resumed);
    void addBatches(const QVector<BatchStats>& batches);
    void addEpoch(const EpochStats& epoch);

    // Shows (or hides) an earlier run dashed under `key`.
    void setOverlay(int key, const RunCurves& curves, bool shown);
    void clearOverlays();
    QList<int> overlayKeys() const { return overlays_.keys(); }

    void setSmoothing(double factor);  // EMA factor in [0, 0.99]; redraws every smoothed curve
    double smoothing() const { return smoothing_; }
    void setXAxis(XAxis axis);  // redraws every curve against the epoch or the training time
    XAxis xAxis() const { return xAxis_; }

    // The debiased exponential moving average of `points` (x kept), as drawn.
    static QVector<QPointF> smoothed(const QVector<QPointF>& points, double factor);

    LiveChart* lossChart() const { return loss_; }
    LiveChart* accuracyChart() const { return accuracy_; }
    LiveChart* learningRateChart() const { return rate_; }
    QSlider* smoothingSlider() const { return smoothingSlider_; }
    QComboBox* xAxisBox() const { return xAxisBox_; }
    void refreshNow();

private:
    // What arrived, with both x values, so a change of axis or smoothing redraws from it.
    struct BatchPoint {
        double epochX, minutes, loss, accuracy, rate;
    };
    struct EpochPoint {
        double epochX, minutes;
        EpochStats stats;
    };
    struct OverlayCurve {
        LiveChart* chart;
        int raw = -1;  // the faint unsmoothed curve (none for a single point or the learning rate)
        int line = -1;
        QVector<QPointF> points;  // x: the epoch
    };
    struct Overlay {
        QVector<OverlayCurve> curves;
        QVector<double> minutes;
    };
    double x(double epochX, double minutes) const { return xAxis_ == XAxis::Epoch ? epochX : minutes; }
    void redrawRun();
    void redrawOverlay(const Overlay& o);
    void showSmoothing();

    LiveChart* loss_;
    LiveChart* accuracy_;
    LiveChart* rate_;
    QSlider* smoothingSlider_;
    QLabel* smoothingValue_;
    QComboBox* xAxisBox_;
    int batchLoss_, smoothLoss_, epochLoss_, valLoss_;
    int batchAccuracy_, epochAccuracy_, valAccuracy_;
    int rateSeries_;
    double smoothing_ = 0.9;
    XAxis xAxis_ = XAxis::Epoch;
    double emaLoss_ = 0, emaAccuracy_ = 0;
    int64_t emaCount_ = 0;
    QVector<BatchPoint> batches_;
    QVector<EpochPoint> epochs_;
    double minutesBefore_ = 0;  // training time of the epochs finished
    int timedEpoch_ = -1;       // the epoch whose batch time minutesInEpoch_ sums
    double minutesInEpoch_ = 0;
    QMap<int, Overlay> overlays_;
    int colorIndex_ = 0;
};

}  // namespace cs::gui
