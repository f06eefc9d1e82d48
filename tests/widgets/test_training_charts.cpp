// Live charts: a bounded number of drawn points whatever the data size, spikes kept by the
// decimation, zoom and log scale, CSV/PNG export, and the training charts' series and overlays.
#include <QChart>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineSeries>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include "training/decimate.h"
#include "training/live_chart.h"
#include "training/run_comparison.h"
#include "training/training_charts.h"
#include "training/training_progress.h"

using namespace cs;
using namespace cs::gui;

class TestTrainingCharts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // The charts remember their smoothing and axis in the user's settings: a test's own.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ConvStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_training_charts"));
        QSettings().clear();
    }
    void decimationKeepsEnvelope();
    void boundedDrawnPoints();
    void zoomRedrawsVisibleRange();
    void logScale();
    void exports();
    void trainingChartsSeries();
    void overlays();
    void etaFollowsTheRecentBatches();
    void smoothingRedrawsAsComputed();
    void xAxisSwitchesToTrainingTime();
    void oneEpochRunDrawsVisibly();
    void etaCountsTheEpochsOwnWork();
    void etaCountsCheckpointWriting();
    void progressShowsTheTimeElapsed();
    void hiddenChartRedrawsWhenShown();
    void emptyAccuracyAxisIsZeroToOne();
    void runsCompared();
};

void TestTrainingCharts::decimationKeepsEnvelope() {
    QVector<QPointF> pts;
    for (int i = 0; i < 10000; ++i) pts << QPointF(i, std::sin(i * 0.01));
    pts[5000].setY(100);  // a spike
    pts[7000].setY(-50);
    const auto d = decimate(pts, 500);
    QVERIFY(d.size() <= 500);
    QCOMPARE(d.front(), pts.front());
    QCOMPARE(d.back(), pts.back());
    bool spike = false, dip = false;
    for (int i = 1; i < d.size(); ++i) QVERIFY(d[i].x() >= d[i - 1].x());
    for (const QPointF& p : d) {
        spike = spike || p.y() == 100;
        dip = dip || p.y() == -50;
    }
    QVERIFY(spike && dip);
    // A sub-range keeps one neighbour on each side.
    const auto r = decimate(pts, 500, 100, 200);
    QCOMPARE(r.front().x(), 99.0);
    QCOMPARE(r.back().x(), 201.0);
    QCOMPARE(r.size(), 103);
    QCOMPARE(decimate({}, 100).size(), 0);
}

// Issue 17: a hidden chart's refresh timer draws nothing (replace() costs the GUI thread even
// for a chart out of sight, the Training page's while the Inspect page is shown); shown, it
// draws everything that arrived meanwhile at once.
void TestTrainingCharts::hiddenChartRedrawsWhenShown() {
    LiveChart hidden(QStringLiteral("hidden"), QStringLiteral("x"), QStringLiteral("y"));
    LiveChart shown(QStringLiteral("shown"), QStringLiteral("x"), QStringLiteral("y"));
    for (LiveChart* c : {&hidden, &shown}) {
        c->resize(400, 300);
        c->setRefreshInterval(10);
        c->addSeries(QStringLiteral("a"), Qt::blue);
        for (int i = 0; i < 50; ++i) c->append(0, i, i * 0.1);
    }
    shown.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shown));
    shown.refreshNow();
    shown.append(0, 50, 5.0);
    // The shown chart's timer drew its new point: the hidden chart's timer (the same interval,
    // started first) has fired as well.
    QTRY_COMPARE(shown.drawnPointCount(0), 51);
    QCOMPARE(hidden.drawnPointCount(0), 0);
    hidden.show();
    QCOMPARE(hidden.drawnPointCount(0), 50);
}

