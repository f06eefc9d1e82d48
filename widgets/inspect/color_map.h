#pragma once
// Colour maps and float-buffer-to-QImage conversion for the inspect views.
#include <QImage>

namespace cs::gui {

struct ProbeImage;

enum class ColorMap { Viridis, Inferno, Gray, Diverging };

// The colour at t in [0, 1] (clamped). Diverging is blue (0) – white (0.5) – red (1).
QRgb colorAt(ColorMap map, double t);

// A height x width image of `values` mapped linearly from [lo, hi] to [0, 1]. A constant map
// (lo == hi) is drawn in the map's lowest colour (a diverging map's middle).
QImage valuesToImage(const float* values, int height, int width, ColorMap map, float lo, float hi);
// The same with lo/hi the map's own minimum and maximum (per-map normalisation).
QImage valuesToImage(const float* values, int height, int width, ColorMap map);
void valueRange(const float* values, int count, float& lo, float& hi);

// The probe as it is stored (gray or RGB).
QImage probeToImage(const ProbeImage& image);

}  // namespace cs::gui
