// The training session on generated data: a fresh run is the Trainer's run plus a record; the
// project's exclusions, the validation split and the class balance shape what it trains on;
// fine-tuning starts from the project's weights; a stopped and resumed run ends as an
// uninterrupted one; the run record reads back what it wrote (and the records of earlier
// versions).
#include <QtTest>

#include <algorithm>
#include <cstring>

#include "core/errors.h"
#include "data/split.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "test_data.h"
#include "train/training_session.h"

using namespace cs;

namespace {

GraphSpec smallCnn() {
    return GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                  {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                  {"MaxPooling2D", {{"pool_size", 2}}},
                                  {"Flatten", {}},
                                  {"Dense", {{"units", 4}, {"activation", "softmax"}}}});
}

ModelFile project() {
    ModelFile f;
    f.graph = smallCnn();
    f.preprocessing.height = f.preprocessing.width = 12;
    f.project["dataset"] = "shapes";
    return f;
}

TrainSettings settings(int epochs) {
    TrainSettings s;
    s.epochs = epochs;
    s.batchSize = 16;
    s.threads = 2;
    s.seed = 21;
    s.optimizer.learningRate = 3e-3f;
    return s;
}

// 4 classes of 12 (train) and 5 (test) images, named like the files of an image folder
// "shapes" so the project can exclude some of them.
DataSplits shapes() {
    DataSplits d;
    d.train = testing::quadrantDataset(12, 12, 31);
    d.test = testing::quadrantDataset(5, 12, 32);
    for (std::size_t i = 0; i < d.train.size(); ++i)
        d.train.sources.push_back("shapes/" + d.train.classNames[d.train.labels[i]] + "/" + std::to_string(i) + ".png");
    return d;
}

TrainingRequest request(const ModelFile& f, const TrainSettings& s, StartMode start = StartMode::Fresh) {
    TrainingRequest r;
    r.project = f;
    r.settings = s;
    r.start = start;
    return r;
}

bool sameWeights(const ModelFile& a, const ModelFile& b) {
    if (a.weights.size() != b.weights.size() || a.weights.empty()) return false;
    for (const auto& [name, t] : a.weights) {
        const auto it = b.weights.find(name);
        if (it == b.weights.end() || it->second.size() != t.size()) return false;
        if (std::memcmp(t.data(), it->second.data(), sizeof(float) * static_cast<std::size_t>(t.size())) != 0)
            return false;
    }
    return true;
}

// The weights a plain Trainer ends with on `data` (starting from `from`'s weights when given).
ModelFile trainerWeights(const TrainSettings& s, const DataSplits& data, const ModelFile* from = nullptr) {
    ModelFile f = project();
    Model model(f.graph, s.seed);
    if (from) applyWeights(*from, model);
    Trainer(model, s, f.preprocessing).run(data.train, data.validation);
    storeWeights(model, f);
    return f;
}

}  // namespace

class TestTrainingSession : public QObject {
    Q_OBJECT

private slots:
    void freshRunIsTheTrainersRunWithARecord() {
        const DataSplits data = shapes();
        ModelFile f = project();
        f.history.push_back({{"epochs", nlohmann::json::array()}});  // an earlier run stays
        TrainingSession session;
        std::vector<StartMode> starts;
        SessionCallbacks cb;
        cb.onPrepared = [&](const PreparedRun& p) { starts.push_back(p.start); };
        const SessionResult r = session.run(request(f, settings(2)), data, cb);
        QCOMPARE(starts, std::vector<StartMode>{StartMode::Fresh});
        QVERIFY(sameWeights(r.trained, trainerWeights(settings(2), data)));
        QCOMPARE(r.trained.history.size(), std::size_t(2));
        QCOMPARE(r.trained.classNames, data.train.classNames);
        QVERIFY(r.trained.checkpoint.empty());
        QCOMPARE(TrainSettings::fromJson(r.trained.training).toJson(), settings(2).toJson());
        const RunRecord& rec = r.record;
        QCOMPARE(rec.start, StartMode::Fresh);
        QCOMPARE(rec.data, std::string("shapes"));
        QCOMPARE(rec.trainSamples, std::size_t(48));
        QCOMPARE(rec.validationSamples, std::size_t(0));
        QCOMPARE(rec.epochs.size(), std::size_t(2));
        QCOMPARE(rec.stopReason, StopReason::Completed);
        QVERIFY(rec.evaluation && rec.evaluation->set == EvalSet::Test);
        QCOMPARE(rec.evaluation->samples, 20);
        QCOMPARE(rec.evaluation->accuracy, r.evaluation->result.accuracy);
        QCOMPARE(r.trained.history.back(), rec.toJson());
    }

