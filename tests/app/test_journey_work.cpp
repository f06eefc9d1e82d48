// Issue 18, the studio never throws away a user's work: a scripted walk through the real main
// window. Train → a second run from scratch (asked once, remembered), stopped early → the better
// model stays → "Use Best Weights" → Undo; save and reopen → the runs keep their weights, the
// curves of the run in use and the last evaluation are drawn, "Use Last Weights" → Undo; quit during a run → "Stop and
// keep the checkpoint / Keep training / Cancel", then "Save changes?" naming the stopped run; a capture into a folder
// the project does not train on asks first, saying what becomes of the model's classes. With
// CONVSTUDIO_SCREENSHOTS=FOLDER the Training page (runs compared) and the dialogs are saved there.
#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <deque>

#include "camera_controller.h"
#include "camera_ui.h"
#include "dataset/dataset_page.h"
#include "dataset/split_editor.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"
#include "train/saved_evaluation.h"
#include "training/confusion_matrix_view.h"
#include "training/evaluation_panel.h"
#include "training/live_chart.h"
#include "training/misclassified_gallery.h"
#include "training/training_charts.h"
#include "training/training_log.h"
#include "training/training_panel.h"
#include "training/training_settings_form.h"
#include "training_controller.h"
#include "training_test_helpers.h"
#include "training_ui.h"

using namespace cs;
using namespace cs::gui;

namespace {

// Answers the modal message boxes that open, in order: clicks the button with the given object
// name (or standard button), after noting the box's text (and saving a screenshot when asked).
class BoxAnswerer : public QObject {
public:
    BoxAnswerer() {
        timer_.setInterval(20);
        connect(&timer_, &QTimer::timeout, this, [this] { tick(); });
    }
    void answer(const QString& button, const QString& shot = {}) {
        answers_.push_back({button, QMessageBox::NoButton, shot});
        timer_.start();
    }
    void answer(QMessageBox::StandardButton button, const QString& shot = {}) {
        answers_.push_back({QString(), button, shot});
        timer_.start();
    }
    bool done() const { return answers_.empty(); }
    QStringList texts;  // of the boxes answered

private:
    struct Answer {
        QString name;
        QMessageBox::StandardButton standard;
        QString shot;
    };
    void tick() {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || answers_.empty() || !box->isVisible()) return;
        const Answer a = answers_.front();
        QAbstractButton* target = a.standard != QMessageBox::NoButton ? box->button(a.standard) : nullptr;
        for (QAbstractButton* b : box->buttons())
            if (!a.name.isEmpty() && b->objectName() == a.name) target = b;
        if (!target) return;
        answers_.pop_front();
        if (answers_.empty()) timer_.stop();
        texts << box->text();
        if (!a.shot.isEmpty()) box->grab().save(a.shot);
        target->click();
    }
    QTimer timer_;
    std::deque<Answer> answers_;
};

QString shotPath(const char* name) {
    const QString dir = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
    if (dir.isEmpty()) return {};
    QDir().mkpath(dir);
    return QDir(dir).filePath(QString::fromLatin1(name));
}

int runIndexOf(const QListWidgetItem* item) { return item->data(Qt::UserRole).toInt(); }

QListWidgetItem* runItem(TrainingPanel* panel, int index) {
    for (int r = 0; r < panel->runs()->count(); ++r)
        if (runIndexOf(panel->runs()->item(r)) == index) return panel->runs()->item(r);
    return nullptr;
}

// Waits until the controller is idle again (the finished run's weights or record in the project).
bool waitIdle(TrainingController* c, int ms = 120000) {
    QElapsedTimer clock;
    clock.start();
    while (c->isBusy() && clock.elapsed() < ms) QTest::qWait(20);
    return !c->isBusy();
}

}  // namespace

