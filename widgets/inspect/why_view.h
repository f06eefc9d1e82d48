#pragma once
// "Why this, not that": one image with Grad-CAM for the class the model predicts beside Grad-CAM
// for its true class, for the images of the Evaluation page's gallery and confusion-matrix cells.
// Computed on a pool thread (QtConcurrent) like ExplanationView; a model without a spatial layer
// gets occlusion instead, which needs none.
#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <vector>

#include "inspect/explanation_job.h"

class QLabel;
class QSlider;

namespace cs::gui {

class PixelView;

class WhyView : public QWidget {
    Q_OBJECT
public:
    explicit WhyView(QWidget* parent = nullptr);
    ~WhyView() override;

    // The model with its weights (null: nothing to explain, the view hides its maps).
    void setProject(std::shared_ptr<const ModelFile> project);
    // The image; its label / labelName is the true class.
    void setImage(const ProbeImage& image);

    PixelView* predictedView() const { return views_[0]; }
    PixelView* trueView() const { return views_[1]; }
    QLabel* predictedCaption() const { return captions_[0]; }
    QLabel* trueCaption() const { return captions_[1]; }
    QSlider* opacitySlider() const { return opacity_; }
    // [0] the predicted class's explanation, [1] the true class's (after explanationShown()).
    const std::vector<ExplanationOutcome>& shown() const { return shown_; }
    bool isComputing() const { return watcher_.isRunning(); }

signals:
    void explanationShown();

private:
    int trueClass() const;  // in the model's classes, -1 when unknown
    void request();
    void finished();
    void display();

    std::shared_ptr<const ModelFile> project_;
    ProbeImage image_;
    PixelView* views_[2];
    QLabel* captions_[2];
    QLabel* status_;
    QSlider* opacity_;
    QFutureWatcher<std::vector<ExplanationOutcome>> watcher_;
    bool pending_ = false;
    std::vector<ExplanationOutcome> shown_;
};

}  // namespace cs::gui
