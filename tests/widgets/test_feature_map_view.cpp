// The inspect views with a tiny model whose activations are known by hand: the probe capture,
// the feature-map tiles (colours per map and per layer, on screen where the layout says), the
// enlarged map, the kernels, the weight statistics, the prediction bars and the probe picker.
#include <QComboBox>
#include <QDialog>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include "dataset_test_helpers.h"
#include "graph/model.h"
#include "inspect/color_map.h"
#include "inspect/feature_map_view.h"
#include "inspect/filter_view.h"
#include "inspect/inspect_panel.h"
#include "inspect/prediction_bars.h"
#include "inspect/probe_capture.h"
#include "inspect/probe_picker.h"
#include "training/live_chart.h"

using namespace cs;
using namespace cs::gui;

namespace {

// Input 1x3x3 -> Conv2D 1x1 (map 0 = 2x, map 1 = 0.5 - x) -> Flatten -> Dense 2 (softmax).
struct Tiny {
    GraphSpec spec = GraphSpec::sequential({{"Input", {{"height", 3}, {"width", 3}, {"channels", 1}}},
                                            {"Conv2D", {{"filters", 2}, {"kernel_size", 1}}},
                                            {"Flatten", nlohmann::json::object()},
                                            {"Dense", {{"units", 2}, {"activation", "softmax"}}}});
    Model model{spec, 1};
    std::unique_ptr<Executor> executor;
    Preprocessing pre;
    Tiny() {
        pre.height = pre.width = 3;
        pre.channels = 1;
        auto params = model.parameters();
        params[0]->value[0] = 2.f;   // conv kernel, filter 0
        params[0]->value[1] = -1.f;  // filter 1
        params[1]->value[0] = 0.f;   // conv bias
        params[1]->value[1] = 0.5f;
        params[2]->value.setZero();                                  // dense: class 1 gets the sum of map 0
        for (int i = 0; i < 9; ++i) params[2]->value[18 + i] = 1.f;  // units x inputs: row 1, map 0
        params[3]->value.setZero();
        executor = model.makeExecutor();
    }
};

ProbeImage ramp() {
    ProbeImage p;
    p.height = p.width = 3;
    p.channels = 1;
    for (int i = 0; i < 9; ++i) p.pixels.push_back(uint8_t(i * 30));  // 0, 30, ..., 240
    p.label = 1;
    return p;
}

}  // namespace

class TestFeatureMapView : public QObject {
    Q_OBJECT
private slots:
    void captureComputesEveryLayer();
    void tilesShowTheActivations();
    void clickEnlarges();
    void filtersAndStatistics();
    void predictionBars();
    void trueClassIsMarkedByName();
    void pickerKeepsAnImageFromElsewhere();
    void pickerShowsWhereASentImageIs();
    void colorMaps();
};

void TestFeatureMapView::captureComputesEveryLayer() {
    Tiny t;
    const ProbeResult r = captureProbe(t.model, *t.executor, t.pre, ramp());
    QCOMPARE(r.layers.size(), std::size_t(4));
    QCOMPARE(r.layers[1].name, QStringLiteral("conv2d"));
    QCOMPARE(r.layers[1].kind, QStringLiteral("Conv2D"));
    QCOMPARE(r.layers[1].channels, 2);
    QCOMPARE(r.layers[1].height, 3);
    QVERIFY(r.layers[1].isImage());
    QVERIFY(!r.layers[2].isImage());
    double sum = 0;
    for (int i = 0; i < 9; ++i) {
        const float x = i * 30 / 255.f;
        QVERIFY(std::abs(r.layers[0].values[i] - x) < 1e-6f);
        QVERIFY(std::abs(r.layers[1].map(0)[i] - 2 * x) < 1e-6f);
        QVERIFY(std::abs(r.layers[1].map(1)[i] - (0.5f - x)) < 1e-6f);
        sum += 2 * x;
    }
    // Dense logits (0, sum) -> softmax.
    QCOMPARE(r.probabilities.size(), std::size_t(2));
    QVERIFY(std::abs(r.probabilities[1] - 1 / (1 + std::exp(-sum))) < 1e-5);
    QCOMPARE(r.firstConv.filters, 2);
    QCOMPARE(r.firstConv.kh, 1);
    QCOMPARE(r.firstConv.values, (std::vector<float>{2.f, -1.f}));
    QCOMPARE(r.params.size(), std::size_t(4));
    QCOMPARE(r.params[0].name, QStringLiteral("conv2d/kernel"));
    QCOMPARE(r.params[0].mean, 0.5);
    QCOMPARE(r.params[0].stdev, 1.5);
    QCOMPARE(r.params[0].min, -1.0);
    int total = 0;
    for (int c : r.params[0].histogram) total += c;
    QCOMPARE(total, 2);
    QCOMPARE(r.params[0].histogram.front(), 1);
    QCOMPARE(r.params[0].histogram.back(), 1);
}

