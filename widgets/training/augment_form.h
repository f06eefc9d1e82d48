#pragma once
// The data pipeline's augmentation options as a grid: one row per transform with an on/off
// box, the chance per image and the amount (in the transform's own unit, shown as suffix).
#include <QWidget>

#include "data/augment.h"

class QCheckBox;
class QDoubleSpinBox;

namespace cs::gui {

class AugmentForm : public QWidget {
    Q_OBJECT
public:
    explicit AugmentForm(QWidget* parent = nullptr);

    void setOptions(const AugmentOptions& options);
    AugmentOptions options() const;

signals:
    void changed();

private:
    struct Row {
        AugmentTransform AugmentOptions::*member;
        QCheckBox* on;
        QDoubleSpinBox* probability;
        QDoubleSpinBox* amount;  // nullptr for flips
        float defaultAmount;
    };
    std::vector<Row> rows_;
};

}  // namespace cs::gui
