#pragma once
// The problems list: every message of the last graph check, the layer it belongs to first.
// Activating a row selects that layer on the canvas. A problem with a known remedy (a kernel
// or pool window larger than its input) offers it as a button: one undoable option change.
#include <QTreeWidget>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/message.h"

namespace cs::gui {

class ModelDocument;

class ProblemsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsView(ModelDocument* doc, QWidget* parent = nullptr);
    int problemCount() const { return count_; }

    struct Fix {
        QString text;
        QString toolTip;
        std::string option;
        nlohmann::json value;
    };
    // The one-click remedies of a node's problem (none for most problems).
    static std::vector<Fix> fixesFor(const ModelDocument& doc, int id, const cs::Message& problem);

signals:
    void nodeActivated(int id);

private:
    void refresh();
    void addFixes(QTreeWidgetItem* item, int id, const cs::Message& problem);

    ModelDocument* doc_;
    int count_ = 0;
};

}  // namespace cs::gui
