#include "training/training_charts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>

#include "common/setting.h"
#include "core/errors.h"
#include "train/run_record.h"
#include "training/live_chart.h"

namespace cs::gui {

namespace {
const QColor kTrain(0x1f, 0x77, 0xb4);
const QColor kTrainLight(0xa6, 0xc8, 0xe6);
const QColor kValidation(0xd6, 0x27, 0x28);
const QColor kAccuracy(0x2c, 0xa0, 0x2c);
const QColor kAccuracyLight(0xa8, 0xd8, 0xa8);
const QColor kRate(0x94, 0x67, 0xbd);
const QColor kOverlay[] = {QColor(0x7f, 0x7f, 0x7f), QColor(0xff, 0x7f, 0x0e), QColor(0x8c, 0x56, 0x4b),
                           QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22), QColor(0xe3, 0x77, 0xc2)};
// Viewing preferences, the user's (the same runs look the same in every project).
inline const Setting<int> kSmoothingPercent{"training/chartSmoothingPercent", 90};
inline const Setting<int> kXAxis{"training/chartXAxis", 0};  // 0 epoch, 1 training time

QColor faint(QColor c) {
    c.setAlpha(90);
    return c;
}

}  // namespace

RunCurves RunCurves::fromHistory(const nlohmann::json& run, const QString& label) {
    RunCurves c;
    c.label = label;
    RunRecord record;
    try {
        record = RunRecord::fromJson(run);
    } catch (const Error&) {
        return c;  // a damaged record draws nothing rather than half its curves
    }
    double minutes = 0;
    for (const EpochStats& e : record.epochs) {
        const double x = e.epoch + 1;
        minutes += e.seconds / 60;  // pauses are already left out of an epoch's seconds
        c.minutes << minutes;
        c.loss << QPointF(x, e.loss);
        c.accuracy << QPointF(x, e.accuracy);
        if (e.hasValidation) {
            c.valLoss << QPointF(x, e.valLoss);
            c.valAccuracy << QPointF(x, e.valAccuracy);
        }
        c.learningRate << QPointF(x, e.learningRate);
    }
    return c;
}

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
    loss_ = new LiveChart(tr("Loss"), tr("epoch"), tr("loss"), this);
    loss_->setObjectName(QStringLiteral("lossChart"));
    loss_->setLogScaleAllowed(true);
    loss_->setYFloor(0);
    loss_->setYTitleVisible(false);  // the chart's title says it; a vertical CJK title shows as "⋮"
    batchLoss_ = loss_->addSeries(tr("training (batch)"), kTrainLight);
    smoothLoss_ = loss_->addSeries(tr("training (smoothed)"), kTrain);
    epochLoss_ = loss_->addSeries(tr("training (epoch)"), kTrain, LiveChart::Style::Markers);
    valLoss_ = loss_->addSeries(tr("validation"), kValidation, LiveChart::Style::Markers);

    accuracy_ = new LiveChart(tr("Accuracy"), tr("epoch"), tr("accuracy"), this);
    accuracy_->setObjectName(QStringLiteral("accuracyChart"));
    accuracy_->setAxisTitlesVisible(false);
    accuracy_->setYFloor(0);  // accuracy lies in 0..1
    accuracy_->setYCeiling(1);
    batchAccuracy_ = accuracy_->addSeries(tr("training (batches)"), kAccuracyLight);
    epochAccuracy_ = accuracy_->addSeries(tr("training"), kAccuracy, LiveChart::Style::Markers);
    valAccuracy_ = accuracy_->addSeries(tr("validation"), kValidation, LiveChart::Style::Markers);

    rate_ = new LiveChart(tr("Learning rate"), tr("epoch"), tr("learning rate"), this);
    rate_->setObjectName(QStringLiteral("learningRateChart"));
    rate_->setLogScaleAllowed(true);
    rate_->setAxisTitlesVisible(false);
    rate_->setYFloor(0);
    rateSeries_ = rate_->addSeries(tr("learning rate"), kRate);

    smoothingSlider_ = new QSlider(Qt::Horizontal);
    smoothingSlider_->setObjectName(QStringLiteral("chartSmoothing"));
    smoothingSlider_->setRange(0, 99);
    smoothingSlider_->setMaximumWidth(160);
    smoothingSlider_->setToolTip(
        tr("Exponential moving average of the curves (0: raw). The raw curve stays faint behind."));
    smoothingValue_ = new QLabel;
    xAxisBox_ = new QComboBox;
    xAxisBox_->setObjectName(QStringLiteral("chartXAxis"));
    xAxisBox_->addItem(tr("Epoch"));
    xAxisBox_->addItem(tr("Training time"));
    xAxisBox_->setToolTip(tr("Draw the curves against the epoch or the training time in minutes (pauses left out)"));
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(4, 0, 4, 0);
    controls->addWidget(new QLabel(tr("Smoothing:")));
    controls->addWidget(smoothingSlider_);
    controls->addWidget(smoothingValue_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("X axis:")));
    controls->addWidget(xAxisBox_);
    controls->addStretch(1);

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(accuracy_);
    bottom->addWidget(rate_);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(loss_);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    setSmoothing(kSmoothingPercent.get() / 100.0);
    setXAxis(kXAxis.get() == 1 ? XAxis::Time : XAxis::Epoch);
    connect(smoothingSlider_, &QSlider::valueChanged, this, [this](int percent) {
        if (qRound(smoothing_ * 100) == percent) return;
        setSmoothing(percent / 100.0);
        kSmoothingPercent.set(percent);
    });
    connect(xAxisBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
        const XAxis axis = index == 1 ? XAxis::Time : XAxis::Epoch;
        if (axis == xAxis_) return;
        setXAxis(axis);
        kXAxis.set(index);
    });
}

