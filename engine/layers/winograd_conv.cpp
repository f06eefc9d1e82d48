#include "layers/winograd_conv.h"

#include <immintrin.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "core/cpu_features.h"
#include "core/sgemm_kernel.h"

namespace cs {

namespace {

constexpr int kTileRowSegment = 15;             // tiles transformed together: a 32-float row spans 15 tiles
constexpr int kPanel = gemm::avx512::NR;        // tiles per packed panel (the product's columns)
constexpr int kFilterPanel = gemm::avx512::MR;  // filters per packed panel (the product's rows)
// The transformed tiles and products of one block stay within about this much of the L2 cache.
constexpr int64_t kBlockBytes = int64_t(512) << 10;

int64_t roundUp16(int64_t n) { return (n + 15) & ~int64_t(15); }

// The tiling of one correlation, derived from its shape.
struct Tiling {
    int tilesH, tilesW, segments;
    int padH, rowStride;  // the padded input plane: rows, and floats per row
    int unitsPerBlock;    // tile rows (one sample's row of tiles) per block
    int64_t ld;           // floats per row of a block's tile and product matrices (whole panels)
    int filterPanels;
    explicit Tiling(const WinogradShape& s) {
        tilesH = (s.OH + 1) / 2;
        tilesW = (s.OW + 1) / 2;
        segments = (tilesW + kTileRowSegment - 1) / kTileRowSegment;
        padH = 2 * tilesH + 2;
        // A segment's two 16-float loads stay inside a row; whole vectors clear it.
        rowStride = static_cast<int>(roundUp16(2 * kTileRowSegment * segments + 2));
        const int64_t blockTiles = std::max<int64_t>(kPanel, kBlockBytes / (64 * int64_t(s.C + s.F)));
        unitsPerBlock = static_cast<int>(std::max<int64_t>(1, blockTiles / tilesW));
        ld = (int64_t(unitsPerBlock) * tilesW + 16 + kPanel - 1) / kPanel * kPanel;  // +16: full-width stores
        filterPanels = (s.F + kFilterPanel - 1) / kFilterPanel;
    }
    int64_t paddedFloats(const WinogradShape& s) const { return roundUp16(int64_t(s.C) * padH * rowStride); }
    int64_t tileFloats(const WinogradShape& s) const { return int64_t(16) * s.C * ld; }
    int64_t productFloats(const WinogradShape& s) const { return int64_t(16) * s.F * ld; }
};

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

namespace avx512 {

CS_TARGET_AVX512 inline __mmask16 firstLanes(int n) {
    return static_cast<__mmask16>(n >= 16 ? 0xFFFF : n <= 0 ? 0 : (1u << n) - 1);
}

// Sample n's planes copied into `padded` (C x padH x rowStride) at (padTop, padLeft), zero
// around them; input beyond what the tiles read is left out.
CS_TARGET_AVX512 void padSample(const float* in, const WinogradShape& s, const Tiling& t, float* padded) {
    const int cols = std::min(s.W, t.rowStride - s.padLeft);
    for (int c = 0; c < s.C; ++c)
        for (int r = 0; r < t.padH; ++r, padded += t.rowStride) {
            for (int x = 0; x < t.rowStride; x += 16) _mm512_storeu_ps(padded + x, _mm512_setzero_ps());
            const int h = r - s.padTop;
            if (h < 0 || h >= s.H) continue;
            const float* src = in + (int64_t(c) * s.H + h) * s.W;
            for (int x = 0; x < cols; x += 16) {
                const __mmask16 m = firstLanes(cols - x);
                _mm512_mask_storeu_ps(padded + s.padLeft + x, m, _mm512_maskz_loadu_ps(m, src + x));
            }
        }
}

// The tiles one vector holds (a strip): a segment of up to 15 tiles of one tile row, or, when a
// row has 7 tiles or fewer, two consecutive tile rows of one sample (lanes [0, tilesW) the
// first, [tilesW, 2 tilesW) the second), so that narrow images fill the lanes too.
struct Strip {
    int rows;   // tile rows: 1 or 2
    int first;  // first tile of the segment within its row (0 for two rows)
    int count;  // tiles (lanes) in the strip
};

// The lane permutations of one kind of strip: pick[j] gathers column j of every tile from the
// two 16-float loads; lo and hi interleave an output row's even and odd columns.
struct StripLanes {
    __m512i pick[4];
    __m512i lo, hi;
};

CS_TARGET_AVX512 inline StripLanes segmentLanes() {
    StripLanes l;
    for (int j = 0; j < 4; ++j)  // tile k's columns 2k + j of the 32 floats (lane 15 unused)
        l.pick[j] = _mm512_add_epi32(_mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30),
                                     _mm512_set1_epi32(j));
    l.lo = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    l.hi = _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
    return l;
}

CS_TARGET_AVX512 inline StripLanes pairLanes(int tilesW) {
    alignas(64) int32_t pick[4][16], lo[16], hi[16];
    for (int k = 0; k < 16; ++k) {
        const bool second = k >= tilesW && k < 2 * tilesW;  // the second tile row's lanes
        for (int j = 0; j < 4; ++j) pick[j][k] = second ? 16 + 2 * (k - tilesW) + j : (2 * k + j) & 15;
        const int tile = k / 2, odd = k % 2;  // output column k of a row: tile k / 2, column parity
        lo[k] = odd * 16 + std::min(tile, 15);
        hi[k] = odd * 16 + std::min(tilesW + tile, 15);
    }
    StripLanes l;
    for (int j = 0; j < 4; ++j) l.pick[j] = _mm512_load_si512(pick[j]);
    l.lo = _mm512_load_si512(lo);
    l.hi = _mm512_load_si512(hi);
    return l;
}

// B^T d B for the tiles of one strip of one channel: v[xi] holds transformed element xi
// (4 * row + column) of the strip's tile k in lane k. Row i of the tiles is read as 16 floats at
// a + i * rowStride and 16 at b + i * rowStride.
CS_TARGET_AVX512 inline void inputTransform(const float* a, const float* b, int rowStride, const StripLanes& l,
                                            __m512 v[16]) {
    __m512 d[4][4];
    for (int i = 0; i < 4; ++i, a += rowStride, b += rowStride) {
        const __m512 lo = _mm512_loadu_ps(a), hi = _mm512_loadu_ps(b);
        for (int j = 0; j < 4; ++j) d[i][j] = _mm512_permutex2var_ps(lo, l.pick[j], hi);
    }
    for (int j = 0; j < 4; ++j) {  // B^T d: combine rows
        const __m512 t0 = _mm512_sub_ps(d[0][j], d[2][j]), t1 = _mm512_add_ps(d[1][j], d[2][j]);
        const __m512 t2 = _mm512_sub_ps(d[2][j], d[1][j]), t3 = _mm512_sub_ps(d[1][j], d[3][j]);
        d[0][j] = t0, d[1][j] = t1, d[2][j] = t2, d[3][j] = t3;
    }
    for (int i = 0; i < 4; ++i) {  // (B^T d) B: combine columns
        v[i * 4 + 0] = _mm512_sub_ps(d[i][0], d[i][2]);
        v[i * 4 + 1] = _mm512_add_ps(d[i][1], d[i][2]);
        v[i * 4 + 2] = _mm512_sub_ps(d[i][2], d[i][1]);
        v[i * 4 + 3] = _mm512_sub_ps(d[i][1], d[i][3]);
    }
}

// Where a strip's output goes: l.lo's interleaving to `a` (rows rowsA, masked by maskA), l.hi's
// to `b`: for a segment, b continues a's row 16 columns on; for two tile rows, b is the second
// one's first output row.
struct StripOutput {
    float* a;
    float* b;
    int rowsA, rowsB;
    __mmask16 maskA, maskB;
};

// A^T m A for the tiles of one strip (m[xi] as inputTransform's v), plus bias, ReLU, stored.
CS_TARGET_AVX512 inline void outputTransform(const __m512 m[16], __m512 bias, bool relu, const StripLanes& l,
                                             const StripOutput& o, int OW) {
    __m512 s[2][4];
    for (int j = 0; j < 4; ++j) {
        s[0][j] = _mm512_add_ps(_mm512_add_ps(m[j], m[4 + j]), m[8 + j]);
        s[1][j] = _mm512_sub_ps(_mm512_sub_ps(m[4 + j], m[8 + j]), m[12 + j]);
    }
    for (int i = 0; i < 2; ++i) {
        __m512 y0 = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(s[i][0], s[i][1]), s[i][2]), bias);
        __m512 y1 = _mm512_add_ps(_mm512_sub_ps(_mm512_sub_ps(s[i][1], s[i][2]), s[i][3]), bias);
        if (relu) {
            y0 = _mm512_max_ps(y0, _mm512_setzero_ps());
            y1 = _mm512_max_ps(y1, _mm512_setzero_ps());
        }
        // Output column 2k + j of a tile row is y_j's lane k.
        if (i < o.rowsA) _mm512_mask_storeu_ps(o.a + int64_t(i) * OW, o.maskA, _mm512_permutex2var_ps(y0, l.lo, y1));
        if (i < o.rowsB) _mm512_mask_storeu_ps(o.b + int64_t(i) * OW, o.maskB, _mm512_permutex2var_ps(y0, l.hi, y1));
    }
}

