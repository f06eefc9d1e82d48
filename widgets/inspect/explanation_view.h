#pragma once
// "Where it looks": the probe image with an explanation's heat map over it (Grad-CAM, occlusion or
// saliency, engine/explain), an opacity slider, and choosers for the method, Grad-CAM's layer
// and the class explained (default: the predicted one). Each explanation is computed on a pool
// thread (QtConcurrent) and handed back through a QFutureWatcher; requests that arrive while
// one runs are folded into one more run, so the GUI thread never waits.
#include <QFutureWatcher>
#include <QWidget>
#include <memory>

#include "inspect/explanation_job.h"

class QComboBox;
class QLabel;
class QSlider;

namespace cs::gui {

class PixelView;

class ExplanationView : public QWidget {
    Q_OBJECT
public:
    explicit ExplanationView(QWidget* parent = nullptr);
    ~ExplanationView() override;

    // The model to explain with its weights (null or without weights: nothing to explain).
    void setProject(std::shared_ptr<const ModelFile> project);
    void setProbeImage(const ProbeImage& image);

    QComboBox* methodBox() const { return method_; }
    QComboBox* layerBox() const { return layer_; }
    QComboBox* classBox() const { return class_; }
    QSlider* opacitySlider() const { return opacity_; }
    PixelView* view() const { return view_; }
    QLabel* caption() const { return caption_; }
    // The last explanation shown (meaningful after explanationShown()).
    const Explanation& explanation() const { return shown_.explanation; }
    bool isComputing() const { return watcher_.isRunning(); }

signals:
    void explanationShown();  // a new heat map (or an error message) is on screen

private:
    ExplainOptions currentOptions() const;
    void request();
    void finished();
    void display(const ExplanationOutcome& outcome);
    void fillLayers(const QStringList& layers);
    void fillClasses(const QStringList& names);
    void updateCaption();

    std::shared_ptr<const ModelFile> project_;
    ProbeImage image_;
    QComboBox* method_;
    QComboBox* layer_;
    QComboBox* class_;
    QSlider* opacity_;
    PixelView* view_;
    QLabel* caption_;
    QFutureWatcher<ExplanationOutcome> watcher_;
    bool pending_ = false;      // another request came while one ran
    QString chosenLayer_;       // the user's Grad-CAM layer; empty = the last spatial one
    ExplanationOutcome shown_;  // what is on screen
};

}  // namespace cs::gui