void TestTrainingCharts::boundedDrawnPoints() {
    LiveChart chart(QStringLiteral("t"), QStringLiteral("x"), QStringLiteral("y"));
    chart.resize(600, 400);
    const int a = chart.addSeries(QStringLiteral("a"), Qt::blue);
    const int b = chart.addSeries(QStringLiteral("b"), Qt::red);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 100000; ++i) {
        chart.append(a, i, 1.0 / (1 + i * 1e-3));
        if (i % 100 == 0) chart.append(b, i, 0.5);
        if (i % 10000 == 0) chart.refreshNow();  // redraws while data keeps arriving
    }
    chart.append(a, 100000, 42.0);
    chart.refreshNow();
    const qint64 ms = timer.elapsed();
    QCOMPARE(chart.data(a).size(), 100001);
    QVERIFY(chart.drawnPointCount(a) <= chart.maxDrawnPoints());
    QVERIFY(chart.drawnPointCount(a) > chart.maxDrawnPoints() / 2);
    QCOMPARE(chart.drawnPointCount(b), 1000);
    auto* axis = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Vertical).first());
    QVERIFY(axis->max() >= 42.0);  // the axes follow the data
    qInfo("100,000 points appended and redrawn 11 times in %lld ms", ms);
    QVERIFY(ms < 2000);

    timer.restart();
    chart.refreshNow();  // nothing changed: nothing redrawn
    QVERIFY(timer.elapsed() < 50);

    chart.setMaxDrawnPoints(300);
    chart.refreshNow();
    QVERIFY(chart.drawnPointCount(a) <= 300);
}

void TestTrainingCharts::zoomRedrawsVisibleRange() {
    LiveChart chart(QStringLiteral("t"), QStringLiteral("x"), QStringLiteral("y"));
    chart.resize(600, 400);
    const int a = chart.addSeries(QStringLiteral("a"), Qt::blue);
    for (int i = 0; i <= 100000; ++i) chart.append(a, i, i % 7);
    chart.refreshNow();
    QVERIFY(!chart.isZoomed());
    chart.zoomX(1000, 50000);  // about 100 points visible
    QVERIFY(chart.isZoomed());
    chart.refreshNow();
    auto* series = qobject_cast<QLineSeries*>(chart.chart()->series().first());
    QVERIFY(series->count() < 200);
    QVERIFY(series->at(0).x() > 49000);
    chart.append(a, 100001, 3);  // data keeps arriving; the zoom stays
    chart.refreshNow();
    QVERIFY(chart.isZoomed());
    chart.resetZoom();
    QVERIFY(!chart.isZoomed());
    QCOMPARE(series->at(series->count() - 1).x(), 100001.0);
    QVERIFY(!chart.valuesAt(500).isEmpty());
    QVERIFY(chart.valuesAt(500).contains(QLatin1String("a: ")));
}

void TestTrainingCharts::logScale() {
    LiveChart chart(QStringLiteral("t"), QStringLiteral("x"), QStringLiteral("y"));
    const int a = chart.addSeries(QStringLiteral("a"), Qt::blue);
    for (int i = 0; i < 100; ++i) chart.append(a, i, std::exp(-i * 0.1));
    chart.refreshNow();
    chart.setLogScale(true);
    QVERIFY(chart.logScale());
    QCOMPARE(chart.chart()->axes(Qt::Vertical).first()->type(), QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(chart.drawnPointCount(a), 100);
    chart.setLogScale(false);
    QCOMPARE(chart.chart()->axes(Qt::Vertical).first()->type(), QAbstractAxis::AxisTypeValue);
    QCOMPARE(chart.drawnPointCount(a), 100);
}

void TestTrainingCharts::exports() {
    QTemporaryDir dir;
    LiveChart chart(QStringLiteral("t"), QStringLiteral("step"), QStringLiteral("loss"));
    chart.resize(500, 300);
    const int a = chart.addSeries(QStringLiteral("a"), Qt::blue);
    const int b = chart.addSeries(QStringLiteral("b \"quoted\""), Qt::red);
    for (int i = 0; i < 5000; ++i) chart.append(a, i, i * 0.5);
    chart.append(b, 1, 2);
    chart.refreshNow();
    const QString csv = dir.filePath(QStringLiteral("c.csv"));
    QVERIFY(chart.exportCsv(csv));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.size(), 5000 + 1 + 1 + 1);  // header, rows, trailing empty
    QCOMPARE(lines[0], QByteArray("series,step,loss"));
    QCOMPARE(lines[4000], QByteArray("\"a\",3999,1999.5"));
    QCOMPARE(lines[5001], QByteArray("\"b \"\"quoted\"\"\",1,2"));
    const QString png = dir.filePath(QStringLiteral("c.png"));
    QVERIFY(chart.exportPng(png));
    QImage img(png);
    QVERIFY(!img.isNull());
    QVERIFY(img.width() > 100);
}

