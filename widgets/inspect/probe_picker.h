#pragma once
// Chooses the probe image the inspect views show: a sample of the training or test set (by
// number, or at random), or an image from elsewhere (a webcam frame, the dataset page). An image
// from elsewhere stays until the user picks a sample: new data does not replace it.
#include <QWidget>
#include <memory>

#include "training/training_types.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace cs::gui {

class ProbePicker : public QWidget {
    Q_OBJECT
public:
    explicit ProbePicker(QWidget* parent = nullptr);

    // Picks the sample at the current number again, unless an external image is shown.
    void setData(std::shared_ptr<const DataSplits> data);
    void setIndex(int index);
    void setExternalImage(const ProbeImage& image);  // e.g. the current webcam frame
    const ProbeImage& image() const { return image_; }
    bool showsExternalImage() const { return external_; }

signals:
    void probeChanged(const cs::gui::ProbeImage& image);

private:
    const Dataset* currentSet() const;
    void pick();
    void showImage(const ProbeImage& image);

    std::shared_ptr<const DataSplits> data_;
    QComboBox* set_;
    QSpinBox* index_;
    QLabel* thumb_;
    QLabel* label_;
    ProbeImage image_;
    bool external_ = false;  // image_ came through setExternalImage, not from set_ and index_
};

}  // namespace cs::gui
