#include "main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <algorithm>

#include "designer/layer_style.h"

namespace cs::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    initWidgetResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/convstudio.svg")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    menus_[int(Menu::File)] = menuBar()->addMenu(tr("&File"));
    menus_[int(Menu::Edit)] = menuBar()->addMenu(tr("&Edit"));
    menus_[int(Menu::View)] = menuBar()->addMenu(tr("&View"));
    menus_[int(Menu::Model)] = menuBar()->addMenu(tr("&Model"));
    menus_[int(Menu::Train)] = menuBar()->addMenu(tr("&Train"));
    menus_[int(Menu::Help)] = menuBar()->addMenu(tr("&Help"));
    panelsMenu_ = menus_[int(Menu::View)]->addMenu(tr("&Panels"));

    toolBar_ = addToolBar(tr("Main toolbar"));
    toolBar_->setObjectName(QStringLiteral("mainToolBar"));
    toolBar_->setIconSize(QSize(20, 20));
    toolBar_->setMovable(false);
    panelsMenu_->addAction(toolBar_->toggleViewAction());
    panelsMenu_->addSeparator();

    pages_ = new QTabWidget(this);
    pages_->setObjectName(QStringLiteral("pages"));
    pages_->setDocumentMode(true);
    pages_->setTabPosition(QTabWidget::North);
    setCentralWidget(pages_);
    connect(pages_, &QTabWidget::currentChanged, this, &MainWindow::applyPageDocks);
    statusBar()->setSizeGripEnabled(true);
    resize(kPreferredSize);
}

void MainWindow::fitToScreen(const QRect& available) {
    if (available.isEmpty()) return;
    setMinimumSize(kMinimumSize.boundedTo(available.size()));
    // A saved geometry from a larger screen, or the preferred size on a small one, would put
    // the docks and the status bar off-screen.
    QRect frame = frameGeometry();
    // Before the first show the window manager's frame is unknown: leave room for a title bar.
    const QSize margins = isVisible() ? frame.size() - geometry().size() : QSize(16, 48);
    const QSize size = this->size().boundedTo(available.size() - margins);
    if (size != this->size()) resize(size);
    frame = frameGeometry();
    if (!available.contains(frame)) {
        const int x = std::clamp(frame.left(), available.left(),
                                 std::max(available.left(), available.right() - frame.width() + 1));
        const int y = std::clamp(frame.top(), available.top(),
                                 std::max(available.top(), available.bottom() - frame.height() + 1));
        move(x, y);
    }
}

QMenu* MainWindow::menu(Menu which) const { return menus_[int(which)]; }

void MainWindow::addDock(QDockWidget* dock, Qt::DockWidgetArea area, QDockWidget* tabifyWith) {
    Q_ASSERT(!dock->objectName().isEmpty());
    dock->setParent(this);
    addDockWidget(area, dock);
    if (tabifyWith) tabifyDockWidget(tabifyWith, dock);
    QAction* toggle = dock->toggleViewAction();
    toggle->setIcon(dock->windowIcon());
    panelsMenu_->addAction(toggle);
}

void MainWindow::addPageDock(QDockWidget* dock, Qt::DockWidgetArea area, QWidget* page, QDockWidget* tabifyWith) {
    addDock(dock, area, tabifyWith);
    pageDocks_.push_back({dock, page, true});  // applied on the next page change or restoreLayout()
    // Asking for a dock of another page from View ▸ Panels opens that page.
    connect(dock->toggleViewAction(), &QAction::triggered, this, [this, dock, page](bool on) {
        if (!on || pages_->currentWidget() == page) return;
        for (PageDock& d : pageDocks_)
            if (d.dock == dock) d.wanted = true;
        showPage(page);
    });
}

void MainWindow::capturePageDocks() {
    for (PageDock& d : pageDocks_)
        if (d.page == shownPage_) d.wanted = !d.dock->isHidden();
}

void MainWindow::applyPageDocks() {
    if (applyingPageDocks_) return;
    capturePageDocks();
    shownPage_ = pages_->currentWidget();
    applyingPageDocks_ = true;
    for (const PageDock& d : pageDocks_) d.dock->setVisible(d.wanted && shownPage_ == d.page);
    applyingPageDocks_ = false;
}

int MainWindow::addPage(QWidget* page, const QIcon& icon, const QString& title) {
    return pages_->addTab(page, icon, title);
}

void MainWindow::showPage(QWidget* page) { pages_->setCurrentWidget(page); }

void MainWindow::restoreLayout() {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    if (const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen())
        fitToScreen(screen->availableGeometry());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    // The saved state holds each page dock as the user wanted it (see saveLayout).
    for (PageDock& d : pageDocks_) d.wanted = !d.dock->isHidden();
    shownPage_ = nullptr;
    applyPageDocks();
}

void MainWindow::saveLayout() const {
    // Save page docks as the user wants them, not as the current page happens to show them.
    auto* self = const_cast<MainWindow*>(this);
    self->capturePageDocks();
    self->applyingPageDocks_ = true;
    for (const PageDock& d : pageDocks_) d.dock->setVisible(d.wanted);
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    self->applyingPageDocks_ = false;
    self->shownPage_ = nullptr;  // nothing to capture: the docks were just set from `wanted`
    self->applyPageDocks();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (closeGuard_ && !closeGuard_()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

QStringList MainWindow::localFiles(const QMimeData* mime) {
    QStringList files;
    if (!mime || !mime->hasUrls()) return files;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) files << url.toLocalFile();
    return files;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty()) return;
    event->acceptProposedAction();
    emit filesDropped(files);
}

}  // namespace cs::gui
