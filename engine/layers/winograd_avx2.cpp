// The AVX2 + FMA steps of the Winograd passes (layers/winograd_tiles.h): a strip is up to 8 tiles
// of one tile row. Tile k's columns are elements 2k..2k+3 of the row, so four 8-float loads (at
// 0, 8, 2 and 10) split into even and odd elements give the four columns of eight tiles; the
// products go through the 6 x 16 sgemm register tile. Every function carries CS_TARGET_AVX2 and
// runs only when cpuLevel() is Avx2.
#include <immintrin.h>

#include "core/sgemm_kernel_avx2.h"
#include "layers/winograd_tiles.h"

namespace cs::winograd::avx2 {

namespace {

constexpr int kPanel = gemm::avx2::NR;        // tiles per packed panel (the product's columns)
constexpr int kFilterPanel = gemm::avx2::MR;  // filters per packed panel (the product's rows)
static_assert(kPanel == kAvx2Layout.panel && kFilterPanel == kAvx2Layout.filterPanel);
static_assert(kAvx2Layout.segment == 8 && !kAvx2Layout.pairs);

// Lanes [0, n) selected (for the masked loads and stores).
CS_TARGET_AVX2 inline __m256i firstLanes(int n) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

// The even and odd elements of the 16 floats lo, hi, in order.
CS_TARGET_AVX2 inline __m256 evens(__m256 lo, __m256 hi) {
    return _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0x88)), 0xD8));
}
CS_TARGET_AVX2 inline __m256 odds(__m256 lo, __m256 hi) {
    return _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0xDD)), 0xD8));
}

// Sample n's planes copied into `padded` (C x padH x rowStride) at (padTop, padLeft), zero
// around them. A row's last vector is loaded masked (never past the input) and stored whole:
// its lanes past the input are zero, and the plane has 16 floats of slack after it.
CS_TARGET_AVX2 inline void padSample(const float* in, const WinogradShape& s, const Tiling& t, float* padded) {
    const int cols = std::min(s.W, t.rowStride - s.padLeft);
    const __m256i tail = firstLanes(cols % 8);
    for (int c = 0; c < s.C; ++c)
        for (int r = 0; r < t.padH; ++r, padded += t.rowStride) {
            for (int x = 0; x < t.rowStride; x += 8) _mm256_storeu_ps(padded + x, _mm256_setzero_ps());
            const int h = r - s.padTop;
            if (h < 0 || h >= s.H) continue;
            const float* src = in + (int64_t(c) * s.H + h) * s.W;
            int x = 0;
            for (; x + 8 <= cols; x += 8) _mm256_storeu_ps(padded + s.padLeft + x, _mm256_loadu_ps(src + x));
            if (x < cols) _mm256_storeu_ps(padded + s.padLeft + x, _mm256_maskload_ps(src + x, tail));
        }
}

// B^T d B for the (up to) 8 tiles of a strip of one channel, whose first tile starts at a:
// v[xi] holds transformed element xi (4 * row + column) of tile k in lane k.
CS_TARGET_AVX2 inline void inputTransform(const float* a, int rowStride, __m256 v[16]) {
    __m256 d[4][4];
    for (int i = 0; i < 4; ++i, a += rowStride) {
        const __m256 l0 = _mm256_loadu_ps(a), h0 = _mm256_loadu_ps(a + 8);
        const __m256 l2 = _mm256_loadu_ps(a + 2), h2 = _mm256_loadu_ps(a + 10);
        d[i][0] = evens(l0, h0), d[i][1] = odds(l0, h0), d[i][2] = evens(l2, h2), d[i][3] = odds(l2, h2);
    }
    for (int j = 0; j < 4; ++j) {  // B^T d: combine rows
        const __m256 t0 = _mm256_sub_ps(d[0][j], d[2][j]), t1 = _mm256_add_ps(d[1][j], d[2][j]);
        const __m256 t2 = _mm256_sub_ps(d[2][j], d[1][j]), t3 = _mm256_sub_ps(d[1][j], d[3][j]);
        d[0][j] = t0, d[1][j] = t1, d[2][j] = t2, d[3][j] = t3;
    }
    for (int i = 0; i < 4; ++i) {  // (B^T d) B: combine columns
        v[i * 4 + 0] = _mm256_sub_ps(d[i][0], d[i][2]);
        v[i * 4 + 1] = _mm256_add_ps(d[i][1], d[i][2]);
        v[i * 4 + 2] = _mm256_sub_ps(d[i][2], d[i][1]);
        v[i * 4 + 3] = _mm256_sub_ps(d[i][1], d[i][3]);
    }
}