    void excludedImagesAreLeftOut() {
        const DataSplits data = shapes();
        ModelFile f = project();
        f.project["excluded"] = {"top-left/0.png", "top-right/1.png", "top-left/4.png", "not/there.png"};
        TrainingSession session;
        const SessionResult r = session.run(request(f, settings(2)), data);
        QCOMPARE(r.record.excludedSamples, std::size_t(3));
        QCOMPARE(r.record.trainSamples, std::size_t(45));
        for (const std::string& s : r.data->train.sources) QVERIFY(s.find("/0.png") == std::string::npos);

        // The same as training on a copy of the data without those three images.
        DataSplits fewer = data;
        fewer.train = data.train.subset([&] {
            std::vector<uint32_t> keep;
            for (uint32_t i = 0; i < data.train.size(); ++i)
                if (i != 0 && i != 1 && i != 4) keep.push_back(i);
            return keep;
        }());
        QVERIFY(sameWeights(r.trained, trainerWeights(settings(2), fewer)));
        QVERIFY(!sameWeights(r.trained, trainerWeights(settings(2), data)));
    }

    void dataSourceIsTheExclusionsRoot() {
        // Loaded from another place (convstudio-cli --data): the exclusions are relative to it.
        DataSplits data = shapes();
        for (auto& s : data.train.sources) s = "/moved/" + s;
        ModelFile f = project();
        f.project["excluded"] = {"top-left/0.png"};
        TrainingRequest req = request(f, settings(1));
        req.dataSource = "/moved/shapes";
        TrainingSession session;
        const SessionResult r = session.run(req, data);
        QCOMPARE(r.record.excludedSamples, std::size_t(1));
        QCOMPARE(r.record.data, std::string("/moved/shapes"));
    }

    void validationSplitIsCarvedWithTheRunsSeed() {
        DataSplits data = shapes();
        data.test = Dataset{};  // nothing held out: the evaluation falls back to validation
        TrainSettings s = settings(2);
        s.validationSplit = 0.25f;
        TrainingSession session;
        std::size_t preparedValidation = 0;
        SessionCallbacks cb;
        cb.onPrepared = [&](const PreparedRun& p) { preparedValidation = p.prepared.validationCarved; };
        const SessionResult r = session.run(request(project(), s), data, cb);
        QCOMPARE(preparedValidation, std::size_t(12));
        QCOMPARE(r.record.validationSamples, std::size_t(12));
        QCOMPARE(r.record.trainSamples, std::size_t(36));
        for (const EpochStats& e : r.record.epochs) QVERIFY(e.hasValidation);
        QVERIFY(r.record.evaluation && r.record.evaluation->set == EvalSet::Validation);

        DataSplits carved = data;
        QVERIFY(carveValidation(carved, 0.25, s.seed));
        QCOMPARE(r.data->validation.labels, carved.validation.labels);
        QCOMPARE(r.data->validation.pixels, carved.validation.pixels);
        QVERIFY(sameWeights(r.trained, trainerWeights(s, carved)));
    }

