// The export dialog and the ONNX import dialog on their own, driven by real clicks and keys:
// ONNX (opset, baked preprocessing) loads back with the metadata; Keras and PyTorch code
// compiles with Python; the parity button reports agreement for a trained tiny model on a
// worker thread; the torchrun commands follow the chosen folder; a malformed or unsupported
// ONNX file gets an error naming the problem (the node and op), never a crash.
#include <onnx/onnx_pb.h>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "data/builtin_dataset.h"
#include "export/distributed_panel.h"
#include "export/export_dialog.h"
#include "export/onnx_import_dialog.h"
#include "graph/model.h"
#include "io/onnx_export.h"
#include "io/onnx_import.h"
#include "io/parity.h"
#include "io/presets.h"
#include "train/trainer.h"

using namespace cs;
using namespace cs::gui;

namespace {

// The "mlp" preset trained for one epoch on the built-in shapes (28x28x1).
ModelFile trainedTinyModel() {
    ModelFile file = loadPreset("mlp");
    LoadOptions o;
    o.height = file.preprocessing.height;
    o.width = file.preprocessing.width;
    o.channels = file.preprocessing.channels;
    o.builtinTrainCount = 600;
    o.builtinTestCount = 10;
    const DataSplits data = loadBuiltin("builtin", o);
    Model model(file.graph, file.seed);
    TrainSettings s;
    s.epochs = 1;
    s.batchSize = 32;
    s.threads = 1;
    Trainer(model, s, file.preprocessing).run(data.train, Dataset{});
    storeWeights(model, file);
    file.classNames = data.train.classNames;
    return file;
}

bool pyCompiles(const QStringList& files, QString* output) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            QStringList{QStringLiteral("-m"), QStringLiteral("py_compile")} + files);
    if (!p.waitForFinished(60000)) return false;
    *output = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Clicks the indicator of a check box or radio button (the widget spans the row; its label does not).
void clickButton(QAbstractButton* b) { QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(8, b->height() / 2)); }

void setSpin(QSpinBox* box, int value) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
    QTest::keyClick(box, Qt::Key_Tab);
}

}  // namespace

