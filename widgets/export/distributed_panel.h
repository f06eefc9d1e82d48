#pragma once
// "Train beyond this machine": the path from the studio to torchrun and back. Export the model
// as a PyTorch project, run its train.py on CPUs, GPUs or several machines with torchrun, and
// import the ONNX model it writes. Shows the exact commands for the chosen folder and dataset
// (with the `--redirects 1 --tee 1` workaround the generated README documents), copyable.
#include <QGroupBox>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace cs::gui {

class DistributedPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit DistributedPanel(QWidget* parent = nullptr);

    // The PyTorch project folder the commands run in, the dataset train.py reads (a folder of
    // IDX files or image folders; empty: a placeholder), and whether the project has weights
    // to start from (adds --init-weights .).
    void setProjectFolder(const QString& folder);
    void setDataPath(const QString& path);
    void setHasWeights(bool on);

    QString commands() const;
    QPlainTextEdit* commandsView() const { return view_; }
    QPushButton* copyButton() const { return copy_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* importButton() const { return import_; }
    QSpinBox* processesBox() const { return processes_; }

    // The commands as plain text (one comment line before each); shell-quoted paths.
    static QString commandsFor(const QString& folder, const QString& data, int processes, bool initWeights);

signals:
    void exportRequested();                         // "export the PyTorch project" (step 1)
    void importRequested(const QString& onnxPath);  // "import the trained model" (step 3)

private:
    void refresh();

    QString folder_;
    QString data_;
    bool hasWeights_ = false;
    QPlainTextEdit* view_;
    QSpinBox* processes_;
    QPushButton* copy_;
    QPushButton* export_;
    QPushButton* import_;
    QLabel* copied_;
};

}  // namespace cs::gui