void TestFeatureMapView::tilesShowTheActivations() {
    Tiny t;
    const ProbeResult r = captureProbe(t.model, *t.executor, t.pre, ramp());
    FeatureMapView view;
    view.resize(700, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setProbe(r);
    FeatureMapCanvas* canvas = view.canvas();
    QCOMPARE(canvas->layerCount(), 4);
    QCOMPARE(canvas->mapCount(1), 2);
    QCOMPARE(canvas->mapCount(2), 1);  // flat: one strip
    QCOMPARE(canvas->layerCaption(1), QStringLiteral("conv2d · Conv2D · 2×3×3"));

    // Per map: each map spans the whole colour map; map 1 runs the other way.
    const QImage m0 = canvas->mapImage(1, 0), m1 = canvas->mapImage(1, 1);
    QCOMPARE(m0.size(), QSize(3, 3));
    for (int i = 0; i < 9; ++i) {
        QCOMPARE(m0.pixel(i % 3, i / 3), colorAt(ColorMap::Viridis, i / 8.0));
        QCOMPARE(m1.pixel(i % 3, i / 3), colorAt(ColorMap::Viridis, 1 - i / 8.0));
    }
    // Per layer: one scale over both maps (-0.441 .. 1.882).
    canvas->setNormalization(FeatureMapCanvas::Normalization::PerLayer);
    const float lo = 0.5f - 240 / 255.f, hi = 2 * 240 / 255.f;
    const QImage l0 = canvas->mapImage(1, 0);
    QCOMPARE(l0.pixel(0, 0), colorAt(ColorMap::Viridis, (0 - lo) / (hi - lo)));
    QCOMPARE(l0.pixel(2, 2), colorAt(ColorMap::Viridis, 1.0));
    canvas->setNormalization(FeatureMapCanvas::Normalization::PerMap);

    // On screen: the tile of map 0 shows pixel (0,0) in its top-left corner and (2,2) bottom-right.
    canvas->setTileSize(60);
    QCoreApplication::processEvents();
    const QRect tile = canvas->tileRect(1, 0);
    QCOMPARE(tile.width(), 60);
    const QImage shot = canvas->grab().toImage();
    QCOMPARE(shot.pixel(tile.topLeft() + QPoint(5, 5)), colorAt(ColorMap::Viridis, 0.0));
    QCOMPARE(shot.pixel(tile.bottomRight() - QPoint(5, 5)), colorAt(ColorMap::Viridis, 1.0));
    QCOMPARE(shot.pixel(tile.center()), colorAt(ColorMap::Viridis, 0.5));

    // A new probe with the same shapes updates the tiles in place.
    ProbeImage dark = ramp();
    std::fill(dark.pixels.begin(), dark.pixels.end(), uint8_t(0));
    view.setProbe(captureProbe(t.model, *t.executor, t.pre, dark));
    QCOMPARE(view.updates(), 2);
    QCOMPARE(canvas->mapImage(1, 0).pixel(1, 1), colorAt(ColorMap::Viridis, 0.0));  // a constant map
    QCOMPARE(canvas->tileRect(1, 0), tile);
}

void TestFeatureMapView::clickEnlarges() {
    Tiny t;
    FeatureMapView view;
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setProbe(captureProbe(t.model, *t.executor, t.pre, ramp()));
    QSignalSpy clicked(view.canvas(), &FeatureMapCanvas::mapClicked);
    QTest::mouseClick(view.canvas(), Qt::LeftButton, {}, view.canvas()->tileRect(1, 1).center());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 1);
    QCOMPARE(clicked.at(0).at(1).toInt(), 1);
    QVERIFY(view.enlargedDialog() && view.enlargedDialog()->isVisible());
    QVERIFY(view.enlargedDialog()->windowTitle().contains(QLatin1String("conv2d")));
    view.enlargedDialog()->close();
}

