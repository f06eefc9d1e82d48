#pragma once
// File ▸ Export…: the project's model as ONNX (opset 13–17, dynamic batch, class names and
// preprocessing in the metadata, optionally the preprocessing baked into the graph), as Keras
// code, or as a PyTorch project folder. "Check Parity" runs N images through the engine and
// through OpenCV's DNN on the ONNX export (on a worker thread) and shows how far the
// probabilities differ and whether the top-1 class agrees. A side panel shows the torchrun path
// for training beyond this machine. Export and parity errors are shown in the dialog.
#include <QDialog>
#include <QFutureWatcher>
#include <atomic>
#include <memory>

#include "export/parity_job.h"
#include "io/model_file.h"
#include "io/onnx_export.h"

class QButtonGroup;
class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace cs::gui {

class DistributedPanel;

enum class ExportFormat { Onnx = 0, Keras = 1, PyTorch = 2 };

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(QWidget* parent = nullptr);
    ~ExportDialog() override;  // stops and waits for a running parity check

    // The model to export (a copy) and the name default file names start from ("seed-cnn").
    void setModel(const ModelFile& file, const QString& name);
    // Where default file names point (the project's folder, or the last used one).
    void setOutputDir(const QString& dir);
    // The project's dataset (a loadDataSource string); empty or "builtin": the built-in set.
    void setDataSource(const QString& source);
    // Off: no message boxes or file dialogs (tests); an existing file is replaced.
    void setInteractive(bool on) { interactive_ = on; }

    ExportFormat format() const;
    void setFormat(ExportFormat format);
    QString outputPath() const;
    void setOutputPath(const QString& path);
    OnnxExportOptions onnxOptions() const;
    bool isParityRunning() const;
    static QString defaultFileName(const QString& name, ExportFormat format);

    // Parts for tests and for the studio's wiring.
    QRadioButton* formatButton(ExportFormat format) const;
    QSpinBox* opsetBox() const { return opset_; }
    QCheckBox* bakeBox() const { return bake_; }
    QLineEdit* pathEdit() const { return path_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* parityButton() const { return parityButton_; }
    QSpinBox* parityCountBox() const { return parityCount_; }
    QLabel* parityResultLabel() const { return parityResult_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* weightsLabel() const { return weights_; }
    DistributedPanel* distributedPanel() const { return distributed_; }

public slots:
    bool exportNow();
    void checkParity();
    void browse();

signals:
    void exported(const QString& path, cs::gui::ExportFormat format);
    void parityFinished(bool ok);
    void importRequested(const QString& onnxPath);

private:
    QWidget* createFormatBox();
    QWidget* createOnnxBox();
    QWidget* createParityBox();
    void onFormatChanged();
    void updateWeightsNote();
    void onParityDone();
    void updateDefaultPaths();
    void updateDataLabel();
    void showStatus(const QString& text, bool error);
    QString describeOutcome(const ParityOutcome& r) const;

    ModelFile file_;
    QString name_ = QStringLiteral("model");
    QString dir_;
    QString dataSource_;
    QString paths_[3];  // the path per format, kept while switching formats
    bool pathsEdited_[3] = {};
    int shownFormat_ = 0;
    bool modelOk_ = false;
    bool interactive_ = true;

    QButtonGroup* formats_;
    QGroupBox* onnxBox_;
    QSpinBox* opset_;
    QCheckBox* bake_;
    QLineEdit* path_;
    QPushButton* browse_;
    QLabel* summary_;
    QLabel* weights_;
    QGroupBox* parityBox_;
    QSpinBox* parityCount_;
    QLabel* parityData_;
    QPushButton* parityButton_;
    QProgressBar* parityBusy_;
    QLabel* parityResult_;
    QLabel* status_;
    QPushButton* export_;
    DistributedPanel* distributed_;

    QFutureWatcher<ParityOutcome> parityWatcher_;
    std::shared_ptr<std::atomic<bool>> parityCancel_;
    OnnxExportOptions parityOptions_;
};

}  // namespace cs::gui