void TestTrainingCharts::trainingChartsSeries() {
    TrainingCharts charts;
    charts.resize(900, 700);
    QVector<BatchStats> batches;
    for (int e = 0; e < 2; ++e)
        for (int b = 0; b < 50; ++b) {
            BatchStats s;
            s.epoch = e;
            s.batch = b;
            s.batchesPerEpoch = 50;
            s.step = e * 50 + b;
            s.loss = 2.0 - s.step * 0.01;
            s.accuracy = 0.1 + s.step * 0.005;
            s.learningRate = 0.001f;
            batches << s;
        }
    charts.beginRun(false);
    charts.addBatches(batches);
    EpochStats e;
    e.epoch = 0;
    e.loss = 1.7;
    e.accuracy = 0.3;
    e.hasValidation = true;
    e.valLoss = 1.6;
    e.valAccuracy = 0.35;
    charts.addEpoch(e);
    charts.refreshNow();
    LiveChart* loss = charts.lossChart();
    QCOMPARE(loss->data(0).size(), 100);   // raw batches
    QCOMPARE(loss->data(1).size(), 100);   // smoothed
    QCOMPARE(loss->data(0)[49].x(), 1.0);  // the last batch of epoch 1 sits at x = 1
    QCOMPARE(loss->data(3).size(), 1);     // validation
    QCOMPARE(loss->data(3)[0], QPointF(1, 1.6));
    // The smoothed curve starts at the first value (debiased) and lags a falling loss.
    QVERIFY(std::abs(loss->data(1)[0].y() - 2.0) < 1e-9);
    QVERIFY(loss->data(1)[99].y() > loss->data(0)[99].y());
    QCOMPARE(charts.accuracyChart()->data(2).size(), 1);
    QCOMPARE(charts.learningRateChart()->data(0).size(), 100);

    charts.beginRun(true);  // resumed: the curves continue
    QCOMPARE(loss->data(0).size(), 100);
    charts.beginRun(false);
    QCOMPARE(loss->data(0).size(), 0);
}

void TestTrainingCharts::overlays() {
    TrainingCharts charts;
    const auto run = nlohmann::json::parse(R"({"epochs": [
        {"epoch": 1, "loss": 1.0, "accuracy": 0.5, "val_loss": 1.1, "val_accuracy": 0.45, "learning_rate": 0.001},
        {"epoch": 2, "loss": 0.5, "accuracy": 0.8, "val_loss": 0.6, "val_accuracy": 0.75, "learning_rate": 0.001}]})");
    const RunCurves c = RunCurves::fromHistory(run, QStringLiteral("Run 1"));
    QCOMPARE(c.valLoss.size(), 2);
    QCOMPARE(c.accuracy[1], QPointF(2, 0.8));
    const int before = charts.lossChart()->chart()->series().size();
    charts.setOverlay(1, c, true);
    // Each curve is drawn smoothed, with its raw values faint behind.
    QCOMPARE(charts.lossChart()->chart()->series().size(), before + 4);
    QCOMPARE(charts.accuracyChart()->chart()->series().size(), 3 + 4);
    charts.setOverlay(1, c, true);  // already shown
    QCOMPARE(charts.lossChart()->chart()->series().size(), before + 4);
    charts.setOverlay(1, c, false);
    QCOMPARE(charts.lossChart()->chart()->series().size(), before);
    charts.setOverlay(2, c, true);
    charts.clearOverlays();
    QCOMPARE(charts.lossChart()->chart()->series().size(), before);

    // Issue 18: a one-epoch run is drawn as markers (a single point makes no line).
    const auto one = nlohmann::json::parse(R"({"epochs": [
        {"epoch": 1, "loss": 1.0, "accuracy": 0.5, "val_loss": 1.1, "val_accuracy": 0.45, "learning_rate": 0.001}]})");
    charts.setOverlay(3, RunCurves::fromHistory(one, QStringLiteral("Run 3")), true);
    const auto series = charts.lossChart()->chart()->series();
    QCOMPARE(series.size(), before + 2);
    for (int i = before; i < series.size(); ++i) {
        auto* line = qobject_cast<QLineSeries*>(series[i]);
        QVERIFY(line && line->pointsVisible());
    }
}

