// The training UI in a real main window: a run of the default preset on the built-in dataset
// with every page live while the test switches pages and zooms a chart, measuring the longest
// stall of the GUI thread; editing locked during the run; the weights and the run history in
// the project afterwards (one undoable step); settings remembered in the project; continuing
// a stopped run; an image sent from the dataset page stays the Inspect page's probe; the
// Inspect page follows the weights; one dataset load for the whole studio.
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>

#include "camera/camera_panel.h"
#include "camera_controller.h"
#include "camera_ui.h"
#include "common/start_page.h"
#include "dataset/dataset_browser.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_page.h"
#include "dataset/image_detail_view.h"
#include "dataset_controller.h"
#include "dataset_session.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "event_loop_gaps.h"
#include "graph/model.h"
#include "inspect/feature_map_view.h"
#include "inspect/inspect_panel.h"
#include "inspect/prediction_bars.h"
#include "inspect/probe_capture.h"
#include "inspect/probe_picker.h"
#include "io/presets.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"
#include "training/evaluation_panel.h"
#include "training/live_chart.h"
#include "training/training_charts.h"
#include "training/training_panel.h"
#include "training/training_progress.h"
#include "training/training_settings_form.h"
#include "training_controller.h"
#include "training_edit_lock.h"
#include "training_ui.h"

using namespace cs;
using namespace cs::gui;

namespace {

bool sameImage(const ProbeImage& a, const ProbeImage& b) {
    return a.height == b.height && a.width == b.width && a.channels == b.channels && a.pixels == b.pixels;
}

// Catalog sample `g` as the dataset page sends it.
ProbeImage catalogImage(const DatasetCatalog& c, std::size_t g) {
    ProbeImage p;
    p.height = c.height();
    p.width = c.width();
    p.channels = c.channels();
    p.pixels.assign(c.image(g), c.image(g) + std::size_t(p.height) * p.width * p.channels);
    return p;
}

// Clicks the thumbnail in `row` of the dataset browser, then the detail view's "Use as Probe".
// Returns the sample sent (-1 when the click selected nothing).
long long useAsProbe(DatasetPage* page, int row) {
    QListView* view = page->browser()->view();
    const QModelIndex index = view->model()->index(row, 0);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    const long long g = page->detailView()->sample();
    if (g != (long long)page->browser()->model()->globalIndex(row)) return -1;
    QTest::mouseClick(page->detailView()->findChild<QPushButton*>(QStringLiteral("useAsProbe")), Qt::LeftButton);
    return g;
}

// Resets `doc` to the default preset on the built-in dataset (saved at `path` when given).
ModelDocument& builtinProject(ModelDocument& doc, const QString& path = {}) {
    ModelFile project = loadPreset(kDefaultPreset);
    project.project["dataset"] = "builtin";
    doc.reset(project, path);
    return doc;
}

// That project in a shown main window with its (non-interactive) training UI.
struct TrainingStudio {
    MainWindow window;
    ModelDocument doc;
    DatasetSession data;
    TrainingUi ui;

    int batches = 0;  // the batches the GUI has received

    explicit TrainingStudio(QSize size, const QString& path = {})
        : ui(window, builtinProject(doc, path), data, nullptr) {
        ui.setInteractive(false);
        window.resize(size);
        window.show();
        QObject::connect(ui.controller(), &TrainingController::batches, ui.controller(),
                         [this](const QVector<BatchStats>& b) { batches += b.size(); });
    }
    bool exposed() { return QTest::qWaitForWindowExposed(&window); }
    // A run long enough to watch while it goes: 30 epochs on 2 threads, in the project's settings.
    void planLongRun() {
        TrainSettings s = ui.settings();
        s.epochs = 30;
        s.threads = 2;
        doc.setTrainingSettings(s);
    }
};

}  // namespace

class TestTrainingUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void runStaysResponsiveAndEndsInTheProject();
    void inspectLiveStaysResponsive();
    void liveProbesOnlyWhileInspectIsShown();
    void settingsAreRememberedInTheProject();
    void probeFromTheDatasetPageStaysTheInspectProbe();
    void loadingTheDataLeavesNoProgressBehind();
    void inspectReloadsTheDataAtANewInputSize();
    void inspectFollowsTheWeights();
    void datasetIsLoadedOncePerStudio();

private:
    QTemporaryDir dir_;
};

void TestTrainingUi::initTestCase() { QStandardPaths::setTestModeEnabled(true); }

void TestTrainingUi::runStaysResponsiveAndEndsInTheProject() {
    TrainingStudio studio(QSize(1400, 900), dir_.filePath(QStringLiteral("shapes.csmodel")));
    QVERIFY(studio.exposed());
    MainWindow& window = studio.window;
    ModelDocument& doc = studio.doc;
    TrainingUi& ui = studio.ui;

    studio.planLongRun();
    QCOMPARE(ui.panel()->form()->settings().epochs, 30);  // the form shows the project's settings
    const int stepsBefore = doc.undoStack()->count();
    const int& batches = studio.batches;
    window.showPage(ui.inspect());  // loads the dataset and picks a probe image
    QTRY_VERIFY_WITH_TIMEOUT(ui.controller()->data() != nullptr, 60000);
    ui.start();
    QVERIFY(ui.editLock()->isLocked());
    QVERIFY(!window.menu(MainWindow::Menu::Edit)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(batches > 0, 60000);

    EventLoopGaps gaps;
    int flips = 0;
    const QList<QWidget*> pages = {static_cast<QWidget*>(ui.panel()), static_cast<QWidget*>(ui.inspect()),
                                   static_cast<QWidget*>(ui.evaluation())};
    QTimer flip;
    flip.setInterval(400);
    connect(&flip, &QTimer::timeout, this, [&] {
        window.showPage(pages[flips++ % pages.size()]);
        if (flips == 4) ui.panel()->charts()->lossChart()->zoomX(3, 0.2);
        if (flips == 7) ui.panel()->charts()->lossChart()->resetZoom();
    });
    flip.start();
    gaps.measureFor(5000);
    flip.stop();
    const int probes = ui.inspect()->featureMaps()->updates();
    qInfo(
        "longest event-loop gap with the training UI live: %.1f ms wall clock, %.1f ms of GUI-thread CPU (%d batches, "
        "%d feature-map updates, %d page switches in 5 s; load average %.1f)",
        gaps.longestWallMs(), gaps.longestCpuMs(), batches, probes, flips, EventLoopGaps::loadAverage());
    QVERIFY(probes >= 5);
    QVERIFY(ui.panel()->charts()->lossChart()->data(0).size() == batches);
    // The longest handler is a page switch's repaint of the whole 1400x900 window with its live
    // charts: 20-38 ms of GUI-thread CPU on a Zen 4 host, 39-44 ms on a slower Zen 3 one (where
    // the two training threads made it 50-59 ms of wall clock). 100 ms is where a switch stops
    // feeling immediate, and far below what training work on the GUI thread would cost (a
    // probe's forward pass, an evaluation, a dataset load: hundreds of ms or more).
    constexpr double kPageSwitchMs = 100;
    QVERIFY2(gaps.longestCpuMs() < kPageSwitchMs,
             qPrintable(QStringLiteral("a handler ran %1 ms").arg(gaps.longestCpuMs())));
    if (EventLoopGaps::machineIsBusy(2))  // the trainer's two threads
        qWarning("the machine is overloaded (load %.1f): the wall-clock gap is reported, not enforced",
                 EventLoopGaps::loadAverage());
    else
        QVERIFY2(gaps.longestWallMs() < kPageSwitchMs,
                 qPrintable(QStringLiteral("longest gap %1 ms").arg(gaps.longestWallMs())));

    ui.stop();
    QTRY_COMPARE_WITH_TIMEOUT(ui.controller()->state(), TrainingController::State::Idle, 30000);
    QVERIFY(!ui.editLock()->isLocked());
    QVERIFY(window.menu(MainWindow::Menu::Edit)->isEnabled());
    // The stopped run's weights and history are in the project, which is marked modified.
    QVERIFY(doc.file().hasWeights());
    QCOMPARE(doc.file().history.size(), std::size_t(1));
    QCOMPARE(doc.file().history[0].value("stop_reason", std::string()), std::string("stopped"));
    QVERIFY(doc.isModified());
    QCOMPARE(doc.filePath(), dir_.filePath(QStringLiteral("shapes.csmodel")));
    QCOMPARE(ui.panel()->runs()->count(), 1);
    // Issue 14: the weights came as one undoable step on top of the earlier ones; Undo brings
    // back the weights before the run (none), Redo the run's.
    QCOMPARE(doc.undoStack()->count(), stepsBefore + 1);
    QCOMPARE(doc.undoStack()->text(0), QStringLiteral("Change training settings"));
    const Tensor trainedKernel = doc.file().weights.begin()->second;
    doc.undoStack()->undo();
    QVERIFY(!doc.hasWeights());
    QCOMPARE(doc.runCount(), std::size_t(0));
    QCOMPARE(ui.panel()->runs()->count(), 0);
    QVERIFY(ui.panel()->weightsState().contains(QLatin1String("not trained")));
    QCOMPARE(doc.trainingSettings().epochs, 30);  // the earlier step is still there
    doc.undoStack()->redo();
    QVERIFY(doc.hasWeights());
    QVERIFY(std::equal(trainedKernel.data(), trainedKernel.data() + trainedKernel.size(),
                       doc.file().weights.begin()->second.data()));
    QCOMPARE(ui.panel()->runs()->count(), 1);

    // The checkpoint next to the project offers "Continue"; continuing resumes where it stopped.
    QVERIFY(TrainingController::hasResumableCheckpoint(ui.checkpointPath(), doc.filePath()));
    QVERIFY(ui.checkpointPath().startsWith(dir_.path()));
    QVERIFY(ui.panel()->continueButton()->isVisibleTo(ui.panel()));
    QSignalSpy started(ui.controller(), &TrainingController::runStarted);
    int firstStep = -1;
    connect(ui.controller(), &TrainingController::batches, this, [&](const QVector<BatchStats>& b) {
        if (firstStep < 0) firstStep = int(b.front().step);
    });
    ui.continueRun();
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
    QVERIFY(started.at(0).at(1).toBool());  // resumed
    QTRY_VERIFY_WITH_TIMEOUT(firstStep >= 0, 30000);
    QVERIFY(firstStep > 0);  // not from the beginning
    ui.stop();
    QTRY_COMPARE_WITH_TIMEOUT(ui.controller()->state(), TrainingController::State::Idle, 30000);
    QCOMPARE(doc.file().history.size(), std::size_t(2));

    // Moving a layer keeps the weights; editing the graph marks them outdated.
    QVERIFY(ui.panel()->weightsState().contains(QLatin1String("trained")));
    const int id = doc.graph().nodes().back().id;
    doc.moveNodes({{id, QPointF(300, 300)}});
    QVERIFY(ui.panel()->weightsState().contains(QLatin1String("trained")));
    doc.renameNode(id, QStringLiteral("logits"));
    QVERIFY(ui.panel()->weightsState().contains(QLatin1String("outdated")));
}

// Issue 18 point 7: the Inspect page open for the whole run, its feature maps updated live,
// the probe the trainer's threads share with the batches. The gaps are reported (longest and
// 99th percentile); the bounds are the generous ones of the test above.
void TestTrainingUi::inspectLiveStaysResponsive() {
    TrainingStudio studio(QSize(1280, 720));
    QVERIFY(studio.exposed());
    TrainingUi& ui = studio.ui;
    studio.planLongRun();
    const int& batches = studio.batches;
    studio.window.showPage(ui.inspect());
    QTRY_VERIFY_WITH_TIMEOUT(ui.controller()->data() != nullptr, 60000);
    ui.start();  // shows the Training page, as the Train button does
    studio.window.showPage(ui.inspect());
    QTRY_VERIFY_WITH_TIMEOUT(batches > 0, 60000);
    const int probesBefore = ui.inspect()->featureMaps()->updates();

    EventLoopGaps gaps;
    gaps.measureFor(5000);
    const int probes = ui.inspect()->featureMaps()->updates() - probesBefore;
    qInfo(
        "event-loop gaps with Inspect live during training: longest %.1f ms, 99th percentile %.1f ms wall clock, "
        "longest %.1f ms of GUI-thread CPU (%d batches, %d feature-map updates in 5 s; load average %.1f)",
        gaps.longestWallMs(), gaps.wallPercentileMs(0.99), gaps.longestCpuMs(), batches, probes,
        EventLoopGaps::loadAverage());
    ui.stop();
    QTRY_COMPARE_WITH_TIMEOUT(ui.controller()->state(), TrainingController::State::Idle, 30000);
    QVERIFY(probes >= 5);
    QVERIFY2(gaps.longestCpuMs() < 50, qPrintable(QStringLiteral("a handler ran %1 ms").arg(gaps.longestCpuMs())));
    if (EventLoopGaps::machineIsBusy(2))
        qWarning("the machine is overloaded (load %.1f): the wall-clock gap is reported, not enforced",
                 EventLoopGaps::loadAverage());
    else
        QVERIFY2(gaps.longestWallMs() < 100, qPrintable(QStringLiteral("longest gap %1 ms").arg(gaps.longestWallMs())));
}

// Issue 17: a live probe costs the training thread a forward pass and the GUI thread the
// drawing of every map, so none is made while the Inspect page is out of sight; shown during a
// run, it gets the current weights' maps at once and then at the live rate.
void TestTrainingUi::liveProbesOnlyWhileInspectIsShown() {
    TrainingStudio studio(QSize(1200, 800));
    QVERIFY(studio.exposed());
    TrainingUi& ui = studio.ui;
    studio.planLongRun();
    const int& batches = studio.batches;
    QSignalSpy probes(ui.controller(), &TrainingController::probeReady);
    studio.window.showPage(ui.inspect());  // loads the data and picks the probe image
    QTRY_VERIFY_WITH_TIMEOUT(ui.controller()->data() && ui.controller()->probeImage().isValid(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!probes.isEmpty(), 10000);  // the untrained weights' maps
    ui.start();                                          // the Training page is shown
    QCOMPARE(studio.window.pages()->currentWidget(), ui.panel());
    QTRY_VERIFY_WITH_TIMEOUT(batches > 0, 60000);
    const qsizetype before = probes.size();
    const int interval = ui.controller()->probeInterval();
    QElapsedTimer hidden;
    hidden.start();
    const int batchesBefore = batches;
    // Four probe intervals of training with the Inspect page hidden: no probe.
    QTRY_VERIFY_WITH_TIMEOUT(hidden.elapsed() > 4 * interval && batches > batchesBefore + 4, 30000);
    QCOMPARE(probes.size(), before);

    studio.window.showPage(ui.inspect());
    QElapsedTimer shown;
    shown.start();
    QTRY_VERIFY_WITH_TIMEOUT(probes.size() > before, 10000);
    QVERIFY2(shown.elapsed() < interval + 1000,
             qPrintable(QStringLiteral("first map after %1 ms").arg(shown.elapsed())));
    QVERIFY(probes.last().at(0).value<ProbeResult>().step > 0);   // the run's weights
    QTRY_VERIFY_WITH_TIMEOUT(probes.size() > before + 3, 10000);  // and more at the live rate

    ui.stop();
    QTRY_COMPARE_WITH_TIMEOUT(ui.controller()->state(), TrainingController::State::Idle, 30000);
}

void TestTrainingUi::settingsAreRememberedInTheProject() {
    MainWindow window;
    ModelDocument doc;
    doc.setProjectDefaults({"builtin", 0.1});  // as the studio does
    doc.reset(loadPreset(kDefaultPreset));
    DatasetSession data;
    TrainingUi ui(window, doc, data, nullptr);
    ui.setInteractive(false);
    window.showPage(ui.panel());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TrainingSettingsForm* form = ui.panel()->form();
    // The preset's settings are shown, with a 10% validation split proposed.
    QCOMPARE(form->settings().epochs, 5);
    QCOMPARE(form->settings().validationSplit, 0.1f);
    QVERIFY(!doc.isModified());
    // Typing into a field: the project has it at once, as one undoable step.
    auto* epochs = form->findChild<QSpinBox*>(QStringLiteral("epochs"));
    QVERIFY(epochs);
    epochs->setFocus();
    epochs->selectAll();
    QTest::keyClicks(epochs, QStringLiteral("12"));
    QCOMPARE(epochs->text(), QStringLiteral("12"));  // the project's answer did not disturb the typing
    QCOMPARE(doc.trainingSettings().epochs, 12);
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(doc.isModified());
    auto* folder = form->findChild<QLineEdit*>(QStringLiteral("checkpointFolder"));
    folder->setFocus();
    QTest::keyClicks(folder, QStringLiteral("/tmp/ck"));
    QCOMPARE(doc.checkpointFolder(), std::string("/tmp/ck"));
    QCOMPARE(doc.undoStack()->count(), 2);
    // Project -> form: undo, or another page's edit (the dataset page's split editor).
    doc.undoStack()->undo();
    QCOMPARE(folder->text(), QString());
    doc.undoStack()->undo();
    QCOMPARE(epochs->value(), 5);
    doc.undoStack()->redo();
    QCOMPARE(epochs->value(), 12);
    doc.setValidationSplit(0.25, 3);
    QCOMPARE(form->settings().validationSplit, 0.25f);
    QCOMPARE(ui.settings().epochs, 12);
    // An invalid setting disables Start and says why.
    TrainSettings s = doc.trainingSettings();
    s.optimizer.learningRate = 5;
    doc.setTrainingSettings(s);
    QVERIFY(!form->problem().isEmpty());
    QVERIFY(!ui.panel()->startButton()->isEnabled());
}

// Issue 7: "Use as Probe" on the dataset page shows the Inspect page, whose first show loads the
// data; that load must not reset the probe to training image #0, and the maps must be computed
// for the image sent. Also when the data is loaded already, and after another dataset is opened.
void TestTrainingUi::probeFromTheDatasetPageStaysTheInspectProbe() {
    const QString path = dir_.filePath(QStringLiteral("probe.csmodel"));
    ModelFile project = loadPreset(kDefaultPreset);  // untrained: the maps show random weights
    project.project["dataset"] = "builtin";
    ProjectController::writeProject(path, project);
    Studio studio;
    studio.project()->setInteractive(false);
    TrainingUi* ui = studio.training();
    ui->setInteractive(false);
    DatasetUi* datasets = studio.datasetPage();
    datasets->setInteractive(false);
    QVERIFY(studio.project()->openFile(path));
    MainWindow& window = *studio.window();
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TrainingController* controller = ui->controller();
    ProbePicker* picker = ui->inspect()->picker();
    auto* number = picker->findChild<QSpinBox*>();
    QVERIFY(number);
    QSignalSpy probes(controller, &TrainingController::probeReady);

    const auto checkProbe = [&](const char* when, int row, const QString& source) {
        window.showPage(datasets->page());  // the tab: loads the project's dataset
        QTRY_VERIFY_WITH_TIMEOUT(datasets->shownSource() == source && !datasets->session()->isLoading(), 60000);
        const long long g = useAsProbe(datasets->page(), row);
        QVERIFY(g > 0);
        const ProbeImage sent = catalogImage(*datasets->catalog(), std::size_t(g));
        QCOMPARE(window.pages()->currentWidget(), ui->inspect());
        QTRY_VERIFY_WITH_TIMEOUT(controller->data() && controller->dataSource() == source && !controller->isLoading(),
                                 60000);
        const ProbeImage first = probeFromDataset(controller->data()->train, 0);
        QVERIFY(!sameImage(sent, first));
        const auto which = [&](const char* what, const ProbeImage& image) {
            return QByteArray(when) + ": " + what +
                   (!image.isValid()          ? " nothing"
                    : sameImage(image, sent)  ? " the image sent"
                    : sameImage(image, first) ? " training image #0"
                                              : " another image");
        };
        const auto lastMaps = [&] {
            return probes.isEmpty() ? ProbeImage() : probes.last().at(0).value<ProbeResult>().image;
        };
        // The maps arrive for the image sent, and nothing replaces it afterwards (idle probes
        // wait 300 ms).
        QTRY_VERIFY2_WITH_TIMEOUT(sameImage(lastMaps(), sent), which("the feature maps show", lastMaps()).constData(),
                                  10000);
        QTest::qWait(1000);
        QVERIFY2(sameImage(lastMaps(), sent), which("the feature maps show", lastMaps()).constData());
        QVERIFY2(sameImage(picker->image(), sent), which("the picker shows", picker->image()).constData());
        QVERIFY2(sameImage(controller->probeImage(), sent),
                 which("the probe is", controller->probeImage()).constData());
        // The untrained preset names its outputs after Fashion-MNIST: no bar is the shape's class.
        QCOMPARE(ui->inspect()->prediction()->trueLabel(), -1);
        // The picker names the sample sent: its set and number, not the number it showed before.
        const DatasetCatalog& catalog = *datasets->catalog();
        QCOMPARE(catalog.partOf(std::size_t(g)), 0);
        QCOMPARE(picker->findChild<QComboBox*>()->currentIndex(), 0);
        QCOMPARE(number->text(), QString::number(catalog.localIndex(std::size_t(g))));
        QVERIFY(!picker->showsExternalImage());
    };

    // The Inspect page has never been shown: its first show loads the data.
    checkProbe("first show of the Inspect page", 5, QStringLiteral("builtin"));
    if (QTest::currentTestFailed()) return;
    // The data is loaded already: the maps still follow the image sent.
    checkProbe("data loaded already", 9, QStringLiteral("builtin"));
    if (QTest::currentTestFailed()) return;
    // Another dataset: the Inspect page loads it again on its next show.
    datasets->openSource(QStringLiteral("builtin:shapes"));
    checkProbe("after another dataset", 3, QStringLiteral("builtin:shapes"));
    if (QTest::currentTestFailed()) return;

    // A camera frame is no sample: no number. Typing the number shown before picks it again.
    const int shown = number->value();
    ProbeImage frame = catalogImage(*datasets->catalog(), 1);
    std::reverse(frame.pixels.begin(), frame.pixels.end());
    frame.source = QStringLiteral("camera frame 40");
    ui->inspectImage(frame);  // as the studio does with the camera's "Feature Maps"
    QCOMPARE(window.pages()->currentWidget(), ui->inspect());
    QVERIFY(picker->showsExternalImage());
    QCOMPARE(number->text(), QStringLiteral("\u2014"));
    QVERIFY(sameImage(picker->image(), frame));
    number->setFocus();
    QTest::keyClick(number, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(number, QString::number(shown));
    QVERIFY(!picker->showsExternalImage());
    QCOMPARE(number->text(), QString::number(shown));
    QVERIFY(sameImage(picker->image(), probeFromDataset(controller->data()->train, std::size_t(shown))));
    QVERIFY(sameImage(controller->probeImage(), picker->image()));
}

// A load the Inspect page starts leaves no "Loading the dataset… 100%" in the status bar; nor
// does a load cancelled with Stop before its run started.
void TestTrainingUi::loadingTheDataLeavesNoProgressBehind() {
    TrainingStudio studio(QSize(1200, 800));
    QVERIFY(studio.exposed());
    MainWindow& window = studio.window;
    ModelDocument& doc = studio.doc;
    TrainingUi& ui = studio.ui;
    QSignalSpy progress(ui.controller(), &TrainingController::loadProgress);
    window.showPage(ui.inspect());  // loads the dataset for the probe picker
    QTRY_VERIFY_WITH_TIMEOUT(ui.controller()->data() && !ui.controller()->isLoading(), 60000);
    QVERIFY(!progress.isEmpty());  // it was shown while loading
    QVERIFY2(!ui.progress()->isVisible(),
             qPrintable(QStringLiteral("the status bar shows '%1'").arg(ui.progress()->text())));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Dataset loaded"));  // for a few seconds

    // Stop while a run waits for its data. The run's load (another source) cannot finish before
    // Stop, since no event is processed in between; its progress report is sent by hand.
    doc.setDatasetSource("builtin:shapes");
    ui.start();
    QCOMPARE(ui.controller()->state(), TrainingController::State::Loading);
    emit ui.controller()->loadProgress(3, 10);
    QVERIFY(ui.progress()->isVisible());
    ui.stop();
    QCOMPARE(ui.controller()->state(), TrainingController::State::Idle);
    QVERIFY2(!ui.progress()->isVisible(),
             qPrintable(QStringLiteral("the status bar shows '%1'").arg(ui.progress()->text())));
}

void TestTrainingUi::inspectReloadsTheDataAtANewInputSize() {
    // Changing the Input layer's size in the designer must not leave the Inspect page (or an
    // evaluation) on data prepared at the old size.
    TrainingStudio studio(QSize(1200, 800));
    QVERIFY(studio.exposed());
    MainWindow& window = studio.window;
    ModelDocument& doc = studio.doc;
    TrainingUi& ui = studio.ui;
    window.showPage(ui.inspect());
    QTRY_VERIFY_WITH_TIMEOUT(ui.controller()->data() && !ui.controller()->isLoading(), 60000);
    QCOMPARE(ui.controller()->data()->train.height, 28);

    const int input = doc.graph().nodes().front().id;
    doc.setOption(input, "height", 32);
    doc.setOption(input, "width", 32);
    QCOMPARE(doc.file().preprocessing.height, 32);
    window.showPage(ui.panel());
    window.showPage(ui.inspect());
    QTRY_VERIFY_WITH_TIMEOUT(
        ui.controller()->data() && !ui.controller()->isLoading() && ui.controller()->data()->train.height == 32, 60000);
    QCOMPARE(ui.controller()->data()->train.width, 32);
    // With CONVSTUDIO_SCREENSHOTS=FOLDER, saves the Inspect page at the new size to look at.
    const QString shots = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
    if (!shots.isEmpty()) {
        QTest::qWait(1500);  // the idle probe refresh
        QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("inspect_input_32x32.png"))));
    }
}