    void classBalanceReachesTheTrainer() {
        // 12 images of class 0, 3 of each other class.
        DataSplits data = shapes();
        std::vector<uint32_t> keep;
        int kept[4] = {};
        for (uint32_t i = 0; i < data.train.size(); ++i)
            if (data.train.labels[i] == 0 || kept[data.train.labels[i]]++ < 3) keep.push_back(i);
        data.train = data.train.subset(keep);
        TrainSettings s = settings(1);
        s.balance = ClassBalance::Oversample;
        TrainingSession session;
        int batchesPerEpoch = 0;
        std::vector<TrainMessage> messages;
        SessionCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) { batchesPerEpoch = b.batchesPerEpoch; };
        cb.onMessage = [&](const TrainMessage& m) { messages.push_back(m); };
        const SessionResult r = session.run(request(project(), s), data, cb);
        QCOMPARE(batchesPerEpoch, 3);  // 4 classes x 12 draws, in batches of 16
        QCOMPARE(messages.size(), std::size_t(1));
        QCOMPARE(messages[0].text, std::string("oversampling: 48 samples per epoch from 21"));
        QCOMPARE(messages[0].severity, MessageSeverity::Note);
        QCOMPARE(r.record.settings.balance, ClassBalance::Oversample);
        QVERIFY(sameWeights(r.trained, trainerWeights(s, data)));
        QVERIFY(!sameWeights(r.trained, trainerWeights(settings(1), data)));
    }

    void fineTuningStartsFromTheProjectsWeights() {
        const DataSplits data = shapes();
        TrainingSession session;
        const ModelFile trained = session.run(request(project(), settings(1)), data).trained;
        QVERIFY(trained.hasWeights());

        TrainSettings s = settings(1);
        s.seed = 5;  // the seed shapes the order, not the starting weights
        s.continueFromWeights = true;
        QCOMPARE(defaultStartMode(trained, s), StartMode::FineTune);
        QCOMPARE(defaultStartMode(project(), s), StartMode::Fresh);  // nothing to continue from
        const SessionResult r = session.run(request(trained, s, StartMode::FineTune), data);
        QCOMPARE(r.record.start, StartMode::FineTune);
        QCOMPARE(r.trained.history.size(), std::size_t(2));
        QVERIFY(sameWeights(r.trained, trainerWeights(s, data, &trained)));
        QVERIFY(!sameWeights(r.trained, trainerWeights(s, data)));

        QVERIFY_THROWS_EXCEPTION(TrainingError, session.run(request(project(), s, StartMode::FineTune), data));
    }

    void resumedRunEqualsAnUninterruptedOne() {
        QTemporaryDir dir;
        const std::string ckpt = (dir.path() + "/run.checkpoint.csmodel").toStdString();
        const DataSplits data = shapes();
        ModelFile f = project();
        f.project["excluded"] = {"top-left/0.png"};
        TrainSettings s = settings(3);
        s.validationSplit = 0.25f;
        TrainingSession session;
        const SessionResult straight = session.run(request(f, s), data);

        TrainingRequest first = request(f, s);
        first.checkpointPath = ckpt;
        SessionCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
            if (b.epoch == 1 && b.batch == 1) session.requestStop();
        };
        const SessionResult stopped = session.run(first, data, cb);
        QCOMPARE(stopped.record.stopReason, StopReason::Stopped);
        QVERIFY(!stopped.evaluation);

        // The checkpoint alone knows the data (dataset and exclusions) and the settings.
        const ModelFile checkpoint = loadModelFile(ckpt);
        QCOMPARE(checkpoint.project, f.project);
        TrainingRequest again = request(checkpoint, checkpointSettings(checkpoint), StartMode::Resume);
        again.checkpoint = checkpoint;
        std::size_t resumedEpochs = 0;
        SessionCallbacks cb2;
        cb2.onPrepared = [&](const PreparedRun& p) { resumedEpochs = p.resumedEpochs.size(); };
        const SessionResult resumed = session.run(again, data, cb2);
        QCOMPARE(resumedEpochs, std::size_t(1));
        QCOMPARE(resumed.record.start, StartMode::Resume);
        QCOMPARE(resumed.record.stopReason, StopReason::Completed);
        QCOMPARE(resumed.record.epochs.size(), std::size_t(3));
        QCOMPARE(resumed.record.excludedSamples, std::size_t(1));
        QVERIFY(sameWeights(resumed.trained, straight.trained));
        QCOMPARE(resumed.record.evaluation, straight.record.evaluation);

        QVERIFY_THROWS_EXCEPTION(FileError, session.run(request(f, s, StartMode::Resume), data));
    }

    void runRecordRoundTrips() {
        const DataSplits data = shapes();
        TrainSettings s = settings(2);
        s.validationSplit = 0.25f;
        s.balance = ClassBalance::Weights;
        TrainingSession session;
        TrainingRequest r = request(project(), s);
        r.dataChanges = DataChanges{"data doctor", 12, 7};  // the studio's "Retrain with fixes"
        const RunRecord written = session.run(r, data).record;
        QCOMPARE(written.dataChanges, r.dataChanges);
        const RunRecord read = RunRecord::fromJson(written.toJson());
        QCOMPARE(read.toJson(), written.toJson());
        QCOMPARE(read.dataChanges, r.dataChanges);
        QCOMPARE(written.toJson()["data_changes"]["moved"].get<int>(), 7);
        QCOMPARE(read.epochs, written.epochs);
        QCOMPARE(read.epochs[1].epochs, 2);
        QCOMPARE(read.evaluation, written.evaluation);
        QCOMPARE(read.settings.balance, ClassBalance::Weights);
        QCOMPARE(read.finished.size(), std::size_t(19));  // 2024-05-01T14:03:12

        // The studio's records of earlier versions: no start or samples, "test_accuracy".
        const RunRecord old = RunRecord::fromJson(nlohmann::json::parse(R"({"settings": {"epochs": 2},
            "epochs": [{"epoch": 1, "loss": 0.5, "accuracy": 0.8}], "stop_reason": "early-stopped",
            "data": "builtin", "test_accuracy": 0.75, "finished": "2024-01-02T03:04:05"})"));
        QCOMPARE(old.start, StartMode::Fresh);
        QCOMPARE(old.stopReason, StopReason::EarlyStopped);
        QCOMPARE(old.epochs.size(), std::size_t(1));
        QCOMPARE(old.epochs[0].epochs, 2);
        QVERIFY(!old.dataChanges);
        QVERIFY(old.evaluation && old.evaluation->set == EvalSet::Test && old.evaluation->accuracy == 0.75);
        QVERIFY_THROWS_EXCEPTION(FileError, RunRecord::fromJson({{"stop_reason", "exploded"}}));
        QVERIFY_THROWS_EXCEPTION(FileError, RunRecord::fromJson({{"epochs", {{{"epoch", 1}}}}}));
    }

    // Issue 18: a run keeps its best epoch by validation accuracy (then loss), and
    // the weights after its last batch stay in the result.
    void runKeepsItsBestEpoch() {
        DataSplits data = shapes();
        data.test = Dataset{};
        // A validation set whose labels are shifted by one class: the better the model learns
        // the training images, the worse it does there, so its best epoch is an early one.
        data.validation = testing::quadrantDataset(5, 12, 33);
        for (auto& label : data.validation.labels) label = (label + 1) % 4;
        TrainSettings s = settings(6);
        s.optimizer.learningRate = 0.03f;  // learns within the six epochs
        std::vector<ModelFile> atEpochEnd;
        ModelFile latest;
        SessionCallbacks cb;
        cb.betweenBatches = [&](const Model& m) { storeWeights(m, latest); };
        cb.onEpoch = [&](const EpochStats&) { atEpochEnd.push_back(latest); };
        TrainingSession session;
        const SessionResult r = session.run(request(project(), s), data, cb);
        QCOMPARE(atEpochEnd.size(), std::size_t(6));
        int best = 0;
        for (int i = 0; i < int(r.record.epochs.size()); ++i) {
            const EpochStats &e = r.record.epochs[std::size_t(i)], &b = r.record.epochs[std::size_t(best)];
            if (e.valAccuracy > b.valAccuracy || (e.valAccuracy == b.valAccuracy && e.valLoss <= b.valLoss)) best = i;
        }
        QString accuracies;
        for (const EpochStats& e : r.record.epochs) accuracies += QString::number(e.valAccuracy) + QLatin1Char(' ');
        QVERIFY2(best < 5, qPrintable(QStringLiteral("the best epoch must be an earlier one: %1").arg(accuracies)));
        QVERIFY(r.record.bestEpoch.has_value());
        QCOMPARE(*r.record.bestEpoch, best);
        QVERIFY(sameWeights(r.trained, atEpochEnd[std::size_t(best)]));
        ModelFile last;
        last.weights = r.lastWeights;
        QVERIFY(sameWeights(last, atEpochEnd.back()));
        // The evaluation after the run measured the kept weights.
        QVERIFY(r.record.evaluation && r.record.evaluation->set == EvalSet::Validation);
        QCOMPARE(r.record.evaluation->accuracy, r.record.epochs[std::size_t(best)].valAccuracy);
        QCOMPARE(RunRecord::fromJson(r.record.toJson()).bestEpoch, r.record.bestEpoch);
        QCOMPARE(r.record.toJson().value("best_epoch", 0), best + 1);
        QVERIFY_THROWS_EXCEPTION(FileError, RunRecord::fromJson({{"best_epoch", 1}}));  // names no epoch

        // The project keeps both beside the run's record, and the run's batches for its curves.
        QCOMPARE(int(r.trained.runWeights.size()), 1);
        const RunWeights& kept = r.trained.runWeights.at(int(r.trained.history.size()) - 1);
        ModelFile keptBest, keptLast;
        keptBest.weights = kept.best;
        keptLast.weights = kept.last;
        QVERIFY(sameWeights(keptBest, atEpochEnd[std::size_t(best)]));
        QVERIFY(sameWeights(keptLast, atEpochEnd.back()));
        QVERIFY(!r.record.batches.empty());
        QCOMPARE(RunRecord::fromJson(r.record.toJson()).batches, r.record.batches);
        QVERIFY(!r.trained.evaluation.is_null());  // the last evaluation, for the Evaluation page

        // Nothing held out: the run keeps its last weights and says no best epoch.
        const SessionResult plain = session.run(request(project(), settings(2)), shapes());
        QVERIFY(!plain.record.bestEpoch);
        QVERIFY(plain.lastWeights.empty());

        // Runs added one after another: only the latest kRunsWithWeights keep their weights.
        ModelFile growing = project();
        for (int i = 0; i < kRunsWithWeights + 1; ++i)
            growing = session.run(request(growing, settings(1)), shapes()).trained;
        QCOMPARE(int(growing.history.size()), kRunsWithWeights + 1);
        QCOMPARE(int(growing.runWeights.size()), kRunsWithWeights);
        QVERIFY(!growing.runWeights.count(0));
        QVERIFY(growing.runWeights.at(kRunsWithWeights).last.empty());  // nothing held out: last is best
    }

    // A long run's batches are kept decimated: every k-th and the last, kMaxBatchPoints at most.
    void batchCurvesAreDecimated() {
        for (int n : {0, 1, kMaxBatchPoints, kMaxBatchPoints + 1, 3 * kMaxBatchPoints - 1, 10007}) {
            std::vector<BatchStats> batches(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) batches[std::size_t(i)].batch = i;
            const std::vector<BatchPoint> kept = decimatedBatches(batches);
            QVERIFY2(int(kept.size()) <= kMaxBatchPoints, qPrintable(QString::number(n)));
            if (n <= kMaxBatchPoints)
                QCOMPARE(int(kept.size()), n);
            else
                QVERIFY(int(kept.size()) >= kMaxBatchPoints / 2);  // a curve, not a few points
            if (n > 0) QCOMPARE(kept.back().batch, n - 1);
        }
        RunRecord tooMany;
        tooMany.batches.resize(std::size_t(kMaxBatchPoints) + 1);
        QVERIFY_THROWS_EXCEPTION(FileError, RunRecord::fromJson(tooMany.toJson()));
    }

    // Issue 18: a better model is never replaced silently.
    void projectWeightsAreReplacedOnlyByABetterRun() {
        const auto run = [](std::vector<double> valAccuracies, StopReason reason) {
            RunRecord r;
            r.stopReason = reason;
            for (double a : valAccuracies) {
                EpochStats e;
                e.hasValidation = true;
                e.valAccuracy = a;
                r.epochs.push_back(e);
            }
            if (!r.epochs.empty())
                r.bestEpoch = int(std::max_element(valAccuracies.begin(), valAccuracies.end()) - valAccuracies.begin());
            return r;
        };
        const RunRecord good = run({0.5, 0.788, 0.7}, StopReason::Completed);
        QCOMPARE(keptValidationAccuracy(good), std::optional<double>(0.788));
        // Stopped at 0.3 epoch: nothing measured, the project keeps its 78.8% model.
        QVERIFY(!replacesProjectWeights(run({}, StopReason::Stopped), &good, true));
        QVERIFY(!replacesProjectWeights(run({0.6}, StopReason::Completed), &good, true));
        QVERIFY(!replacesProjectWeights(run({0.788}, StopReason::Completed), &good, true));  // no better
        QVERIFY(replacesProjectWeights(run({0.6, 0.8}, StopReason::Stopped), &good, true));
        QVERIFY(replacesProjectWeights(run({}, StopReason::Stopped), &good, false));  // nothing to keep
        // Weights of no recorded run (imported): a complete run replaces them, a stopped one does not.
        QVERIFY(replacesProjectWeights(run({0.2}, StopReason::Completed), nullptr, true));
        QVERIFY(!replacesProjectWeights(run({0.9}, StopReason::Stopped), nullptr, true));
        // Without validation, evaluations on the same set compare.
        RunRecord a, b;
        a.evaluation = RunEvaluation{EvalSet::Test, 0.7, 0, 10};
        b.evaluation = RunEvaluation{EvalSet::Test, 0.6, 0, 10};
        QVERIFY(!replacesProjectWeights(b, &a, true));
        QVERIFY(replacesProjectWeights(a, &b, true));
    }

    void namesReadBack() {
        for (StopReason r : {StopReason::Completed, StopReason::Stopped, StopReason::EarlyStopped})
            QCOMPARE(stopReasonFromName(stopReasonName(r)), r);
        for (ClassBalance b : {ClassBalance::None, ClassBalance::Weights, ClassBalance::Oversample})
            QCOMPARE(classBalanceFromName(classBalanceName(b)), b);
        for (StartMode m : {StartMode::Fresh, StartMode::FineTune, StartMode::Resume})
            QCOMPARE(startModeFromName(startModeName(m)), m);
        QCOMPARE(std::string(classBalanceName(ClassBalance::Oversample)), std::string("oversample"));
        try {
            classBalanceFromName("sometimes");
            QFAIL("must throw");
        } catch (const OptionError& e) {
            QVERIFY2(std::string(e.what()).find("'sometimes'") != std::string::npos, e.what());
        }
        // Files written before the setting existed still load, with their balance.
        const TrainSettings old = TrainSettings::fromJson({{"balance", "weights"}});
        QCOMPARE(old.balance, ClassBalance::Weights);
        QVERIFY(!old.continueFromWeights);
    }
};

QTEST_APPLESS_MAIN(TestTrainingSession)
#include "test_training_session.moc"