// Issue 18: the time left is the recent batches' mean period times the batches left, whatever
// the rate the messages arrive at (a burst after a stall, a pause).
void TestTrainingCharts::etaFollowsTheRecentBatches() {
    TrainingProgress progress;
    progress.beginRun(2);
    QCOMPARE(progress.secondsLeft(), -1.0);
    BatchStats b;
    b.batchesPerEpoch = 500;
    b.samplesPerSecond = 640;
    for (int i = 0; i < 100; ++i) {  // all at once, as queued messages arrive
        b.batch = i;
        b.step = i;
        b.seconds = i < 40 ? 1.0 : 0.1;  // a slow start, then steady
        progress.setBatch(b, 64);
    }
    QCOMPARE(progress.secondsLeft(), (1000 - 100) * 0.1);  // only the last 50 batches count
    QVERIFY2(progress.text().contains(QStringLiteral("1:30")), qPrintable(progress.text()));
    progress.setPaused(true);
    QVERIFY(progress.text().startsWith(QStringLiteral("Paused")));
    progress.setPaused(false);
    b.epoch = 1;
    b.batch = 499;
    progress.setBatch(b, 64);
    QCOMPARE(progress.secondsLeft(), 0.0);
}

namespace {
QVector<BatchStats> batchesOf(int epoch, int perEpoch, const QVector<double>& losses, double seconds) {
    QVector<BatchStats> out;
    for (int i = 0; i < losses.size(); ++i) {
        BatchStats b;
        b.epoch = epoch;
        b.batch = i;
        b.batchesPerEpoch = perEpoch;
        b.loss = losses[i];
        b.accuracy = 1 - losses[i] / 4;
        b.learningRate = 0.01f;
        b.seconds = seconds;
        out << b;
    }
    return out;
}
bool near(const QPointF& a, const QPointF& b) {
    return std::abs(a.x() - b.x()) < 1e-9 && std::abs(a.y() - b.y()) < 1e-9;
}
}  // namespace

// Issue 18: the smoothing control redraws the smoothed curves as a debiased exponential moving
// average of the raw ones (TensorBoard's), live and for earlier runs; the raw curve stays.
void TestTrainingCharts::smoothingRedrawsAsComputed() {
    TrainingCharts charts;
    charts.setSmoothing(0.9);
    charts.beginRun(false);
    charts.addBatches(batchesOf(0, 3, {1, 3, 2}, 1));
    LiveChart* loss = charts.lossChart();
    charts.smoothingSlider()->setValue(50);  // as the user drags it
    QCOMPARE(charts.smoothing(), 0.5);
    QCOMPARE(TrainingCharts().smoothing(), 0.5);  // remembered for the user
    // EMA 0.5: 0.5, 1.75, 1.875 over weights 0.5, 0.75, 0.875.
    const QVector<QPointF> expected{{1.0 / 3, 1.0}, {2.0 / 3, 1.75 / 0.75}, {1.0, 1.875 / 0.875}};
    QCOMPARE(loss->data(1).size(), 3);
    for (int i = 0; i < 3; ++i) QVERIFY2(near(loss->data(1)[i], expected[i]), qPrintable(QString::number(i)));
    QCOMPARE(loss->data(0)[1].y(), 3.0);  // the raw curve is kept
    QCOMPARE(TrainingCharts::smoothed(loss->data(0), 0.5), loss->data(1));
    // Batches arriving later continue the same average.
    charts.addBatches(batchesOf(1, 3, {4}, 1));
    QVERIFY(near(loss->data(1)[3], QPointF(4.0 / 3, (0.5 * 1.875 + 2) / 0.9375)));
    charts.setSmoothing(0);
    QCOMPARE(loss->data(1), loss->data(0));
    QCOMPARE(charts.smoothingSlider()->value(), 0);
    charts.setSmoothing(5);  // clamped
    QCOMPARE(charts.smoothing(), 0.99);

    // An earlier run: its smoothed line differs from its raw one, which stays faint behind.
    const auto run = nlohmann::json::parse(R"({"epochs": [
        {"epoch": 1, "loss": 1.0, "accuracy": 0.5, "learning_rate": 0.001},
        {"epoch": 2, "loss": 3.0, "accuracy": 0.8, "learning_rate": 0.001}]})");
    charts.setSmoothing(0.5);
    const int raw = loss->seriesCount();
    charts.setOverlay(1, RunCurves::fromHistory(run, QStringLiteral("Run 1")), true);
    QCOMPARE(loss->data(raw), (QVector<QPointF>{{1, 1}, {2, 3}}));
    QCOMPARE(loss->data(raw + 1), TrainingCharts::smoothed(loss->data(raw), 0.5));
    QVERIFY(loss->data(raw + 1)[1].y() < 3);
    charts.setSmoothing(0.9);
    QCOMPARE(loss->data(raw + 1), TrainingCharts::smoothed(loss->data(raw), 0.9));
}