// Where a strip's output rows are: `rows` rows from `at`, `columns` floats each (0..16).
struct StripOutput {
    float* at;
    int rows, columns;
    __m256i maskLo, maskHi;     // the columns of the row's first and second 8 floats
    __m256i shift, fromSecond;  // the last 8 columns' lanes in the two vectors (outputTransform)
};

CS_TARGET_AVX2 inline StripOutput stripRows(const Strip& st, const Tiling& t, const WinogradShape& s, float* plane0) {
    const int ty = st.unit % t.tilesH;
    StripOutput o;
    o.at = plane0 + int64_t(2 * ty) * s.OW + 2 * st.first;
    o.rows = std::min(2, s.OH - 2 * ty);
    o.columns = std::min(2 * st.count, s.OW - 2 * st.first);
    o.maskLo = firstLanes(o.columns);
    o.maskHi = firstLanes(o.columns - 8);
    // Lane i of the last 8 columns is column columns - 8 + i: lane (i + columns) mod 8 of the
    // first vector, or of the second once i + columns - 8 reaches 8.
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    o.shift = _mm256_and_si256(_mm256_add_epi32(lane, _mm256_set1_epi32(o.columns)), _mm256_set1_epi32(7));
    o.fromSecond = _mm256_cmpgt_epi32(_mm256_add_epi32(lane, _mm256_set1_epi32(o.columns - 8)), _mm256_set1_epi32(7));
    return o;
}

// 8 floats to p, the first `n` of them (whole-vector stores where they fit: AMD's masked
// stores are slow).
CS_TARGET_AVX2 inline void storeFirst(float* p, int n, __m256i mask, __m256 v) {
    if (n >= 8)
        _mm256_storeu_ps(p, v);
    else if (n > 0)
        _mm256_maskstore_ps(p, mask, v);
}

// A^T m A for the tiles of one strip (m[xi] as inputTransform's v), plus bias, ReLU, stored.
CS_TARGET_AVX2 inline void outputTransform(const __m256 m[16], __m256 bias, bool relu, const StripOutput& o, int OW) {
    __m256 s[2][4];
    for (int j = 0; j < 4; ++j) {
        s[0][j] = _mm256_add_ps(_mm256_add_ps(m[j], m[4 + j]), m[8 + j]);
        s[1][j] = _mm256_sub_ps(_mm256_sub_ps(m[4 + j], m[8 + j]), m[12 + j]);
    }
    for (int i = 0; i < o.rows; ++i) {
        __m256 y0 = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(s[i][0], s[i][1]), s[i][2]), bias);
        __m256 y1 = _mm256_add_ps(_mm256_sub_ps(_mm256_sub_ps(s[i][1], s[i][2]), s[i][3]), bias);
        if (relu) {
            y0 = _mm256_max_ps(y0, _mm256_setzero_ps());
            y1 = _mm256_max_ps(y1, _mm256_setzero_ps());
        }
        // Output column 2k + j of a tile row is y_j's lane k: interleave, then put the halves in order.
        const __m256 lo = _mm256_unpacklo_ps(y0, y1), hi = _mm256_unpackhi_ps(y0, y1);
        float* row = o.at + int64_t(i) * OW;
        const __m256 first = _mm256_permute2f128_ps(lo, hi, 0x20), second = _mm256_permute2f128_ps(lo, hi, 0x31);
        storeFirst(row, o.columns, o.maskLo, first);
        if (o.columns > 8 && o.columns < 16) {
            // The last 8 columns as one whole store (columns 8 - shift.. of `first` again, the
            // same values), not a masked one.
            _mm256_storeu_ps(row + o.columns - 8, _mm256_blendv_ps(_mm256_permutevar8x32_ps(first, o.shift),
                                                                   _mm256_permutevar8x32_ps(second, o.shift),
                                                                   _mm256_castsi256_ps(o.fromSecond)));
        } else {
            storeFirst(row + 8, o.columns - 8, o.maskHi, second);
        }
    }
}

