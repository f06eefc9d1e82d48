// convstudio-cli as a user runs it: JSON output, exit codes, messages on stderr, and a real
// train -> evaluate -> predict round on the built-in dataset.
#include <QtTest>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    struct Run {
        int code = -1;
        QByteArray out, err;
        nlohmann::json json() const { return nlohmann::json::parse(out.toStdString()); }
    };

    static Run cli(const QStringList& args, int timeoutMs = 300000) {
        QProcess p;
        p.start(CONVSTUDIO_CLI, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    QString path(const char* name) const { return dir_.filePath(name); }

private slots:
    void summaryJsonHasTheReferenceCounts() {
        const Run r = cli({"summary", "--preset", "seed-cnn", "--json"});
        QCOMPARE(r.code, 0);
        const auto j = r.json();
        QCOMPARE(j["total_params"].get<int>(), 93322);
        QCOMPARE(j["layers"].size(), std::size_t(9));
        QCOMPARE(j["layers"][1]["output_shape"], nlohmann::json({32, 26, 26}));
    }

    void usageErrorsExitWithTwo() {
        Run r = cli({"train", "--preset", "seed-cnn"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--data"));
        r = cli({"summary", "--preset", "seed-cnn", "--bogus"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown option --bogus"));
        r = cli({"frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("known commands"));
    }

    void failuresExitWithOneAndSayWhy() {
        Run r = cli({"summary", "--preset", "nope"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("seed-cnn"), r.err.constData());  // lists the known presets
        QFile bad(path("bad.csmodel"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a model at all");
        bad.close();
        r = cli({"evaluate", "--model", path("bad.csmodel"), "--data", "builtin"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("not a ConvStudio model file"));
        r = cli({"train", "--preset", "seed-cnn", "--data", path("missing-folder"), "--epochs", "1"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("missing-folder"));
        QVERIFY(r.out.isEmpty());
    }

    void trainEvaluatePredictOnTheBuiltinSet() {
        const QString model = path("shapes.csmodel");
        Run r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--epochs", "2", "--batch", "64",
                     "--val-split", "0.1", "--out", model, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const auto t = r.json();
        QCOMPARE(t["epochs"].size(), std::size_t(2));
        QVERIFY(t["epochs"][1].contains("val_accuracy"));
        QVERIFY2(t["test_accuracy"].get<double>() > 0.8, r.out.constData());
        QVERIFY(QFile::exists(model));

        r = cli({"evaluate", "--model", model, "--data", "builtin", "--json"});
        QCOMPARE(r.code, 0);
        const auto e = r.json();
        QCOMPARE(e["accuracy"].get<double>(), t["test_accuracy"].get<double>());
        int total = 0;
        for (const auto& row : e["confusion_matrix"])
            for (const auto& v : row) total += v.get<int>();
        QCOMPARE(total, e["samples"].get<int>());

        // A drawn image file, any size, colour: the model's preprocessing makes it 28x28 gray.
        cv::Mat img(64, 48, CV_8UC3, cv::Scalar(0, 0, 0));
        cv::circle(img, {24, 32}, 18, cv::Scalar(255, 255, 255), 3);
        const std::string png = path("circle.png").toStdString();
        QVERIFY(cv::imwrite(png, img));
        r = cli({"predict", "--model", model, "--top", "3", "--json", path("circle.png"), path("missing.png")});
        QCOMPARE(r.code, 1);  // one file failed
        const auto p = r.json()["predictions"];
        QCOMPARE(p.size(), std::size_t(2));
        QCOMPARE(p[0]["top"].size(), std::size_t(3));
        double sum = 0;
        for (const auto& s : p[0]["top"]) sum += s["probability"].get<double>();
        QVERIFY(sum <= 1.0001);
        QVERIFY(p[1].contains("error"));
        QVERIFY(r.err.contains("missing.png"));
    }

    void classBalanceOptions() {
        // An imbalanced image-folder dataset: 12 "bright" images, 3 "dark" ones.
        const QString root = path("imbalanced");
        for (int i = 0; i < 15; ++i) {
            const bool bright = i < 12;
            const QString dir = root + (bright ? "/bright" : "/dark");
            QDir().mkpath(dir);
            cv::Mat img(28, 28, CV_8UC1, cv::Scalar(bright ? 200 + i : 20 + i));
            QVERIFY(cv::imwrite((dir + QString("/%1.png").arg(i)).toStdString(), img));
        }
        Run r = cli(
            {"train", "--preset", "mlp", "--data", root, "--epochs", "1", "--batch", "8", "--balance", "oversample"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2((r.out + r.err).contains("oversampling: 24 samples per epoch from 15"), (r.out + r.err).constData());
        r = cli({"train", "--preset", "mlp", "--data", root, "--epochs", "1", "--balance", "weights"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2((r.out + r.err).contains("class weights (balanced): 0.625, 2.5"), (r.out + r.err).constData());
        r = cli({"train", "--preset", "mlp", "--data", root, "--epochs", "1", "--class-weights", "1,-2"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--class-weights takes non-negative numbers"), r.err.constData());
        r = cli({"train", "--preset", "mlp", "--data", root, "--epochs", "1", "--balance", "sometimes"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("class balance must be none, weights or oversample"), r.err.constData());
    }

    void warmupAndLabelSmoothingReachTheRun() {
        // Warm-up: the rate climbs linearly from 0 over --warmup steps, so after one epoch of a
        // 1,000,000-step warm-up it is still tiny; without it, cosine is near the base rate.
        Run r = cli({"train", "--preset", "mlp", "--data", "builtin", "--epochs", "2", "--schedule", "cosine",
                     "--warmup", "1000000", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.json()["epochs"][0]["learning_rate"].get<double>() < 1e-5, r.out.constData());
        r = cli({"train", "--preset", "mlp", "--data", "builtin", "--epochs", "2", "--schedule", "cosine", "--json"});
        QVERIFY2(r.json()["epochs"][0]["learning_rate"].get<double>() > 1e-4, r.out.constData());
        r = cli({"train", "--preset", "mlp", "--data", "builtin", "--epochs", "1", "--warmup", "10"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--warmup applies to the cosine schedule"), r.err.constData());

        // Smoothing 0.5 over 10 classes: targets 0.55 and 0.05, whose entropy (1.68) bounds the loss
        // from below; the same run unsmoothed goes lower.
        r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--epochs", "1", "--lr", "0.005",
                 "--label-smoothing", "0.5", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.json()["epochs"][0]["loss"].get<double>() > 1.67, r.out.constData());
        r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--epochs", "1", "--lr", "0.005", "--json"});
        QVERIFY2(r.json()["epochs"][0]["loss"].get<double>() < 1.5, r.out.constData());
        r = cli({"train", "--preset", "mlp", "--data", "builtin", "--epochs", "1", "--label-smoothing", "1.5"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("label_smoothing must be in [0, 1)"), r.err.constData());
    }

    void checkpointResumeContinuesTheRun() {
        const QString ckpt = path("run.csmodel");
        Run r =
            cli({"train", "--preset", "mlp", "--data", "builtin", "--epochs", "1", "--checkpoint", ckpt, "--quiet"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFile::exists(ckpt));
        r = cli({"train", "--resume", ckpt, "--data", "builtin", "--epochs", "2", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json()["epochs"].size(), std::size_t(2));  // epoch 1 from the checkpoint, epoch 2 new
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
