#pragma once
// The property editor: a form for the selected layer built from the registry's parameter
// schema (typed fields with their ranges and defaults, help text), plus the layer's name,
// output shape, parameter count and the engine's message when it cannot work. Every change is
// an undoable document edit; the form follows undo/redo.
#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace cs::gui {

class ModelDocument;

class PropertyEditor : public QWidget {
    Q_OBJECT
public:
    explicit PropertyEditor(ModelDocument* doc, QWidget* parent = nullptr);

    int nodeId() const { return id_; }
    QWidget* editorFor(const QString& param) const { return editors_.value(param, nullptr); }
    QLineEdit* nameEdit() const { return nameEdit_; }
    QLabel* errorLabel() const { return error_; }
    QString outputText() const;

public slots:
    void setNode(int id);  // -1: nothing selected

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void refreshValues();
    void refreshStatus();
    void showHelp(const QString& param);

    ModelDocument* doc_;
    int id_ = -1;
    QWidget* body_;
    QLabel* placeholder_;
    QLabel* icon_;
    QLabel* title_;
    QLabel* category_;
    QLineEdit* nameEdit_;
    QFormLayout* form_;
    QLabel* output_;
    QLabel* params_;
    QLabel* macs_;
    QLabel* error_;
    QLabel* help_;
    QHash<QString, QWidget*> editors_;
    QHash<QString, QToolButton*> resets_;
    QHash<QString, QLabel*> labels_;
};

}  // namespace cs::gui
