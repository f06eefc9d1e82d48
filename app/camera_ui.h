#pragma once
// Composes the live camera into the studio: the "Camera" page (CameraPanel + its
// CameraController) and its menu action (View > Live Camera, Ctrl+Shift+L). The model follows the document, and with a
// TrainingController a finished run's weights reach the camera at once and "Feature Maps"
// sends the camera's region of interest as the probe image.
namespace cs::gui {

class CameraController;
class MainWindow;
class ModelDocument;
class TrainingController;

// The controller belongs to the page's panel (and goes with the window).
CameraController* installCameraUi(MainWindow& window, ModelDocument& doc, TrainingController* training = nullptr);

}  // namespace cs::gui
