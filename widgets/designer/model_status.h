#pragma once
// The designer's part of the status bar: parameters, multiply-adds and memory for one batch
// of the model being edited, and whether it is valid.
#include <QWidget>

class QLabel;

namespace cs::gui {

class ModelDocument;

class ModelStatus : public QWidget {
    Q_OBJECT
public:
    explicit ModelStatus(ModelDocument* doc, QWidget* parent = nullptr);
    QString text() const;  // everything shown, for tests and accessibility
    static int batchSize(const ModelDocument& doc);
    // Bytes for one training batch: activations and their gradients, weights, gradients and
    // two Adam moments (float32).
    static double batchMemory(const ModelDocument& doc);

signals:
    void problemsClicked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();

    ModelDocument* doc_;
    QLabel* state_;
    QLabel* params_;
    QLabel* macs_;
    QLabel* memory_;
};

}  // namespace cs::gui
