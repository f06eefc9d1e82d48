#include "layers/winograd_f4.h"

#include "layers/winograd_f4_tiles.h"

namespace cs {

using namespace winograd4;

bool winogradF4Pays(const WinogradShape& s, int batch) {
    if (!winogradF4Allowed()) return false;
    const int64_t tiles4 = int64_t((s.OH + 3) / 4) * ((s.OW + 3) / 4);
    const int64_t tiles2 = int64_t((s.OH + 1) / 2) * ((s.OW + 1) / 2);
    // At least 1.25x fewer products than F(2x2) (an 11x11 output: 324 against 576 per channel and
    // filter; 13x13: 576 against 784), channels and filters enough to fill a vector's lanes, and
    // four tiles (seed-cnn's last convolution, one tile per image, in a pass of 4 images: 0.028 ms
    // forward against 0.065 for the im2col products, 0.074 backward against 0.083, by
    // bench_engine --layers-only 4; it had waited for a whole register tile of 6).
    return 36 * tiles4 * 5 <= 16 * tiles2 * 4 && s.C >= kLanes && s.F >= kLanes && int64_t(batch) * tiles4 >= 4;
}

int64_t winogradF4KernelSize(const WinogradShape& s) {
    const Layout l(s);
    return kElements * l.uMatrix;
}

int64_t winogradF4Scratch(const WinogradShape& s) { return Layout(s).scratchFloats(); }

int64_t winogradF4BackwardScratch(const WinogradShape& s) { return Layout(s).backwardFloats(); }

namespace {

// The forward shape with the channels' and filters' roles swapped: the adjoint kernel's layout.
WinogradShape swapped(const WinogradShape& s) {
    WinogradShape t = s;
    std::swap(t.C, t.F);
    return t;
}

}  // namespace

int64_t winogradF4AdjointKernelSize(const WinogradShape& s) { return winogradF4KernelSize(swapped(s)); }

void winogradF4Kernel(const float* w, const WinogradShape& s, bool inputGradient, float* u) {
    avx2::transformKernel(w, s, inputGradient ? KernelTransform::Rotated : KernelTransform::Forward, Layout(s), u);
}

void winogradF4AdjointKernel(const float* w, const WinogradShape& s, float* ut) {
    const WinogradShape t = swapped(s);
    avx2::transformKernel(w, t, KernelTransform::Adjoint, Layout(t), ut);
}

void winogradF4Conv(const float* in, int N, const WinogradShape& s, const float* u, const float* bias, bool relu,
                    float* out, float* scratch) {
    if (N <= 0) return;
    const Layout l(s, N);
    const Buffers b(l, scratch);
    int paddedSample = -1;
    for (int t0 = 0, tiles = N * l.tilesPerSample; t0 < tiles; t0 += l.tilesPerBlock) {
        const int t1 = std::min(tiles, t0 + l.tilesPerBlock);
        avx2::transformInputs(in, s, l, b, t0, t1, paddedSample);
        avx2::multiply({b.v, l.vMatrix, l.C8, u, l.uMatrix, l.F16, b.m, l.mMatrix}, t1 - t0);
        avx2::transformOutputs(s, l, b, t0, t1, bias, relu, out);
    }
}

void winogradF4Backward(const float* in, const float* dy, int N, const WinogradShape& s, const float* ut, float* dw,
                        float* dx, float* scratch) {
    if (N <= 0) {
        if (dw) std::fill(dw, dw + int64_t(s.F) * s.C * 9, 0.f);
        return;
    }
    const Layout l(s, N);
    const Buffers b(l, scratch);
    // dm_xi (C8 x F8, l.dmMatrix apart) = the sum over tiles of V_xi^T G_xi: the transformed
    // kernel's gradient, transposed. dv: a block's input tile gradients G_xi Ut_xi; dPadded: the
    // current sample's input gradient, channel-blocked, summed over its tiles.
    float* dm = scratch + l.scratchFloats();
    float* dv = dm + kElements * l.dmMatrix;
    float* dPadded = dv + kElements * l.dvMatrix;
    int dxSample = -1;
    for (int t0 = 0, tiles = N * l.tilesPerSample; t0 < tiles; t0 += l.tilesPerBlock) {
        const int t1 = std::min(tiles, t0 + l.tilesPerBlock);
        // The output gradient's transform serves both gradients. It and the input's share
        // b.padded: each copies its block's samples afresh.
        int gradientSample = -1;
        avx2::transformGradients(dy, s, l, b, t0, t1, gradientSample);
        if (dw) {
            int inputSample = -1;
            avx2::transformInputs(in, s, l, b, t0, t1, inputSample);
            avx2::accumulateKernelGradient(l, b, t1 - t0, t0 > 0, dm);
        }
        if (dx) {
            avx2::multiply({b.m, l.gMatrix, l.F8, ut, l.utMatrix, l.C16, dv, l.dvMatrix}, t1 - t0);
            avx2::scatterInputGradients(s, l, dv, t0, t1, dPadded, dxSample, dx);
        }
    }
    if (dx) avx2::flushInputGradient(s, l, dPadded, dxSample, dx);
    if (dw) avx2::untransformKernelGradient(dm, s, l, dw);
}

}  // namespace cs
