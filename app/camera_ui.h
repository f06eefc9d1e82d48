#pragma once
// Composes the live camera into the studio: the "Camera" page (CameraPanel and its
// CameraController) and its menu action (View ▸ Live Camera, Ctrl+Shift+L). The model follows
// the document's revisions; captures into the project's image folder tell the dataset session.
// The controller's probeImageReady ("Feature Maps") is wired to the Inspect page by the studio.
#include <QObject>

namespace cs::gui {

class CameraController;
class CameraPanel;
class DatasetSession;
class MainWindow;
class ModelDocument;

class CameraUi : public QObject {
    Q_OBJECT
public:
    CameraUi(MainWindow& window, ModelDocument& doc, DatasetSession& data, QObject* parent = nullptr);

    CameraPanel* panel() const { return panel_; }
    CameraController* controller() const { return camera_; }

private:
    CameraPanel* panel_;  // a page of the window (the window owns it)
    CameraController* camera_;
};

}  // namespace cs::gui
