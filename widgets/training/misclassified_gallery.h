#pragma once
// Images of an evaluation as a gallery: by default every misclassified image, most confident
// mistakes first, each with its true and predicted label and the probability; or the images
// of one confusion-matrix cell. Thumbnails are made when they are first shown.
#include <QWidget>
#include <vector>

#include "training/training_types.h"

class QLabel;
class QListView;

namespace cs::gui {

class GalleryModel;

class MisclassifiedGallery : public QWidget {
    Q_OBJECT
public:
    explicit MisclassifiedGallery(QWidget* parent = nullptr);
    ~MisclassifiedGallery() override;

    void setReport(const EvalReport& report);
    // Shows the images of true class `t` predicted as `p`; (-1, -1): every misclassified image.
    void setFilter(int trueClass, int predicted);
    // Sample indices shown, in order.
    const std::vector<int>& shownSamples() const;
    QListView* view() const { return view_; }
    static QString caption(const EvalReport& report, int sample);

private:
    QLabel* title_;
    QListView* view_;
    GalleryModel* model_;
    EvalReport report_;
};

}  // namespace cs::gui