class TestExportDialog : public QObject {
    Q_OBJECT

private slots:
    void exportsOnnxWithOptions() {
        QTemporaryDir dir;
        ExportDialog dialog;
        dialog.setInteractive(false);
        dialog.setModel(loadPreset("seed-cnn"), QStringLiteral("seed-cnn"));
        dialog.setOutputDir(dir.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.weightsLabel()->text().contains(QStringLiteral("untrained")));

        clickButton(dialog.formatButton(ExportFormat::Onnx));
        QCOMPARE(dialog.format(), ExportFormat::Onnx);
        QCOMPARE(dialog.pathEdit()->text(), dir.filePath(QStringLiteral("seed-cnn.onnx")));
        setSpin(dialog.opsetBox(), 15);
        QCOMPARE(dialog.opsetBox()->value(), 15);
        clickButton(dialog.bakeBox());
        QVERIFY(dialog.bakeBox()->isChecked());

        QSignalSpy exported(&dialog, &ExportDialog::exported);
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        QCOMPARE(exported.count(), 1);
        const QString path = dir.filePath(QStringLiteral("seed-cnn.onnx"));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("opset 15")),
                 qPrintable(dialog.statusLabel()->text()));

        OnnxImportReport report;
        const ModelFile back = loadOnnxFile(path.toStdString(), &report);
        QVERIFY(report.classNamesFromMetadata);
        QVERIFY(report.preprocessingFromMetadata);
        QCOMPARE(back.classNames, loadPreset("seed-cnn").classNames);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        onnx::ModelProto proto;
        QVERIFY(proto.ParseFromArray(bytes.constData(), int(bytes.size())));
        QCOMPARE(int(proto.opset_import(0).version()), 15);
        QVERIFY(proto.graph().input(0).type().tensor_type().shape().dim(0).has_dim_param());  // dynamic batch
        // OpenCV runs it on a batch of 3 raw images.
        Tensor in(3, Shape::image(1, 28, 28));
        in.fill(128.f);
        const Tensor out = runOpenCvDnn(bytes.toStdString(), in);
        QCOMPARE(out.batch(), 3);
    }

    void exportsKerasAndPyTorchCode() {
        QTemporaryDir dir;
        ExportDialog dialog;
        dialog.setInteractive(false);
        dialog.setModel(trainedTinyModel(), QStringLiteral("tiny mlp"));
        dialog.setOutputDir(dir.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.weightsLabel()->text().contains(QStringLiteral("trained weights")));

        clickButton(dialog.formatButton(ExportFormat::Keras));
        // The Keras script is the architecture only, and the dialog says so.
        QVERIFY2(dialog.weightsLabel()->text().contains(QStringLiteral("not the weights")),
                 qPrintable(dialog.weightsLabel()->text()));
        QVERIFY(!dialog.opsetBox()->isEnabled());  // ONNX options do not apply
        QCOMPARE(dialog.pathEdit()->text(), dir.filePath(QStringLiteral("tiny_mlp_keras.py")));
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        const QString keras = dir.filePath(QStringLiteral("tiny_mlp_keras.py"));
        QVERIFY2(QFileInfo::exists(keras), qPrintable(dialog.statusLabel()->text()));

        clickButton(dialog.formatButton(ExportFormat::PyTorch));
        const QString folder = dir.filePath(QStringLiteral("my project"));
        dialog.pathEdit()->clear();
        QTest::keyClicks(dialog.pathEdit(), folder);
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        QStringList files{keras};
        for (const char* name : {"model.py", "train.py", "README.md", "weights.json", "weights.bin"}) {
            const QString p = QDir(folder).filePath(QLatin1String(name));
            QVERIFY2(QFileInfo::exists(p), qPrintable(p));
            if (p.endsWith(QLatin1String(".py"))) files << p;
        }
        QString errors;
        QVERIFY2(pyCompiles(files, &errors), qPrintable(errors));

        // The torchrun path names the folder (quoted: it has a space), the workaround and the weights.
        const QString commands = dialog.distributedPanel()->commandsView()->toPlainText();
        QVERIFY2(commands.contains(QStringLiteral("cd '%1'").arg(folder)), qPrintable(commands));
        QVERIFY(commands.contains(QStringLiteral("torchrun --standalone --nproc_per_node=2 --redirects 1 --tee 1")));
        QVERIFY(commands.contains(QStringLiteral("--init-weights .")));
        setSpin(dialog.distributedPanel()->processesBox(), 4);
        QVERIFY(
            dialog.distributedPanel()->commandsView()->toPlainText().contains(QStringLiteral("--nproc_per_node=4")));

        // Switching back to Keras shows its own path again.
        clickButton(dialog.formatButton(ExportFormat::Keras));
        QCOMPARE(dialog.pathEdit()->text(), keras);
    }

    void parityButtonReportsAgreement() {
        ExportDialog dialog;
        dialog.setInteractive(false);
        dialog.setModel(trainedTinyModel(), QStringLiteral("tiny"));
        dialog.setDataSource(QStringLiteral("builtin"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        setSpin(dialog.parityCountBox(), 40);
        QSignalSpy finished(&dialog, &ExportDialog::parityFinished);
        QTest::mouseClick(dialog.parityButton(), Qt::LeftButton);
        QVERIFY(dialog.isParityRunning() || finished.count() == 1);
        QVERIFY(!dialog.parityButton()->isEnabled() || finished.count() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
        QVERIFY(finished.at(0).at(0).toBool());
        const QString text = dialog.parityResultLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("OK")) && text.contains(QStringLiteral("40/40")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("max |Δp|")));
        QVERIFY(dialog.parityButton()->isEnabled());

        // A project dataset that cannot be read: the built-in set stands in, and the label says why.
        dialog.setDataSource(QStringLiteral("/nonexistent/dataset"));
        clickButton(dialog.bakeBox());
        QTest::mouseClick(dialog.parityButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 60000);
        const QString second = dialog.parityResultLabel()->text();
        QVERIFY2(finished.at(1).at(0).toBool() && second.contains(QStringLiteral("could not be loaded")) &&
                     second.contains(QStringLiteral("baked")),
                 qPrintable(second));
    }

    void closingDuringParityWaits() {
        auto* dialog = new ExportDialog;
        dialog->setModel(loadPreset("seed-cnn"), QStringLiteral("seed"));  // untrained: initial weights
        dialog->setDataSource(QStringLiteral("builtin"));
        QTest::mouseClick(dialog->parityButton(), Qt::LeftButton);
        delete dialog;  // must not crash or leave the worker writing to a dead dialog
    }

    void importShowsTheModelOrTheProblem() {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.onnx"));
        saveOnnxFile(good.toStdString(), trainedTinyModel());
        OnnxImportDialog ok;
        QVERIFY(ok.load(good));
        QVERIFY(ok.openButton()->isEnabled());
        QVERIFY(ok.modelFile().hasWeights());
        QVERIFY2(ok.messageLabel()->text().contains(QStringLiteral("metadata")), qPrintable(ok.messageLabel()->text()));

        // Not ONNX at all.
        const QString junk = dir.filePath(QStringLiteral("junk.onnx"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("this is not a protobuf \x01\x02\x03");
        j.close();
        OnnxImportDialog bad;
        bad.show();
        QVERIFY(!bad.load(junk));
        QVERIFY(!bad.openButton()->isEnabled());
        QVERIFY2(bad.messageLabel()->text().contains(QStringLiteral("junk.onnx")),
                 qPrintable(bad.messageLabel()->text()));

        // An op the engine does not have: the message names the node and the op.
        QFile g(good);
        QVERIFY(g.open(QIODevice::ReadOnly));
        onnx::ModelProto proto;
        QVERIFY(proto.ParseFromString(g.readAll().toStdString()));
        std::string node;
        for (auto& n : *proto.mutable_graph()->mutable_node())
            if (n.op_type() == "Relu" || n.op_type() == "Gemm") {
                node = n.name();
                n.set_op_type("Hardmax");
                break;
            }
        QVERIFY(!node.empty());
        const QString odd = dir.filePath(QStringLiteral("odd.onnx"));
        QFile o(odd);
        QVERIFY(o.open(QIODevice::WriteOnly));
        o.write(QByteArray::fromStdString(proto.SerializeAsString()));
        o.close();
        OnnxImportDialog unsupported;
        QVERIFY(!unsupported.load(odd));
        const QString message = unsupported.messageLabel()->text();
        QVERIFY2(message.contains(QStringLiteral("Hardmax")) && message.contains(QString::fromStdString(node)),
                 qPrintable(message));
    }

    void commandsQuoteAndFallBack() {
        const QString c = DistributedPanel::commandsFor(QString(), QString(), 2, false);
        QVERIFY(c.contains(QStringLiteral("--data /path/to/data")));
        QVERIFY(!c.contains(QStringLiteral("--init-weights")));
        QVERIFY(c.contains(QStringLiteral("--master_addr=HOST0")));
        QVERIFY(c.contains(QStringLiteral("convstudio-cli import model.onnx")));
        QCOMPARE(ExportDialog::defaultFileName(QStringLiteral("a b/c"), ExportFormat::Onnx),
                 QStringLiteral("a_b_c.onnx"));
    }
};

QTEST_MAIN(TestExportDialog)
#include "test_export_dialog.moc"
