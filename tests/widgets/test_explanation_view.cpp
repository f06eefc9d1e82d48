// The Inspect page's "Where it looks" tab with real events: it shows the engine's explanation of
// the probe (the same numbers as engine/explain on the same input), follows the method, layer
// and class the user picks, the opacity slider, and a model without weights.
// Every method is also drawn on Fashion-MNIST test images with the seed-cnn preset (untrained, or
// CONVSTUDIO_EXPLAIN_MODEL=a trained .csmodel); with CONVSTUDIO_SCREENSHOTS=FOLDER the tab is saved there.
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

#include "data/idx_loader.h"
#include "dataset/pixel_view.h"
#include "graph/model.h"
#include "inspect/explanation_view.h"
#include "inspect/inspect_panel.h"
#include "inspect/probe_capture.h"
#include "inspect/probe_picker.h"
#include "io/model_file.h"
#include "io/presets.h"

using namespace cs;
using namespace cs::gui;

namespace {

std::shared_ptr<const ModelFile> smallProject() {
    auto f = std::make_shared<ModelFile>();
    f->graph = GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                      {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                      {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                      {"Flatten", nlohmann::json::object()},
                                      {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
    f->seed = 4;
    f->preprocessing.height = f->preprocessing.width = 12;
    f->classNames = {"alpha", "beta", "gamma"};
    Model model(f->graph, f->seed);
    storeWeights(model, *f);
    return f;
}

ProbeImage probe(int size = 16) {
    ProbeImage p;
    p.height = p.width = size;
    p.channels = 1;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) p.pixels.push_back(uint8_t((x * 37 + y * 91 + x * y) % 256));
    return p;
}

ModelFile untrainedSeedCnn() {
    ModelFile f = loadPreset("seed-cnn");
    Model model(f.graph, f.seed);
    storeWeights(model, f);
    return f;
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
    return int(colours.size());
}

// What the engine says for the same project, probe and options.
Explanation reference(const ModelFile& f, const ProbeImage& image, const ExplainOptions& o) {
    Model model(f.graph, f.seed);
    applyWeights(f, model);
    return explain(model, probeInput(f.preprocessing, image), o);
}

// Picks `index` of a combo box with the keyboard, as a user would (activated() is emitted).
void pick(QComboBox* box, int index) {
    box->setFocus();
    while (box->currentIndex() < index) QTest::keyClick(box, Qt::Key_Down);
    while (box->currentIndex() > index) QTest::keyClick(box, Qt::Key_Up);
}

}  // namespace

class TestExplanationView : public QObject {
    Q_OBJECT

private slots:
    void showsTheEnginesExplanationAndFollowsTheChoosers() {
        ExplanationView view;
        view.resize(420, 560);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.caption()->text().contains("Train the model"));
        const auto project = smallProject();
        const ProbeImage image = probe();
        QSignalSpy shown(&view, &ExplanationView::explanationShown);
        view.setProject(project);
        view.setProbeImage(image);
        QVERIFY(shown.wait(10000));
        QTRY_VERIFY(!view.isComputing());
        ExplainOptions o;
        Explanation want = reference(*project, image, o);
        QCOMPARE(view.explanation().heat, want.heat);
        QCOMPARE(view.explanation().layer, want.layer);
        QVERIFY(!view.view()->overlay().isNull());
        QCOMPARE(view.view()->overlay().size(), QSize(12, 12));
        QCOMPARE(view.layerBox()->count(), 2);
        QCOMPARE(view.layerBox()->currentIndex(), 1);  // the last spatial layer
        QCOMPARE(view.classBox()->count(), 4);         // "predicted" and three classes
        QVERIFY(view.caption()->text().contains(QString::fromStdString(want.layer)));

        // The first convolution instead.
        shown.clear();
        pick(view.layerBox(), 0);
        QVERIFY(shown.wait(10000));
        o.layer = view.layerBox()->itemText(0).toStdString();
        QCOMPARE(view.explanation().layer, o.layer);
        QCOMPARE(view.explanation().heat, reference(*project, image, o).heat);

        // Another class.
        shown.clear();
        const int other = (want.predicted + 1) % 3;
        pick(view.classBox(), other + 1);
        QVERIFY(shown.wait(10000));
        QCOMPARE(view.explanation().target, other);
        o.targetClass = other;
        QCOMPARE(view.explanation().heat, reference(*project, image, o).heat);
        QVERIFY(view.caption()->text().contains(QString::fromStdString(project->classNames[other])));

        // Occlusion: no layer to choose.
        shown.clear();
        pick(view.methodBox(), 1);
        QVERIFY(shown.wait(10000));
        QCOMPARE(view.explanation().method, ExplainMethod::Occlusion);
        QVERIFY(!view.layerBox()->isEnabled());
        o.method = ExplainMethod::Occlusion;
        o.layer.clear();
        QCOMPARE(view.explanation().heat, reference(*project, image, o).heat);

        // The slider changes how strongly the map covers the image, without recomputing.
        const double before = view.view()->overlayOpacity();
        QSlider* slider = view.opacitySlider();
        QTest::mouseClick(slider, Qt::LeftButton, {}, QPoint(slider->width() - 3, slider->height() / 2));
        QVERIFY(view.view()->overlayOpacity() > before);
        QVERIFY(!view.isComputing());

        // A project without weights: nothing to explain, and it says so.
        view.setProject(nullptr);
        QVERIFY(view.view()->overlay().isNull());
        QVERIFY(view.caption()->text().contains("Train the model"));
    }

    void errorsAreShownNotThrown() {
        ExplanationView view;
        auto f = std::make_shared<ModelFile>(*smallProject());
        f->graph = GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                          {"Flatten", nlohmann::json::object()},
                                          {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
        Model model(f->graph, 1);
        storeWeights(model, *f);
        QSignalSpy shown(&view, &ExplanationView::explanationShown);
        view.setProject(f);
        view.setProbeImage(probe());
        QVERIFY(shown.wait(10000));
        QVERIFY2(view.caption()->text().contains("spatial"), qPrintable(view.caption()->text()));
        QVERIFY(view.view()->overlay().isNull());
    }

    // The picker's probe reaches the tab on the Inspect page.
    void inspectPanelHandsThePickedProbeToTheTab() {
        InspectPanel panel;
        auto data = std::make_shared<DataSplits>();
        Dataset& train = data->train;
        train.height = train.width = 16;
        train.channels = 1;
        train.classNames = {"alpha", "beta", "gamma"};
        for (int i = 0; i < 3; ++i) {
            const ProbeImage p = probe();
            train.pixels.insert(train.pixels.end(), p.pixels.begin(), p.pixels.end());
            train.labels.push_back(i);
        }
        QSignalSpy shown(panel.explanation(), &ExplanationView::explanationShown);
        panel.setProject(smallProject());
        panel.setData(data);
        panel.picker()->setIndex(1);
        QVERIFY(shown.wait(10000));
        QCOMPARE(panel.explanation()->view()->image().size(), QSize(16, 16));
        QVERIFY(!panel.explanation()->view()->overlay().isNull());
    }

    // Runs in every test run (a skipped test proves nothing); saves the tab only when asked.
    void drawsEveryMethodOnFashionImages() {
        const QString dir = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
        const QString modelPath = qEnvironmentVariable("CONVSTUDIO_EXPLAIN_MODEL");
        if (!dir.isEmpty()) QDir().mkpath(dir);
        const QString fashion = QStringLiteral(CONVSTUDIO_FASHION_DIR);
        const Dataset test = loadIdx((fashion + "/t10k-images-idx3-ubyte.gz").toStdString(),
                                     (fashion + "/t10k-labels-idx1-ubyte.gz").toStdString());
        auto project = std::make_shared<const ModelFile>(modelPath.isEmpty() ? untrainedSeedCnn()
                                                                             : loadModelFile(modelPath.toStdString()));
        // CONVSTUDIO_SCREENSHOT_QM=convstudio_zh_CN.qm (lrelease of translations/): the tab in that language.
        QTranslator translator;
        const QString qm = qEnvironmentVariable("CONVSTUDIO_SCREENSHOT_QM");
        if (!qm.isEmpty()) {
            QVERIFY2(translator.load(qm), qPrintable(qm));
            QCoreApplication::installTranslator(&translator);
        }
        const QString prefix = qm.isEmpty() ? QStringLiteral("/inspect_") : QStringLiteral("/inspect_zh_");
        InspectPanel panel;
        panel.resize(1000, 640);
        panel.tabs()->setCurrentWidget(panel.explanation());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy shown(panel.explanation(), &ExplanationView::explanationShown);
        panel.setProject(project);
        for (const auto& [index, method, name] :
             {std::tuple{7, 0, "gradcam"}, {7, 1, "occlusion"}, {12, 2, "saliency"}}) {
            ProbeImage image = probeFromDataset(test, std::size_t(index));
            panel.picker()->setExternalImage(image);
            pick(panel.explanation()->methodBox(), method);
            QTRY_VERIFY_WITH_TIMEOUT(!panel.explanation()->isComputing() && shown.count() > 0, 10000);
            QTest::qWait(50);
            QTRY_VERIFY(!panel.explanation()->isComputing());
            const QImage shot = panel.grab().toImage();
            QVERIFY2(distinctColours(shot) > 50, name);  // the overlay is drawn, not a flat box
            if (!dir.isEmpty()) QVERIFY(shot.save(dir + prefix + name + ".png"));
            shown.clear();
        }
    }
};

QTEST_MAIN(TestExplanationView)
#include "test_explanation_view.moc"