// Issue 18: the x axis switches between the epoch and the training time (minutes, pauses left
// out: the trainer's batch and epoch seconds exclude them), for the live run and earlier runs.
void TestTrainingCharts::xAxisSwitchesToTrainingTime() {
    TrainingCharts charts;
    charts.setXAxis(TrainingCharts::XAxis::Epoch);
    charts.beginRun(false);
    charts.addBatches(batchesOf(0, 2, {2, 1.5}, 6));  // 0.1 min each
    EpochStats e;
    e.epoch = 0;
    e.loss = 1.7;
    e.seconds = 30;  // the batches, then 18 s of validation
    charts.addEpoch(e);
    charts.addBatches(batchesOf(1, 2, {1.2}, 6));
    LiveChart* loss = charts.lossChart();
    QCOMPARE(loss->data(0)[1].x(), 1.0);
    QCOMPARE(loss->data(2)[0].x(), 1.0);

    charts.xAxisBox()->setCurrentIndex(1);  // as the user picks it
    QCOMPARE(charts.xAxis(), TrainingCharts::XAxis::Time);
    QCOMPARE(TrainingCharts().xAxis(), TrainingCharts::XAxis::Time);  // remembered for the user
    QVERIFY(near(loss->data(0)[0], QPointF(0.1, 2)));
    QVERIFY(near(loss->data(0)[1], QPointF(0.2, 1.5)));
    QVERIFY(near(loss->data(2)[0], QPointF(0.5, 1.7)));  // the epoch ends after its validation
    QVERIFY(near(loss->data(0)[2], QPointF(0.6, 1.2)));
    charts.addBatches(batchesOf(1, 2, {1.1}, 6));  // arriving while the time axis is shown
    QVERIFY(near(loss->data(0)[3], QPointF(0.7, 1.1)));
    QCOMPARE(loss->data(1).last().x(), loss->data(0).last().x());

    const auto run = nlohmann::json::parse(R"({"epochs": [
        {"epoch": 1, "loss": 1.0, "accuracy": 0.5, "learning_rate": 0.001, "seconds": 60},
        {"epoch": 2, "loss": 0.5, "accuracy": 0.8, "learning_rate": 0.001, "seconds": 90}]})");
    const int first = loss->seriesCount();
    charts.setOverlay(1, RunCurves::fromHistory(run, QStringLiteral("Run 1")), true);
    QCOMPARE(loss->data(first), (QVector<QPointF>{{1, 1}, {2.5, 0.5}}));
    charts.setXAxis(TrainingCharts::XAxis::Epoch);
    QCOMPARE(loss->data(first), (QVector<QPointF>{{1, 1}, {2, 0.5}}));
    QCOMPARE(loss->data(0)[2].x(), 1.5);
    QCOMPARE(charts.xAxisBox()->currentIndex(), 0);
}

// Issue 18: a one-epoch run is one point per curve: drawn as a marker inside the plot, not on
// its edge, on both axes.
void TestTrainingCharts::oneEpochRunDrawsVisibly() {
    for (const auto axis : {TrainingCharts::XAxis::Epoch, TrainingCharts::XAxis::Time}) {
        TrainingCharts charts;
        charts.resize(900, 700);
        charts.setXAxis(axis);
        const auto run = nlohmann::json::parse(R"({"epochs": [
            {"epoch": 1, "loss": 1.0, "accuracy": 0.5, "val_loss": 1.1, "val_accuracy": 0.45,
             "learning_rate": 0.001, "seconds": 42}]})");
        charts.setOverlay(1, RunCurves::fromHistory(run, QStringLiteral("Run 1")), true);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.refreshNow();
        LiveChart* loss = charts.lossChart();
        const auto series = loss->chart()->series();
        auto* line = qobject_cast<QLineSeries*>(series.last());
        QVERIFY(line && line->pointsVisible());
        QCOMPARE(line->count(), 1);
        const QPointF at = loss->chart()->mapToPosition(line->at(0), line);
        const QRectF plot = loss->chart()->plotArea();
        QVERIFY2(plot.adjusted(8, 8, -8, -8).contains(at), qPrintable(QStringLiteral("%1,%2 in %3,%4 %5x%6")
                                                                          .arg(at.x())
                                                                          .arg(at.y())
                                                                          .arg(plot.x())
                                                                          .arg(plot.y())
                                                                          .arg(plot.width())
                                                                          .arg(plot.height())));
    }
}

