#include "studio.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

#include "camera_ui.h"
#include "common/start_page.h"
#include "dataset_controller.h"
#include "designer/model_document.h"
#include "designer_controller.h"
#include "export_ui.h"
#include "io/presets.h"
#include "language.h"
#include "main_window.h"
#include "project_controller.h"
#include "training_ui.h"

namespace cs::gui {

Studio::Studio(QObject* parent) : QObject(parent), window_(std::make_unique<MainWindow>()) {
    doc_ = new ModelDocument(this);
    start_ = new StartPage;
    window_->addPage(start_, QIcon(QStringLiteral(":/icons/convstudio.svg")), tr("Start"));
    project_ = new ProjectController(window_.get(), doc_, this);
    designer_ = new DesignerController(window_.get(), doc_, this);
    dataset_ = new DatasetController(window_.get(), doc_, this);
    designer_->addExportActions(project_->exportMenu());
    createHelpAndTrainMenus();

    start_->setRecentFiles(project_->recentFiles());
    connect(project_, &ProjectController::recentFilesChanged, this,
            [this] { start_->setRecentFiles(project_->recentFiles()); });
    connect(start_, &StartPage::emptyRequested, this, [this] {
        project_->newEmpty();
        showDesigner();
    });
    connect(start_, &StartPage::presetRequested, this, [this](const QString& name) {
        project_->newFromPreset(name);
        showDesigner();
    });
    connect(start_, &StartPage::openRequested, this, [this](const QString& path) {
        if (path.isEmpty())
            project_->openDialog();
        else if (project_->maybeSave())
            project_->openFile(path);
        showDesigner();
    });
    connect(doc_, &ModelDocument::documentReset, this, &Studio::showDesigner);
    TrainingController* training = installTrainingUi(*window_, *doc_, designer_);
    installCameraUi(*window_, *doc_, training);
    installExportUi(*window_, *doc_, project_);
    window_->restoreLayout();
    showDesigner();
}

Studio::~Studio() {
    // Controllers first (they may still talk to the window as they go), then the window and
    // its widgets (which listen to the document), then the document.
    delete dataset_;
    delete designer_;
    delete project_;
    window_.reset();
    delete doc_;
}

void Studio::showDesigner() { window_->showPage(window_->pages()->widget(1)); }

void Studio::openInitial(const QString& path) {
    if (!path.isEmpty() && project_->openFile(path)) return;
    project_->newFromPreset(QString::fromLatin1(kDefaultPreset));
}

void Studio::createHelpAndTrainMenus() {
    QMenu* view = window_->menu(MainWindow::Menu::View);
    view->addSeparator();
    view->addAction(tr("&Start Page"), this, [this] { window_->showPage(start_); });
    view->addMenu(createLanguageMenu(window_.get()));

    // Training arrives with its own controller; the menu is in place for it.
    QMenu* train = window_->menu(MainWindow::Menu::Train);
    QAction* start = train->addAction(QIcon(QStringLiteral(":/icons/train.svg")), tr("&Start Training"));
    start->setShortcut(QKeySequence(Qt::Key_F5));
    start->setEnabled(false);
    start->setStatusTip(tr("Training is not available in this build yet"));
    QAction* stop = train->addAction(tr("S&top Training"));
    stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    stop->setEnabled(false);

    QMenu* help = window_->menu(MainWindow::Menu::Help);
    help->addAction(tr("&Start Page"), this, [this] { window_->showPage(start_); });
    help->addSeparator();
    QAction* about = help->addAction(tr("&About ConvStudio"), this, [this] {
        QMessageBox::about(window_.get(), tr("About ConvStudio"),
                           tr("<h3>ConvStudio %1</h3>"
                              "<p>Design, train and inspect convolutional neural networks for image "
                              "recognition on your own computer.</p>"
                              "<p>Built with Qt %2, Eigen and OpenCV.</p>")
                               .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

}  // namespace cs::gui
