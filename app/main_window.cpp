#include "main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

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
    statusBar()->setSizeGripEnabled(true);
    resize(1400, 900);
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

int MainWindow::addPage(QWidget* page, const QIcon& icon, const QString& title) {
    return pages_->addTab(page, icon, title);
}

void MainWindow::showPage(QWidget* page) { pages_->setCurrentWidget(page); }

void MainWindow::restoreLayout() {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveLayout() const {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
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
