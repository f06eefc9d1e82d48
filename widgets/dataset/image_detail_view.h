#pragma once
// The selected image in full: enlarged with the pixel value under the mouse, its source path,
// label, split, and the model's probabilities for it. "Use as probe" hands it to the feature-map
// view. For image folders the original file can be shown instead of the loaded (resized) copy.
#include <QImage>
#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;

namespace cs::gui {

class DatasetCatalog;
class PixelView;
class ProbabilityBars;

class ImageDetailView : public QWidget {
    Q_OBJECT
public:
    explicit ImageDetailView(QWidget* parent = nullptr);

    void setCatalog(std::shared_ptr<DatasetCatalog> catalog);
    // -1 shows nothing.
    void showSample(long long globalIndex);
    long long sample() const { return sample_; }
    void refresh() { showSample(sample_); }
    // Where explanations will show their heat-map for the shown sample (drawn over the image,
    // cleared when another sample is shown). Nothing computes one yet.
    void setHeatMap(const QImage& heatMap);

    PixelView* pixelView() const { return view_; }
    ProbabilityBars* probabilityBars() const { return bars_; }
    QString sourceText() const;

signals:
    // The image as the model sees it (the loaded copy), and its index in the catalog.
    void probeRequested(std::size_t globalIndex, const QImage& image);

private:
    void updateImage();

    std::shared_ptr<DatasetCatalog> catalog_;
    long long sample_ = -1;
    PixelView* view_;
    QLabel* pixel_;
    QCheckBox* original_;
    QLabel* title_;
    QLabel* source_;
    QLabel* label_;
    QLabel* prediction_;
    ProbabilityBars* bars_;
    QPushButton* probe_;
};

}  // namespace cs::gui
