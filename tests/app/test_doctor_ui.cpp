// The Doctor page in the studio, on a small image-folder project: Run examines the dataset off
// the GUI thread (a stand-in doctor, so the findings are known), a click on a label suspect and
// Move moves its file to the suggested class as one undoable step (Ctrl+Z on the page puts it
// back), an exclusion counts as a fix, "Retrain with fixes" trains a run whose record says
// what the fixes changed, Cancel stops a running doctor, and the real doctor's report comes
// with its map. With CONVSTUDIO_SCREENSHOTS=FOLDER the page is saved there.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include "dataset/dataset_catalog.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "doctor/doctor_map_view.h"
#include "doctor/doctor_panel.h"
#include "doctor_controller.h"
#include "doctor_ui.h"
#include "graph/graph_spec.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"
#include "training_controller.h"
#include "training_test_helpers.h"
#include "training_ui.h"

using namespace cs;
using namespace cs::gui;

namespace {

ModelFile projectOn(const QString& folder) {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
    f.classNames = {"circle", "square", "cross"};
    f.project["dataset"] = folder.toStdString();
    f.training = {{"epochs", 1}, {"batch_size", 8}, {"threads", 1}};
    return f;
}

// What the stand-in doctor finds: train 4 looks like class (label + 1), train 0 and 3 are one
// picture; every image on a line.
DoctorReport knownFindings(const Dataset& train, const Dataset& test, const Model*, const Preprocessing&,
                           const DoctorOptions&, const DoctorProgress& progress) {
    if (progress.report) progress.report("features", 0.5);
    DoctorReport r;
    r.trainImages = int(train.size());
    r.testImages = int(test.size());
    r.labelSuspects.push_back({{DoctorSplit::Train, 4}, train.labels[4], (train.labels[4] + 1) % 3, 0.1f, 0.8f, 2.f});
    r.duplicates.push_back({{{DoctorSplit::Train, 0}, {DoctorSplit::Train, 3}}, true, false, 0});
    for (uint32_t i = 0; i < train.size(); ++i)
        r.map.push_back({{DoctorSplit::Train, i}, float(i), 0, train.labels[i]});
    r.labelMethod = "stand-in";
    return r;
}

}  // namespace

