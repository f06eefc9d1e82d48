// One product, two front ends: the same project file trained by the studio (TrainingController
// and its worker, as the Train button starts them) and by `convstudio-cli train --model` with the
// same seed ends with bit-identical weights and the same run record (times aside), for a
// project with excluded images, a validation split, class balance, fine-tuning, and a resumed
// run. The data is a small generated image folder, so each run takes a moment.
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>

#include "data/data_source.h"
#include "data/dataset_project.h"
#include "io/model_file.h"
#include "train/run_record.h"
#include "train/trainer.h"
#include "training_controller.h"
#include "training_test_helpers.h"
#include "training_worker.h"

using namespace cs;
using namespace cs::gui;

namespace {

TrainSettings settingsOf(const ModelFile& f) { return TrainSettings::fromJson(f.training); }

// The last run record without what depends on the clock.
nlohmann::json lastRunWithoutTimes(const ModelFile& f) {
    if (f.history.empty()) return nullptr;
    nlohmann::json run = f.history.back();
    run.erase("finished");
    for (auto& e : run["epochs"]) e.erase("seconds");
    return run;
}

}  // namespace

class TestTrainingParity : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    QString saveProject(const ModelFile& f, const QString& name) {
        const QString p = path(name);
        saveModelFile(p.toStdString(), f);
        return p;
    }

    // The studio: the project as the Train button hands it to the TrainingController.
    static std::shared_ptr<const ModelFile> trainInStudio(const QString& projectPath, StartMode start,
                                                          const QString& checkpoint = {}) {
        const ModelFile project = loadModelFile(projectPath.toStdString());
        TrainingController c;
        QSignalSpy finished(&c, &TrainingController::finished);
        TrainingController::StartOptions o;
        o.dataSource = QString::fromStdString(DatasetProject::fromFile(project).source);
        o.start = start;
        o.checkpointPath = checkpoint;
        if (!c.start(project, settingsOf(project), o)) return nullptr;
        if (finished.isEmpty() && !finished.wait(120000)) return nullptr;
        const auto summary = finished.at(0).at(0).value<RunSummary>();
        if (summary.failed) qWarning("studio run failed: %s", qPrintable(summary.error));
        return finished.at(0).at(1).value<std::shared_ptr<const ModelFile>>();
    }

    // The command line: convstudio-cli train --model PROJECT ... --out OUT. Returns OUT loaded.
    ModelFile trainWithCli(const QStringList& args, const QString& out) {
        QProcess p;
        p.start(CONVSTUDIO_CLI, QStringList{"train"} + args + QStringList{"--out", out, "--quiet"});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            qWarning("convstudio-cli failed (%d): %s", p.exitCode(), p.readAllStandardError().constData());
            return {};
        }
        return loadModelFile(out.toStdString());
    }

    // Trains `project` both ways and compares; returns the studio's run record.
    RunRecord trainBothWays(const QString& projectPath, StartMode studioStart) {
        const auto studio = trainInStudio(projectPath, studioStart);
        if (!studio) return {};
        const ModelFile cli = trainWithCli({"--model", projectPath}, projectPath + ".cli.csmodel");
        [&] {
            QVERIFY(testing::sameWeights(*studio, cli));
            QCOMPARE(lastRunWithoutTimes(*studio).dump(1), lastRunWithoutTimes(cli).dump(1));
        }();
        return RunRecord::fromJson(studio->history.back());
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(testing::writeQuadrantImageFolder(path("even"), {12, 12, 12, 12}));
        QVERIFY(testing::writeQuadrantImageFolder(path("uneven"), {24, 4, 4, 4}));
    }

    void excludedImages() {
        ModelFile f = testing::quadrantProject(path("even"));
        f.project["excluded"] = {"north-west/00.png", "north-east/03.png", "south-east/11.png"};
        const RunRecord r = trainBothWays(saveProject(f, "excluded.csmodel"), StartMode::Fresh);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(r.excludedSamples, std::size_t(3));
        QCOMPARE(r.trainSamples, std::size_t(45));
    }

    void validationSplit() {
        ModelFile f = testing::quadrantProject(path("even"));
        TrainSettings s = settingsOf(f);
        s.validationSplit = 0.25f;
        f.training = s.toJson();
        const RunRecord r = trainBothWays(saveProject(f, "split.csmodel"), StartMode::Fresh);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(r.validationSamples, std::size_t(12));
        QVERIFY(r.epochs.back().hasValidation);
        QVERIFY(r.evaluation && r.evaluation->set == EvalSet::Validation);
    }

    void classBalance() {
        for (ClassBalance balance : {ClassBalance::Oversample, ClassBalance::Weights}) {
            ModelFile f = testing::quadrantProject(path("uneven"));
            TrainSettings s = settingsOf(f);
            s.balance = balance;
            f.training = s.toJson();
            const RunRecord r =
                trainBothWays(saveProject(f, QStringLiteral("balance-%1.csmodel").arg(int(balance))), StartMode::Fresh);
            if (QTest::currentTestFailed()) return;
            QCOMPARE(r.settings.balance, balance);
        }
    }

    void fineTuning() {
        // A trained project whose settings say "Continue from current weights".
        const ModelFile base = testing::quadrantProject(path("even"));
        const auto trained = trainInStudio(saveProject(base, "base.csmodel"), StartMode::Fresh);
        QVERIFY(trained && trained->hasWeights());
        ModelFile f = *trained;
        TrainSettings s = settingsOf(f);
        s.continueFromWeights = true;
        s.seed = 99;
        f.training = s.toJson();
        const RunRecord r = trainBothWays(saveProject(f, "finetune.csmodel"), StartMode::FineTune);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(r.start, StartMode::FineTune);
    }

    void resume() {
        ModelFile f = testing::quadrantProject(path("even"));
        f.project["excluded"] = {"south-west/05.png"};
        TrainSettings s = settingsOf(f);
        s.epochs = 3;
        s.validationSplit = 0.25f;
        f.training = s.toJson();
        const QString project = saveProject(f, "resume.csmodel");
        const QString checkpoint = path("resume.checkpoint.csmodel");

        // The studio's worker stops the run in its second epoch (or before its third).
        {
            TrainingWorker worker;
            connect(&worker, &TrainingWorker::batches, &worker, [&](const QVector<BatchStats>& b) {
                if (b.back().epoch >= 1) worker.requestStop();
            });
            QSignalSpy finished(&worker, &TrainingWorker::finished);
            TrainingJob job;
            job.project = f;
            job.settings = s;
            LoadOptions o;
            o.height = o.width = 12;
            o.channels = 1;
            job.data = std::make_shared<const DataSplits>(loadDataSource(path("even").toStdString(), o));
            job.dataSource = path("even").toStdString();
            job.checkpointPath = checkpoint.toStdString();
            worker.run(job);
            QCOMPARE(finished.size(), 1);
            QCOMPARE(finished.at(0).at(0).value<RunSummary>().stopReason, StopReason::Stopped);
        }
        const auto position = checkpointPosition(loadModelFile(checkpoint.toStdString()));
        QVERIFY(position && !position->finished());
        QVERIFY(QFile::copy(checkpoint, path("resume.cli-checkpoint.csmodel")));

        const auto studio = trainInStudio(project, StartMode::Resume, checkpoint);
        QVERIFY(studio);
        const ModelFile cli =
            trainWithCli({"--model", project, "--resume", path("resume.cli-checkpoint.csmodel")}, project + ".cli");
        QVERIFY(testing::sameWeights(*studio, cli));
        QCOMPARE(lastRunWithoutTimes(*studio).dump(1), lastRunWithoutTimes(cli).dump(1));
        const RunRecord r = RunRecord::fromJson(studio->history.back());
        QCOMPARE(r.start, StartMode::Resume);
        QCOMPARE(r.epochs.size(), std::size_t(3));
        QCOMPARE(r.excludedSamples, std::size_t(1));
        QCOMPARE(r.stopReason, StopReason::Completed);
    }
};

QTEST_MAIN(TestTrainingParity)
#include "test_training_parity.moc"