class TestJourneyWork : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dataset_;

    // A project on the quadrant images that holds a quarter out and never chose how to start.
    QString writeProject(const char* name) {
        ModelFile p = testing::quadrantProject(dataset_);
        p.training["validation_split"] = 0.25;
        p.training["epochs"] = 3;
        p.training.erase("continue_from_weights");
        const QString path = dir_.filePath(QString::fromLatin1(name));
        ProjectController::writeProject(path, p);
        return path;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        dataset_ = dir_.filePath(QStringLiteral("quadrants"));
        QVERIFY(testing::writeQuadrantImageFolder(dataset_, {12, 12, 12, 12}));
    }

    void trainStopChooseUndoReopenQuit() {
        const QString path = writeProject("work.csmodel");
        auto studio = std::make_unique<Studio>();
        ModelDocument* doc = studio->document();
        TrainingUi* training = studio->training();
        TrainingController* controller = training->controller();
        TrainingPanel* panel = training->panel();
        studio->project()->setInteractive(false);
        training->setInteractive(false);
        QVERIFY(studio->project()->openFile(path));
        studio->window()->resize(1280, 720);
        studio->window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(studio->window()));
        BoxAnswerer boxes;
        // The Split tab and the Training page show the project's one validation share.
        SplitEditor* split = studio->datasetPage()->page()->splitEditor();
        QCOMPARE(split->fraction(), 0.25);
        QCOMPARE(panel->form()->settings().validationSplit, 0.25f);
        split->findChild<QDoubleSpinBox*>(QStringLiteral("validationFraction"))->setValue(20);
        QCOMPARE(panel->form()->settings().validationSplit, 0.2f);
        doc->undoStack()->undo();
        QCOMPARE(split->fraction(), 0.25);

        // 1. A complete run: its best epoch's weights go into the project.
        training->start();
        QVERIFY(waitIdle(controller));
        QCOMPARE(doc->runCount(), std::size_t(1));
        QCOMPARE(doc->weightsRunIndex(), 0);
        QCOMPARE(doc->undoStack()->text(doc->undoStack()->index() - 1),
                 QStringLiteral("Apply trained weights (run #1)"));
        const ModelFile best = doc->file();
        QCOMPARE(panel->startButton()->text(), QStringLiteral("Train from Scratch"));

        // 2. Train again: asked once how to start (remembered, shown on the button); a long run
        // from scratch stopped after its first batch measured nothing, so the better model stays.
        TrainSettings s = doc->trainingSettings();
        s.epochs = 500;
        s.batchSize = 2;  // long epochs: the stop usually comes within the first
        doc->setTrainingSettings(s);
        training->setInteractive(true);
        boxes.answer(QStringLiteral("trainFromScratch"), shotPath("start_choice.png"));
        QSignalSpy batches(controller, &TrainingController::batches);
        training->start();
        QVERIFY(boxes.done());
        QVERIFY(doc->hasStartChoice());
        QVERIFY(!doc->trainingSettings().continueFromWeights);
        QVERIFY(batches.count() > 0 || batches.wait(60000));
        training->stop();
        QVERIFY(waitIdle(controller));
        training->setInteractive(false);
        QVERIFY2(doc->runCount() == 2, qPrintable(panel->log()->toPlainText().right(600)));
        const RunRecord first = RunRecord::fromJson(doc->runs()[0]), second = RunRecord::fromJson(doc->runs()[1]);
        QCOMPARE(second.stopReason, StopReason::Stopped);
        // The engine's rule decides (on a fast machine the stop may come after whole epochs that
        // measured better); a run stopped before any measurement never replaces the model.
        const bool replaced = replacesProjectWeights(second, &first, true);
        if (!keptValidationAccuracy(second)) QVERIFY(!replaced);
        const int inUse = replaced ? 1 : 0, other = 1 - inUse;
        QCOMPARE(doc->weightsRunIndex(), inUse);
        QCOMPARE(testing::sameWeights(doc->file(), best), !replaced);
        QCOMPARE(doc->undoStack()->text(doc->undoStack()->index() - 1),
                 replaced ? QStringLiteral("Apply trained weights (run #2)")
                          : QStringLiteral("Record run #2 (weights kept)"));
        if (!replaced) QVERIFY(panel->log()->toPlainText().contains(QStringLiteral("The project keeps")));
        const ModelFile kept = doc->file();

        // 3. The user picks the other run's weights in Runs, then takes them back with Undo.
        QVERIFY(runItem(panel, inUse)->text().contains(QStringLiteral("weights in use")));
        panel->runs()->setCurrentItem(runItem(panel, inUse));
        QVERIFY(!panel->useRunButton()->isEnabled());  // already in use
        panel->runs()->setCurrentItem(runItem(panel, other));
        QVERIFY(panel->useRunButton()->isEnabled());
        QTest::mouseClick(panel->useRunButton(), Qt::LeftButton);
        QCOMPARE(doc->weightsRunIndex(), other);
        QVERIFY(!testing::sameWeights(doc->file(), kept));
        QCOMPARE(doc->undoStack()->text(doc->undoStack()->index() - 1),
                 QStringLiteral("Use the best weights of run #%1").arg(other + 1));
        doc->undoStack()->undo();
        QCOMPARE(doc->weightsRunIndex(), inUse);
        QVERIFY(testing::sameWeights(doc->file(), kept));

        // Both runs compared on the charts.
        runItem(panel, 0)->setCheckState(Qt::Checked);
        runItem(panel, 1)->setCheckState(Qt::Checked);
        studio->window()->showPage(panel);
        if (const QString shot = shotPath("training_runs_compared.png"); !shot.isEmpty()) {
            panel->charts()->refreshNow();
            QVERIFY(studio->window()->grab().save(shot));
        }

        // 4. Saved and opened again: the runs are there with their weights, the curves of the run
        // in use drawn (its epochs, and its saved batches as the charts' run), the last evaluation
        // on the Evaluation page; the other run's last weights can be put in, one undo step.
        QVERIFY(studio->project()->saveTo(path));
        {
            const ModelFile saved = loadModelFile(path.toStdString());
            Studio reopened;
            reopened.project()->setInteractive(false);
            reopened.training()->setInteractive(false);
            QVERIFY(reopened.project()->openFile(path));
            ModelDocument* rdoc = reopened.document();
            TrainingPanel* p = reopened.training()->panel();
            QCOMPARE(p->runs()->count(), 2);
            QCOMPARE(rdoc->weightsRunIndex(), inUse);
            QCOMPARE(runItem(p, inUse)->checkState(), Qt::Checked);
            QCOMPARE(runItem(p, other)->checkState(), Qt::Unchecked);
            QVERIFY(testing::sameWeights(rdoc->file(), kept));
            QVERIFY(rdoc->hasRunWeights(0) && rdoc->hasRunWeights(1));
            QVERIFY2(runItem(p, other)->text().contains(QStringLiteral("weights kept")),
                     qPrintable(runItem(p, other)->text()));
            QVERIFY(!p->charts()->lossChart()->data(0).isEmpty());  // the batches of the run in use

            EvaluationPanel* evaluation = reopened.training()->evaluation();
            QVERIFY(evaluation->hasReport());
            const SavedEvaluation last = SavedEvaluation::fromJson(rdoc->lastEvaluation());
            QVERIFY2(evaluation->summary()->text().contains(QString::number(last.result.accuracy * 100, 'f', 2)),
                     qPrintable(evaluation->summary()->text()));
            QCOMPARE(evaluation->classTable()->rowCount(), last.result.classes + 1);
            QCOMPARE(evaluation->gallery()->shownSamples().size(), last.mistakes.size());
            QVERIFY(!evaluation->note().isEmpty());
            const QString savedNote = evaluation->note();
            // A diagonal cell: the project keeps no correctly classified images, and says so
            // with a way to measure again (it used to list nothing, without a word; the link
            // itself is checked in test_confusion_matrix: here it would start an evaluation).
            int diagonal = 0;
            while (diagonal < last.result.classes && last.result.confusion[diagonal][diagonal] == 0) ++diagonal;
            QVERIFY(diagonal < last.result.classes);
            emit evaluation->confusion()->cellClicked(diagonal, diagonal);
            QVERIFY(evaluation->gallery()->shownSamples().empty());
            QVERIFY2(evaluation->gallery()->title().contains(QStringLiteral("not kept with the project")),
                     qPrintable(evaluation->gallery()->title()));

            reopened.window()->resize(1280, 720);
            reopened.window()->show();
            QVERIFY(QTest::qWaitForWindowExposed(reopened.window()));
            reopened.window()->showPage(p);
            p->bottomTabs()->setCurrentIndex(1);
            p->runs()->setCurrentItem(runItem(p, other));
            QVERIFY(p->useRunButton()->isEnabled());
            // "Use Last Weights" is offered when the run's last weights differ from its best.
            const bool distinctLast = rdoc->hasDistinctLastWeights(other);
            QCOMPARE(p->useLastButton()->isEnabled(), distinctLast);
            if (const QString shot = shotPath("runs_after_reopen.png"); !shot.isEmpty()) {
                p->charts()->refreshNow();
                QVERIFY(reopened.window()->grab().save(shot));
            }
            if (distinctLast)
                QTest::mouseClick(p->useLastButton(), Qt::LeftButton);
            else
                reopened.training()->useRunWeights(other, true);
            QCOMPARE(rdoc->weightsRunIndex(), other);
            QVERIFY(rdoc->usesLastWeights());
            ModelFile lastOfOther;
            lastOfOther.weights = saved.runWeights.at(other).lastOrBest();
            QVERIFY(testing::sameWeights(rdoc->file(), lastOfOther));
            QCOMPARE(rdoc->undoStack()->text(rdoc->undoStack()->index() - 1),
                     QStringLiteral("Use the last weights of run #%1").arg(other + 1));
            // The saved evaluation measured the weights before: the page says so, not as if
            // its figures described the weights now in use; Undo brings both back together.
            QVERIFY(SavedEvaluation::fromJson(rdoc->lastEvaluation()).outdated);
            QVERIFY2(evaluation->note().startsWith(QStringLiteral("Outdated")), qPrintable(evaluation->note()));
            if (const QString shot = shotPath("evaluation_outdated.png"); !shot.isEmpty()) {
                reopened.window()->showPage(evaluation);
                QVERIFY(reopened.window()->grab().save(shot));
            }
            rdoc->undoStack()->undo();
            QCOMPARE(rdoc->weightsRunIndex(), inUse);
            QVERIFY(!rdoc->usesLastWeights());
            QVERIFY(testing::sameWeights(rdoc->file(), kept));
            QVERIFY(!SavedEvaluation::fromJson(rdoc->lastEvaluation()).outdated);
            QCOMPARE(evaluation->note(), savedNote);
            reopened.window()->showPage(evaluation);
            if (const QString shot = shotPath("evaluation_after_reopen.png"); !shot.isEmpty())
                QVERIFY(reopened.window()->grab().save(shot));
        }

        // 5. Quit during a run: asked; Keep Training and Cancel keep the window and the run.
        QVERIFY(training->checkpointPath().size() > 0);
        batches.clear();
        training->start();  // not interactive: a new run, no questions
        QVERIFY(batches.count() > 0 || batches.wait(60000));
        training->setInteractive(true);
        studio->project()->setInteractive(true);
        boxes.answer(QStringLiteral("keepTraining"), shotPath("quit_during_run.png"));
        QVERIFY(!studio->window()->close());
        QVERIFY(boxes.done());
        QVERIFY(boxes.texts.back().contains(QStringLiteral("Quit: a training run is in progress")));
        QVERIFY(controller->isRunning());
        boxes.answer(QMessageBox::Cancel);
        QVERIFY(!studio->window()->close());
        QVERIFY(controller->isRunning());
        // Stop and keep the checkpoint: the run ends, then "Save changes?" names it.
        boxes.answer(QStringLiteral("stopAndKeep"));
        boxes.answer(QMessageBox::Discard, shotPath("save_after_stop.png"));
        QVERIFY(studio->window()->close());
        QVERIFY(boxes.done());
        QVERIFY(!controller->isBusy());
        QVERIFY2(boxes.texts.back().contains(QStringLiteral("run just stopped")), qPrintable(boxes.texts.back()));
        QVERIFY(QFile::exists(training->checkpointPath()));
        QVERIFY(TrainingController::hasResumableCheckpoint(training->checkpointPath()));
    }

    void captureAsksBeforeChangingTheDataset() {
        const QString path = writeProject("capture.csmodel");
        Studio studio;
        ModelDocument* doc = studio.document();
        studio.project()->setInteractive(false);
        studio.training()->setInteractive(false);
        QVERIFY(studio.project()->openFile(path));
        studio.training()->start();
        QVERIFY(waitIdle(studio.training()->controller()));
        QCOMPARE(doc->classNames().size(), std::size_t(4));
        CameraController* camera = studio.camera()->controller();
        camera->setInteractive(true);
        BoxAnswerer boxes;

        // Only save the captures: the project keeps its dataset.
        camera->setCaptureFolder(dir_.filePath(QStringLiteral("shots")));
        boxes.answer(QStringLiteral("keepDataset"), shotPath("capture_confirmation.png"));
        QVERIFY(camera->addClass(QStringLiteral("cup")));
        QVERIFY(boxes.done());
        const QString asked = boxes.texts.back();
        QVERIFY2(asked.contains(QStringLiteral("trained on 4 class")) && asked.contains(QStringLiteral("cup")),
                 qPrintable(asked));
        QCOMPARE(QString::fromStdString(doc->datasetSource()), dataset_);
        QVERIFY(camera->addClass(QStringLiteral("mug")));  // asked once per folder
        QCOMPARE(QString::fromStdString(doc->datasetSource()), dataset_);

        // Cancel: nothing is created.
        camera->setCaptureFolder(dir_.filePath(QStringLiteral("shots2")));
        boxes.answer(QMessageBox::Cancel);
        QVERIFY(!camera->addClass(QStringLiteral("plate")));
        QVERIFY(!QDir(dir_.filePath(QStringLiteral("shots2/plate"))).exists());
        QCOMPARE(QString::fromStdString(doc->datasetSource()), dataset_);

        // Train on the captures: the project's dataset changes, as one undoable step.
        boxes.answer(QStringLiteral("adoptCaptures"));
        QVERIFY(camera->addClass(QStringLiteral("plate")));
        QCOMPARE(QString::fromStdString(doc->datasetSource()), dir_.filePath(QStringLiteral("shots2")));
        doc->undoStack()->undo();
        QCOMPARE(QString::fromStdString(doc->datasetSource()), dataset_);
    }
};

QTEST_MAIN(TestJourneyWork)
#include "test_journey_work.moc"
