#pragma once
// The studio, composed: the main window, the document, and the controllers that fill the
// window (project files, designer, dataset). main.cpp and the app tests build it the same way.
// Later features (training, inspection, camera) add their own controllers here.
#include <QObject>
#include <memory>

namespace cs::gui {

class DatasetController;
class DesignerController;
class MainWindow;
class ModelDocument;
class ProjectController;
class StartPage;

class Studio : public QObject {
    Q_OBJECT
public:
    explicit Studio(QObject* parent = nullptr);
    ~Studio() override;

    MainWindow* window() const { return window_.get(); }
    ModelDocument* document() const { return doc_; }
    ProjectController* project() const { return project_; }
    DesignerController* designer() const { return designer_; }
    DatasetController* dataset() const { return dataset_; }
    StartPage* startPage() const { return start_; }

    // The first model: the file given on the command line, else the default preset.
    void openInitial(const QString& path);

private:
    void createHelpAndTrainMenus();
    void showDesigner();

    std::unique_ptr<MainWindow> window_;
    ModelDocument* doc_;
    ProjectController* project_;
    DesignerController* designer_;
    DatasetController* dataset_;
    StartPage* start_;
};

}  // namespace cs::gui
