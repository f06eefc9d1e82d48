#include "doctor/pixel_match.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace cs {

float correlationAt(const float* a, const float* b, int height, int width, int dx, int dy) {
    const int y0 = std::max(0, -dy), y1 = std::min(height, height - dy);
    const int x0 = std::max(0, -dx), x1 = std::min(width, width - dx);
    if (y1 <= y0 || x1 <= x0) return -1.f;
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (int y = y0; y < y1; ++y) {
        const float* ra = a + std::ptrdiff_t(y) * width;
        const float* rb = b + std::ptrdiff_t(y + dy) * width + dx;
        for (int x = x0; x < x1; ++x) {
            const double u = ra[x], v = rb[x];
            sa += u;
            sb += v;
            saa += u * u;
            sbb += v * v;
            sab += u * v;
        }
    }
    const double n = double(y1 - y0) * double(x1 - x0);
    const double va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    if (va <= 1e-9 || vb <= 1e-9) return -1.f;
    return float((sab - sa * sb / n) / std::sqrt(va * vb));
}

float shiftedCorrelation(const float* a, const float* b, int height, int width, int centreX, int centreY, int radius) {
    float best = -1.f;
    for (int dy = centreY - radius; dy <= centreY + radius; ++dy)
        for (int dx = centreX - radius; dx <= centreX + radius; ++dx)
            best = std::max(best, correlationAt(a, b, height, width, dx, dy));
    return best;
}

}  // namespace cs
