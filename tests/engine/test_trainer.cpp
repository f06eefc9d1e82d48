// The trainer end to end: it learns, it is deterministic, a stopped and resumed run ends with
// the same weights as an uninterrupted one, NaN losses stop it with a clear message.
#include <QtTest>

#include <cstring>
#include <limits>
#include <thread>

#include "core/errors.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "test_data.h"
#include "train/evaluator.h"
#include "train/trainer.h"

using namespace cs;

namespace {

GraphSpec smallCnn(bool dropout = false) {
    std::vector<std::pair<std::string, nlohmann::json>> layers = {
        {"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
        {"Conv2D", {{"filters", 6}, {"kernel_size", 3}, {"activation", "relu"}}},
        {"MaxPooling2D", {{"pool_size", 2}}},
        {"Flatten", {}},
        {"Dense", {{"units", 16}, {"activation", "relu"}}}};
    if (dropout) layers.push_back({"Dropout", {{"rate", 0.3}}});
    layers.push_back({"Dense", {{"units", 4}, {"activation", "softmax"}}});
    return GraphSpec::sequential(layers);
}

Preprocessing pre12() {
    Preprocessing p;
    p.height = p.width = 12;
    return p;
}

TrainSettings settings(int epochs, int threads) {
    TrainSettings s;
    s.epochs = epochs;
    s.batchSize = 16;
    s.threads = threads;
    s.seed = 11;
    s.optimizer.learningRate = 3e-3f;
    return s;
}

// Shift, rotation, flip and noise: every batch depends on its augmentation seed.
nlohmann::json augmentation() {
    return {{"shift", {{"p", 1.0}, {"amount", 0.15}}},
            {"rotate", {{"p", 0.7}, {"amount", 15.0}}},
            {"hflip", {{"p", 0.5}, {"amount", 0.0}}},
            {"noise", {{"p", 0.5}, {"amount", 0.05}}}};
}

std::vector<float> weightsOf(const Model& m) {
    std::vector<float> w;
    for (const Param* p : m.parameters()) w.insert(w.end(), p->value.data(), p->value.data() + p->value.size());
    return w;
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    void learnsTheQuadrantTask() {
        const Dataset train = testing::quadrantDataset(100, 12, 1);
        const Dataset test = testing::quadrantDataset(25, 12, 2);
        Model model(smallCnn(true), 3);
        Trainer trainer(model, settings(6, 2), pre12());
        int batches = 0, epochs = 0;
        TrainCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
            QCOMPARE(b.step, int64_t(batches));
            ++batches;
        };
        cb.onEpoch = [&](const EpochStats& e) {
            QCOMPARE(e.epoch, epochs);
            QVERIFY(e.hasValidation);
            ++epochs;
        };
        const TrainResult r = trainer.run(train, test, cb);
        QCOMPARE(r.reason, StopReason::Completed);
        QCOMPARE(epochs, 6);
        QCOMPARE(batches, 6 * 25);
        QVERIFY(r.history.back().loss < r.history.front().loss);
        EvalOptions eo;
        eo.keepPredictions = true;
        const EvalResult ev = evaluate(model, test, pre12(), eo, nullptr, 1);
        QVERIFY2(ev.accuracy >= 0.95, std::to_string(ev.accuracy).c_str());
        QCOMPARE(ev.accuracy, r.history.back().valAccuracy);
        int diag = 0;
        for (int c = 0; c < 4; ++c) diag += ev.confusion[c][c];
        QCOMPARE(diag, int(std::lround(ev.accuracy * 100)));
        QCOMPARE(int(ev.predicted.size()), 100);
    }

    void sameSeedAndThreadsGiveIdenticalWeights() {
        const Dataset train = testing::quadrantDataset(40, 12, 4);
        for (int threads : {1, 2}) {
            Model a(smallCnn(true), 5), b(smallCnn(true), 5);
            Trainer ta(a, settings(2, threads), pre12());
            Trainer tb(b, settings(2, threads), pre12());
            ta.run(train, Dataset{});
            tb.run(train, Dataset{});
            QVERIFY(weightsOf(a) == weightsOf(b));
        }
    }

    void prefetchedBatchesTrainExactlyLikeInlineOnes() {
        // Assembling batches ahead, on a thread of its own or in the step before, must only move
        // work off the training thread, never change it; with and without micro-batches (the
        // chunked step and the per-worker slices call the in-step assembly from different places).
        const Dataset train = testing::quadrantDataset(37, 12, 12);  // a short last batch
        for (int micro : {Trainer::kDefaultMicroBatch, 0})
            for (int threads : {1, 2}) {
                TrainSettings s = settings(2, threads);
                s.augment = augmentation();
                Model reference(smallCnn(true), 5);
                Trainer inline_(reference, s, pre12());
                inline_.setMicroBatch(micro);
                inline_.setPrefetch(Trainer::Prefetch::Off);
                const TrainResult expected = inline_.run(train, Dataset{});
                for (Trainer::Prefetch p : {Trainer::Prefetch::Thread, Trainer::Prefetch::InStep}) {
                    Model m(smallCnn(true), 5);
                    Trainer ahead(m, s, pre12());
                    ahead.setMicroBatch(micro);
                    ahead.setPrefetch(p);
                    const TrainResult r = ahead.run(train, Dataset{});
                    QVERIFY(weightsOf(m) == weightsOf(reference));
                    QCOMPARE(r.history.back().loss, expected.history.back().loss);
                }
            }
    }

    void microBatchesGiveTheSameStepsUpToRounding() {
        // Summing the gradients of micro-batches is the same step as one pass over the slice;
        // only the order of the float sums differs.
        const Dataset train = testing::quadrantDataset(48, 12, 14);
        for (int threads : {1, 2}) {
            TrainSettings s = settings(1, threads);
            s.batchSize = 24;
            Model a(smallCnn(), 5), b(smallCnn(), 5);
            Trainer whole(a, s, pre12()), micro(b, s, pre12());
            whole.setMicroBatch(0);
            micro.setMicroBatch(5);  // chunks of 5, 5, 5, 5 and 4
            const TrainResult ra = whole.run(train, Dataset{});
            const TrainResult rb = micro.run(train, Dataset{});
            const std::vector<float> wa = weightsOf(a), wb = weightsOf(b);
            float worst = 0;
            for (std::size_t i = 0; i < wa.size(); ++i) worst = std::max(worst, std::abs(wa[i] - wb[i]));
            QVERIFY2(worst < 1e-4f, std::to_string(worst).c_str());
            QVERIFY(wa != wb);  // the sums really were split: rounding differs somewhere
            QVERIFY(std::abs(ra.history.back().loss - rb.history.back().loss) < 1e-5);
        }
    }

    void threadCountDoesNotChangeTheWeights() {
        // Micro-batches (chunks of 16, 16 and 8 of each 40) go to whichever worker is free, each
        // with its own dropout draws, and their gradients are summed in their order: 1, 2 and 3
        // threads train bit for bit the same model, with and without augmentation. Batches of 20
        // have two chunks (16 and 4), fewer than three workers: the third never trains.
        const Dataset train = testing::quadrantDataset(30, 12, 16);  // 120 samples
        for (auto [augment, batch] : {std::pair{false, 40}, std::pair{true, 40}, std::pair{false, 20}}) {
            std::vector<std::vector<float>> weights;
            std::vector<double> losses;
            for (int threads : {1, 2, 3}) {
                TrainSettings s = settings(2, threads);
                s.batchSize = batch;
                if (augment) s.augment = augmentation();
                Model m(smallCnn(true), 5);
                Trainer t(m, s, pre12());
                losses.push_back(t.run(train, Dataset{}).history.back().loss);
                weights.push_back(weightsOf(m));
            }
            QVERIFY(weights[0] == weights[1]);
            QVERIFY(weights[0] == weights[2]);
            QCOMPARE(losses[0], losses[1]);
            QCOMPARE(losses[0], losses[2]);
        }
    }

    void batchNormalizationModelsAreNeverMicroBatched() {
        // Batch statistics over 5 samples would be a different model: the setting is ignored.
        const Dataset train = testing::quadrantDataset(32, 12, 15);
        const GraphSpec bn = GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                                    {"Conv2D", {{"filters", 4}, {"kernel_size", 3}}},
                                                    {"BatchNormalization", {}},
                                                    {"Flatten", {}},
                                                    {"Dense", {{"units", 4}, {"activation", "softmax"}}}});
        Model a(bn, 5), b(bn, 5);
        Trainer whole(a, settings(1, 1), pre12()), micro(b, settings(1, 1), pre12());
        whole.setMicroBatch(0);
        micro.setMicroBatch(5);
        whole.run(train, Dataset{});
        micro.run(train, Dataset{});
        QVERIFY(weightsOf(a) == weightsOf(b));
    }

    void classBalanceByOversamplingOrWeights() {
        // 40 samples of class 0 and 3 of each other class.
        const Dataset full = testing::quadrantDataset(40, 12, 16);
        std::vector<uint32_t> keep;
        int kept[4] = {};
        for (uint32_t i = 0; i < full.size(); ++i)
            if (full.labels[i] == 0 || kept[full.labels[i]]++ < 3) keep.push_back(i);
        const Dataset train = full.subset(keep);
        const Dataset test = testing::quadrantDataset(25, 12, 17);
        auto trainWith = [&](ClassBalance balance, std::vector<std::string>* messages, int* batchesPerEpoch) {
            TrainSettings s = settings(4, 1);
            s.balance = balance;
            auto model = std::make_unique<Model>(smallCnn(), 5);
            Trainer t(*model, s, pre12());
            TrainCallbacks cb;
            cb.onBatch = [&](const BatchStats& b) {
                if (batchesPerEpoch) *batchesPerEpoch = b.batchesPerEpoch;
            };
            cb.onMessage = [&](const TrainMessage& m) {
                QCOMPARE(m.severity, MessageSeverity::Note);
                if (messages) messages->push_back(m.text);
            };
            t.run(train, Dataset{}, cb);
            return model;
        };
        auto minorityRecall = [&](const Model& m) {
            const EvalResult r = evaluate(m, test, pre12(), EvalOptions{}, nullptr, 1);
            return (r.recall[1] + r.recall[2] + r.recall[3]) / 3;
        };
        const auto plain = trainWith(ClassBalance::None, nullptr, nullptr);

        // Oversampling: each epoch draws every class 40 times: 160 samples, 10 batches of 16.
        std::vector<std::string> messages;
        int perEpoch = 0;
        const auto oversampled = trainWith(ClassBalance::Oversample, &messages, &perEpoch);
        QCOMPARE(perEpoch, 10);
        QVERIFY(std::find(messages.begin(), messages.end(), "oversampling: 160 samples per epoch from 49") !=
                messages.end());

        // Weights: n / (classes x count) = 49 / 160 and 49 / 12.
        messages.clear();
        const auto weighted = trainWith(ClassBalance::Weights, &messages, &perEpoch);
        QCOMPARE(perEpoch, 4);
        QVERIFY(std::find(messages.begin(), messages.end(), "class weights (balanced): 0.306, 4.08, 4.08, 4.08") !=
                messages.end());
        qInfo("minority recall: plain %.3f, oversampled %.3f, weighted %.3f", minorityRecall(*plain),
              minorityRecall(*oversampled), minorityRecall(*weighted));
        QVERIFY(weightsOf(*weighted) != weightsOf(*plain));
        QVERIFY(minorityRecall(*oversampled) > minorityRecall(*plain));
        QVERIFY(minorityRecall(*weighted) > minorityRecall(*plain));
    }

    void augmentationDoesNotDependOnTheThreadCount() {
        // Each batch is augmented as a whole from its own seed, so 1 and 2 threads train on the
        // same images: the first step's loss agrees up to the summation order.
        const Dataset train = testing::quadrantDataset(32, 12, 13);
        TrainSettings s = settings(1, 1);
        s.augment = augmentation();
        double firstLoss[2] = {-1, -1};
        for (int threads : {1, 2}) {
            s.threads = threads;
            Model m(smallCnn(), 5);
            Trainer t(m, s, pre12());
            TrainCallbacks cb;
            cb.onBatch = [&](const BatchStats& b) {
                if (b.step == 0) firstLoss[threads - 1] = b.loss;
            };
            t.run(train, Dataset{}, cb);
        }
        QVERIFY2(firstLoss[0] > 0 && std::abs(firstLoss[0] - firstLoss[1]) < 1e-6,
                 (std::to_string(firstLoss[0]) + " vs " + std::to_string(firstLoss[1])).c_str());
    }

    void resumedRunEndsWithTheSameWeights() {
        QTemporaryDir dir;
        const std::string ckpt = (dir.path() + "/run.csmodel").toStdString();
        const Dataset train = testing::quadrantDataset(40, 12, 6);
        const Dataset val = testing::quadrantDataset(10, 12, 7);
        TrainSettings s = settings(3, 2);
        s.earlyStoppingPatience = 5;  // exercises the best-weights snapshot in the checkpoint
        s.augment = augmentation();   // the resumed epoch must see the same augmented batches

        Model straight(smallCnn(true), 8);
        Trainer(straight, s, pre12()).run(train, val);

        Model first(smallCnn(true), 8);
        Trainer interrupted(first, s, pre12());
        interrupted.setCheckpoint(ckpt);
        TrainCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
            if (b.epoch == 1 && b.batch == 3) interrupted.requestStop();  // mid-epoch, as a crash would
        };
        QCOMPARE(interrupted.run(train, val, cb).reason, StopReason::Stopped);

        // A new process: everything comes from the checkpoint file.
        const ModelFile file = loadModelFile(ckpt);
        Model resumed(file.graph, 999);  // a different seed: the weights must come from the file
        Trainer second(resumed, TrainSettings::fromJson(file.checkpoint["settings"]), file.preprocessing);
        second.restoreCheckpoint(file);
        const TrainResult r = second.run(train, val);
        QCOMPARE(r.reason, StopReason::Completed);
        QCOMPARE(int(r.history.size()), 3);
        QVERIFY(weightsOf(resumed) == weightsOf(straight));
    }

    // Best-weights tensors of a crafted checkpoint are checked against the model, count and shape:
    // restoring one of the wrong size read past a Dense kernel (issue 19).
    void craftedBestWeightsAreRefused() {
        QTemporaryDir dir;
        const std::string ckpt = (dir.path() + "/best.csmodel").toStdString();
        const Dataset train = testing::quadrantDataset(40, 12, 6);
        const Dataset val = testing::quadrantDataset(10, 12, 7);
        TrainSettings s = settings(1, 2);
        s.earlyStoppingPatience = 5;  // keeps best weights in the checkpoint
        Model model(smallCnn(true), 8);
        Trainer first(model, s, pre12());
        first.setCheckpoint(ckpt);
        first.run(train, val);
        const ModelFile file = loadModelFile(ckpt);
        QVERIFY(file.weights.count("__best__/0"));
        const auto restoreError = [&](const ModelFile& f) -> std::string {
            Model m(f.graph, 1);
            Trainer t(m, TrainSettings::fromJson(f.checkpoint["settings"]), f.preprocessing);
            try {
                t.restoreCheckpoint(f);
            } catch (const FileError& e) {
                return e.what();
            }
            return "";
        };
        QCOMPARE(restoreError(file), std::string());
        for (int delta : {-1, +1}) {  // smaller and bigger
            ModelFile bad = file;
            const Tensor good = bad.weights["__best__/0"];
            bad.weights["__best__/0"] = Tensor(good.batch() + delta, good.sampleShape());
            const std::string e = restoreError(bad);
            QVERIFY2(e.find("checkpoint: best-weights tensor 0 is " + std::to_string(good.batch() + delta) + "x") !=
                         std::string::npos,
                     e.c_str());
        }
        ModelFile fewer = file;
        fewer.checkpoint["best_tensors"] = 1;
        QVERIFY2(restoreError(fewer).find("1 best-weights tensors, but the model has") != std::string::npos,
                 restoreError(fewer).c_str());
        ModelFile far = file;
        far.checkpoint["epoch"] = std::numeric_limits<int>::max();
        QVERIFY(restoreError(far).find("is invalid") != std::string::npos);
    }

    // A history epoch of 2^31 - 1 overflowed `epoch + 1`; epochs are bounded when read.
    void absurdHistoryEpochIsRefused() {
        const nlohmann::json e = {{"epoch", std::numeric_limits<int>::max()}, {"loss", 1.0}, {"accuracy", 0.5}};
        try {
            EpochStats::fromJson(e, 3);
            QFAIL("must throw");
        } catch (const FileError& err) {
            QVERIFY2(std::string(err.what()).find("epoch 2147483647 is outside 1..") != std::string::npos, err.what());
        }
        QCOMPARE(EpochStats::fromJson({{"epoch", 2}, {"loss", 1.0}, {"accuracy", 0.5}}, 3).epoch, 1);
    }

    void nanLossStopsWithAClearMessageAndKeepsWeights() {
        const Dataset train = testing::quadrantDataset(20, 12, 9);
        Model model(smallCnn(), 1);
        TrainSettings s = settings(3, 1);
        s.optimizer.kind = "sgd";
        s.optimizer.learningRate = 1e9f;
        Trainer trainer(model, s, pre12());
        try {
            trainer.run(train, Dataset{});
            QFAIL("training must stop");
        } catch (const TrainingError& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("epoch") != std::string::npos && m.find("batch") != std::string::npos &&
                         m.find("learning rate") != std::string::npos,
                     m.c_str());
        }
    }

    void pauseHoldsAndResumeContinues() {
        const Dataset train = testing::quadrantDataset(40, 12, 10);
        Model model(smallCnn(), 1);
        Trainer trainer(model, settings(1, 2), pre12());
        std::atomic<int> batches{0};
        std::vector<double> batchSeconds;  // written by the worker, read after join
        double epochSeconds = -1;
        TrainCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
            batchSeconds.push_back(b.seconds);
            if (++batches == 2) trainer.setPaused(true);
        };
        cb.onEpoch = [&](const EpochStats& e) { epochSeconds = e.seconds; };
        const auto begin = std::chrono::steady_clock::now();
        std::thread worker([&] { trainer.run(train, Dataset{}, cb); });
        QTRY_VERIFY_WITH_TIMEOUT(trainer.isPaused(), 5000);
        const auto pausedAt = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        QCOMPARE(batches.load(), 2);  // nothing runs while paused
        const double paused = std::chrono::duration<double>(std::chrono::steady_clock::now() - pausedAt).count();
        trainer.setPaused(false);
        worker.join();
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        QCOMPARE(batches.load(), 10);
        // Issue 18: the epoch's time and each batch's period leave the pause out.
        QVERIFY2(
            epochSeconds >= 0 && epochSeconds <= wall - paused,
            qPrintable(QStringLiteral("epoch %1 s, run %2 s, paused %3 s").arg(epochSeconds).arg(wall).arg(paused)));
        for (double b : batchSeconds) QVERIFY2(b > 0 && b < paused, qPrintable(QString::number(b)));
    }

    void mismatchedClassesAndEmptyDataAreExplained() {
        Model model(smallCnn(), 1);
        Trainer trainer(model, settings(1, 1), pre12());
        QVERIFY_THROWS_EXCEPTION(TrainingError, trainer.run(Dataset{}, Dataset{}));
        Dataset many = testing::quadrantDataset(5, 12, 1);
        many.classNames.resize(7, "extra");
        try {
            trainer.run(many, Dataset{});
            QFAIL("must throw");
        } catch (const TrainingError& e) {
            QVERIFY2(std::string(e.what()).find("units to 7") != std::string::npos, e.what());
        }
        Preprocessing wrong = pre12();
        wrong.height = 28;
        QVERIFY_THROWS_EXCEPTION(TrainingError, Trainer(model, settings(1, 1), wrong));
    }
};

QTEST_APPLESS_MAIN(TestTrainer)
#include "test_trainer.moc"