// Issue 18: with small epochs the validation pass dominates: the time left counts the epochs'
// measured work beyond their batches times the epochs left ("ETA 0:00" at epoch 7 of 500).
void TestTrainingCharts::etaCountsTheEpochsOwnWork() {
    TrainingProgress progress;
    progress.beginRun(500);
    BatchStats b;
    b.batchesPerEpoch = 2;
    b.seconds = 0.01;
    for (int epoch = 0; epoch < 7; ++epoch) {
        QVector<BatchStats> batches;
        for (int i = 0; i < 2; ++i) {
            b.epoch = epoch;
            b.batch = i;
            batches << b;
        }
        progress.addBatches(batches, 32);
        EpochStats e;
        e.epoch = epoch;
        e.seconds = 0.02 + 3.0;  // its two batches, then three seconds of validation
        progress.addEpoch(e);
    }
    QVERIFY(std::abs(progress.epochOverhead() - 3.0) < 1e-9);
    b.epoch = 7;
    b.batch = 0;
    progress.setBatch(b, 32);
    // 985 batches of 0.01 s, then 493 epoch ends (this one included) of 3 s each.
    QVERIFY2(std::abs(progress.secondsLeft() - (985 * 0.01 + 493 * 3.0)) < 1e-6,
             qPrintable(QString::number(progress.secondsLeft())));
    QVERIFY2(progress.text().contains(QStringLiteral("ETA 24:")), qPrintable(progress.text()));

    // A resumed run's first epoch was only partly seen: it does not count.
    progress.beginRun(10);
    b.epoch = 3;
    b.batch = 1;
    progress.setBatch(b, 32);
    EpochStats partial;
    partial.epoch = 2;
    partial.seconds = 100;
    progress.addEpoch(partial);
    QCOMPARE(progress.epochOverhead(), 0.0);
    progress.addBetweenEpochs(5.0);  // after an epoch that did not count: nothing to add it to
    QCOMPARE(progress.epochOverhead(), 0.0);
}

// Issue 17: the status bar shows the time elapsed (the finished epochs, the checkpoints
// written after them and the current epoch's batches, pauses left out as the trainer leaves
// them out of its periods); its tooltip lists each finished epoch's time.
void TestTrainingCharts::progressShowsTheTimeElapsed() {
    TrainingProgress progress;
    progress.beginRun(3);
    QCOMPARE(progress.elapsedSeconds(), 0.0);
    BatchStats b;
    b.batchesPerEpoch = 4;
    b.seconds = 10;
    for (int i = 0; i < 4; ++i) {
        b.batch = i;
        progress.setBatch(b, 64);
    }
    QCOMPARE(progress.elapsedSeconds(), 40.0);
    QVERIFY2(progress.text().contains(QStringLiteral("0:40 elapsed")), qPrintable(progress.text()));
    EpochStats e;
    e.epoch = 0;
    e.seconds = 45;  // its batches, then the validation pass
    progress.addEpoch(e);
    QCOMPARE(progress.elapsedSeconds(), 45.0);
    progress.setPaused(true);  // a pause adds nothing: no batch period counts it
    progress.setPaused(false);
    progress.addBetweenEpochs(5);  // the checkpoint
    b.epoch = 1;
    b.batch = 0;
    progress.setBatch(b, 64);
    QCOMPARE(progress.elapsedSeconds(), 60.0);
    QVERIFY2(progress.text().contains(QStringLiteral("1:00 elapsed")), qPrintable(progress.text()));
    QVERIFY2(progress.toolTip().contains(QStringLiteral("Epoch 1: 0:50")), qPrintable(progress.toolTip()));
    QCOMPARE(progress.epochSeconds(), QVector<double>({50.0}));

    // A resumed run: the checkpoint's epochs count, then the new batches.
    progress.beginRun(3);
    e.seconds = 30;
    progress.addEpoch(e);
    e.epoch = 1;
    progress.addEpoch(e);
    b.epoch = 2;
    progress.setBatch(b, 64);
    QCOMPARE(progress.elapsedSeconds(), 70.0);
    QVERIFY2(progress.toolTip().contains(QStringLiteral("Epoch 2: 0:30")), qPrintable(progress.toolTip()));
}

