// convstudio-cli export / import / parity, run as a user would (CONVSTUDIO_CLI), with --json.
#include <QtTest>

#include "graph/model.h"
#include "io/model_file.h"
#include "io/onnx_import.h"
#include "io/presets.h"
#include "onnx_test_helpers.h"

using namespace cs;
using namespace cs::testing;

class TestInterchangeCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    struct Result {
        int code = -1;
        QByteArray out, err;
        nlohmann::json json() const { return nlohmann::json::parse(out.toStdString()); }
    };

    static Result cli(const QStringList& args) {
        QProcess p;
        p.start(CONVSTUDIO_CLI, args);
        Result r;
        if (!p.waitForFinished(120000)) return r;
        r.code = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString path(const char* name) const { return dir_.path() + "/" + name; }

private slots:
    void exportImportParity() {
        // A "trained" seed-cnn (random weights) as a model file.
        ModelFile f = loadPreset("seed-cnn");
        f.weights = randomModelFile(f.graph, 3).weights;
        saveModelFile(path("m.csmodel").toStdString(), f);

        Result r = cli({"export", "--model", path("m.csmodel"), "--format", "onnx", "--out", path("m.onnx"), "--opset",
                        "17", "--bake-preprocessing", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json()["opset"].get<int>(), 17);
        QVERIFY(r.json()["bake_preprocessing"].get<bool>());

        r = cli({"import", path("m.onnx"), "--out", path("back.csmodel"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.json()["graph_from_metadata"].get<bool>());
        QCOMPARE(r.json()["params"].get<int64_t>(), int64_t(93322));
        const ModelFile back = loadModelFile(path("back.csmodel").toStdString());
        QCOMPARE(back.graph, f.graph);
        QCOMPARE(back.classNames, f.classNames);

        r = cli({"parity", path("m.csmodel"), "--data", "builtin:shapes", "--count", "64", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const auto j = r.json();
        qInfo("CLI parity: %d images, max |dp| = %.3g, top-1 agrees %d", j["samples"].get<int>(),
              j["max_abs_diff"].get<double>(), j["top1_agreements"].get<int>());
        QCOMPARE(j["samples"].get<int>(), 64);
        QVERIFY(j["ok"].get<bool>());
        QVERIFY(j["max_abs_diff"].get<double>() < 1e-4);

        r = cli({"parity", path("m.csmodel"), "--data", "builtin:shapes", "--count", "8", "--bake-preprocessing"});
        QVERIFY2(r.code == 0 && r.out.contains("OK"), r.out.constData());
    }

    void codeFormatsAndUsageErrors() {
        Result r = cli({"export", "--preset", "lenet5", "--format", "keras", "--out", path("lenet.py"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFileInfo(path("lenet.py")).size() > 1000);
        r = cli({"export", "--preset", "mlp", "--format", "pytorch", "--out", path("torch")});
        QVERIFY2(r.code == 0, r.err.constData());
        for (const char* file : {"model.py", "train.py", "README.md"})
            QVERIFY(QFileInfo::exists(path("torch") + "/" + file));

        QCOMPARE(cli({"export", "--preset", "mlp", "--format", "tflite", "--out", path("x")}).code, 2);
        QCOMPARE(cli({"export", "--preset", "mlp", "--format", "onnx", "--out", path("x"), "--opset", "9"}).code, 2);
        QCOMPARE(cli({"export", "--preset", "mlp", "--format", "keras", "--out", path("x"), "--opset", "13"}).code, 2);
        QCOMPARE(cli({"import", path("missing.onnx"), "--out", path("x.csmodel")}).code, 1);
        r = cli({"parity", path("untrained.csmodel"), "--data", "builtin:shapes"});
        QCOMPARE(r.code, 1);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestInterchangeCli)
#include "test_interchange_cli.moc"