void TestFeatureMapView::filtersAndStatistics() {
    Tiny t;
    ProbeResult r = captureProbe(t.model, *t.executor, t.pre, ramp());
    r.step = 10;
    FilterView view;
    view.setProbe(r);
    QCOMPARE(view.kernels()->tileCount(), 2);
    QCOMPARE(view.kernels()->tile(0).pixel(0, 0), colorAt(ColorMap::Diverging, 1.0));   // +2, the largest |w|
    QCOMPARE(view.kernels()->tile(1).pixel(0, 0), colorAt(ColorMap::Diverging, 0.25));  // -1 of 2
    QCOMPARE(view.table()->rowCount(), 4);
    QCOMPARE(view.table()->item(0, 0)->text(), QStringLiteral("conv2d/kernel"));
    QCOMPARE(view.table()->item(0, 3)->text(), QStringLiteral("1.5"));
    QCOMPARE(view.spreadChart()->seriesCount(), 2);  // the two kernels
    r.step = 20;
    view.setProbe(r);
    QCOMPARE(view.spreadChart()->data(0).size(), 2);
    view.setProbe(r);  // same step: not repeated
    QCOMPARE(view.spreadChart()->data(0).size(), 2);
    view.clearHistory();
    QCOMPARE(view.spreadChart()->data(0).size(), 0);
}

void TestFeatureMapView::predictionBars() {
    Tiny t;
    InspectPanel panel;
    panel.resize(1000, 700);
    panel.setProbe(captureProbe(t.model, *t.executor, t.pre, ramp()));
    QCOMPARE(panel.prediction()->predicted(), 1);
    QCOMPARE(panel.featureMaps()->updates(), 1);
    PredictionBars bars;
    bars.setPrediction({0.1f, 0.7f, 0.2f}, {"a", "b", "c"}, 2);
    QCOMPARE(bars.predicted(), 1);
    bars.resize(bars.sizeHint());
    QVERIFY(!bars.grab().isNull());
}

// The true class is marked among the model's classes by its name: a model whose outputs are
// named after another dataset (an untrained preset) has no bar for it.
void TestFeatureMapView::trueClassIsMarkedByName() {
    Tiny t;
    InspectPanel panel;
    const DataSplits data = test::generatedSplits(4, 2, 2, 3);  // classes "class0", "class1"; 3x3
    ProbeResult r = captureProbe(t.model, *t.executor, t.pre, probeFromDataset(data.train, 1));
    QCOMPARE(r.image.label, 1);
    r.classNames = {"T-shirt/top", "Trouser"};
    panel.setProbe(r);
    QCOMPARE(panel.prediction()->trueLabel(), -1);
    r.classNames = {"class1", "class0"};  // the dataset's classes, in another order
    panel.setProbe(r);
    QCOMPARE(panel.prediction()->trueLabel(), 0);
    r.classNames = {"class0", "class1"};
    panel.setProbe(r);
    QCOMPARE(panel.prediction()->trueLabel(), 1);
}

void TestFeatureMapView::pickerKeepsAnImageFromElsewhere() {
    ProbePicker picker;
    QSignalSpy changed(&picker, &ProbePicker::probeChanged);
    const auto data = std::make_shared<const DataSplits>(test::generatedSplits(20, 5, 2));
    picker.setData(data);  // nothing chosen yet: training image #0
    QCOMPARE(changed.count(), 1);
    QCOMPARE(picker.image().pixels, probeFromDataset(data->train, 0).pixels);

    ProbeImage sent = ramp();  // from the dataset page or the camera
    sent.source = QStringLiteral("/data/shapes/circle/0007.png");
    picker.setExternalImage(sent);
    QCOMPARE(changed.count(), 2);
    QVERIFY(picker.showsExternalImage());
    // New data (the Inspect page's first load, a run's split) keeps it and announces nothing.
    const auto reloaded = std::make_shared<const DataSplits>(test::generatedSplits(30, 5, 2));
    picker.setData(reloaded);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(picker.image().pixels, sent.pixels);
    // Picking a sample ends it; new data then shows that sample again (found by its name: the
    // same image, so nothing is announced), or, without it, the sample at its number.
    picker.setIndex(4);
    QVERIFY(!picker.showsExternalImage());
    QCOMPARE(picker.image().pixels, probeFromDataset(reloaded->train, 4).pixels);
    picker.setData(data);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(picker.image().pixels, probeFromDataset(data->train, 4).pixels);
    picker.setIndex(12);
    QCOMPARE(changed.count(), 4);
    auto other = std::make_shared<DataSplits>(*reloaded);
    other->train.sourceFile = "another-train";
    picker.setData(other);
    QCOMPARE(changed.count(), 5);
    QCOMPARE(picker.image().pixels, probeFromDataset(other->train, 12).pixels);
}

