#pragma once
// One input sample copied with its convolution's zero padding, so that every window reads
// inside it: the direct and the implicit-GEMM convolutions index it without bounds checks.
#include <cstdint>

#include "layers/window_geometry.h"

namespace cs {

struct PaddedSample {
    int H = 0, W = 0;  // rows and row length of one padded channel plane

    // The region the windows of `g` read: ((outH-1)*stride + span) x ((outW-1)*stride + span).
    static PaddedSample of(const WindowGeometry& g);
    int64_t plane() const { return int64_t(H) * W; }

    // Copies sample x (C x inH x inW) into out (C x H x W), zeros around it.
    void pad(const float* x, const WindowGeometry& g, float* out) const;
    // The adjoint: writes dx (C x inH x inW) from the padded gradient's interior (input pixels
    // no window reads get zero).
    void unpad(const float* padded, const WindowGeometry& g, float* dx) const;

    // The offset of tap (c, ki, kj) within a padded sample, in OIHW order, for every tap (taps
    // `dilation` apart); returns the tap count.
    template <class Offset>
    int tapOffsets(const WindowGeometry& g, Offset* off) const {
        int t = 0;
        for (int c = 0; c < g.channels; ++c)
            for (int ki = 0; ki < g.window; ++ki)
                for (int kj = 0; kj < g.window; ++kj)
                    off[t++] = static_cast<Offset>(c * plane() + (int64_t(ki) * W + kj) * g.dilation);
        return t;
    }
};

}  // namespace cs
