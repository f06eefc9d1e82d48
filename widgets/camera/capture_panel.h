#pragma once
// Teaching by showing: the dataset folder captures go to, its classes with live image counts,
// a field to create a class, and the capture buttons: one shot, or hold to record at a set
// rate. It only asks (signals); the camera controller saves the frames and reports back.
#include <QMap>
#include <QWidget>

#include "camera/camera_types.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace cs::gui {

class CapturePanel : public QWidget {
    Q_OBJECT
public:
    explicit CapturePanel(QWidget* parent = nullptr);

    void setFolder(const QString& folder, const QString& note = {});
    QString folder() const { return folder_; }
    // Class name -> image count; the selection is kept when the class is still there.
    void setClasses(const QMap<QString, int>& counts);
    QMap<QString, int> classes() const { return counts_; }
    void selectClass(const QString& name);
    QString currentClass() const;
    // Capturing needs a frame: off while no source runs.
    void setCaptureEnabled(bool enabled);
    double recordRate() const;
    void setRecordRate(double perSecond);
    bool isRecording() const { return recording_; }

    void showOutcome(const CaptureOutcome& outcome);
    void showStatus(const QString& text, bool warning = false);
    QString statusText() const;

    QPushButton* captureButton() const { return shot_; }
    QPushButton* recordButton() const { return record_; }
    // "Train on the Captures": offered once the project trains on the folder and it has classes.
    void setTrainAvailable(bool available);
    QPushButton* trainButton() const { return train_; }
    QLineEdit* newClassEdit() const { return newClass_; }
    QTreeWidget* classList() const { return list_; }

signals:
    void captureRequested(const QString& className);
    // Pressed: start recording into the class at `perSecond`; released: stop.
    void recordingChanged(bool on, const QString& className, double perSecond);
    void addClassRequested(const QString& name);
    void chooseFolderRequested();
    void trainRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showFolder();  // the folder's path elided in the middle to the label's width
    void addClass();
    void setRecording(bool on);
    void updateButtons();

    QString folder_;
    QMap<QString, int> counts_;
    QLabel* folderLabel_;
    QLabel* noteLabel_;
    QTreeWidget* list_;
    QLineEdit* newClass_;
    QPushButton* add_;
    QPushButton* shot_;
    QPushButton* record_;
    QPushButton* train_;
    QDoubleSpinBox* rate_;
    QLabel* status_;
    bool enabled_ = false;
    bool recording_ = false;
};

}  // namespace cs::gui