// Issue 18: the checkpoint written after each epoch is work no stats count; the worker measures
// it (betweenEpochs) and the time left includes it.
void TestTrainingCharts::etaCountsCheckpointWriting() {
    TrainingProgress progress;
    progress.beginRun(10);
    BatchStats b;
    b.batchesPerEpoch = 1;
    b.seconds = 0.5;
    for (int epoch = 0; epoch < 2; ++epoch) {
        b.epoch = epoch;
        b.batch = 0;
        progress.setBatch(b, 32);
        EpochStats e;
        e.epoch = epoch;
        e.seconds = 0.5 + 1.0;  // its batch, then one second of validation
        progress.addEpoch(e);
        progress.addBetweenEpochs(2.0);  // then two seconds writing the checkpoint
    }
    QVERIFY(std::abs(progress.epochOverhead() - 3.0) < 1e-9);
    b.epoch = 2;
    progress.setBatch(b, 32);
    // 7 batches of 0.5 s, then 8 epoch ends (this one included) of 1 + 2 s each.
    QVERIFY2(std::abs(progress.secondsLeft() - (7 * 0.5 + 8 * 3.0)) < 1e-6,
             qPrintable(QString::number(progress.secondsLeft())));
}

// Issue 18: an empty accuracy chart showed -2..2 (a small chart's coarse ticks around the
// padded 0..1); and a full one stays within 0..1 instead of padding up to 2.
void TestTrainingCharts::emptyAccuracyAxisIsZeroToOne() {
    TrainingCharts charts;
    for (const QSize size : {QSize(300, 120), QSize(900, 600)}) {
        charts.resize(size);
        charts.refreshNow();
        const auto* axis = qobject_cast<QValueAxis*>(charts.accuracyChart()->chart()->axes(Qt::Vertical).first());
        QVERIFY(axis);
        QCOMPARE(axis->min(), 0.0);
        QCOMPARE(axis->max(), 1.0);
    }
    EpochStats e;
    e.accuracy = 0.99;
    e.hasValidation = true;
    e.valAccuracy = 1.0;
    charts.addEpoch(e);
    charts.refreshNow();
    const auto* axis = qobject_cast<QValueAxis*>(charts.accuracyChart()->chart()->axes(Qt::Vertical).first());
    QCOMPARE(axis->max(), 1.0);
    QVERIFY(axis->min() >= 0.0);
}

// Issue 18: ticked runs side by side: their final figures and the settings that differ.
void TestTrainingCharts::runsCompared() {
    const auto history = nlohmann::json::parse(R"([
        {"settings": {"epochs": 2, "batch_size": 32, "optimizer": {"kind": "adam", "learning_rate": 0.001}},
         "epochs": [{"epoch": 1, "loss": 1.0, "accuracy": 0.5, "val_loss": 1.1, "val_accuracy": 0.45, "seconds": 30},
                    {"epoch": 2, "loss": 0.5, "accuracy": 0.8, "val_loss": 0.6, "val_accuracy": 0.75, "seconds": 30}],
         "best_epoch": 2, "stop_reason": "completed"},
        {"settings": {"epochs": 2, "batch_size": 32, "optimizer": {"kind": "adam", "learning_rate": 0.01}},
         "epochs": [{"epoch": 1, "loss": 0.9, "accuracy": 0.6, "val_loss": 1.0, "val_accuracy": 0.5}],
         "best_epoch": 1, "stop_reason": "stopped"}])");
    RunComparison compare;
    compare.setRuns(history, {0, 1});
    QCOMPARE(compare.metrics()->rowCount(), 2);
    QCOMPARE(compare.metrics()->item(0, 4)->text(), QStringLiteral("75.0% (epoch 2)"));
    QCOMPARE(compare.metrics()->item(1, 6)->text(), QStringLiteral("stopped"));
    QCOMPARE(compare.metrics()->item(0, 7)->text(), QStringLiteral("1:00"));
    QCOMPARE(compare.settingsDiff()->rowCount(), 1);  // only the learning rate differs
    QCOMPARE(compare.settingsDiff()->item(0, 0)->text(), QStringLiteral("optimizer/learning_rate"));
}

QTEST_MAIN(TestTrainingCharts)
#include "test_training_charts.moc"