// A sample sent from the dataset page shows its set and number in the picker; a camera frame
// shows no number, and typing or stepping to any number (the previous one too) picks that sample.
// New data that numbers the samples anew (a run's split) keeps the sample and follows its number.
void TestFeatureMapView::pickerShowsWhereASentImageIs() {
    ProbePicker picker;
    auto* set = picker.findChild<QComboBox*>();
    auto* number = picker.findChild<QSpinBox*>();
    QVERIFY(set && number);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QSignalSpy changed(&picker, &ProbePicker::probeChanged);
    const auto data = std::make_shared<const DataSplits>(test::generatedSplits(20, 6, 2));
    picker.setData(data);
    QCOMPARE(number->text(), QStringLiteral("0"));

    // As the dataset page sends them: the sample's pixels, named by where it came from.
    picker.setExternalImage(probeFromDataset(data->train, 7));
    QCOMPARE(set->currentIndex(), 0);
    QCOMPARE(number->text(), QStringLiteral("7"));
    QVERIFY(!picker.showsExternalImage());
    QCOMPARE(picker.image().pixels, probeFromDataset(data->train, 7).pixels);
    picker.setExternalImage(probeFromDataset(data->test, 3));
    QCOMPARE(set->currentIndex(), 1);
    QCOMPARE(number->text(), QStringLiteral("3"));
    QVERIFY(!picker.showsExternalImage());

    // Not a sample: no number.
    ProbeImage frame = ramp();
    frame.source = QStringLiteral("camera frame 12");
    picker.setExternalImage(frame);
    QVERIFY(picker.showsExternalImage());
    QCOMPARE(number->text(), QStringLiteral("\u2014"));
    QCOMPARE(picker.image().pixels, frame.pixels);
    // Typing the number shown before (3) picks that sample again.
    int before = changed.count();
    QTest::keyClick(number, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(number, QStringLiteral("3"));
    QVERIFY(!picker.showsExternalImage());
    QCOMPARE(number->text(), QStringLiteral("3"));
    QCOMPARE(changed.count(), before + 1);
    QCOMPARE(picker.image().pixels, probeFromDataset(data->test, 3).pixels);
    // So does the up arrow: the first sample of the set shown.
    picker.setExternalImage(frame);
    QTest::keyClick(number, Qt::Key_Up);
    QVERIFY(!picker.showsExternalImage());
    QCOMPARE(number->text(), QStringLiteral("0"));
    QCOMPARE(picker.image().pixels, probeFromDataset(data->test, 0).pixels);

    // A run's split numbers the training samples anew: the sample sent stays, at its new number.
    picker.setExternalImage(probeFromDataset(data->train, 7));
    auto split = std::make_shared<DataSplits>(*data);
    split->validation = data->train.subset({0, 1, 2});
    split->train = data->train.subset({9, 8, 7, 6, 5});
    before = changed.count();
    picker.setData(split);
    QCOMPARE(set->currentIndex(), 0);
    QCOMPARE(number->text(), QStringLiteral("2"));
    QCOMPARE(picker.image().pixels, probeFromDataset(data->train, 7).pixels);
    QCOMPARE(changed.count(), before);  // the same image: nothing to announce
}

void TestFeatureMapView::colorMaps() {
    QCOMPARE(colorAt(ColorMap::Gray, 0), qRgb(0, 0, 0));
    QCOMPARE(colorAt(ColorMap::Gray, 1), qRgb(255, 255, 255));
    QCOMPARE(colorAt(ColorMap::Diverging, 0.5), qRgb(247, 247, 247));
    QCOMPARE(colorAt(ColorMap::Viridis, -3), colorAt(ColorMap::Viridis, 0));
    QCOMPARE(colorAt(ColorMap::Viridis, std::nan("")), colorAt(ColorMap::Viridis, 0));
    const float v[] = {1, 1, 1, 1};
    QCOMPARE(valuesToImage(v, 2, 2, ColorMap::Diverging).pixel(1, 1), colorAt(ColorMap::Diverging, 0.5));
}

QTEST_MAIN(TestFeatureMapView)
#include "test_feature_map_view.moc"
