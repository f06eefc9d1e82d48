#pragma once
// The live camera panel: a source picker (cameras OpenCV can open, recent sources, a test
// pattern, "Video File…", or any typed file, URL or GStreamer pipeline) with Start/Stop, the
// live view, freeze / snapshot / send-to-feature-maps, the prediction settings (top-k,
// smoothing, minimum confidence) and the capture panel. Widgets only: CameraController does
// the work and feeds it.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace cs::gui {

class CameraView;
class CapturePanel;

class CameraPanel : public QWidget {
    Q_OBJECT
public:
    explicit CameraPanel(QWidget* parent = nullptr);

    CameraView* view() const { return view_; }
    CapturePanel* capture() const { return capture_; }
    QComboBox* sourceBox() const { return source_; }
    QPushButton* startButton() const { return start_; }
    QToolButton* freezeButton() const { return freeze_; }
    QToolButton* snapshotButton() const { return snapshot_; }
    QToolButton* probeButton() const { return probe_; }

    // The source text as typed or chosen ("0", a path, a URL, a pipeline).
    QString sourceText() const;
    void setSourceText(const QString& text);
    // Cameras found by the controller's probe (null list: still probing).
    void setCameras(const QList<int>& indices);
    void setRecentSources(const QStringList& sources);
    // Running: Start becomes Stop, freeze/snapshot/capture become available.
    void setRunning(bool running);
    void setBusy(bool opening);
    void setFrozen(bool frozen);
    void setProbeAvailable(bool available, const QString& why = {});

    int topK() const;
    int smoothing() const;
    bool showsHeatMap() const;     // "Show where it looks": a live heat map over the ROI
    double minConfidence() const;  // 0..1
    // Video files start over at their end (a demo clip keeps playing).
    bool loopFiles() const { return loopFiles_; }
    void setLoopFiles(bool on) { loopFiles_ = on; }
    void setPredictionSettings(int topK, int smoothing, double minConfidence);

    // A test pattern that needs no camera (GStreamer's videotestsrc).
    static QString testPatternSource();

signals:
    void startRequested(const QString& source);
    void stopRequested();
    void freezeToggled(bool frozen);
    void snapshotRequested();
    void probeRequested();  // "send to feature maps"
    void settingsChanged();
    void browseRequested();  // "Video File…" in the source list
    void firstShown();       // the panel became visible for the first time

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillSources();
    void onStartClicked();

    QComboBox* source_;
    QPushButton* start_;
    QToolButton* freeze_;
    QToolButton* snapshot_;
    QToolButton* probe_;
    QSpinBox* topK_;
    QSpinBox* smoothing_;
    QCheckBox* heatMap_;
    QDoubleSpinBox* minConfidence_;
    bool loopFiles_ = true;
    CameraView* view_;
    CapturePanel* capture_;
    QList<int> cameras_;
    bool camerasKnown_ = false;
    QStringList recent_;
    bool running_ = false;
    bool busy_ = false;
    bool shown_ = false;
};

}  // namespace cs::gui
