#pragma once
// The tiles of layers/winograd_conv.cpp: how a correlation is cut into 2x2 output tiles and
// blocks of them, and the AVX-512 transforms of a strip of tiles (the tiles one vector holds).
// Internal to the engine; every vector function carries CS_TARGET_AVX512 and runs only when
// winogradAvailable().
#include <immintrin.h>

#include <algorithm>
#include <cstdint>

#include "core/cpu_features.h"
#include "core/sgemm_kernel.h"
#include "layers/winograd_conv.h"

namespace cs::winograd {

constexpr int kTileRowSegment = 15;             // tiles transformed together: a 32-float row spans 15 tiles
constexpr int kPanel = gemm::avx512::NR;        // tiles per packed panel (the product's columns)
constexpr int kFilterPanel = gemm::avx512::MR;  // filters per packed panel (the product's rows)
// The transformed tiles and products of one block stay within about this much of the L2 cache.
constexpr int64_t kBlockBytes = int64_t(512) << 10;

inline int64_t roundUp16(int64_t n) { return (n + 15) & ~int64_t(15); }

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

// The tiles one vector holds (a strip): a segment of up to 15 tiles of one tile row, or, when a
// row has 7 tiles or fewer, two consecutive tile rows of one sample (lanes [0, tilesW) the
// first, [tilesW, 2 tilesW) the second), so that narrow images fill the lanes too.
struct Strip {
    int unit;   // the block's tile row (sample * tilesH + tile row) it starts at
    int rows;   // tile rows: 1 or 2
    int first;  // first tile of the segment within its row (0 for two rows)
    int count;  // tiles (lanes) in the strip
};

// The strips of the tile rows [u0, u1), in tile order.
class StripWalk {
public:
    StripWalk(const Tiling& t, int u0, int u1) : t_(t), unit_(u0), end_(u1) {}
    bool next(Strip& s) {
        if (unit_ >= end_) return false;
        const int ty = unit_ % t_.tilesH;
        if (2 * t_.tilesW <= kTileRowSegment && unit_ + 1 < end_ && ty + 1 < t_.tilesH) {
            s = {unit_, 2, 0, 2 * t_.tilesW};
            unit_ += 2;
            return true;
        }
        const int first = seg_ * kTileRowSegment;
        s = {unit_, 1, first, std::min(kTileRowSegment, t_.tilesW - first)};
        if (++seg_ == t_.segments) seg_ = 0, ++unit_;
        return true;
    }

private:
    const Tiling& t_;
    int unit_, end_, seg_ = 0;
};

namespace avx512 {

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

}  // namespace avx512

}  // namespace cs::winograd