QVector<QPointF> TrainingCharts::smoothed(const QVector<QPointF>& points, double factor) {
    QVector<QPointF> out;
    out.reserve(points.size());
    double ema = 0, weight = 0;
    for (const QPointF& p : points) {
        ema = factor * ema + (1 - factor) * p.y();
        weight = factor * weight + (1 - factor);  // 1 - factor^n: the start is not pulled to 0
        out << QPointF(p.x(), weight > 0 ? ema / weight : p.y());
    }
    return out;
}

void TrainingCharts::beginRun(bool resumed) {
    if (resumed) return;  // the curves, their time and their average continue
    emaLoss_ = emaAccuracy_ = 0;
    emaCount_ = 0;
    batches_.clear();
    epochs_.clear();
    minutesBefore_ = minutesInEpoch_ = 0;
    timedEpoch_ = -1;
    for (int s : {batchLoss_, smoothLoss_, epochLoss_, valLoss_}) loss_->clearData(s);
    for (int s : {batchAccuracy_, epochAccuracy_, valAccuracy_}) accuracy_->clearData(s);
    rate_->clearData(rateSeries_);
    for (LiveChart* c : {loss_, accuracy_, rate_}) c->resetZoom();
}

void TrainingCharts::addBatches(const QVector<BatchStats>& batches) {
    for (const BatchStats& b : batches) {
        if (b.epoch != timedEpoch_) {
            timedEpoch_ = b.epoch;
            minutesInEpoch_ = 0;
        }
        minutesInEpoch_ += b.seconds / 60;  // the trainer leaves pauses out of a batch's time
        const BatchPoint p{b.epoch + double(b.batch + 1) / std::max(1, b.batchesPerEpoch),
                           minutesBefore_ + minutesInEpoch_, b.loss, b.accuracy, b.learningRate};
        batches_ << p;
        ++emaCount_;
        emaLoss_ = smoothing_ * emaLoss_ + (1 - smoothing_) * b.loss;
        emaAccuracy_ = smoothing_ * emaAccuracy_ + (1 - smoothing_) * b.accuracy;
        const double debias = 1 - std::pow(smoothing_, double(emaCount_));  // as TensorBoard does
        const double px = x(p.epochX, p.minutes);
        loss_->append(batchLoss_, px, b.loss);
        loss_->append(smoothLoss_, px, debias > 0 ? emaLoss_ / debias : b.loss);
        accuracy_->append(batchAccuracy_, px, debias > 0 ? emaAccuracy_ / debias : b.accuracy);
        rate_->append(rateSeries_, px, b.learningRate);
    }
}

void TrainingCharts::addEpoch(const EpochStats& e) {
    // An epoch's seconds (pauses left out) include its validation pass, so the time axis
    // shows where that went.
    minutesBefore_ += e.seconds / 60;
    timedEpoch_ = -1;
    const EpochPoint p{double(e.epoch + 1), minutesBefore_, e};
    epochs_ << p;
    const double px = x(p.epochX, p.minutes);
    loss_->append(epochLoss_, px, e.loss);
    accuracy_->append(epochAccuracy_, px, e.accuracy);
    if (e.hasValidation) {
        loss_->append(valLoss_, px, e.valLoss);
        accuracy_->append(valAccuracy_, px, e.valAccuracy);
    }
    if (batches_.isEmpty()) rate_->append(rateSeries_, px, e.learningRate);  // a restored epoch
}

void TrainingCharts::redrawRun() {
    QVector<QPointF> loss, accuracy, rate, epochLoss, valLoss, epochAccuracy, valAccuracy;
    for (const BatchPoint& b : batches_) {
        const double px = x(b.epochX, b.minutes);
        loss << QPointF(px, b.loss);
        accuracy << QPointF(px, b.accuracy);
        rate << QPointF(px, b.rate);
    }
    for (const EpochPoint& e : epochs_) {
        const double px = x(e.epochX, e.minutes);
        epochLoss << QPointF(px, e.stats.loss);
        epochAccuracy << QPointF(px, e.stats.accuracy);
        if (e.stats.hasValidation) {
            valLoss << QPointF(px, e.stats.valLoss);
            valAccuracy << QPointF(px, e.stats.valAccuracy);
        }
        if (batches_.isEmpty()) rate << QPointF(px, double(e.stats.learningRate));
    }
    loss_->setData(smoothLoss_, smoothed(loss, smoothing_));
    accuracy_->setData(batchAccuracy_, smoothed(accuracy, smoothing_));
    loss_->setData(batchLoss_, std::move(loss));
    loss_->setData(epochLoss_, std::move(epochLoss));
    loss_->setData(valLoss_, std::move(valLoss));
    accuracy_->setData(epochAccuracy_, std::move(epochAccuracy));
    accuracy_->setData(valAccuracy_, std::move(valAccuracy));
    rate_->setData(rateSeries_, std::move(rate));
}

