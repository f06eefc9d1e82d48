#include "layers/winograd_f4.h"

#include <cstring>

#include "layers/winograd_f4_tiles.h"

namespace cs {

using namespace winograd4;

namespace {

// G of F(4x4, 3x3): the 6x3 kernel transform.
constexpr double kG[6][3] = {{1.0 / 4, 0, 0},
                             {-1.0 / 6, -1.0 / 6, -1.0 / 6},
                             {-1.0 / 6, 1.0 / 6, -1.0 / 6},
                             {1.0 / 24, 1.0 / 12, 1.0 / 6},
                             {1.0 / 24, -1.0 / 12, 1.0 / 6},
                             {0, 0, 1}};

// G g G^T for one 3x3 kernel g (row-major): the 6x6 transformed kernel, in double.
void transformKernel(const float g[9], float out[kElements]) {
    double gg[6][3];  // G g
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 3; ++j) gg[i][j] = kG[i][0] * g[j] + kG[i][1] * g[3 + j] + kG[i][2] * g[6 + j];
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j)
            out[i * 6 + j] = static_cast<float>(gg[i][0] * kG[j][0] + gg[i][1] * kG[j][1] + gg[i][2] * kG[j][2]);
}

// G^T m G for one 6x6 gradient m: the 3x3 kernel gradient (the adjoint of transformKernel).
void untransformKernelGradient(const double m[kElements], float out[9]) {
    double gm[3][6];  // G^T m
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 6; ++j) {
            double sum = 0;
            for (int k = 0; k < 6; ++k) sum += kG[k][i] * m[k * 6 + j];
            gm[i][j] = sum;
        }
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            double sum = 0;
            for (int k = 0; k < 6; ++k) sum += gm[i][k] * kG[k][j];
            out[i * 3 + j] = static_cast<float>(sum);
        }
}

}  // namespace

bool winogradF4Pays(const WinogradShape& s, int batch) {
    if (!winogradAvailable() || cpuLevel() != CpuLevel::Avx2) return false;
    const int64_t tiles4 = int64_t((s.OH + 3) / 4) * ((s.OW + 3) / 4);
    const int64_t tiles2 = int64_t((s.OH + 1) / 2) * ((s.OW + 1) / 2);
    // At least 1.25x fewer products than F(2x2) (an 11x11 output: 324 against 576 per channel and
    // filter; 13x13: 576 against 784), channels and filters enough to fill a vector's lanes, and
    // a register tile's rows of tiles.
    return 36 * tiles4 * 5 <= 16 * tiles2 * 4 && s.C >= kLanes && s.F >= kLanes && int64_t(batch) * tiles4 >= kTileRows;
}

int64_t winogradF4KernelSize(const WinogradShape& s) {
    const Layout l(s);
    return int64_t(kElements) * l.C8 * l.F16;
}

int64_t winogradF4Scratch(const WinogradShape& s) { return Layout(s).scratchFloats(); }

int64_t winogradF4KernelGradientScratch(const WinogradShape& s) {
    const Layout l(s);
    return l.scratchFloats() + int64_t(kElements) * l.C8 * l.F8;
}

void winogradF4Kernel(const float* w, const WinogradShape& s, bool inputGradient, float* u) {
    const Layout l(s);
    std::fill(u, u + winogradF4KernelSize(s), 0.f);
    float g[9], transformed[kElements];
    for (int f = 0; f < s.F; ++f)
        for (int c = 0; c < s.C; ++c) {
            if (inputGradient) {  // the layer's kernel (s.C x s.F x 3 x 3), rotated
                const float* src = w + (int64_t(c) * s.F + f) * 9;
                for (int k = 0; k < 9; ++k) g[k] = src[8 - k];
            } else {
                std::memcpy(g, w + (int64_t(f) * s.C + c) * 9, sizeof g);
            }
            transformKernel(g, transformed);
            // Element xi's product reads filter panel p as C8 rows of 16 filters.
            const int p = f / kPanel, lane = f % kPanel;
            for (int xi = 0; xi < kElements; ++xi)
                u[((int64_t(xi) * (l.F16 / kPanel) + p) * l.C8 + c) * kPanel + lane] = transformed[xi];
        }
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
        avx2::multiply(l, b, u, t1 - t0);
        avx2::transformOutputs(s, l, b, t0, t1, bias, relu, out);
    }
}

void winogradF4KernelGradient(const float* in, const float* dy, int N, const WinogradShape& s, float* dw,
                              float* scratch) {
    if (N <= 0) {
        std::fill(dw, dw + int64_t(s.F) * s.C * 9, 0.f);
        return;
    }
    const Layout l(s, N);
    const Buffers b(l, scratch);
    // dm_xi (C8 x F8) = the sum over tiles of V_xi^T G_xi: the transformed kernel's gradient,
    // transposed.
    float* dm = scratch + l.scratchFloats();
    const int64_t dmMatrix = int64_t(l.C8) * l.F8;
    int inputSample = -1, gradientSample = -1;
    for (int t0 = 0, tiles = N * l.tilesPerSample; t0 < tiles; t0 += l.tilesPerBlock) {
        const int t1 = std::min(tiles, t0 + l.tilesPerBlock);
        // Both copies share b.padded: each step copies its sample again when the other ran.
        inputSample = -1;
        avx2::transformInputs(in, s, l, b, t0, t1, inputSample);
        gradientSample = -1;
        avx2::transformGradients(dy, s, l, b, t0, t1, gradientSample);
        avx2::accumulateKernelGradient(l, b, t1 - t0, t0 > 0, dm);
    }
    double m[kElements];
    for (int f = 0; f < s.F; ++f)
        for (int c = 0; c < s.C; ++c) {
            for (int xi = 0; xi < kElements; ++xi) m[xi] = dm[xi * dmMatrix + int64_t(c) * l.F8 + f];
            untransformKernelGradient(m, dw + (int64_t(f) * s.C + c) * 9);
        }
}

}  // namespace cs
