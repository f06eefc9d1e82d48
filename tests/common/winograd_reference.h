#pragma once
// The naive loops the Winograd tests (test_winograd_conv: F(2x2); test_winograd_f4: F(4x4))
// check their kernels against, written out once.
#include <algorithm>
#include <vector>

#include "core/tensor.h"
#include "layers/window_geometry.h"
#include "layers/winograd_conv.h"

namespace cs::test {

// The correlation of WinogradShape `s`, written out: w is F x C x 3 x 3.
inline Tensor naiveCorrelation(const Tensor& in, const WinogradShape& s, const std::vector<float>& w, const float* bias,
                               bool relu) {
    Tensor out(in.batch(), Shape{s.F, s.OH, s.OW});
    for (int n = 0; n < in.batch(); ++n)
        for (int f = 0; f < s.F; ++f)
            for (int oy = 0; oy < s.OH; ++oy)
                for (int ox = 0; ox < s.OW; ++ox) {
                    double sum = bias ? bias[f] : 0.0;
                    for (int c = 0; c < s.C; ++c)
                        for (int i = 0; i < 3; ++i)
                            for (int j = 0; j < 3; ++j) {
                                const int y = oy - s.padTop + i, x = ox - s.padLeft + j;
                                if (y < 0 || y >= s.H || x < 0 || x >= s.W) continue;
                                sum +=
                                    double(in.sample(n)[(c * s.H + y) * s.W + x]) * w[((f * s.C + c) * 3 + i) * 3 + j];
                            }
                    if (relu) sum = std::max(sum, 0.0);
                    out.sample(n)[(f * s.OH + oy) * s.OW + ox] = static_cast<float>(sum);
                }
    return out;
}

// Calls visit(n, yIndex, xIndex, wIndex) for every output element (n, f, oy, ox) and kernel
// tap (c, i, j) of the correlation `g` that reads inside the input: the indices of the output
// element within its sample, of the input element within its sample, and of the kernel tap.
// The input gradient is dx[xIndex] += dy[yIndex] * w[wIndex], the kernel gradient
// dw[wIndex] += dy[yIndex] * x[xIndex].
template <class Visit>
void forEachTap(int batch, int filters, const WindowGeometry& g, Visit visit) {
    for (int n = 0; n < batch; ++n)
        for (int f = 0; f < filters; ++f)
            for (int oy = 0; oy < g.outH; ++oy)
                for (int ox = 0; ox < g.outW; ++ox)
                    for (int c = 0; c < g.channels; ++c)
                        for (int i = 0; i < 3; ++i)
                            for (int j = 0; j < 3; ++j) {
                                const int y = oy - g.padTop + i, x = ox - g.padLeft + j;
                                if (y < 0 || y >= g.inH || x < 0 || x >= g.inW) continue;
                                visit(n, (f * g.outH + oy) * g.outW + ox, (c * g.inH + y) * g.inW + x,
                                      ((f * g.channels + c) * 3 + i) * 3 + j);
                            }
}

// The input and kernel gradients of the correlation `g` (w: filters x g.channels x 3 x 3) given
// the output gradient dy, each summed in double over every tap that reads inside the input.
struct NaiveGradients {
    Tensor dx, dw;
};
inline NaiveGradients naiveGradients(const Tensor& x, const Tensor& dy, const float* w, int filters,
                                     const WindowGeometry& g) {
    const int batch = x.batch();
    std::vector<double> dxSums(static_cast<size_t>(x.size())), dwSums(static_cast<size_t>(filters * g.channels * 9));
    forEachTap(batch, filters, g, [&](int n, int yi, int xi, int wi) {
        const double d = dy.sample(n)[yi];
        dxSums[static_cast<size_t>(n * x.sampleSize() + xi)] += d * w[wi];
        dwSums[static_cast<size_t>(wi)] += d * x.sample(n)[xi];
    });
    NaiveGradients r{Tensor(batch, x.sampleShape()), Tensor(filters, Shape{g.channels, 3, 3})};
    for (int64_t i = 0; i < r.dx.size(); ++i) r.dx[i] = static_cast<float>(dxSums[static_cast<size_t>(i)]);
    for (int64_t i = 0; i < r.dw.size(); ++i) r.dw[i] = static_cast<float>(dwSums[static_cast<size_t>(i)]);
    return r;
}

}  // namespace cs::test