// A dy A^T, the adjoint of outputTransform without bias: the 2x2 output-gradient tiles of one
// strip of one filter (zero past the output) into g[xi], tile k in lane k.
CS_TARGET_AVX2 inline void gradientTransform(const StripOutput& o, int OW, __m256 g[16]) {
    __m256 y[2][2];  // y[i][j]: element (i, j) of every tile
    for (int i = 0; i < 2; ++i) {
        __m256 lo = _mm256_setzero_ps(), hi = _mm256_setzero_ps();
        if (i < o.rows) {
            const float* row = o.at + int64_t(i) * OW;
            lo = _mm256_maskload_ps(row, o.maskLo);
            hi = _mm256_maskload_ps(row + 8, o.maskHi);
        }
        y[i][0] = evens(lo, hi);
        y[i][1] = odds(lo, hi);
    }
    for (int j = 0; j < 2; ++j) {  // A dy: rows y0, y0 + y1, y0 - y1, -y1; then the same on columns
        const __m256 r[4] = {y[0][j], _mm256_add_ps(y[0][j], y[1][j]), _mm256_sub_ps(y[0][j], y[1][j]),
                             _mm256_sub_ps(_mm256_setzero_ps(), y[1][j])};
        for (int i = 0; i < 4; ++i) g[i * 4 + j] = r[i];  // columns 0 and 1 of A dy, for now
    }
    for (int i = 0; i < 4; ++i) {
        const __m256 p = g[i * 4], q = g[i * 4 + 1];
        g[i * 4 + 0] = p;
        g[i * 4 + 1] = _mm256_add_ps(p, q);
        g[i * 4 + 2] = _mm256_sub_ps(p, q);
        g[i * 4 + 3] = _mm256_sub_ps(_mm256_setzero_ps(), q);
    }
}

// v[xi] to p + xi * stride, one pointer stepped: with the sixteen offsets computed apart, the
// compiler kept them on the stack and reloaded one before every store.
CS_TARGET_AVX2 inline void storeElements(float* p, int64_t stride, const __m256 v[16]) {
#pragma GCC unroll 16
    for (int xi = 0; xi < 16; ++xi, p += stride) _mm256_storeu_ps(p, v[xi]);
}

}  // namespace

// Full-width stores: the next strip, or the row's slack, takes the lanes past a strip.
CS_TARGET_AVX2 void transformInputs(const float* in, const WinogradShape& s, const Pass& p, int u0, int u1,
                                    int& paddedSample) {
    const Tiling& t = p.t;
    // Locals, not p's members: the stores below could alias them, so they would be reloaded.
    const int64_t plane = int64_t(t.padH) * t.rowStride, inSample = int64_t(s.C) * s.H * s.W;
    const int64_t tileMatrix = p.tileMatrix, ld = t.ld;
    Strip st;
    for (StripWalk walk(t, u0, u1); walk.next(st);) {
        const int n = st.unit / t.tilesH, ty = st.unit % t.tilesH;
        if (n != paddedSample) padSample(in + n * inSample, s, t, p.b.padded), paddedSample = n;
        const float* a = p.b.padded + int64_t(2 * ty) * t.rowStride + 2 * st.first;
        float* dst = p.b.tiles + (st.unit - u0) * t.tilesW + st.first;
        for (int c = 0; c < s.C; ++c, a += plane, dst += ld) {
            __m256 v[16];
            inputTransform(a, t.rowStride, v);
            storeElements(dst, tileMatrix, v);
        }
    }
}