// Issue 14: the Inspect page listens to the document's revisions. Weights that arrive (a run
// applied, or an Undo) are shown on the probe without touching the page.
void TestTrainingUi::inspectFollowsTheWeights() {
    TrainingStudio studio(QSize(1200, 800));
    QVERIFY(studio.exposed());
    ModelDocument& doc = studio.doc;
    QSignalSpy probes(studio.ui.controller(), &TrainingController::probeReady);
    studio.window.showPage(studio.ui.inspect());
    QTRY_VERIFY_WITH_TIMEOUT(!probes.isEmpty(), 60000);
    const auto probabilities = [&] { return probes.last().at(0).value<ProbeResult>().probabilities; };
    const std::vector<float> untrained = probabilities();
    ModelFile run = doc.file();
    storeWeights(Model(run.graph, 99), run);
    run.history.push_back({{"stop_reason", "completed"}});
    doc.applyTrained(run);
    QTRY_VERIFY_WITH_TIMEOUT(probabilities() != untrained, 10000);
    const std::vector<float> trained = probabilities();
    doc.undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(probabilities() == untrained, 10000);
    QVERIFY(trained != untrained);
}

// Issue 14: one dataset session per studio. The Dataset, Training, Inspect, Evaluation and
// Camera pages and a run all use the same images, loaded once (a 60,000-image set no longer
// sits in memory twice). With CONVSTUDIO_SCREENSHOTS=FOLDER, saves every page to look at.
void TestTrainingUi::datasetIsLoadedOncePerStudio() {
    const QString path = dir_.filePath(QStringLiteral("once.csmodel"));
    ModelFile project = loadPreset(kDefaultPreset);
    project.project["dataset"] = "builtin";
    ProjectController::writeProject(path, project);
    Studio studio;
    studio.project()->setInteractive(false);
    TrainingUi* ui = studio.training();
    ui->setInteractive(false);
    studio.datasetPage()->setInteractive(false);
    studio.camera()->controller()->setInteractive(false);
    QVERIFY(studio.project()->openFile(path));
    MainWindow& window = *studio.window();
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString shots = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
    const auto shoot = [&](QWidget* page, const char* name) {
        window.showPage(page);
        if (shots.isEmpty()) return;
        QTest::qWait(300);  // let the page lay out and paint
        QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("%1.png").arg(QLatin1String(name)))));
    };
    DatasetSession* data = studio.data();
    DatasetUi* datasets = studio.datasetPage();
    TrainingController* controller = ui->controller();

    shoot(studio.startPage(), "1_start");
    shoot(window.pages()->widget(1), "2_designer");
    window.showPage(datasets->page());
    QTRY_VERIFY_WITH_TIMEOUT(datasets->catalog() != nullptr, 60000);
    shoot(ui->panel(), "4_training_before_run");
    window.showPage(ui->inspect());
    QTRY_VERIFY_WITH_TIMEOUT(controller->data() != nullptr && !controller->isLoading(), 60000);
    QCOMPARE(data->loadCount(), 1);

    // One short run, then an evaluation.
    TrainSettings s = studio.document()->trainingSettings();
    s.epochs = 1;
    s.threads = 2;
    studio.document()->setTrainingSettings(s);
    QSignalSpy finished(controller, &TrainingController::finished);
    QSignalSpy evaluated(controller, &TrainingController::evaluated);
    ui->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 300000);
    QVERIFY(studio.document()->hasWeights());
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.size(), 1, 60000);  // the run's own evaluation
    window.showPage(ui->evaluation());
    ui->evaluate();
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.size(), 2, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), TrainingController::State::Idle, 10000);

    // The camera shows the trained model's predictions on the test pattern (when GStreamer is there).
    CameraController* camera = studio.camera()->controller();
    window.showPage(studio.camera()->panel());
    camera->open(CameraPanel::testPatternSource());
    QTRY_VERIFY_WITH_TIMEOUT(camera->state() != CameraController::State::Opening, 10000);
    if (camera->state() == CameraController::State::Running)
        QTRY_VERIFY_WITH_TIMEOUT(camera->lastPrediction().isValid(), 10000);

    // Every page saw the same images, loaded once.
    QCOMPARE(data->loadCount(), 1);
    QCOMPARE(controller->data().get(), data->data().get());
    QCOMPARE(datasets->catalog()->sharedData().get(), data->data().get());

    QTRY_VERIFY_WITH_TIMEOUT(!datasets->session()->isPredicting(), 60000);  // the page's predictions
    shoot(datasets->page(), "3_dataset");
    shoot(ui->panel(), "4_training");
    shoot(ui->inspect(), "5_inspect");
    shoot(ui->evaluation(), "6_evaluation");
    shoot(studio.camera()->panel(), "7_camera");
    camera->stop();
}

QTEST_MAIN(TestTrainingUi)
#include "test_training_ui.moc"
