#include "studio.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

#include "camera/camera_panel.h"
#include "camera_controller.h"
#include "camera_ui.h"
#include "common/start_page.h"
#include "dataset_controller.h"
#include "dataset_session.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "designer_controller.h"
#include "doctor_ui.h"
#include "export_ui.h"
#include "io/presets.h"
#include "language.h"
#include "main_window.h"
#include "project_controller.h"
#include "training/evaluation_panel.h"
#include "training/misclassified_gallery.h"
#include "training_ui.h"

namespace cs::gui {

Studio::Studio(QObject* parent) : QObject(parent), window_(std::make_unique<MainWindow>()) {
    doc_ = new ModelDocument(this);
    // A project that names no dataset trains on the default one; one that never trained holds
    // 10% out for validation, so the live validation curves show.
    doc_->setProjectDefaults({DatasetController::defaultSource().toStdString(), 0.1});
    data_ = new DatasetSession(this);

    // The features, in the order of their pages: Start, Designer, Dataset, Training, Inspect,
    // Evaluation, Camera, Doctor.
    MainWindow& window = *window_;
    start_ = new StartPage;
    window.addPage(start_, QIcon(QStringLiteral(":/icons/convstudio.svg")), tr("Start"));
    project_ = new ProjectController(&window, doc_, this);
    designer_ = new DesignerController(&window, doc_, this);
    datasetPage_ = new DatasetUi(window, *doc_, *data_, this);
    datasetDock_ = new DatasetController(window, *doc_, *data_, this);
    connect(datasetDock_, &DatasetController::sourceChosen, datasetPage_, &DatasetUi::openSource);
    designer_->addExportActions(project_->exportMenu());
    createViewAndHelpMenus();
    training_ = new TrainingUi(window, *doc_, *data_, designer_, this);
    camera_ = new CameraUi(window, *doc_, *data_, this);
    export_ = new ExportUi(window, *doc_, project_, this);
    // The data doctor fixes through the Dataset page's edits and retrains through Training.
    doctor_ = new DoctorUi(window, *doc_, *datasetPage_, *training_, this);
    connectFeatures();
    window.restoreLayout();
    showDesigner();
}

Studio::~Studio() {
    // Features first (they may still talk to the window as they go, and their threads end
    // here), then the window and its widgets (which listen to the document), then the data
    // and the document.
    delete doctor_;
    delete export_;
    delete camera_;
    delete training_;
    delete datasetDock_;
    delete datasetPage_;
    delete designer_;
    delete project_;
    window_.reset();
    delete data_;
    delete doc_;
}

void Studio::connectFeatures() {
    // The start page opens projects.
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
        else if (project_->maybeClose(tr("Open another project")))
            project_->openFile(path);
        showDesigner();
    });
    connect(doc_, &ModelDocument::documentReset, this, &Studio::showDesigner);
    // An image sent from the dataset page or the camera: its feature maps on the Inspect page.
    connect(datasetPage_, &DatasetUi::probeRequested, training_, &TrainingUi::inspectImage);
    connect(camera_->controller(), &CameraController::probeImageReady, training_, &TrainingUi::inspectImage);
    // Every image is a door: the evaluation's images open, probe, show and edit through the
    // dataset page, on the project's dataset they came from.
    connect(training_->evaluation()->gallery(), &MisclassifiedGallery::imageActionRequested, datasetPage_,
            &DatasetUi::actOnImage);
    camera_->panel()->setProbeAvailable(true);
    designer_->setClassNamesSource([this] {
        const std::shared_ptr<const DataSplits> data = data_->data();
        return data ? data->train.classNames : std::vector<std::string>{};
    });
    connect(camera_->controller(), &CameraController::trainOnCapturesRequested, training_, &TrainingUi::start);
    // Closing the project (New, Open, Quit) while a run trains asks first what becomes of it.
    project_->setRunGuard([this](const QString& action) { return training_->confirmClose(action); });
    project_->setUnsavedNote([this] { return training_->unsavedRunNote(); });
}

void Studio::showDesigner() { window_->showPage(window_->pages()->widget(1)); }

void Studio::openInitial(const QString& path) {
    if (!path.isEmpty() && project_->openFile(path)) return;
    project_->newFromPreset(QString::fromLatin1(kDefaultPreset));
}

void Studio::createViewAndHelpMenus() {
    QMenu* view = window_->menu(MainWindow::Menu::View);
    view->addSeparator();
    view->addAction(tr("&Start Page"), this, [this] { window_->showPage(start_); });
    // A restart for another language reopens the project (saved on the way if the user chose so).
    view->addMenu(createLanguageMenu(
        window_.get(), [this] { return doc_->filePath().isEmpty() ? QStringList() : QStringList{doc_->filePath()}; }));

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
