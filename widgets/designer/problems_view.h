#pragma once
// The problems list: every message of the last graph check, the layer it belongs to first.
// Activating a row selects that layer on the canvas.
#include <QTreeWidget>

namespace cs::gui {

class ModelDocument;

class ProblemsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsView(ModelDocument* doc, QWidget* parent = nullptr);
    int problemCount() const { return count_; }

signals:
    void nodeActivated(int id);

private:
    void refresh();

    ModelDocument* doc_;
    int count_ = 0;
};

}  // namespace cs::gui
