#include "layers/winograd_conv.h"

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "core/sgemm.h"
#include "layers/winograd_tiles.h"

namespace cs {

using namespace winograd;

namespace {

// G g G^T for one 3x3 kernel g (row-major): the 4x4 transformed kernel.
void transformKernel(const float g[9], float out[16]) {
    float gg[4][3];  // G g
    for (int j = 0; j < 3; ++j) {
        gg[0][j] = g[j];
        gg[1][j] = 0.5f * (g[j] + g[3 + j] + g[6 + j]);
        gg[2][j] = 0.5f * (g[j] - g[3 + j] + g[6 + j]);
        gg[3][j] = g[6 + j];
    }
    for (int i = 0; i < 4; ++i) {
        out[i * 4 + 0] = gg[i][0];
        out[i * 4 + 1] = 0.5f * (gg[i][0] + gg[i][1] + gg[i][2]);
        out[i * 4 + 2] = 0.5f * (gg[i][0] - gg[i][1] + gg[i][2]);
        out[i * 4 + 3] = gg[i][2];
    }
}

// G^T m G for one 4x4 gradient m: the 3x3 kernel gradient (the adjoint of transformKernel).
void untransformKernelGradient(const float m[16], float out[9]) {
    float gm[3][4];  // G^T m
    for (int j = 0; j < 4; ++j) {
        gm[0][j] = m[j] + 0.5f * (m[4 + j] + m[8 + j]);
        gm[1][j] = 0.5f * (m[4 + j] - m[8 + j]);
        gm[2][j] = 0.5f * (m[4 + j] + m[8 + j]) + m[12 + j];
    }
    for (int i = 0; i < 3; ++i) {
        out[i * 3 + 0] = gm[i][0] + 0.5f * (gm[i][1] + gm[i][2]);
        out[i * 3 + 1] = 0.5f * (gm[i][1] - gm[i][2]);
        out[i * 3 + 2] = 0.5f * (gm[i][1] + gm[i][2]) + gm[i][3];
    }
}

namespace passes::avx512 {

using namespace winograd::avx512;

// Scratch of one pass: the padded sample, then element xi's transformed input tiles (C rows of
// `ld` tiles each), then its products or output-gradient tiles (F rows of `ld`).
struct Buffers {
    float* padded;
    float* tiles;
    float* second;
    Buffers(const WinogradShape& s, const Tiling& t, float* scratch)
        : padded(scratch), tiles(scratch + t.paddedFloats(s)), second(tiles + t.tileFloats(s)) {}
};

// What both passes derive from the shape: the tiling, the scratch, and the matrices' strides.
struct Pass {
    Tiling t;
    Buffers b;
    int64_t tileMatrix, secondMatrix, outPlane;  // floats per element's tile / product matrix; per output plane
    Pass(const WinogradShape& s, float* scratch)
        : t(s),
          b(s, t, scratch),
          tileMatrix(int64_t(s.C) * t.ld),
          secondMatrix(int64_t(s.F) * t.ld),
          outPlane(int64_t(s.OH) * s.OW) {}
};

// Step 1 of both passes: B^T d B of the input tiles of tile rows [u0, u1) into b.tiles (full-width
// stores: the next strip, or the row's slack, takes the lanes past a strip). `paddedSample`
// remembers which sample b.padded holds.
CS_TARGET_AVX512 void transformInputs(const float* in, const WinogradShape& s, const Tiling& t, int u0, int u1,
                                      const Buffers& b, int& paddedSample) {
    const StripLanes segLanes = segmentLanes(), twoRowLanes = pairLanes(t.tilesW);
    const int64_t plane = int64_t(t.padH) * t.rowStride, inSample = int64_t(s.C) * s.H * s.W;
    const int64_t tileMatrix = int64_t(s.C) * t.ld;
    Strip st;
    for (StripWalk walk(t, u0, u1); walk.next(st);) {
        const int n = st.unit / t.tilesH, ty = st.unit % t.tilesH;
        if (n != paddedSample) padSample(in + n * inSample, s, t, b.padded), paddedSample = n;
        const StripLanes& l = st.rows == 2 ? twoRowLanes : segLanes;
        const float* a = b.padded + int64_t(2 * ty) * t.rowStride + 2 * st.first;
        const int64_t toB = st.rows == 2 ? 2 * t.rowStride : 16;
        float* dst = b.tiles + (st.unit - u0) * t.tilesW + st.first;
        for (int c = 0; c < s.C; ++c, a += plane, dst += t.ld) {
            __m512 v[16];
            inputTransform(a, a + toB, t.rowStride, l, v);
            for (int xi = 0; xi < 16; ++xi) _mm512_storeu_ps(dst + xi * tileMatrix, v[xi]);
        }
    }
}

// Where the output rows of a strip are (outputTransform writes them, gradientTransform reads).
CS_TARGET_AVX512 inline StripOutput stripRows(const Strip& st, const Tiling& t, const WinogradShape& s, float* plane0) {
    const int ty = st.unit % t.tilesH;
    StripOutput o;
    o.a = plane0 + int64_t(2 * ty) * s.OW + 2 * st.first;
    o.rowsA = std::min(2, s.OH - 2 * ty);
    if (st.rows == 2) {
        o.b = o.a + 2 * s.OW;
        o.rowsB = std::min(2, s.OH - 2 * ty - 2);
        o.maskA = o.maskB = firstLanes(s.OW);
    } else {
        const int columns = std::min(2 * st.count, s.OW - 2 * st.first);
        o.b = o.a + 16;
        o.rowsB = o.rowsA;
        o.maskA = firstLanes(columns);
        o.maskB = firstLanes(columns - 16);
    }
    return o;
}

CS_TARGET_AVX512 void convolve(const float* in, int N, const WinogradShape& s, const float* u, const float* bias,
                               bool relu, float* out, float* scratch) {
    const Pass pass(s, scratch);
    const Tiling& t = pass.t;
    const Buffers& b = pass.b;
    const int C = s.C, F = s.F;
    const int64_t ld = t.ld, tileMatrix = pass.tileMatrix, productMatrix = pass.secondMatrix, outPlane = pass.outPlane;
    const StripLanes segLanes = segmentLanes(), twoRowLanes = pairLanes(t.tilesW);
    int paddedSample = -1;
    for (int u0 = 0, units = N * t.tilesH; u0 < units; u0 += t.unitsPerBlock) {
        const int u1 = std::min(units, u0 + t.unitsPerBlock);
        const int blockTiles = (u1 - u0) * t.tilesW, panels = (blockTiles + kPanel - 1) / kPanel;
        transformInputs(in, s, t, u0, u1, b, paddedSample);
        // The last panel's unused columns are read by the products: keep them finite.
        if (const int used = blockTiles % kPanel; used != 0) {
            const __mmask16 lo = static_cast<__mmask16>(~firstLanes(used));
            const __mmask16 hi = static_cast<__mmask16>(~firstLanes(used - 16));
            for (int64_t row = 0; row < 16 * int64_t(C); ++row) {
                float* p = b.tiles + row * ld + int64_t(panels - 1) * kPanel;
                _mm512_mask_storeu_ps(p, lo, _mm512_setzero_ps());
                _mm512_mask_storeu_ps(p + 16, hi, _mm512_setzero_ps());
            }
        }
        // Sixteen products, one per element: filters x channels times channels x tiles.
        for (int xi = 0; xi < 16; ++xi)
            for (int p = 0; p < panels; ++p) {
                __mmask16 m0, m1;
                gemm::avx512::columnMasks(std::min(kPanel, blockTiles - p * kPanel), m0, m1);
                const float* bp = b.tiles + xi * tileMatrix + p * kPanel;
                for (int fp = 0; fp < t.filterPanels; ++fp) {
                    const float* ap = u + (int64_t(xi) * t.filterPanels + fp) * C * kFilterPanel;
                    float* c = b.second + xi * productMatrix + fp * kFilterPanel * ld + p * kPanel;
                    gemm::avx512::kernel(C, ap, bp, c, ld, false, std::min(kFilterPanel, F - fp * kFilterPanel), m0, m1,
                                         nullptr, false, ld);
                }
            }
        // A^T m A of the products into the output tiles.
        Strip st;
        for (StripWalk walk(t, u0, u1); walk.next(st);) {
            const StripLanes& l = st.rows == 2 ? twoRowLanes : segLanes;
            const __mmask16 lanes = firstLanes(st.count);
            StripOutput o = stripRows(st, t, s, out + int64_t(st.unit / t.tilesH) * F * outPlane);
            const float* mf = b.second + (st.unit - u0) * t.tilesW + st.first;
            for (int f = 0; f < F; ++f, mf += ld, o.a += outPlane, o.b += outPlane) {
                __m512 m[16];
                for (int xi = 0; xi < 16; ++xi) m[xi] = _mm512_maskz_loadu_ps(lanes, mf + xi * productMatrix);
                outputTransform(m, _mm512_set1_ps(bias ? bias[f] : 0.f), relu, l, o, s.OW);
            }
        }
    }
}

// dm (16 x F x C): the gradient of the transformed kernel, the sum over every tile of
// (A dy A^T) times (B^T d B), one product per element.
CS_TARGET_AVX512 void kernelGradient(const float* in, const float* dy, int N, const WinogradShape& s, float* dm,
                                     float* scratch) {
    const Pass pass(s, scratch);
    const Tiling& t = pass.t;
    const Buffers& b = pass.b;
    const int C = s.C, F = s.F;
    const int64_t ld = t.ld, tileMatrix = pass.tileMatrix, gradMatrix = pass.secondMatrix, outPlane = pass.outPlane;
    const StripLanes segLanes = segmentLanes(), twoRowLanes = pairLanes(t.tilesW);
    int paddedSample = -1;
    for (int u0 = 0, units = N * t.tilesH; u0 < units; u0 += t.unitsPerBlock) {
        const int u1 = std::min(units, u0 + t.unitsPerBlock);
        const int blockTiles = (u1 - u0) * t.tilesW;
        transformInputs(in, s, t, u0, u1, b, paddedSample);
        Strip st;
        for (StripWalk walk(t, u0, u1); walk.next(st);) {
            const StripLanes& l = st.rows == 2 ? twoRowLanes : segLanes;
            StripOutput o = stripRows(st, t, s, const_cast<float*>(dy) + int64_t(st.unit / t.tilesH) * F * outPlane);
            float* dst = b.second + (st.unit - u0) * t.tilesW + st.first;
            for (int f = 0; f < F; ++f, o.a += outPlane, o.b += outPlane, dst += ld) {
                __m512 g[16];
                gradientTransform(o.a, o.b, o.rowsA, o.rowsB, o.maskA, o.maskB, s.OW, l, g);
                for (int xi = 0; xi < 16; ++xi) _mm512_storeu_ps(dst + xi * gradMatrix, g[xi]);
            }
        }
        for (int xi = 0; xi < 16; ++xi)  // dm_xi (F x C) += grads_xi (F x tiles) * tiles_xi^T
            sgemm(F, C, blockTiles, {b.second + xi * gradMatrix, ld}, {b.tiles + xi * tileMatrix, ld, true},
                  dm + int64_t(xi) * F * C, C, u0 > 0);
    }
}

}  // namespace passes::avx512

}  // namespace

WinogradShape WinogradShape::forward(const WindowGeometry& g, int filters) {
    return {g.channels, g.inH, g.inW, filters, g.outH, g.outW, g.padTop, g.padLeft};
}

WinogradShape WinogradShape::inputGradient(const WindowGeometry& g, int filters) {
    // dx(h, w) = sum of dy(h + padTop - i, w + padLeft - j) w(i, j): a correlation of dy, padded
    // by 2 - pad, with the kernel rotated by 180 degrees.
    return {filters, g.outH, g.outW, g.channels, g.inH, g.inW, 2 - g.padTop, 2 - g.padLeft};
}

bool winogradAvailable() {
    static const bool off = [] {
        const char* v = std::getenv("CONVSTUDIO_WINOGRAD");
        return v && std::string_view(v) == "off";
    }();
    return !off && cpuLevel() == CpuLevel::Avx512;
}

bool winogradApplies(const WindowGeometry& g, int groups) {
    if (g.window != 3 || g.stride != 1 || g.dilation != 1 || groups != 1) return false;
    if (g.padTop < 0 || g.padTop > 2 || g.padLeft < 0 || g.padLeft > 2) return false;
    return winogradAvailable();
}

bool winogradPays(const WinogradShape& s, int batch) {
    const int64_t tilesH = (s.OH + 1) / 2, tilesW = (s.OW + 1) / 2;
    // The tiles' rounded-up area against the output's: 3x3 (16 computed for 9) and 5x5 (36 for 25)
    // lose more than the transform saves; 11x11 (144 for 121) and 7x7 (64 for 49) gain.
    const bool covered = 4 * tilesH * tilesW * 3 <= int64_t(s.OH) * s.OW * 4;
    return covered && s.C >= 4 && int64_t(batch) * tilesH * tilesW >= 2 * kPanel;
}

int64_t winogradKernelSize(const WinogradShape& s) { return int64_t(16) * Tiling(s).filterPanels * kFilterPanel * s.C; }

int64_t winogradScratch(const WinogradShape& s) {
    const Tiling t(s);
    return t.paddedFloats(s) + t.tileFloats(s) + t.productFloats(s);
}

void winogradKernel(const float* w, const WinogradShape& s, bool inputGradient, float* u) {
    const Tiling t(s);
    std::fill(u, u + winogradKernelSize(s), 0.f);
    float g[9], transformed[16];
    for (int f = 0; f < s.F; ++f)
        for (int c = 0; c < s.C; ++c) {
            if (inputGradient) {  // the layer's kernel (s.C x s.F x 3 x 3), rotated
                const float* src = w + (int64_t(c) * s.F + f) * 9;
                for (int k = 0; k < 9; ++k) g[k] = src[8 - k];
            } else {
                std::memcpy(g, w + (int64_t(f) * s.C + c) * 9, sizeof g);
            }
            transformKernel(g, transformed);
            // Element xi's product reads filter panel fp as C rows of kFilterPanel floats.
            const int fp = f / kFilterPanel, lane = f % kFilterPanel;
            for (int xi = 0; xi < 16; ++xi)
                u[((int64_t(xi) * t.filterPanels + fp) * s.C + c) * kFilterPanel + lane] = transformed[xi];
        }
}

void winogradConv(const float* in, int N, const WinogradShape& s, const float* u, const float* bias, bool relu,
                  float* out, float* scratch) {
    if (N <= 0) return;
    passes::avx512::convolve(in, N, s, u, bias, relu, out, scratch);
}

int64_t winogradKernelGradientScratch(const WinogradShape& s) {
    return winogradScratch(s) + roundUp16(int64_t(16) * s.F * s.C);
}

void winogradKernelGradient(const float* in, const float* dy, int N, const WinogradShape& s, float* dw,
                            float* scratch) {
    if (N <= 0) {
        std::fill(dw, dw + int64_t(s.F) * s.C * 9, 0.f);
        return;
    }
    float* dm = scratch + winogradScratch(s);
    passes::avx512::kernelGradient(in, dy, N, s, dm, scratch);
    float m[16];
    for (int f = 0; f < s.F; ++f)
        for (int c = 0; c < s.C; ++c) {
            for (int xi = 0; xi < 16; ++xi) m[xi] = dm[(int64_t(xi) * s.F + f) * s.C + c];
            untransformKernelGradient(m, dw + (int64_t(f) * s.C + c) * 9);
        }
}

}  // namespace cs
