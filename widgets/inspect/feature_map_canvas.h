#pragma once
// Paints every layer's activations for one probe: a caption per layer (name, kind, shape) and
// a grid of small images, one per channel (flat layers as a strip of cells). Lays itself out
// for its width; clicking a tile reports which map it is.
#include <QImage>
#include <QWidget>
#include <vector>

#include "inspect/color_map.h"
#include "training/training_types.h"

namespace cs::gui {

class FeatureMapCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Normalization { PerMap, PerLayer };
    explicit FeatureMapCanvas(QWidget* parent = nullptr);

    void setProbe(const ProbeResult& probe);
    void setColorMap(ColorMap map);
    void setNormalization(Normalization n);
    void setTileSize(int pixels);
    ColorMap colorMap() const { return map_; }
    int tileSize() const { return tile_; }

    int layerCount() const { return static_cast<int>(layers_.size()); }
    int mapCount(int layer) const;
    QImage mapImage(int layer, int channel) const;  // at its own resolution
    QRect tileRect(int layer, int channel) const;   // in widget coordinates
    QString layerCaption(int layer) const;
    const LayerActivation* activation(int layer) const;
    QSize sizeHint() const override;
    int heightForWidth(int w) const override;
    bool hasHeightForWidth() const override { return true; }

signals:
    void mapClicked(int layer, int channel);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

private:
    struct Layer {
        LayerActivation data;
        std::vector<QImage> tiles;  // one per channel; flat layers: one strip
        QRect caption;
        std::vector<QRect> rects;
    };
    void rebuildImages();
    int layout(int width, bool apply);

    std::vector<Layer> layers_;
    ColorMap map_ = ColorMap::Viridis;
    Normalization norm_ = Normalization::PerMap;
    int tile_ = 48;
    int contentHeight_ = 100;
};

}  // namespace cs::gui
