#pragma once
// Augmentation settings and their effect on the selected image: a form with every transform of
// the engine (probability and amount), and a grid of random variants made by the engine's own
// augmentVariants() from a seed, so the preview is exactly what training will draw. Changing a
// setting redraws at once; "Re-roll" draws new variants (a new seed).
#include <QWidget>
#include <cstdint>
#include <vector>

#include "data/augment.h"

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSpinBox;

namespace cs::gui {

class AugmentPreview : public QWidget {
    Q_OBJECT
public:
    explicit AugmentPreview(QWidget* parent = nullptr);

    // The image to augment (HWC uint8, copied); empty clears the preview.
    void setImage(const uint8_t* hwc, int height, int width, int channels);
    // Shows `options` in the form without emitting optionsChanged.
    void setOptions(const AugmentOptions& options);
    AugmentOptions options() const { return options_; }
    void setSeed(uint64_t seed);
    uint64_t seed() const { return seed_; }
    void setVariantCount(int count);
    int variantCount() const { return count_; }

    // The variants on screen, as the engine made them.
    const std::vector<std::vector<uint8_t>>& variants() const { return variants_; }

public slots:
    void reroll();

signals:
    // The user changed a setting in the form.
    void optionsChanged(const AugmentOptions& options);

private:
    struct Row {
        AugmentTransform AugmentOptions::*member;
        QDoubleSpinBox* probability;
        QDoubleSpinBox* amount;  // null for flips
    };
    void addRow(QGridLayout* grid, int row, const QString& name, AugmentTransform AugmentOptions::*member,
                double maxAmount, double step, const QString& unit, const QString& help);
    void readForm();
    void redraw();

    std::vector<Row> rows_;
    AugmentOptions options_;
    uint64_t seed_ = 1;
    int count_ = 11;  // with the original, three rows of four
    std::vector<uint8_t> image_;
    int height_ = 0, width_ = 0, channels_ = 0;
    std::vector<std::vector<uint8_t>> variants_;
    QWidget* grid_;
    QGridLayout* gridLayout_;
    QLabel* status_;
    bool updating_ = false;
};

}  // namespace cs::gui
