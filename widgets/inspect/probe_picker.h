#pragma once
// Chooses the probe image the inspect views show: a sample of the training or test set (by
// number, or at random), or an image from elsewhere (a webcam frame, the dataset page). The
// set and number always say where the probe is in the picker's data: those of a sample, also
// one sent from the dataset page, and no number for an image that is none. New data (the
// Inspect page's first load, a run's split, which numbers the samples anew) keeps the probe
// when it holds that sample; an image from elsewhere stays until the user picks a sample.
#include <QWidget>
#include <memory>
#include <optional>

#include "training/training_types.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace cs::gui {

class ProbePicker : public QWidget {
    Q_OBJECT
public:
    explicit ProbePicker(QWidget* parent = nullptr);

    // Finds the probe in `data`; a sample of the user's it does not hold is picked again by
    // number, an image from elsewhere stays.
    void setData(std::shared_ptr<const DataSplits> data);
    void setIndex(int index);  // picks that sample of the set shown
    // An image from elsewhere: a sample (ProbeImage::sample) shows its set and number when the
    // data holds it; anything else shows no number.
    void setExternalImage(const ProbeImage& image);
    const ProbeImage& image() const { return image_; }
    bool showsExternalImage() const;  // the probe is no sample of the data: no number shown

signals:
    void probeChanged(const cs::gui::ProbeImage& image);

private:
    struct Place {
        int set = 0;  // 0 training, 1 test (the set box's data)
        int index = 0;
    };
    const Dataset* dataset(int set) const;
    const Dataset* currentSet() const;
    std::optional<Place> locate(const ProbeImage& image) const;
    void pick(int index);
    void showPlace(int set, int index);  // without picking; index -1: no number
    void describeSample(ProbeImage& image, int index);
    void showImage(const ProbeImage& image);

    std::shared_ptr<const DataSplits> data_;
    QComboBox* set_;
    QSpinBox* index_;
    QLabel* thumb_;
    QLabel* label_;
    ProbeImage image_;
    bool fromElsewhere_ = false;  // image_ came through setExternalImage, not picked here
};

}  // namespace cs::gui
