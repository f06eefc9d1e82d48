#pragma once
// The studio, composed: the main window, the document (the only owner of project state), the
// dataset session every page shares, and the features that fill the window. Each feature is
// an object made here with the parts it needs, and the few links between features are made
// here too, explicitly; features never look each other up. main.cpp and the app tests build
// the studio the same way.
#include <QObject>
#include <memory>

class QString;

namespace cs::gui {

class CameraUi;
class DatasetController;
class DatasetSession;
class DatasetUi;
class DesignerController;
class DoctorUi;
class ExportUi;
class MainWindow;
class ModelDocument;
class ProjectController;
class StartPage;
class TrainingUi;

class Studio : public QObject {
    Q_OBJECT
public:
    explicit Studio(QObject* parent = nullptr);
    ~Studio() override;

    MainWindow* window() const { return window_.get(); }
    ModelDocument* document() const { return doc_; }
    DatasetSession* data() const { return data_; }
    StartPage* startPage() const { return start_; }
    ProjectController* project() const { return project_; }
    DesignerController* designer() const { return designer_; }
    DatasetUi* datasetPage() const { return datasetPage_; }
    DatasetController* datasetDock() const { return datasetDock_; }
    TrainingUi* training() const { return training_; }
    CameraUi* camera() const { return camera_; }
    ExportUi* exporter() const { return export_; }
    DoctorUi* doctor() const { return doctor_; }

    // The first model: the file given on the command line, else the default preset.
    void openInitial(const QString& path);

private:
    void connectFeatures();
    void createViewAndHelpMenus();
    void showDesigner();

    std::unique_ptr<MainWindow> window_;
    ModelDocument* doc_;
    DatasetSession* data_;
    StartPage* start_;
    ProjectController* project_;
    DesignerController* designer_;
    DatasetUi* datasetPage_;
    DatasetController* datasetDock_;
    TrainingUi* training_;
    CameraUi* camera_;
    ExportUi* export_;
    DoctorUi* doctor_;
};

}  // namespace cs::gui
