#pragma once
// The "Evaluation" page: accuracy and loss on the test set, per-class precision, recall and F1,
// the confusion matrix (click a cell to list its images) and the misclassified gallery.
#include <QWidget>

#include "training/training_types.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace cs::gui {

class ConfusionMatrixView;
class MisclassifiedGallery;

class EvaluationPanel : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationPanel(QWidget* parent = nullptr);

    void setReport(const EvalReport& report);
    void setBusy(bool busy);
    void setMessage(const QString& text);
    // A line under the summary (where a shown evaluation came from); a new report clears it.
    // A line under the summary; `warning` draws it as one (figures that no longer describe the
    // project's weights).
    void setNote(const QString& text, bool warning = false);
    QString note() const;
    // Back to "no evaluation yet" (a project without a saved evaluation).
    void clear();
    bool hasReport() const { return report_.data != nullptr; }

    ConfusionMatrixView* confusion() const { return confusion_; }
    MisclassifiedGallery* gallery() const { return gallery_; }
    QTableWidget* classTable() const { return table_; }
    QLabel* summary() const { return summary_; }
    QPushButton* evaluateButton() const { return evaluate_; }

signals:
    void evaluateRequested();

private:
    QLabel* summary_;
    QLabel* note_;
    QPushButton* evaluate_;
    QPushButton* showAll_;
    QTableWidget* table_;
    ConfusionMatrixView* confusion_;
    MisclassifiedGallery* gallery_;
    EvalReport report_;
};

}  // namespace cs::gui
