#include "inspect/color_map.h"

#include <algorithm>
#include <cmath>

#include "training/training_types.h"

namespace cs::gui {

namespace {

struct Stop {
    double t;
    int r, g, b;
};

// Key colours of the perceptually uniform maps (matplotlib's viridis and inferno), linearly
// interpolated between.
constexpr Stop kViridis[] = {{0.0, 68, 1, 84},      {0.125, 71, 44, 122},  {0.25, 59, 81, 139},
                             {0.375, 44, 113, 142}, {0.5, 33, 145, 140},   {0.625, 39, 173, 129},
                             {0.75, 92, 200, 99},   {0.875, 170, 220, 50}, {1.0, 253, 231, 37}};
constexpr Stop kInferno[] = {{0.0, 0, 0, 4},        {0.125, 31, 12, 72},   {0.25, 85, 15, 109},
                             {0.375, 136, 34, 106}, {0.5, 186, 54, 85},    {0.625, 227, 89, 51},
                             {0.75, 249, 140, 10},  {0.875, 249, 201, 50}, {1.0, 252, 255, 164}};
constexpr Stop kDiverging[] = {
    {0.0, 33, 102, 172}, {0.25, 146, 197, 222}, {0.5, 247, 247, 247}, {0.75, 244, 165, 130}, {1.0, 178, 24, 43}};

template <std::size_t N>
QRgb interpolate(const Stop (&stops)[N], double t) {
    for (std::size_t i = 1; i < N; ++i) {
        if (t <= stops[i].t) {
            const Stop& a = stops[i - 1];
            const Stop& b = stops[i];
            const double u = (t - a.t) / (b.t - a.t);
            return qRgb(int(std::lround(a.r + u * (b.r - a.r))), int(std::lround(a.g + u * (b.g - a.g))),
                        int(std::lround(a.b + u * (b.b - a.b))));
        }
    }
    return qRgb(stops[N - 1].r, stops[N - 1].g, stops[N - 1].b);
}

}  // namespace

QRgb colorAt(ColorMap map, double t) {
    t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
    switch (map) {
        case ColorMap::Viridis:
            return interpolate(kViridis, t);
        case ColorMap::Inferno:
            return interpolate(kInferno, t);
        case ColorMap::Diverging:
            return interpolate(kDiverging, t);
        case ColorMap::Gray: {
            const int v = int(std::lround(t * 255));
            return qRgb(v, v, v);
        }
    }
    return 0;
}

void valueRange(const float* values, int count, float& lo, float& hi) {
    lo = hi = 0;
    bool first = true;
    for (int i = 0; i < count; ++i) {
        if (!std::isfinite(values[i])) continue;
        if (first) {
            lo = hi = values[i];
            first = false;
        }
        lo = std::min(lo, values[i]);
        hi = std::max(hi, values[i]);
    }
}

QImage valuesToImage(const float* values, int height, int width, ColorMap map, float lo, float hi) {
    QImage img(width, height, QImage::Format_RGB32);
    const double scale = hi > lo ? 1.0 / (double(hi) - lo) : 0.0;
    const double flat = map == ColorMap::Diverging ? 0.5 : 0.0;
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const float v = values[y * width + x];
            line[x] = colorAt(map, scale > 0 ? (v - lo) * scale : flat);
        }
    }
    return img;
}

QImage valuesToImage(const float* values, int height, int width, ColorMap map) {
    float lo, hi;
    valueRange(values, height * width, lo, hi);
    return valuesToImage(values, height, width, map, lo, hi);
}

QImage probeToImage(const ProbeImage& p) {
    if (!p.isValid()) return {};
    if (p.channels == 1) {
        QImage img(p.width, p.height, QImage::Format_Grayscale8);
        for (int y = 0; y < p.height; ++y)
            std::copy_n(p.pixels.data() + std::size_t(y) * p.width, p.width, img.scanLine(y));
        return img;
    }
    QImage img(p.width, p.height, QImage::Format_RGB32);
    for (int y = 0; y < p.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < p.width; ++x) {
            const uint8_t* px = p.pixels.data() + (std::size_t(y) * p.width + x) * p.channels;
            line[x] = p.channels >= 3 ? qRgb(px[0], px[1], px[2]) : qRgb(px[0], px[0], px[0]);
        }
    }
    return img;
}

}  // namespace cs::gui
