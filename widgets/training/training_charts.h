#pragma once
// The three live charts of a run: loss (per batch raw and smoothed, per epoch validation),
// accuracy (per epoch training and validation, plus the smoothed batch accuracy so it moves
// during the first epoch) and the learning rate. The x axis is the epoch (fractional for
// batches), so runs of different lengths and batch counts overlay: earlier runs from the
// project's history can be shown dashed for comparison.
#include <QColor>
#include <QMap>
#include <QVector>
#include <QWidget>

#include "train/trainer.h"

namespace cs::gui {

class LiveChart;

// One earlier run's per-epoch curves, as kept in the project's history.
struct RunCurves {
    QString label;
    QVector<QPointF> loss, valLoss, accuracy, valAccuracy, learningRate;
    static RunCurves fromHistory(const nlohmann::json& run, const QString& label);
};

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    // Clears the current run's curves (a resumed run keeps them and continues).
    void beginRun(bool resumed);
    void addBatches(const QVector<BatchStats>& batches);
    void addEpoch(const EpochStats& epoch);

    // Shows (or hides) an earlier run dashed under `key`.
    void setOverlay(int key, const RunCurves& curves, bool shown);
    void clearOverlays();
    QList<int> overlayKeys() const { return overlays_.keys(); }

    void setSmoothing(double factor);  // EMA factor in [0, 0.999]
    double smoothing() const { return smoothing_; }

    LiveChart* lossChart() const { return loss_; }
    LiveChart* accuracyChart() const { return accuracy_; }
    LiveChart* learningRateChart() const { return rate_; }
    void refreshNow();

private:
    struct Overlay {
        QVector<int> lossSeries, accuracySeries, rateSeries;
    };
    LiveChart* loss_;
    LiveChart* accuracy_;
    LiveChart* rate_;
    int batchLoss_, smoothLoss_, epochLoss_, valLoss_;
    int batchAccuracy_, epochAccuracy_, valAccuracy_;
    int rateSeries_;
    double smoothing_ = 0.9;
    double emaLoss_ = 0, emaAccuracy_ = 0;
    int64_t emaCount_ = 0;
    QMap<int, Overlay> overlays_;
    int colorIndex_ = 0;
};

}  // namespace cs::gui