CS_TARGET_AVX2 void multiply(const WinogradShape& s, const Pass& p, const float* u, int blockTiles) {
    const Tiling& t = p.t;
    const int C = s.C, F = s.F, panels = (blockTiles + kPanel - 1) / kPanel;
    // The last panel's unused columns are read by the products: keep them finite. Blended into
    // whole vectors (std::fill's rep stos took 40% of this function for 12 floats a row).
    if (const int used = blockTiles % kPanel; used != 0) {
        const __m256 keepLo = _mm256_castsi256_ps(firstLanes(used)), keepHi = _mm256_castsi256_ps(firstLanes(used - 8));
        for (int xi = 0; xi < 16; ++xi)
            for (int c = 0; c < C; ++c) {
                float* r = p.b.tiles + xi * p.tileMatrix + c * t.ld + int64_t(panels - 1) * kPanel;
                _mm256_storeu_ps(r, _mm256_and_ps(_mm256_loadu_ps(r), keepLo));
                _mm256_storeu_ps(r + 8, _mm256_and_ps(_mm256_loadu_ps(r + 8), keepHi));
            }
    }
    // Sixteen products, one per element: filters x channels times channels x tiles.
    for (int xi = 0; xi < 16; ++xi)
        for (int q = 0; q < panels; ++q) {
            const int cols = std::min(kPanel, blockTiles - q * kPanel);
            const float* bp = p.b.tiles + xi * p.tileMatrix + q * kPanel;
            for (int fp = 0; fp < t.filterPanels; ++fp) {
                const float* ap = u + (int64_t(xi) * t.filterPanels + fp) * C * kFilterPanel;
                float* c = p.b.second + xi * p.secondMatrix + fp * kFilterPanel * t.ld + q * kPanel;
                gemm::avx2::stridedTile(C, ap, bp, c, t.ld, false, std::min(kFilterPanel, F - fp * kFilterPanel), cols,
                                        t.ld);
            }
        }
}

CS_TARGET_AVX2 void transformOutputs(const WinogradShape& s, const Pass& p, int u0, int u1, const float* bias,
                                     bool relu, float* out) {
    const Tiling& t = p.t;
    const int64_t ld = t.ld, secondMatrix = p.secondMatrix, outPlane = p.outPlane;  // locals: see transformInputs
    const int F = s.F;
    Strip st;
    for (StripWalk walk(t, u0, u1); walk.next(st);) {
        StripOutput o = stripRows(st, t, s, out + int64_t(st.unit / t.tilesH) * F * outPlane);
        const float* mf = p.b.second + (st.unit - u0) * t.tilesW + st.first;
        for (int f = 0; f < F; ++f, mf += ld, o.at += outPlane) {
            __m256 m[16];
            // Whole loads (rows have 16 floats of slack): the lanes past the strip are not stored.
            const float* q = mf;
            for (int xi = 0; xi < 16; ++xi, q += secondMatrix) m[xi] = _mm256_loadu_ps(q);
            outputTransform(m, _mm256_set1_ps(bias ? bias[f] : 0.f), relu, o, s.OW);
        }
    }
}

CS_TARGET_AVX2 void transformGradients(const WinogradShape& s, const Pass& p, int u0, int u1, const float* dy) {
    const Tiling& t = p.t;
    const int64_t ld = t.ld, secondMatrix = p.secondMatrix, outPlane = p.outPlane;  // locals: see transformInputs
    const int F = s.F;
    Strip st;
    for (StripWalk walk(t, u0, u1); walk.next(st);) {
        StripOutput o = stripRows(st, t, s, const_cast<float*>(dy) + int64_t(st.unit / t.tilesH) * F * outPlane);
        float* dst = p.b.second + (st.unit - u0) * t.tilesW + st.first;
        for (int f = 0; f < F; ++f, o.at += outPlane, dst += ld) {
            __m256 g[16];
            gradientTransform(o, s.OW, g);
            storeElements(dst, secondMatrix, g);
        }
    }
}

}  // namespace cs::winograd::avx2
