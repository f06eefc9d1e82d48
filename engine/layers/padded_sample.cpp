#include "layers/padded_sample.h"

#include <algorithm>
#include <cstring>

namespace cs {

PaddedSample PaddedSample::of(const WindowGeometry& g) {
    return {(g.outH - 1) * g.stride + g.span(), (g.outW - 1) * g.stride + g.span()};
}

namespace {

// The input rows and columns that land inside the padded plane (the last ones may lie beyond
// every window when the stride does not divide evenly).
struct Overlap {
    int firstRow, lastRow, firstCol, lastCol;
};

Overlap overlap(const WindowGeometry& g, const PaddedSample& p) {
    return {std::max(0, -g.padTop), std::min(g.inH, p.H - g.padTop), std::max(0, -g.padLeft),
            std::min(g.inW, p.W - g.padLeft)};
}

}  // namespace

void PaddedSample::pad(const float* x, const WindowGeometry& g, float* out) const {
    std::fill(out, out + g.channels * plane(), 0.f);
    const Overlap o = overlap(g, *this);
    if (o.firstCol >= o.lastCol) return;
    for (int c = 0; c < g.channels; ++c)
        for (int h = o.firstRow; h < o.lastRow; ++h)
            std::memcpy(out + c * plane() + int64_t(h + g.padTop) * W + g.padLeft + o.firstCol,
                        x + (int64_t(c) * g.inH + h) * g.inW + o.firstCol, sizeof(float) * (o.lastCol - o.firstCol));
}

void PaddedSample::unpad(const float* padded, const WindowGeometry& g, float* dx) const {
    std::fill(dx, dx + g.channels * g.inPlane(), 0.f);
    const Overlap o = overlap(g, *this);
    if (o.firstCol >= o.lastCol) return;
    for (int c = 0; c < g.channels; ++c)
        for (int h = o.firstRow; h < o.lastRow; ++h)
            std::memcpy(dx + (int64_t(c) * g.inH + h) * g.inW + o.firstCol,
                        padded + c * plane() + int64_t(h + g.padTop) * W + g.padLeft + o.firstCol,
                        sizeof(float) * (o.lastCol - o.firstCol));
}

}  // namespace cs
