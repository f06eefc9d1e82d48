#pragma once
// The feature-map view: every layer's activations for the probe image as grids of small
// images, with a colour map, per-map or per-layer normalisation and a tile size. Clicking a
// map enlarges it in a window that keeps following the live updates.
#include <QWidget>

#include "inspect/feature_map_canvas.h"

class QComboBox;
class QDialog;
class QLabel;
class QScrollArea;
class QSlider;

namespace cs::gui {

class FeatureMapView : public QWidget {
    Q_OBJECT
public:
    explicit FeatureMapView(QWidget* parent = nullptr);

    void setProbe(const ProbeResult& probe);
    FeatureMapCanvas* canvas() const { return canvas_; }
    int updates() const { return updates_; }
    // Opens (or retargets) the enlarged view of one map.
    void enlarge(int layer, int channel);
    QDialog* enlargedDialog() const { return dialog_; }

private:
    void refreshEnlarged();

    FeatureMapCanvas* canvas_;
    QScrollArea* scroll_;
    QComboBox* colorMap_;
    QComboBox* normalization_;
    QSlider* tileSize_;
    QLabel* caption_;
    QDialog* dialog_ = nullptr;
    QLabel* bigImage_ = nullptr;
    QLabel* bigCaption_ = nullptr;
    int bigLayer_ = -1, bigChannel_ = -1;
    int updates_ = 0;
};

}  // namespace cs::gui
