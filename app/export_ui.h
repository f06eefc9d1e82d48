#pragma once
// Composes model interchange into the studio:
//   File ▸ Export ▸ Model (ONNX, Keras, PyTorch)… (Ctrl+E) opens the ExportDialog on the
//     project's model as it is now (graph, preprocessing, class names, weights when trained),
//     with the project's dataset for the parity check and its folder for default file names;
//     while it is open it follows the document's revisions (a run that finishes in the
//     background puts its weights into the export);
//   File ▸ Import ONNX… (and the dialog's "Import trained ONNX" step) asks about unsaved changes
//     as Open does, shows what the importer made of the file (or its error), and makes the
//     imported model the project (unsaved until the user saves it).
#include <QObject>
#include <memory>

class QAction;

namespace cs::gui {

class ExportDialog;
class MainWindow;
class ModelDocument;
class ProjectController;

class ExportUi : public QObject {
    Q_OBJECT
public:
    ExportUi(MainWindow& window, ModelDocument& doc, ProjectController* project, QObject* parent = nullptr);
    // Off: no dialogs; importOnnx() replaces the project without asking (tests).
    void setInteractive(bool on) { interactive_ = on; }

    QAction* exportAction() const { return export_; }
    QAction* importAction() const { return import_; }

    void showExportDialog();
    // The dialog showExportDialog() runs, on the project as it is and following its changes.
    std::unique_ptr<ExportDialog> createExportDialog();
    bool importOnnxDialog(const QString& suggestedPath = {});  // true: the project was replaced
    // Imports `path` and, when the user confirms, replaces the project with it. `parent` hosts
    // the dialogs. Returns true when the project was replaced; `error` gets the importer's
    // message when it failed.
    bool importOnnx(const QString& path, QWidget* parent, QString* error = nullptr);

private:
    QString projectName() const;
    QString outputDir() const;
    QString dataSource() const;

    MainWindow& window_;
    ModelDocument& doc_;
    ProjectController* project_;
    QAction* export_;
    QAction* import_;
    bool interactive_ = true;
};

}  // namespace cs::gui
