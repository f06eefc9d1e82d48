#include "export_ui.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include "designer/model_document.h"
#include "export/export_dialog.h"
#include "export/onnx_import_dialog.h"
#include "main_window.h"
#include "project_controller.h"

namespace cs::gui {

namespace {

// The separator that ends the group `before` belongs to (File: New … Open Recent | Save …).
QAction* groupEnd(QMenu* menu, QAction* before) {
    const QList<QAction*> actions = menu->actions();
    for (qsizetype i = actions.indexOf(before) - 1; i >= 0; --i)
        if (actions[i]->isSeparator()) return actions[i];
    return before;
}

}  // namespace

ExportUi::ExportUi(MainWindow& window, ModelDocument& doc, ProjectController* project, QObject* parent)
    : QObject(parent), window_(window), doc_(doc), project_(project) {
    QMenu* file = window.menu(MainWindow::Menu::File);
    QMenu* exportMenu = project_ ? project_->exportMenu() : nullptr;

    export_ = new QAction(tr("&Model (ONNX, Keras, PyTorch)…"), this);
    export_->setObjectName(QStringLiteral("actionExportModel"));
    export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    export_->setStatusTip(
        tr("Export the model as ONNX, Keras code or a PyTorch project, and check the ONNX "
           "export against the engine"));
    connect(export_, &QAction::triggered, this, &ExportUi::showExportDialog);

    import_ = new QAction(tr("&Import ONNX…"), this);
    import_->setObjectName(QStringLiteral("actionImportOnnx"));
    import_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    import_->setStatusTip(tr("Make an ONNX model the project: inspect, fine-tune, evaluate or use it on the camera"));
    connect(import_, &QAction::triggered, this, [this] { importOnnxDialog(); });

    if (exportMenu) {
        // The project's File ▸ Export menu is the place for exports: the model goes first.
        QAction* first = exportMenu->actions().value(0);
        exportMenu->insertAction(first, export_);
        if (first) exportMenu->insertSeparator(first);
        file->insertAction(groupEnd(file, exportMenu->menuAction()), import_);
    } else {
        file->addAction(import_);
        file->addAction(export_);
    }
    window.addAction(export_);  // the shortcuts work whatever has the focus
    window.addAction(import_);
}

QString ExportUi::projectName() const {
    if (!doc_.filePath().isEmpty()) return QFileInfo(doc_.filePath()).completeBaseName();
    if (!doc_.presetName().empty()) return QString::fromStdString(doc_.presetName());
    if (!doc_.importedFrom().empty()) return QFileInfo(QString::fromStdString(doc_.importedFrom())).completeBaseName();
    return QStringLiteral("model");
}

QString ExportUi::outputDir() const {
    if (!doc_.filePath().isEmpty()) return QFileInfo(doc_.filePath()).absolutePath();
    const QString last = QSettings().value(QStringLiteral("project/lastDir")).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir()) return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QString ExportUi::dataSource() const { return QString::fromStdString(doc_.datasetSource()); }

void ExportUi::showExportDialog() { createExportDialog()->exec(); }

std::unique_ptr<ExportDialog> ExportUi::createExportDialog() {
    // What is exported is the project as the designer shows it now. A run may finish while the
    // dialog is open and put its weights into the project: the dialog follows the revisions.
    auto dialog = std::make_unique<ExportDialog>(&window_);
    ExportDialog* d = dialog.get();
    d->setModel(doc_.file(), projectName());
    d->setOutputDir(outputDir());
    d->setDataSource(dataSource());
    for (auto revision : {&ModelDocument::graphChanged, &ModelDocument::weightsChanged, &ModelDocument::documentReset})
        connect(&doc_, revision, d, [this, d] { d->setModel(doc_.file(), projectName()); });
    connect(&doc_, &ModelDocument::datasetChanged, d, [this, d] { d->setDataSource(dataSource()); });
    connect(d, &ExportDialog::exported, this, [this](const QString& path, ExportFormat) {
        window_.statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
    });
    connect(d, &ExportDialog::importRequested, d, [this, d](const QString& path) {
        if (importOnnxDialog(path)) d->close();
    });
    return dialog;
}

bool ExportUi::importOnnxDialog(const QString& suggestedPath) {
    if (project_ && !project_->maybeSave()) return false;
    QString start = suggestedPath;
    if (start.isEmpty()) start = outputDir();
    const QString path = QFileDialog::getOpenFileName(&window_, tr("Import ONNX Model"), start,
                                                      tr("ONNX models (*.onnx);;All files (*)"));
    return !path.isEmpty() && importOnnx(path, &window_);
}

bool ExportUi::importOnnx(const QString& path, QWidget* parent, QString* error) {
    OnnxImportDialog dialog(parent);
    const bool ok = dialog.load(path);
    if (error) *error = dialog.errorText();
    if (interactive_ && dialog.exec() != QDialog::Accepted) return false;
    if (!ok) {
        window_.statusBar()->showMessage(dialog.errorText(), 8000);
        return false;
    }
    doc_.resetImported(dialog.modelFile(), QFileInfo(path).absoluteFilePath().toStdString());
    window_.statusBar()->showMessage(tr("Imported %1").arg(path), 5000);
    return true;
}

}  // namespace cs::gui
