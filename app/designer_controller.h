#pragma once
// Puts the model designer into the main window: the canvas page, the palette, property,
// problems, history and summary docks, the Edit menu, zoom in the View menu, the Model menu's
// designer actions and the model totals in the status bar.
#include <QObject>
#include <functional>
#include <string>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QUndoView;

namespace cs::gui {

class DesignerScene;
class DesignerView;
class LayerPalette;
class MainWindow;
class ModelDocument;
class ModelStatus;
class ProblemsView;
class PropertyEditor;
class SummaryView;

class DesignerController : public QObject {
    Q_OBJECT
public:
    DesignerController(MainWindow* window, ModelDocument* doc, QObject* parent = nullptr);
    ~DesignerController() override;

    DesignerScene* scene() const { return scene_; }
    DesignerView* view() const { return view_; }
    LayerPalette* palette() const { return palette_; }
    PropertyEditor* propertyEditor() const { return properties_; }
    ProblemsView* problems() const { return problems_; }
    ModelStatus* status() const { return status_; }
    QUndoView* historyView() const { return history_; }
    QDockWidget* problemsDock() const { return problemsDock_; }

    // The classes of the project's loaded dataset: what "Replace Head Here" makes a new head for.
    void setClassNamesSource(std::function<std::vector<std::string>()> source) { classNames_ = std::move(source); }

    void addExportActions(QMenu* menu);
    // Writes the canvas as PNG or SVG (by suffix); false if it cannot be written.
    bool exportImage(const QString& path) const;

private:
    void createDocks();
    void createActions();
    void showNode(int id);
    void showContextMenu(const QPoint& globalPos, const QPointF& scenePos);
    QDockWidget* makeDock(QWidget* content, const QString& objectName, const QString& title, const char* icon);

    MainWindow* window_;
    ModelDocument* doc_;
    DesignerScene* scene_;
    DesignerView* view_;
    LayerPalette* palette_ = nullptr;
    PropertyEditor* properties_ = nullptr;
    ProblemsView* problems_ = nullptr;
    SummaryView* summary_ = nullptr;
    QUndoView* history_ = nullptr;
    ModelStatus* status_ = nullptr;
    QLabel* zoomLabel_ = nullptr;
    QDockWidget* problemsDock_ = nullptr;
    QDockWidget* summaryDock_ = nullptr;
    QList<QAction*> contextActions_;  // Edit and arrange actions shared with the canvas menu
    std::function<std::vector<std::string>()> classNames_;
};

}  // namespace cs::gui