CS_TARGET_AVX512 void convolve(const float* in, int N, const WinogradShape& s, const float* u, const float* bias,
                               bool relu, float* out, float* scratch) {
    const Tiling t(s);
    const int C = s.C, F = s.F, OH = s.OH, OW = s.OW, tilesH = t.tilesH, tilesW = t.tilesW;
    const int segments = t.segments, rowStride = t.rowStride, filterPanels = t.filterPanels;
    const int64_t ld = t.ld;
    const bool pairs = 2 * tilesW <= 15;
    const StripLanes segLanes = segmentLanes(), twoRowLanes = pairLanes(tilesW);
    float* padded = scratch;
    // Element xi's tiles: C rows of `ld` tiles; its products: F rows of `ld` tiles.
    float* tiles = padded + t.paddedFloats(s);
    float* products = tiles + t.tileFloats(s);
    const int64_t plane = int64_t(t.padH) * rowStride, inSample = int64_t(C) * s.H * s.W;
    const int64_t outPlane = int64_t(OH) * OW, tileMatrix = int64_t(C) * ld, productMatrix = int64_t(F) * ld;
    const int units = N * tilesH;
    // The strips of a block, in tile order: calls f(unit, strip, lanes) for each.
    auto forEachStrip = [&](int u0, int u1, auto&& f) {
        for (int unit = u0; unit < u1;) {
            const int ty = unit % tilesH;
            if (pairs && unit + 1 < u1 && ty + 1 < tilesH) {
                f(unit, Strip{2, 0, 2 * tilesW}, twoRowLanes);
                unit += 2;
                continue;
            }
            for (int seg = 0; seg < segments; ++seg) {
                const int first = seg * kTileRowSegment;
                f(unit, Strip{1, first, std::min(kTileRowSegment, tilesW - first)}, segLanes);
            }
            ++unit;
        }
    };
    int paddedSample = -1;
    for (int u0 = 0; u0 < units; u0 += t.unitsPerBlock) {
        const int u1 = std::min(units, u0 + t.unitsPerBlock);
        const int blockTiles = (u1 - u0) * tilesW, panels = (blockTiles + kPanel - 1) / kPanel;
        // 1. Transform the block's input tiles (full-width stores: the next strip, or the row's
        // slack, takes the lanes past the strip).
        forEachStrip(u0, u1, [&](int unit, const Strip& st, const StripLanes& l) {
            const int n = unit / tilesH, ty = unit % tilesH;
            if (n != paddedSample) padSample(in + n * inSample, s, t, padded), paddedSample = n;
            const float* a = padded + int64_t(2 * ty) * rowStride + 2 * st.first;
            const int64_t toB = st.rows == 2 ? 2 * rowStride : 16;
            float* dst = tiles + (unit - u0) * tilesW + st.first;
            for (int c = 0; c < C; ++c, a += plane, dst += ld) {
                __m512 v[16];
                inputTransform(a, a + toB, rowStride, l, v);
                for (int xi = 0; xi < 16; ++xi) _mm512_storeu_ps(dst + xi * tileMatrix, v[xi]);
            }
        });
        // The last panel's unused columns are read by the products: keep them finite.
        if (const int used = blockTiles % kPanel; used != 0) {
            const __mmask16 lo = static_cast<__mmask16>(~firstLanes(used));
            const __mmask16 hi = static_cast<__mmask16>(~firstLanes(used - 16));
            for (int64_t row = 0; row < 16 * int64_t(C); ++row) {
                float* p = tiles + row * ld + int64_t(panels - 1) * kPanel;
                _mm512_mask_storeu_ps(p, lo, _mm512_setzero_ps());
                _mm512_mask_storeu_ps(p + 16, hi, _mm512_setzero_ps());
            }
        }
        // 2. Sixteen products, one per element: filters x channels times channels x tiles.
        for (int xi = 0; xi < 16; ++xi)
            for (int p = 0; p < panels; ++p) {
                __mmask16 m0, m1;
                gemm::avx512::columnMasks(std::min(kPanel, blockTiles - p * kPanel), m0, m1);
                const float* bp = tiles + xi * tileMatrix + p * kPanel;
                for (int fp = 0; fp < filterPanels; ++fp) {
                    const float* ap = u + (int64_t(xi) * filterPanels + fp) * C * kFilterPanel;
                    float* c = products + xi * productMatrix + fp * kFilterPanel * ld + p * kPanel;
                    gemm::avx512::kernel(C, ap, bp, c, ld, false, std::min(kFilterPanel, F - fp * kFilterPanel), m0, m1,
                                         nullptr, false, ld);
                }
            }
        // 3. Transform the products back into output tiles.
        forEachStrip(u0, u1, [&](int unit, const Strip& st, const StripLanes& l) {
            const int n = unit / tilesH, ty = unit % tilesH;
            const __mmask16 lanes = firstLanes(st.count);
            StripOutput o;
            o.a = out + int64_t(n) * F * outPlane + int64_t(2 * ty) * OW + 2 * st.first;
            o.rowsA = std::min(2, OH - 2 * ty);
            if (st.rows == 2) {
                o.b = o.a + 2 * OW;
                o.rowsB = std::min(2, OH - 2 * ty - 2);
                o.maskA = o.maskB = firstLanes(OW);
            } else {
                const int columns = std::min(2 * st.count, OW - 2 * st.first);
                o.b = o.a + 16;
                o.rowsB = o.rowsA;
                o.maskA = firstLanes(columns);
                o.maskB = firstLanes(columns - 16);
            }
            const float* mf = products + (unit - u0) * tilesW + st.first;
            for (int f = 0; f < F; ++f, mf += ld, o.a += outPlane, o.b += outPlane) {
                __m512 m[16];
                for (int xi = 0; xi < 16; ++xi) m[xi] = _mm512_maskz_loadu_ps(lanes, mf + xi * productMatrix);
                outputTransform(m, _mm512_set1_ps(bias ? bias[f] : 0.f), relu, l, o, OW);
            }
        });
    }
}

}  // namespace avx512

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
    avx512::convolve(in, N, s, u, bias, relu, out, scratch);
}

}  // namespace cs
