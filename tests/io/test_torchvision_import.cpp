// torchvision's standard image models, exported by PyTorch's own ONNX exporter
// (tests/io/torchvision_models.py: random seeded weights, 96x96 input, opsets 11 and 17), go
// through `convstudio-cli import` and `convstudio-cli predict` as a user would run them, and give
// PyTorch's class probabilities for the same image (max |dp| < 1e-4). Skips only when
// torchvision is not installed for /usr/bin/python3. The models are exported once into the
// build folder and reused while the script is unchanged.
#include <QtTest>

#include <nlohmann/json.hpp>

namespace {

const char* kPython = "/usr/bin/python3";
// The six models, and "blocks": their pieces that need no padded, grouped or dilated Conv.
const QStringList kModels = {"resnet18",      "mobilenet_v2",       "mobilenet_v3_small",
                             "squeezenet1_1", "shufflenet_v2_x0_5", "efficientnet_b0",
                             "blocks"};
const QStringList kOpsets = {"11", "17"};

struct Run {
    int code = -1;
    QByteArray out, err;
};

Run run(const QString& program, const QStringList& args, int timeoutMs) {
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString scriptPath() { return QStringLiteral(CONVSTUDIO_SOURCE_DIR "/tests/io/torchvision_models.py"); }

}  // namespace

class TestTorchvisionImport : public QObject {
    Q_OBJECT

    QString dir_;  // the exported models, input.png and PyTorch's probabilities
    QTemporaryDir work_;
    QStringList passed_;

private slots:
    void initTestCase() {
        QVERIFY(work_.isValid());
        dir_ = QCoreApplication::applicationDirPath() + "/torchvision_models";
        // The export is redone when the script changes (its bytes are the stamp).
        QFile script(scriptPath());
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray stamp = QCryptographicHash::hash(script.readAll(), QCryptographicHash::Sha256).toHex();
        QFile stampFile(dir_ + "/stamp");
        if (stampFile.open(QIODevice::ReadOnly) && stampFile.readAll() == stamp) return;
        stampFile.close();
        const Run r = run(kPython, {scriptPath(), dir_, "--opsets", kOpsets.join(',')}, 1800000);
        if (r.code == 3) QSKIP(qPrintable("torchvision is not installed for /usr/bin/python3: " + r.err.trimmed()));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(stampFile.open(QIODevice::WriteOnly));
        stampFile.write(stamp);
    }

    void importAndPredictAgreeWithPyTorch_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("opset");
        for (const QString& m : kModels)
            for (const QString& o : kOpsets) QTest::newRow(qPrintable(m + " opset " + o)) << m << o;
    }

    void importAndPredictAgreeWithPyTorch() {
        QFETCH(QString, model);
        QFETCH(QString, opset);
        const QString onnx = dir_ + "/" + model + "_opset" + opset + ".onnx";
        const QString out = work_.path() + "/" + model + "_" + opset + ".csmodel";
        const Run imp = run(CONVSTUDIO_CLI, {"import", onnx, "--out", out, "--json"}, 300000);
        const QString what = model + " opset " + opset;
        QVERIFY2(imp.code == 0, qPrintable(what + ": " + imp.err));

        const Run pred =
            run(CONVSTUDIO_CLI, {"predict", "--model", out, "--top", "1000", "--json", dir_ + "/input.png"}, 300000);
        QVERIFY2(pred.code == 0, qPrintable(what + ": " + pred.err));
        const auto top = nlohmann::json::parse(pred.out.toStdString())["predictions"][0]["top"];
        QFile f(dir_ + "/" + model + ".probabilities.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto expected = nlohmann::json::parse(f.readAll().toStdString())["probabilities"];
        QCOMPARE(top.size(), expected.size());
        double worst = 0;
        for (const auto& t : top)
            worst = std::max(worst, std::abs(t["probability"].get<double>() -
                                             expected[t["index"].get<std::size_t>()].get<double>()));
        qInfo("%s: max |p(ConvStudio) - p(PyTorch)| = %.3g", qPrintable(what), worst);
        QVERIFY2(worst < 1e-4, qPrintable(what + ": max |dp| = " + QString::number(worst)));
        passed_ << what;
    }

    void cleanupTestCase() { qInfo("imports and agrees with PyTorch: %s", qPrintable(passed_.join(", "))); }
};

QTEST_GUILESS_MAIN(TestTorchvisionImport)
#include "test_torchvision_import.moc"
