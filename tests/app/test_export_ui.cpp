// Interchange in the composed studio: File ▸ Export ▸ Model… (Ctrl+E) and File ▸ Import ONNX…
// are in place; an imported ONNX model becomes the project with its weights (unsaved, so
// closing asks), and a file the importer rejects leaves the project as it was; the export
// dialog follows the project while it is open.
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "designer/model_document.h"
#include "export/export_dialog.h"
#include "export_ui.h"
#include "graph/model.h"
#include "io/onnx_export.h"
#include "io/presets.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"

using namespace cs;
using namespace cs::gui;

class TestExportUi : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("ConvStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_export_ui"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
    }

    void actionsAreInTheFileMenu() {
        Studio studio;
        ExportUi* ui = studio.exporter();
        QCOMPARE(ui->exportAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(studio.project()->exportMenu()->actions().contains(ui->exportAction()));
        QVERIFY(studio.window()->menu(MainWindow::Menu::File)->actions().contains(ui->importAction()));
    }

    void importReplacesTheProject() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        ExportUi* ui = studio.exporter();
        ui->setInteractive(false);

        ModelFile trained = loadPreset("mlp");
        const Model model(trained.graph, 7);
        storeWeights(model, trained);
        trained.classNames = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        const QString path = dir_.filePath(QStringLiteral("mlp.onnx"));
        saveOnnxFile(path.toStdString(), trained);

        QString error;
        QVERIFY(ui->importOnnx(path, studio.window(), &error));
        QVERIFY(error.isEmpty());
        const ModelFile& f = studio.document()->file();
        QVERIFY(f.hasWeights());
        QCOMPARE(f.classNames, trained.classNames);
        QCOMPARE(studio.document()->check().totalParams, Model(trained.graph).paramCount());
        QVERIFY(studio.document()->isModified());

        // A truncated file: an error, and the imported project stays.
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString bad = dir_.filePath(QStringLiteral("bad.onnx"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();
        QVERIFY(!ui->importOnnx(bad, studio.window(), &error));
        QVERIFY2(error.contains(QStringLiteral("bad.onnx")), qPrintable(error));
        QCOMPARE(studio.document()->file().classNames, trained.classNames);
    }

    // Issue 14: the export listens to the document's revisions. A run that finishes while the
    // dialog is open puts its weights into the project, and so into the export.
    void exportDialogFollowsTheProject() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        const std::unique_ptr<ExportDialog> dialog = studio.exporter()->createExportDialog();
        QVERIFY(dialog->weightsLabel()->text().contains(QStringLiteral("untrained")));
        ModelDocument* doc = studio.document();
        ModelFile run = doc->file();
        storeWeights(Model(run.graph, 5), run);
        run.history.push_back({{"stop_reason", "completed"}});
        doc->applyTrained(run);
        QVERIFY2(dialog->weightsLabel()->text().contains(QStringLiteral("trained weights")),
                 qPrintable(dialog->weightsLabel()->text()));
        doc->undoStack()->undo();
        QVERIFY(dialog->weightsLabel()->text().contains(QStringLiteral("untrained")));
    }
};

QTEST_MAIN(TestExportUi)
#include "test_export_ui.moc"
