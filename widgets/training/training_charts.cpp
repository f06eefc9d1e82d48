#include "training/training_charts.h"

#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>

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
    for (const EpochStats& e : record.epochs) {
        const double x = e.epoch + 1;
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
    batchLoss_ = loss_->addSeries(tr("training (batch)"), kTrainLight);
    smoothLoss_ = loss_->addSeries(tr("training (smoothed)"), kTrain);
    epochLoss_ = loss_->addSeries(tr("training (epoch)"), kTrain, LiveChart::Style::Markers);
    valLoss_ = loss_->addSeries(tr("validation"), kValidation, LiveChart::Style::Markers);

    accuracy_ = new LiveChart(tr("Accuracy"), tr("epoch"), tr("accuracy"), this);
    accuracy_->setObjectName(QStringLiteral("accuracyChart"));
    accuracy_->setAxisTitlesVisible(false);
    batchAccuracy_ = accuracy_->addSeries(tr("training (batches)"), kAccuracyLight);
    epochAccuracy_ = accuracy_->addSeries(tr("training"), kAccuracy, LiveChart::Style::Markers);
    valAccuracy_ = accuracy_->addSeries(tr("validation"), kValidation, LiveChart::Style::Markers);

    rate_ = new LiveChart(tr("Learning rate"), tr("epoch"), tr("learning rate"), this);
    rate_->setObjectName(QStringLiteral("learningRateChart"));
    rate_->setLogScaleAllowed(true);
    rate_->setAxisTitlesVisible(false);
    rate_->setYFloor(0);
    rateSeries_ = rate_->addSeries(tr("learning rate"), kRate);

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
    layout->addWidget(split);
}

void TrainingCharts::beginRun(bool resumed) {
    emaLoss_ = emaAccuracy_ = 0;
    emaCount_ = 0;
    if (resumed) return;
    for (int s : {batchLoss_, smoothLoss_, epochLoss_, valLoss_}) loss_->clearData(s);
    for (int s : {batchAccuracy_, epochAccuracy_, valAccuracy_}) accuracy_->clearData(s);
    rate_->clearData(rateSeries_);
    for (LiveChart* c : {loss_, accuracy_, rate_}) c->resetZoom();
}

void TrainingCharts::addBatches(const QVector<BatchStats>& batches) {
    for (const BatchStats& b : batches) {
        const double x = b.epoch + double(b.batch + 1) / std::max(1, b.batchesPerEpoch);
        ++emaCount_;
        emaLoss_ = smoothing_ * emaLoss_ + (1 - smoothing_) * b.loss;
        emaAccuracy_ = smoothing_ * emaAccuracy_ + (1 - smoothing_) * b.accuracy;
        const double debias = 1 - std::pow(smoothing_, double(emaCount_));  // as TensorBoard does
        loss_->append(batchLoss_, x, b.loss);
        loss_->append(smoothLoss_, x, debias > 0 ? emaLoss_ / debias : b.loss);
        accuracy_->append(batchAccuracy_, x, debias > 0 ? emaAccuracy_ / debias : b.accuracy);
        rate_->append(rateSeries_, x, b.learningRate);
    }
}

void TrainingCharts::addEpoch(const EpochStats& e) {
    const double x = e.epoch + 1;
    loss_->append(epochLoss_, x, e.loss);
    accuracy_->append(epochAccuracy_, x, e.accuracy);
    if (e.hasValidation) {
        loss_->append(valLoss_, x, e.valLoss);
        accuracy_->append(valAccuracy_, x, e.valAccuracy);
    }
    if (rate_->data(rateSeries_).isEmpty()) rate_->append(rateSeries_, x, e.learningRate);  // a restored epoch
}

void TrainingCharts::setOverlay(int key, const RunCurves& c, bool shown) {
    auto it = overlays_.find(key);
    if (!shown) {
        if (it == overlays_.end()) return;
        for (int s : it->lossSeries) loss_->removeSeries(s);
        for (int s : it->accuracySeries) accuracy_->removeSeries(s);
        for (int s : it->rateSeries) rate_->removeSeries(s);
        overlays_.erase(it);
        return;
    }
    if (it != overlays_.end()) return;
    const QColor color = kOverlay[colorIndex_++ % std::size(kOverlay)];
    Overlay o;
    auto add = [&](LiveChart* chart, QVector<int>& ids, const QString& name, const QVector<QPointF>& pts) {
        if (pts.isEmpty()) return;
        // A one-epoch run is a single point: a dashed line would draw nothing.
        const int id =
            chart->addSeries(name, color, pts.size() == 1 ? LiveChart::Style::Markers : LiveChart::Style::Dashed);
        chart->setData(id, pts);
        ids << id;
    };
    add(loss_, o.lossSeries, tr("%1 training").arg(c.label), c.loss);
    add(loss_, o.lossSeries, tr("%1 validation").arg(c.label), c.valLoss);
    add(accuracy_, o.accuracySeries, tr("%1 training").arg(c.label), c.accuracy);
    add(accuracy_, o.accuracySeries, tr("%1 validation").arg(c.label), c.valAccuracy);
    add(rate_, o.rateSeries, c.label, c.learningRate);
    overlays_.insert(key, o);
}

void TrainingCharts::clearOverlays() {
    const auto keys = overlays_.keys();
    for (int k : keys) setOverlay(k, {}, false);
}

void TrainingCharts::setSmoothing(double factor) { smoothing_ = std::clamp(factor, 0.0, 0.999); }

void TrainingCharts::refreshNow() {
    for (LiveChart* c : {loss_, accuracy_, rate_}) c->refreshNow();
}

}  // namespace cs::gui
