// The AVX-512 steps of the Winograd passes (layers/winograd_tiles.h): a strip is up to 15 tiles
// of one tile row, read as two 16-float loads a row, or two rows of a narrow map; products
// through the 8 x 32 sgemm register tile. Every function carries CS_TARGET_AVX512 and runs only
// when cpuLevel() is Avx512.
#include <immintrin.h>

#include "core/sgemm_kernel.h"
#include "layers/winograd_tiles.h"

namespace cs::winograd::avx512 {

namespace {

constexpr int kPanel = gemm::avx512::NR;        // tiles per packed panel (the product's columns)
constexpr int kFilterPanel = gemm::avx512::MR;  // filters per packed panel (the product's rows)
static_assert(kPanel == kAvx512Layout.panel && kFilterPanel == kAvx512Layout.filterPanel);

CS_TARGET_AVX512 inline __mmask16 firstLanes(int n) {
    return static_cast<__mmask16>(n >= 16 ? 0xFFFF : n <= 0 ? 0 : (1u << n) - 1);
}

// Sample n's planes copied into `padded` (C x padH x rowStride) at (padTop, padLeft), zero
// around them; input beyond what the tiles read is left out.
CS_TARGET_AVX512 inline void padSample(const float* in, const WinogradShape& s, const Tiling& t, float* padded) {
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

// A dy A^T, the adjoint of outputTransform without bias: the 2x2 output-gradient tiles of one
// strip of one filter (rows read as outputTransform writes them, zero past the output) into
// g[xi], tile k in lane k.
CS_TARGET_AVX512 inline void gradientTransform(const float* a, const float* b, int rowsA, int rowsB, __mmask16 maskA,
                                               __mmask16 maskB, int OW, const StripLanes& l, __m512 g[16]) {
    __m512 y[2][2];  // y[i][j]: element (i, j) of every tile
    for (int i = 0; i < 2; ++i) {
        const __m512 lo = i < rowsA ? _mm512_maskz_loadu_ps(maskA, a + int64_t(i) * OW) : _mm512_setzero_ps();
        const __m512 hi = i < rowsB ? _mm512_maskz_loadu_ps(maskB, b + int64_t(i) * OW) : _mm512_setzero_ps();
        y[i][0] = _mm512_permutex2var_ps(lo, l.pick[0], hi);
        y[i][1] = _mm512_permutex2var_ps(lo, l.pick[1], hi);
    }
    for (int j = 0; j < 2; ++j) {  // A dy: rows y0, y0 + y1, y0 - y1, -y1; then the same on columns
        const __m512 r[4] = {y[0][j], _mm512_add_ps(y[0][j], y[1][j]), _mm512_sub_ps(y[0][j], y[1][j]),
                             _mm512_sub_ps(_mm512_setzero_ps(), y[1][j])};
        for (int i = 0; i < 4; ++i) g[i * 4 + j] = r[i];  // columns 0 and 1 of A dy, for now
    }
    for (int i = 0; i < 4; ++i) {
        const __m512 p = g[i * 4], q = g[i * 4 + 1];
        g[i * 4 + 0] = p;
        g[i * 4 + 1] = _mm512_add_ps(p, q);
        g[i * 4 + 2] = _mm512_sub_ps(p, q);
        g[i * 4 + 3] = _mm512_sub_ps(_mm512_setzero_ps(), q);
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

}  // namespace

// Full-width stores: the next strip, or the row's slack, takes the lanes past a strip.
CS_TARGET_AVX512 void transformInputs(const float* in, const WinogradShape& s, const Pass& p, int u0, int u1,
                                      int& paddedSample) {
    const Tiling& t = p.t;
    const StripLanes segLanes = segmentLanes(), twoRowLanes = pairLanes(t.tilesW);
    // Locals, not p's members: the stores below could alias them, so they would be reloaded.
    const int64_t plane = int64_t(t.padH) * t.rowStride, inSample = int64_t(s.C) * s.H * s.W;
    const int64_t tileMatrix = p.tileMatrix, ld = t.ld;
    Strip st;
    for (StripWalk walk(t, u0, u1); walk.next(st);) {
        const int n = st.unit / t.tilesH, ty = st.unit % t.tilesH;
        if (n != paddedSample) padSample(in + n * inSample, s, t, p.b.padded), paddedSample = n;
        const StripLanes& l = st.rows == 2 ? twoRowLanes : segLanes;
        const float* a = p.b.padded + int64_t(2 * ty) * t.rowStride + 2 * st.first;
        const int64_t toB = st.rows == 2 ? 2 * t.rowStride : 16;
        float* dst = p.b.tiles + (st.unit - u0) * t.tilesW + st.first;
        for (int c = 0; c < s.C; ++c, a += plane, dst += ld) {
            __m512 v[16];
            inputTransform(a, a + toB, t.rowStride, l, v);
            for (int xi = 0; xi < 16; ++xi) _mm512_storeu_ps(dst + xi * tileMatrix, v[xi]);
        }
    }
}

CS_TARGET_AVX512 void multiply(const WinogradShape& s, const Pass& p, const float* u, int blockTiles) {
    const Tiling& t = p.t;
    const int C = s.C, F = s.F, panels = (blockTiles + kPanel - 1) / kPanel;
    // The last panel's unused columns are read by the products: keep them finite.
    if (const int used = blockTiles % kPanel; used != 0) {
        const __mmask16 lo = static_cast<__mmask16>(~firstLanes(used));
        const __mmask16 hi = static_cast<__mmask16>(~firstLanes(used - 16));
        for (int xi = 0; xi < 16; ++xi)
            for (int c = 0; c < C; ++c) {
                float* r = p.b.tiles + xi * p.tileMatrix + c * t.ld + int64_t(panels - 1) * kPanel;
                _mm512_mask_storeu_ps(r, lo, _mm512_setzero_ps());
                _mm512_mask_storeu_ps(r + 16, hi, _mm512_setzero_ps());
            }
    }
    // Sixteen products, one per element: filters x channels times channels x tiles.
    for (int xi = 0; xi < 16; ++xi)
        for (int q = 0; q < panels; ++q) {
            __mmask16 m0, m1;
            gemm::avx512::columnMasks(std::min(kPanel, blockTiles - q * kPanel), m0, m1);
            const float* bp = p.b.tiles + xi * p.tileMatrix + q * kPanel;
            for (int fp = 0; fp < t.filterPanels; ++fp) {
                const float* ap = u + (int64_t(xi) * t.filterPanels + fp) * C * kFilterPanel;
                float* c = p.b.second + xi * p.secondMatrix + fp * kFilterPanel * t.ld + q * kPanel;
                gemm::avx512::kernel(C, ap, bp, c, t.ld, false, std::min(kFilterPanel, F - fp * kFilterPanel), m0, m1,
                                     nullptr, false, t.ld);
            }
        }
}

CS_TARGET_AVX512 void transformOutputs(const WinogradShape& s, const Pass& p, int u0, int u1, const float* bias,
                                       bool relu, float* out) {
    const Tiling& t = p.t;
    const int64_t ld = t.ld, secondMatrix = p.secondMatrix, outPlane = p.outPlane;  // locals: see transformInputs
    const int F = s.F;
    const StripLanes segLanes = segmentLanes(), twoRowLanes = pairLanes(t.tilesW);
    Strip st;
    for (StripWalk walk(t, u0, u1); walk.next(st);) {
        const StripLanes& l = st.rows == 2 ? twoRowLanes : segLanes;
        const __mmask16 lanes = firstLanes(st.count);
        StripOutput o = stripRows(st, t, s, out + int64_t(st.unit / t.tilesH) * F * outPlane);
        const float* mf = p.b.second + (st.unit - u0) * t.tilesW + st.first;
        for (int f = 0; f < F; ++f, mf += ld, o.a += outPlane, o.b += outPlane) {
            __m512 m[16];
            for (int xi = 0; xi < 16; ++xi) m[xi] = _mm512_maskz_loadu_ps(lanes, mf + xi * secondMatrix);
            outputTransform(m, _mm512_set1_ps(bias ? bias[f] : 0.f), relu, l, o, s.OW);
        }
    }
}

CS_TARGET_AVX512 void transformGradients(const WinogradShape& s, const Pass& p, int u0, int u1, const float* dy) {
    const Tiling& t = p.t;
    const int64_t ld = t.ld, secondMatrix = p.secondMatrix, outPlane = p.outPlane;  // locals: see transformInputs
    const int F = s.F;
    const StripLanes segLanes = segmentLanes(), twoRowLanes = pairLanes(t.tilesW);
    Strip st;
    for (StripWalk walk(t, u0, u1); walk.next(st);) {
        const StripLanes& l = st.rows == 2 ? twoRowLanes : segLanes;
        StripOutput o = stripRows(st, t, s, const_cast<float*>(dy) + int64_t(st.unit / t.tilesH) * F * outPlane);
        float* dst = p.b.second + (st.unit - u0) * t.tilesW + st.first;
        for (int f = 0; f < F; ++f, o.a += outPlane, o.b += outPlane, dst += ld) {
            __m512 g[16];
            gradientTransform(o.a, o.b, o.rowsA, o.rowsB, o.maskA, o.maskB, s.OW, l, g);
            for (int xi = 0; xi < 16; ++xi) _mm512_storeu_ps(dst + xi * secondMatrix, g[xi]);
        }
    }
}

}  // namespace cs::winograd::avx512
