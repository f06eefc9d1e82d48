#pragma once
// File ▸ Import ONNX…: reads an ONNX model with the engine's importer and shows what became of
// it (layers, parameters, input, classes, where class names and preprocessing came from, the
// importer's notes) before it replaces the project — or the importer's error, which names the
// node and op it cannot take. Never throws.
#include <QDialog>

#include "io/model_file.h"
#include "io/onnx_import.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace cs::gui {

class OnnxImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit OnnxImportDialog(QWidget* parent = nullptr);

    // Imports `path`; false (and the error shown) when it cannot be imported.
    bool load(const QString& path);
    bool hasModel() const { return ok_; }
    const ModelFile& modelFile() const { return file_; }
    const OnnxImportReport& report() const { return report_; }
    QString errorText() const { return error_; }

    QLabel* messageLabel() const { return message_; }
    QPushButton* openButton() const { return open_; }

private:
    ModelFile file_;
    OnnxImportReport report_;
    bool ok_ = false;
    QString error_;
    QLabel* title_;
    QLabel* message_;
    QListWidget* notes_;
    QPushButton* open_;
    QPushButton* cancel_;
};

}  // namespace cs::gui
