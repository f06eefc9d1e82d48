#pragma once
// The studio's main window: menus, a toolbar, a status bar, central pages and dock widgets.
// It only composes: controllers fill the menus, register their docks and pages, and own the
// behaviour. It remembers its geometry and dock layout, forwards dropped files, and asks its
// close guard before closing.
#include <QMainWindow>
#include <functional>
#include <vector>

class QMimeData;
class QTabWidget;

namespace cs::gui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Menu { File, Edit, View, Model, Train, Help };

    explicit MainWindow(QWidget* parent = nullptr);

    QMenu* menu(Menu which) const;
    QMenu* panelsMenu() const { return panelsMenu_; }
    QToolBar* mainToolBar() const { return toolBar_; }

    // A dock placed in `area` (tabified with `tabifyWith` if given), listed under View ▸ Panels;
    // its place is saved with the window layout. Its objectName must be set and stable.
    void addDock(QDockWidget* dock, Qt::DockWidgetArea area, QDockWidget* tabifyWith = nullptr);
    // A dock that belongs to one page: shown only while that page is current (the designer's
    // palette and properties would only crowd the charts of the Training page). Hiding or
    // showing it from View ▸ Panels is remembered; showing it from another page opens its page.
    void addPageDock(QDockWidget* dock, Qt::DockWidgetArea area, QWidget* page, QDockWidget* tabifyWith = nullptr);
    // A page of the central tab area (Start, Designer, later Training ...). Returns its index.
    int addPage(QWidget* page, const QIcon& icon, const QString& title);
    void showPage(QWidget* page);
    QTabWidget* pages() const { return pages_; }

    // Restores geometry and dock layout saved by a previous session (after docks are added).
    // The saved geometry and docks, then fitToScreen() on the window's screen.
    void restoreLayout();
    // Makes the window fit `available` (a screen's available geometry): no larger, inside it,
    // and a minimum size that keeps pages readable but never exceeds the screen.
    void fitToScreen(const QRect& available);
    static constexpr QSize kPreferredSize{1400, 900};
    static constexpr QSize kMinimumSize{960, 600};
    void saveLayout() const;

    // Returns false to keep the window open (unsaved changes the user wants to keep).
    void setCloseGuard(std::function<bool()> guard) { closeGuard_ = std::move(guard); }

signals:
    void filesDropped(const QStringList& paths);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    static QStringList localFiles(const QMimeData* mime);
    void applyPageDocks();
    void capturePageDocks();  // records how the shown page's docks are (the user's choice)

    struct PageDock {
        QDockWidget* dock;
        QWidget* page;
        bool wanted;  // the user's choice, applied whenever its page is current
    };
    std::vector<PageDock> pageDocks_;
    bool applyingPageDocks_ = false;
    QWidget* shownPage_ = nullptr;  // the page whose docks are shown

    QMenu* menus_[6] = {};
    QMenu* panelsMenu_;
    QToolBar* toolBar_;
    QTabWidget* pages_;
    std::function<bool()> closeGuard_;
};

}  // namespace cs::gui
