#pragma once
// Images of an evaluation as a gallery: by default every misclassified image, most confident
// mistakes first, each with its true and predicted label and the probability; or the images
// of one confusion-matrix cell. Thumbnails are made when they are first shown.
// Every image is a door: a click selects it, a double click opens it, a right click offers
// what can be done with it (open, use as probe, show in the dataset, exclude, move). The gallery
// only asks; the studio does it on the dataset the image came from. Captions are elided in the
// middle when they do not fit, and shown in full in the tooltip.
#include <QStringList>
#include <QWidget>
#include <string>
#include <vector>

#include "dataset/image_action.h"
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
    QLabel* titleLabel() const { return title_; }
    QString title() const;
    static QString caption(const EvalReport& report, int sample);
    // The caption's lines as drawn in a tile `width` pixels wide with `font`: each line that
    // does not fit is elided in the middle ("Ankle b…→ Sandal"), never cut at its end.
    static QStringList fittedLines(const QString& caption, const QFont& font, int width);
    // The sample shown at a row, -1 when none.
    int sampleAt(int row) const;

signals:
    // `source` names the image in its dataset (Dataset::sourceOf); `classIndex` is for Move.
    void imageActionRequested(const std::string& source, cs::gui::ImageAction action, int classIndex);
    // The user asked, from a reopened evaluation, to measure again to see the images not kept.
    void evaluateRequested();

private:
    void showContextMenu(const QPoint& pos);
    void request(int row, ImageAction action, int classIndex = -1);

    QLabel* title_;
    QListView* view_;
    GalleryModel* model_;
    EvalReport report_;
};

}  // namespace cs::gui
