#pragma once
// The model summary: the same table the command line prints (Model::summary()), refreshed
// shortly after edits while it is visible.
#include <QPlainTextEdit>

class QTimer;

namespace cs::gui {

class ModelDocument;

class SummaryView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SummaryView(ModelDocument* doc, QWidget* parent = nullptr);
    static QString summaryText(const ModelDocument& doc);

public slots:
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    ModelDocument* doc_;
    QTimer* timer_;
    bool stale_ = true;
};

}  // namespace cs::gui