void TrainingCharts::redrawOverlay(const Overlay& o) {
    for (const OverlayCurve& c : o.curves) {
        QVector<QPointF> pts;
        for (const QPointF& p : c.points) {
            const int i = qRound(p.x()) - 1;
            pts << QPointF(x(p.x(), i >= 0 && i < o.minutes.size() ? o.minutes[i] : 0), p.y());
        }
        if (c.raw >= 0) {
            c.chart->setData(c.line, smoothed(pts, smoothing_));
            c.chart->setData(c.raw, std::move(pts));
        } else {
            c.chart->setData(c.line, std::move(pts));
        }
    }
}

void TrainingCharts::setOverlay(int key, const RunCurves& c, bool shown) {
    auto it = overlays_.find(key);
    if (!shown) {
        if (it == overlays_.end()) return;
        for (const OverlayCurve& curve : it->curves) {
            if (curve.raw >= 0) curve.chart->removeSeries(curve.raw);
            curve.chart->removeSeries(curve.line);
        }
        overlays_.erase(it);
        return;
    }
    if (it != overlays_.end()) return;
    const QColor color = kOverlay[colorIndex_++ % std::size(kOverlay)];
    Overlay o;
    o.minutes = c.minutes;
    auto add = [&](LiveChart* chart, const QString& name, const QVector<QPointF>& pts, bool smooth) {
        if (pts.isEmpty()) return;
        OverlayCurve curve{chart, -1, -1, pts};
        // A one-epoch run is a single point: a dashed line would draw nothing, and there is
        // nothing to smooth.
        if (pts.size() == 1) {
            curve.line = chart->addSeries(name, color, LiveChart::Style::Markers);
        } else {
            if (smooth) curve.raw = chart->addSeries(tr("%1 (raw)").arg(name), faint(color), LiveChart::Style::Dashed);
            curve.line = chart->addSeries(name, color, LiveChart::Style::Dashed);
        }
        o.curves << curve;
    };
    add(loss_, tr("%1 training").arg(c.label), c.loss, true);
    add(loss_, tr("%1 validation").arg(c.label), c.valLoss, true);
    add(accuracy_, tr("%1 training").arg(c.label), c.accuracy, true);
    add(accuracy_, tr("%1 validation").arg(c.label), c.valAccuracy, true);
    add(rate_, c.label, c.learningRate, false);  // a schedule, not a noisy measurement
    redrawOverlay(o);
    overlays_.insert(key, o);
}

void TrainingCharts::clearOverlays() {
    const auto keys = overlays_.keys();
    for (int k : keys) setOverlay(k, {}, false);
}

void TrainingCharts::setSmoothing(double factor) {
    smoothing_ = std::clamp(factor, 0.0, 0.99);
    // The running average goes on from the whole run, as redrawRun smoothed it.
    emaLoss_ = emaAccuracy_ = 0;
    emaCount_ = 0;
    for (const BatchPoint& b : batches_) {
        ++emaCount_;
        emaLoss_ = smoothing_ * emaLoss_ + (1 - smoothing_) * b.loss;
        emaAccuracy_ = smoothing_ * emaAccuracy_ + (1 - smoothing_) * b.accuracy;
    }
    redrawRun();
    for (const Overlay& o : overlays_) redrawOverlay(o);
    showSmoothing();
}

void TrainingCharts::showSmoothing() {
    const QSignalBlocker block(smoothingSlider_);
    smoothingSlider_->setValue(qRound(smoothing_ * 100));
    smoothingValue_->setText(QLocale().toString(smoothing_, 'f', 2));
}

void TrainingCharts::setXAxis(XAxis axis) {
    xAxis_ = axis;
    const QString title = axis == XAxis::Epoch ? tr("epoch") : tr("minutes");
    for (LiveChart* c : {loss_, accuracy_, rate_}) {
        c->setXTitle(title);
        c->resetZoom();
    }
    {
        const QSignalBlocker block(xAxisBox_);
        xAxisBox_->setCurrentIndex(axis == XAxis::Time ? 1 : 0);
    }
    redrawRun();
    for (const Overlay& o : overlays_) redrawOverlay(o);
}

void TrainingCharts::refreshNow() {
    for (LiveChart* c : {loss_, accuracy_, rate_}) c->refreshNow();
}

}  // namespace cs::gui