class TestDoctorUi : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString folder_, project_;

    std::unique_ptr<Studio> openStudio() {
        auto studio = std::make_unique<Studio>();
        studio->project()->setInteractive(false);
        studio->datasetPage()->setInteractive(false);
        studio->training()->setInteractive(false);
        studio->openInitial(project_);
        studio->window()->resize(1280, 720);
        studio->window()->show();
        if (!QTest::qWaitForWindowExposed(studio->window())) return nullptr;
        studio->window()->showPage(studio->doctor()->panel());
        return studio;
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("ConvStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_doctor_ui"));
        QVERIFY(tmp_.isValid());
        folder_ = tmp_.filePath(QStringLiteral("shapes"));
        cs::testing::writeShapesImageFolder(folder_);
        project_ = tmp_.filePath(QStringLiteral("doctor.csmodel"));
        ProjectController::writeProject(project_, projectOn(folder_));
    }

    void aSuspectMovesUndoablyAndTheFixesRetrain() {
        auto studio = openStudio();
        QVERIFY(studio);
        DoctorUi* doctor = studio->doctor();
        DoctorPanel* panel = doctor->panel();
        doctor->controller()->setRunner(&knownFindings);
        // Pixels only: the project has no weights, and the page says so.
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->report().labelSuspects.empty(), 20000);
        QVERIFY(panel->runButton()->isEnabled());
        QVERIFY(panel->noteLabel()->text().contains(QStringLiteral("pixels")));
        QCOMPARE(panel->map()->pointCount(), 24);
        const std::shared_ptr<DatasetCatalog> catalog = studio->datasetPage()->catalog();
        QVERIFY(catalog);

        // A user's click on the suspect, then Move: the suggested class is chosen already.
        panel->tabs()->setCurrentIndex(1);
        QTreeWidget* list = panel->list(FindingKind::LabelSuspect);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->topLevelItem(0)).center());
        const std::size_t g = catalog->partOffset(0) + 4;
        const int given = catalog->label(g), suggested = (given + 1) % 3;
        QCOMPARE(panel->moveTarget()->currentIndex(), suggested);
        const QString before = QString::fromStdString(catalog->sourceOf(g));
        QTest::mouseClick(panel->moveButton(), Qt::LeftButton);
        QTRY_COMPARE(catalog->label(g), suggested);
        QVERIFY(!QFile::exists(before));
        QVERIFY(panel->findingFixed(FindingKind::LabelSuspect, 0));
        QCOMPARE(doctor->movedByFixes(), std::size_t(1));
        QVERIFY(panel->retrainButton()->isEnabled());
        QVERIFY(panel->retrainButton()->text().contains(QStringLiteral("1 moved")));

        // Ctrl+Z on the page: the file goes back, the finding is open again.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(catalog->label(g), given);
        QVERIFY(QFile::exists(before));
        QVERIFY(!panel->findingFixed(FindingKind::LabelSuspect, 0));
        QCOMPARE(doctor->movedByFixes(), std::size_t(0));
        QVERIFY(!panel->retrainButton()->isEnabled());

        // Exclude all but one of the duplicate pair: a project edit, undoable too.
        panel->showFinding(FindingKind::Duplicates, 0);
        QTest::mouseClick(panel->keepOneButton(), Qt::LeftButton);
        QTRY_VERIFY(catalog->excluded(catalog->partOffset(0) + 3));
        QVERIFY(!catalog->excluded(catalog->partOffset(0)));
        QVERIFY(panel->findingFixed(FindingKind::Duplicates, 0));
        QCOMPARE(doctor->excludedByFixes(), std::size_t(1));
        if (const QString dir = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            QApplication::processEvents();  // the layout follows the longer Retrain text
            QVERIFY(studio->window()->grab().save(dir + QStringLiteral("/studio_doctor_page.png")));
        }

        // Retrain with fixes: a run whose record names them.
        QTest::mouseClick(panel->retrainButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(studio->document()->runCount() == 1, 60000);
        const nlohmann::json changes = studio->document()->runs().back().at("data_changes");
        QCOMPARE(changes.at("by").get<std::string>(), std::string("data doctor"));
        QCOMPARE(changes.at("excluded").get<int>(), 1);
        QCOMPARE(changes.at("moved").get<int>(), 0);
        QCOMPARE(doctor->excludedByFixes(), std::size_t(0));  // the run holds them now
    }

    void cancelStopsARunningDoctor() {
        auto studio = openStudio();
        QVERIFY(studio);
        DoctorPanel* panel = studio->doctor()->panel();
        // A doctor that works until it is cancelled, reporting as it goes.
        studio->doctor()->controller()->setRunner([](const Dataset&, const Dataset&, const Model*, const Preprocessing&,
                                                     const DoctorOptions&,
                                                     const DoctorProgress& progress) -> DoctorReport {
            for (int i = 0;; ++i) {
                if (progress.cancel && progress.cancel->load()) throw DoctorCancelled();
                progress.report("hashes", (i % 100) / 100.0);
                QThread::msleep(5);
            }
        });
        QSignalSpy cancelled(studio->doctor()->controller(), &DoctorController::cancelled);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->stageLabel()->text(), QStringLiteral("Hashing images"), 20000);
        QVERIFY(panel->progressBar()->isVisible());
        QVERIFY(!panel->runButton()->isEnabled());
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QVERIFY(cancelled.wait(10000));
        QVERIFY(panel->runButton()->isEnabled());
        QVERIFY(!panel->progressBar()->isVisible());
        QVERIFY(panel->noteLabel()->text().contains(QStringLiteral("cancelled")));
    }

    void theRealDoctorReportsWithAMap() {
        // Three classes of noise around a level each, two exact copies across training and test.
        DataSplits data;
        for (Dataset* d : {&data.train, &data.test}) {
            d->height = d->width = 8;
            d->channels = 1;
            d->classNames = {"a", "b", "c"};
        }
        uint32_t state = 1;
        auto noise = [&] { return (state = state * 1664525u + 1013904223u) >> 27; };
        for (int i = 0; i < 60; ++i) {
            Dataset& d = i < 45 ? data.train : data.test;
            d.labels.push_back(i % 3);
            for (int p = 0; p < 64; ++p) d.pixels.push_back(uint8_t(60 * (i % 3) + 40 + noise()));
        }
        std::copy(data.train.image(2), data.train.image(2) + 64, data.test.image(5));
        data.test.labels[5] = data.train.labels[2];
        DoctorController controller;
        QSignalSpy finished(&controller, &DoctorController::finished);
        QSignalSpy failed(&controller, &DoctorController::failed);
        Preprocessing pre;
        QVERIFY(controller.start(std::make_shared<const DataSplits>(data), nullptr, pre));
        QVERIFY(!controller.start(std::make_shared<const DataSplits>(data), nullptr, pre));  // one at a time
        QVERIFY(controller.waitForIdle());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);
        const DoctorReport report = finished.at(0).at(0).value<DoctorReport>();
        QCOMPARE(report.map.size(), std::size_t(60));
        bool leak = false;
        for (const DuplicateGroup& group : report.duplicates) leak = leak || group.spansSplits;
        QVERIFY(leak);
    }
};

QTEST_MAIN(TestDoctorUi)
#include "test_doctor_ui.moc"
