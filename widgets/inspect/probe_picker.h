#pragma once
// Chooses the probe image the inspect views show: a sample of the training or test set (by
// number, or at random), or an image from elsewhere (a webcam frame).
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

    void setData(std::shared_ptr<const DataSplits> data);
    void setIndex(int index);
    void setExternalImage(const ProbeImage& image);  // e.g. the current webcam frame
    const ProbeImage& image() const { return image_; }

signals:
    void probeChanged(const cs::gui::ProbeImage& image);

private:
    const Dataset* currentSet() const;
    void pick();

    std::shared_ptr<const DataSplits> data_;
    QComboBox* set_;
    QSpinBox* index_;
    QLabel* thumb_;
    QLabel* label_;
    ProbeImage image_;
};

}  // namespace cs::gui
