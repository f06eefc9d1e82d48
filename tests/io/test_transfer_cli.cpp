// convstudio-cli's transfer-learning options as a user runs them: --classes/--per-class pick the
// data, --freeze freezes up to a layer (an unknown one is named), --replace-head puts a new head on
// a trained backbone and the run trains it on cached features.
#include <QtTest>

#include <nlohmann/json.hpp>

class TestTransferCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    struct Run {
        int code = -1;
        QByteArray out, err;
        nlohmann::json json() const { return nlohmann::json::parse(out.toStdString()); }
    };

    static Run cli(const QStringList& args) {
        QProcess p;
        p.start(CONVSTUDIO_CLI, args);
        if (!p.waitForFinished(300000)) {
            p.kill();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    QString path(const char* name) const { return dir_.filePath(name); }

private slots:
    void freezeAnUnknownLayerIsAnErrorNamingIt() {
        const Run r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--freeze", "conv9", "--epochs", "1"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("'conv9'"), r.err.constData());
        QVERIFY(r.err.contains("conv2d_1"));  // the layers it has
    }

    void freezeReplaceHeadAndFeatureExtraction() {
        // A backbone on two classes, its first convolutions frozen.
        const QString backbone = path("backbone.csmodel");
        Run r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--classes", "0-1", "--per-class", "40",
                     "--freeze", "conv2d", "--epochs", "1", "--out", backbone, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json()["train_samples"].get<int>(), 80);
        // The wall-clock total covers the training epochs and the final evaluation.
        QVERIFY(r.json()["total_seconds"].get<double>() >= r.json()["training_seconds"].get<double>());
        // conv2d_1 trains: the features cached are those below it.
        QCOMPARE(r.json()["feature_cache"]["layer"].get<std::string>(), std::string("max_pooling2d"));
        r = cli({"summary", "--model", backbone, "--json"});
        QCOMPARE(r.code, 0);
        const auto layers = r.json()["layers"];
        QCOMPARE(layers[1]["trainable"], nlohmann::json(false));  // conv2d
        QCOMPARE(layers[3]["trainable"], nlohmann::json(true));   // conv2d_1
        QCOMPARE(r.json()["non_trainable_params"].get<int>(), 320);

        // A new head for three other classes, 10 images each, on cached features.
        const QString head = path("head.csmodel");
        r = cli({"train", "--model", backbone, "--data", "builtin", "--classes", "circle,square,4", "--per-class", "10",
                 "--replace-head", "flatten", "--epochs", "3", "--out", head, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const auto t = r.json();
        QCOMPARE(t["start"].get<std::string>(), std::string("fine-tune"));
        QCOMPARE(t["train_samples"].get<int>(), 30);
        QCOMPARE(t["feature_cache"]["layer"].get<std::string>(), std::string("flatten"));
        r = cli({"summary", "--model", head, "--json"});
        const auto s = r.json();
        QCOMPARE(s["layers"].back()["output_shape"], nlohmann::json({3}));
        QCOMPARE(s["trainable_params"].get<int>(), 576 * 3 + 3);

        r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--replace-head", "flatten", "--epochs", "1"});
        QCOMPARE(r.code, 2);  // a preset has no trained backbone
        QVERIFY(r.err.contains("--from-scratch"));
        r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--classes", "0-1", "--per-class", "10",
                 "--epochs", "1"});
        QVERIFY2(
            QRegularExpression("Total [0-9.]+s \\(training [0-9.]+s\\)").match(QString::fromUtf8(r.out)).hasMatch(),
            r.out.constData());
        r = cli({"train", "--preset", "seed-cnn", "--data", "builtin", "--classes", "0,99"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("'99'"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTransferCli)
#include "test_transfer_cli.moc"
