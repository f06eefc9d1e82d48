// Fine-tuning in the studio: the training settings' "Continue from current weights" is offered
// once the project has weights that fit its graph (after a run, or imported from ONNX), is
// remembered in the project, and makes Start train from those weights exactly as the engine's
// fine-tuning does. With CONVSTUDIO_SCREENSHOTS=FOLDER the test saves the Training page with the
// choice made.
#include <QDir>
#include <QLabel>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>

#include "data/data_source.h"
#include "dataset_session.h"
#include "designer/model_document.h"
#include "io/onnx_export.h"
#include "io/onnx_import.h"
#include "main_window.h"
#include "train/training_session.h"
#include "training/training_panel.h"
#include "training/training_settings_form.h"
#include "training_controller.h"
#include "training_test_helpers.h"
#include "training_ui.h"

using namespace cs;
using namespace cs::gui;

namespace {

// A project in a shown main window with its (non-interactive) training UI.
struct Studio {
    MainWindow window;
    ModelDocument doc;
    DatasetSession data;
    TrainingUi ui;

    explicit Studio(const ModelFile& project) : ui(window, reset(doc, project), data, nullptr) {
        ui.setInteractive(false);
        window.resize(1200, 800);
        window.show();
        window.showPage(ui.panel());
    }
    static ModelDocument& reset(ModelDocument& doc, const ModelFile& project) {
        doc.reset(project, {});
        return doc;
    }
    QRadioButton* fromWeights() const {
        return ui.panel()->form()->findChild<QRadioButton*>(QStringLiteral("startFromWeights"));
    }
    QRadioButton* fromScratch() const {
        return ui.panel()->form()->findChild<QRadioButton*>(QStringLiteral("startFromScratch"));
    }
    // Presses Start and waits for the run's weights in the project.
    bool train() {
        QSignalSpy finished(ui.controller(), &TrainingController::finished);
        const std::size_t runs = doc.file().history.size();
        ui.start();
        return (!finished.isEmpty() || finished.wait(120000)) && doc.file().history.size() == runs + 1;
    }
};

// What the engine's fine-tuning of `project` with the settings the run recorded gives.
ModelFile engineFineTune(const ModelFile& project, const RunRecord& run) {
    TrainingRequest request;
    request.project = project;
    request.settings = run.settings;
    request.start = StartMode::FineTune;
    request.dataSource = run.data;
    LoadOptions o;
    o.height = project.preprocessing.height;
    o.width = project.preprocessing.width;
    o.channels = project.preprocessing.channels;
    TrainingSession session;
    return session.run(request, loadDataSource(run.data, o)).trained;
}

}  // namespace

class TestFineTuneUi : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dataset_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        dataset_ = dir_.filePath(QStringLiteral("quadrants"));
        QVERIFY(testing::writeQuadrantImageFolder(dataset_, {12, 12, 12, 12}));
    }

    void continuesFromTrainedWeights() {
        Studio s(testing::quadrantProject(dataset_));
        QVERIFY(QTest::qWaitForWindowExposed(&s.window));
        QVERIFY(s.fromWeights() && s.fromScratch());
        QVERIFY(!s.fromWeights()->isEnabled());  // nothing to continue from yet
        QVERIFY(s.fromScratch()->isChecked());
        const QString shots = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            QVERIFY(s.ui.panel()->grab().save(shots + QStringLiteral("/training_fine_tune_unavailable.png")));
        }

        QVERIFY(s.train());
        QCOMPARE(RunRecord::fromJson(s.doc.file().history.back()).start, StartMode::Fresh);
        QVERIFY(s.fromWeights()->isEnabled());
        QVERIFY(s.fromScratch()->isChecked());  // offered, not chosen for the user

        const ModelFile before = s.doc.file();
        QTest::mouseClick(s.fromWeights(), Qt::LeftButton);
        QVERIFY(s.fromWeights()->isChecked());
        QVERIFY(s.ui.settings().continueFromWeights);
        if (!shots.isEmpty()) QVERIFY(s.ui.panel()->grab().save(shots + QStringLiteral("/training_fine_tune.png")));

        QVERIFY(s.train());
        const RunRecord run = RunRecord::fromJson(s.doc.file().history.back());
        QCOMPARE(run.start, StartMode::FineTune);
        QVERIFY(run.settings.continueFromWeights);
        QVERIFY(s.doc.file().training.value("continue_from_weights", false));  // remembered in the project
        QVERIFY(testing::sameWeights(s.doc.file(), engineFineTune(before, run)));
        QVERIFY(!testing::sameWeights(s.doc.file(), before));
        if (!shots.isEmpty()) QVERIFY(s.ui.panel()->grab().save(shots + QStringLiteral("/training_fine_tuned.png")));

        // Editing the graph makes the weights unusable: the choice waits, the run starts fresh.
        s.doc.setOption(s.doc.graph().nodes()[1].id, "filters", 6);
        QVERIFY(!s.fromWeights()->isEnabled());
        QVERIFY(s.fromScratch()->isChecked());
        QVERIFY(s.ui.settings().continueFromWeights);  // kept for when there are weights again
        QVERIFY(s.train());
        QCOMPARE(RunRecord::fromJson(s.doc.file().history.back()).start, StartMode::Fresh);
    }

    void continuesFromAnImportedModel() {
        // A model trained elsewhere, imported from ONNX: it has weights but no runs.
        TrainingSession session;
        TrainingRequest request;
        request.project = testing::quadrantProject(dataset_);
        request.settings = TrainSettings::fromJson(request.project.training);
        request.dataSource = dataset_.toStdString();
        LoadOptions o;
        o.height = o.width = 12;
        o.channels = 1;
        const ModelFile trained = session.run(request, loadDataSource(dataset_.toStdString(), o)).trained;
        ModelFile imported = importOnnx(exportOnnx(trained), "trained.onnx");
        QVERIFY(imported.hasWeights());
        QVERIFY(imported.history.empty());
        imported.project["dataset"] = dataset_.toStdString();

        Studio s(imported);
        QVERIFY(QTest::qWaitForWindowExposed(&s.window));
        QVERIFY(s.fromWeights()->isEnabled());
        QTest::mouseClick(s.fromWeights(), Qt::LeftButton);
        const ModelFile before = s.doc.file();
        QVERIFY(s.train());
        const RunRecord run = RunRecord::fromJson(s.doc.file().history.back());
        QCOMPARE(run.start, StartMode::FineTune);
        QVERIFY(testing::sameWeights(s.doc.file(), engineFineTune(before, run)));
    }
};

QTEST_MAIN(TestFineTuneUi)
#include "test_fine_tune_ui.moc"
