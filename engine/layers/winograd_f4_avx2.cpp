// The AVX2 + FMA steps of the F(4x4, 3x3) passes (layers/winograd_f4_tiles.h). Eight channels
// (or filters) share a vector: a sample is first copied channel-blocked, then every element of
// a tile is one load for eight channels. Every function carries CS_TARGET_AVX2; they serve the
// AVX2 and the AVX-512 levels alike (there are no 16-lane versions).
#include <immintrin.h>

#include "core/sgemm_kernel_avx2.h"
#include "layers/winograd_f4_tiles.h"

namespace cs::winograd4::avx2 {

namespace {

// `src` (C planes of H x W) copied channel-blocked into `out` (rows x cols pixels of 8 floats
// per block of 8 channels) at (top, left): out[((cb * rows + r) * cols + x) * 8 + k] =
// src[8 cb + k][r - top][x - left], zero outside the planes and past channel C. Whole groups of
// 8 channels and 8 pixels go through one register transpose.
CS_TARGET_AVX2 void blockChannels(const float* src, int C, int H, int W, int top, int left, int rows, int cols,
                                  float* out) {
    const int blocks = (C + kLanes - 1) / kLanes;
    const int64_t plane = int64_t(H) * W;
    for (int64_t i = 0, n = int64_t(blocks) * rows * cols * kLanes; i < n; i += kLanes)
        _mm256_store_ps(out + i, _mm256_setzero_ps());
    const int w0 = std::max(0, -left), w1 = std::min(W, cols - left);
    for (int cb = 0; cb < blocks; ++cb) {
        const int channels = std::min(kLanes, C - cb * kLanes);
        for (int h = std::max(0, -top); h < std::min(H, rows - top); ++h) {
            const float* row = src + cb * kLanes * plane + int64_t(h) * W;  // channel k at row + k * plane
            float* dst = out + ((int64_t(cb) * rows + h + top) * cols + left) * kLanes;
            int w = w0;
            if (channels == kLanes)
                for (; w + 8 <= w1; w += 8) {
                    __m256 r[8], c[8];
#pragma GCC unroll 8
                    for (int k = 0; k < 8; ++k) r[k] = _mm256_loadu_ps(row + k * plane + w);
                    gemm::avx2::transposeRegisters(r, c);
#pragma GCC unroll 8
                    for (int k = 0; k < 8; ++k) _mm256_store_ps(dst + (w + k) * kLanes, c[k]);
                }
            for (; w < w1; ++w)
                for (int k = 0; k < channels; ++k) dst[w * kLanes + k] = row[k * plane + w];
        }
    }
}

// B^T d for six values d (a column or a row of a tile), into r.
CS_TARGET_AVX2 inline void inputCombine(const __m256 d[6], __m256 r[6]) {
    const __m256 four = _mm256_set1_ps(4.f), five = _mm256_set1_ps(5.f);
    const __m256 a = _mm256_fnmadd_ps(four, d[2], d[4]);  // d4 - 4 d2
    const __m256 b = _mm256_fnmadd_ps(four, d[1], d[3]);  // d3 - 4 d1
    const __m256 c = _mm256_sub_ps(d[4], d[2]);
    __m256 e = _mm256_sub_ps(d[3], d[1]);
    e = _mm256_add_ps(e, e);  // 2 (d3 - d1)
    r[0] = _mm256_fmadd_ps(four, d[0], _mm256_fnmadd_ps(five, d[2], d[4]));
    r[1] = _mm256_add_ps(a, b);
    r[2] = _mm256_sub_ps(a, b);
    r[3] = _mm256_add_ps(c, e);
    r[4] = _mm256_sub_ps(c, e);
    r[5] = _mm256_fmadd_ps(four, d[1], _mm256_fnmadd_ps(five, d[3], d[5]));
}

// A^T m for six values m, into y (four).
CS_TARGET_AVX2 inline void outputCombine(const __m256 m[6], __m256 y[4]) {
    const __m256 p = _mm256_add_ps(m[1], m[2]), q = _mm256_sub_ps(m[1], m[2]);
    const __m256 r = _mm256_add_ps(m[3], m[4]), w = _mm256_sub_ps(m[3], m[4]);
    y[0] = _mm256_add_ps(_mm256_add_ps(m[0], p), r);
    y[1] = _mm256_fmadd_ps(_mm256_set1_ps(2.f), w, q);
    y[2] = _mm256_fmadd_ps(_mm256_set1_ps(4.f), r, p);
    y[3] = _mm256_add_ps(_mm256_fmadd_ps(_mm256_set1_ps(8.f), w, q), m[5]);
}

// A y for four values y (A = (A^T)^T, outputCombine's adjoint), into g (six).
CS_TARGET_AVX2 inline void gradientCombine(const __m256 y[4], __m256 g[6]) {
    const __m256 e = _mm256_add_ps(y[0], y[2]), o = _mm256_add_ps(y[1], y[3]);
    const __m256 e2 = _mm256_fmadd_ps(_mm256_set1_ps(4.f), y[2], y[0]);                       // y0 + 4 y2
    const __m256 o2 = _mm256_fmadd_ps(_mm256_set1_ps(8.f), y[3], _mm256_add_ps(y[1], y[1]));  // 2 y1 + 8 y3
    g[0] = y[0];
    g[1] = _mm256_add_ps(e, o);
    g[2] = _mm256_sub_ps(e, o);
    g[3] = _mm256_add_ps(e2, o2);
    g[4] = _mm256_sub_ps(e2, o2);
    g[5] = y[3];
}

// v[xi] to p + xi * stride, one pointer stepped (the 36 offsets computed apart would be kept on
// the stack and reloaded before every store).
CS_TARGET_AVX2 inline void storeElements(float* p, int64_t stride, const __m256 v[kElements]) {
#pragma GCC unroll 36
    for (int xi = 0; xi < kElements; ++xi, p += stride) _mm256_storeu_ps(p, v[xi]);
}

// The first `n` (1..4) floats of v to p: a pair and a single, not a copy through the stack (which
// the compiler made a call to memcpy: 1.2% of a training step).
CS_TARGET_AVX2 inline void storeFirst(float* p, __m128 v, int n) {
    if (n >= 4) return _mm_storeu_ps(p, v);
    if (n & 2) {
        _mm_storel_pi(reinterpret_cast<__m64*>(p), v);
        if (n == 3) _mm_store_ss(p + 2, _mm_movehl_ps(v, v));
    } else {
        _mm_store_ss(p, v);
    }
}

// Products of up to 6 tiles (rows of a, lda apart) with a 16-filter panel bp (kc rows of 16):
// c's Rows x 16 block (rows ldc apart) = a b.
template <int Rows>
CS_TARGET_AVX2 inline void tileRows(int kc, const float* __restrict a, int64_t lda, const float* __restrict bp,
                                    float* __restrict c, int64_t ldc) {
    __m256 acc0[Rows], acc1[Rows];
#pragma GCC unroll 6
    for (int r = 0; r < Rows; ++r) acc0[r] = acc1[r] = _mm256_setzero_ps();
    for (int k = 0; k < kc; ++k, bp += kPanel) {
        const __m256 b0 = _mm256_loadu_ps(bp), b1 = _mm256_loadu_ps(bp + 8);
#pragma GCC unroll 6
        for (int r = 0; r < Rows; ++r) {
            const __m256 x = _mm256_broadcast_ss(a + r * lda + k);
            acc0[r] = _mm256_fmadd_ps(x, b0, acc0[r]);
            acc1[r] = _mm256_fmadd_ps(x, b1, acc1[r]);
        }
    }
#pragma GCC unroll 6
    for (int r = 0; r < Rows; ++r) {
        _mm256_storeu_ps(c + r * ldc, acc0[r]);
        _mm256_storeu_ps(c + r * ldc + 8, acc1[r]);
    }
}

}  // namespace

CS_TARGET_AVX2 void transformInputs(const float* in, const WinogradShape& s, const Layout& l, const Buffers& b, int t0,
                                    int t1, int& paddedSample) {
    const int64_t inSample = int64_t(s.C) * s.H * s.W, vMatrix = l.vMatrix;  // locals: the stores could alias l
    const int PW = l.PW, blocks = l.C8 / kLanes;
    for (int t = t0; t < t1; ++t) {
        const int n = t / l.tilesPerSample, ty = t % l.tilesPerSample / l.tilesW, tx = t % l.tilesW;
        if (n != paddedSample) {
            blockChannels(in + n * inSample, s.C, s.H, s.W, s.padTop, s.padLeft, l.PH, PW, b.padded);
            paddedSample = n;
        }
        float* dst = b.v + int64_t(t - t0) * l.C8;
        for (int cb = 0; cb < blocks; ++cb, dst += kLanes) {
            const float* p = b.padded + ((int64_t(cb) * l.PH + 4 * ty) * PW + 4 * tx) * kLanes;
            __m256 d[6][6], v[kElements];
            for (int i = 0; i < 6; ++i)
                for (int j = 0; j < 6; ++j) d[i][j] = _mm256_load_ps(p + (int64_t(i) * PW + j) * kLanes);
            for (int j = 0; j < 6; ++j) {  // B^T d: combine each column's rows
                const __m256 col[6] = {d[0][j], d[1][j], d[2][j], d[3][j], d[4][j], d[5][j]};
                __m256 r[6];
                inputCombine(col, r);
                for (int i = 0; i < 6; ++i) d[i][j] = r[i];
            }
            for (int i = 0; i < 6; ++i) inputCombine(d[i], v + i * 6);  // (B^T d) B: each row's columns
            storeElements(dst, vMatrix, v);
        }
    }
}

CS_TARGET_AVX2 void multiply(const Products& p, int tiles) {
    // The register tile for a group of 1..6 tiles.
    using Tile = void (*)(int, const float*, int64_t, const float*, float*, int64_t);
    static constexpr Tile kTiles[kTileRows + 1] = {nullptr,     tileRows<1>, tileRows<2>, tileRows<3>,
                                                   tileRows<4>, tileRows<5>, tileRows<6>};
    const int panels = p.n16 / kPanel, k = p.k, n16 = p.n16;
    for (int xi = 0; xi < kElements; ++xi) {
        const float* v = p.a + xi * p.aMatrix;
        float* m = p.c + xi * p.cMatrix;
        const float* ux = p.u + xi * p.uMatrix;
        for (int t = 0; t < tiles; t += kTileRows) {
            const float* a = v + int64_t(t) * k;
            float* c = m + int64_t(t) * n16;
            for (int q = 0; q < panels; ++q)
                kTiles[std::min(kTileRows, tiles - t)](k, a, k, ux + int64_t(q) * k * kPanel, c + q * kPanel, n16);
        }
    }
}

CS_TARGET_AVX2 void transformOutputs(const WinogradShape& s, const Layout& l, const Buffers& b, int t0, int t1,
                                     const float* bias, bool relu, float* out) {
    const int64_t outPlane = int64_t(s.OH) * s.OW, mMatrix = l.mMatrix;
    const int F = s.F, OW = s.OW;
    for (int t = t0; t < t1; ++t) {
        const int n = t / l.tilesPerSample, ty = t % l.tilesPerSample / l.tilesW, tx = t % l.tilesW;
        const int rowsValid = std::min(4, s.OH - 4 * ty), colsValid = std::min(4, OW - 4 * tx);
        float* tileOut = out + int64_t(n) * F * outPlane + int64_t(4 * ty) * OW + 4 * tx;
        const float* src = b.m + int64_t(t - t0) * l.F16;
        for (int f0 = 0; f0 < F; f0 += kLanes, src += kLanes) {
            const int filters = std::min(kLanes, F - f0);
            __m256 m[kElements];
            const float* q = src;
            for (int xi = 0; xi < kElements; ++xi, q += mMatrix) m[xi] = _mm256_loadu_ps(q);
            __m256 cols[4][6], y[4][4];
            for (int j = 0; j < 6; ++j) {  // A^T m: combine each column's rows
                const __m256 col[6] = {m[j], m[6 + j], m[12 + j], m[18 + j], m[24 + j], m[30 + j]};
                __m256 r[4];
                outputCombine(col, r);
                for (int i = 0; i < 4; ++i) cols[i][j] = r[i];
            }
            alignas(32) float biasLanes[kLanes] = {};
            if (bias)
                for (int k = 0; k < filters; ++k) biasLanes[k] = bias[f0 + k];
            const __m256 bv = _mm256_load_ps(biasLanes);
            for (int i = 0; i < 4; ++i) {
                outputCombine(cols[i], y[i]);  // (A^T m) A: each row's columns
                for (int j = 0; j < 4; ++j) {
                    y[i][j] = _mm256_add_ps(y[i][j], bv);
                    if (relu) y[i][j] = _mm256_max_ps(y[i][j], _mm256_setzero_ps());
                }
            }
            // Filter k's rows i and i + 1 in one vector: a transpose of the two rows' 8 vectors.
            for (int i = 0; i < rowsValid; i += 2) {
                const __m256 r[8] = {y[i][0],     y[i][1],     y[i][2],     y[i][3],
                                     y[i + 1][0], y[i + 1][1], y[i + 1][2], y[i + 1][3]};
                __m256 c[8];
                gemm::avx2::transposeRegisters(r, c);
                for (int k = 0; k < filters; ++k) {
                    float* row = tileOut + (f0 + k) * outPlane + int64_t(i) * OW;
                    storeFirst(row, _mm256_castps256_ps128(c[k]), colsValid);
                    if (i + 1 < rowsValid) storeFirst(row + OW, _mm256_extractf128_ps(c[k], 1), colsValid);
                }
            }
        }
    }
}

CS_TARGET_AVX2 void transformGradients(const float* dy, const WinogradShape& s, const Layout& l, const Buffers& b,
                                       int t0, int t1, int& paddedSample) {
    const int rows = 4 * l.tilesH, cols = 4 * l.tilesW, blocks = l.F8 / kLanes;
    const int64_t dySample = int64_t(s.F) * s.OH * s.OW, gMatrix = l.gMatrix;
    for (int t = t0; t < t1; ++t) {
        const int n = t / l.tilesPerSample, ty = t % l.tilesPerSample / l.tilesW, tx = t % l.tilesW;
        if (n != paddedSample) {
            blockChannels(dy + n * dySample, s.F, s.OH, s.OW, 0, 0, rows, cols, b.padded);
            paddedSample = n;
        }
        float* dst = b.m + int64_t(t - t0) * l.F8;
        for (int fb = 0; fb < blocks; ++fb, dst += kLanes) {
            const float* p = b.padded + ((int64_t(fb) * rows + 4 * ty) * cols + 4 * tx) * kLanes;
            __m256 a[6][4], g[kElements];
            for (int j = 0; j < 4; ++j) {  // A dy: each column's four rows into six
                __m256 col[4], r[6];
                for (int i = 0; i < 4; ++i) col[i] = _mm256_load_ps(p + (int64_t(i) * cols + j) * kLanes);
                gradientCombine(col, r);
                for (int i = 0; i < 6; ++i) a[i][j] = r[i];
            }
            for (int i = 0; i < 6; ++i) gradientCombine(a[i], g + i * 6);  // (A dy) A^T: each row's columns
            storeElements(dst, gMatrix, g);
        }
    }
}

CS_TARGET_AVX2 void accumulateKernelGradient(const Layout& l, const Buffers& b, int tiles, bool accumulate, float* dm) {
    constexpr int MR = gemm::avx2::MR, NR = gemm::avx2::NR;
    const int64_t dmMatrix = l.dmMatrix;
    for (int xi = 0; xi < kElements; ++xi, dm += dmMatrix) {
        const float* v = b.v + xi * l.vMatrix;  // tiles x C8: channels c.. of tile k at v + k * C8 + c
        const float* g = b.m + xi * l.gMatrix;  // tiles x F8
        for (int c = 0; c < l.C8; c += MR)
            for (int f = 0; f < l.F8; f += NR)
                gemm::avx2::stridedTile(tiles, v + c, g + f, dm + int64_t(c) * l.F8 + f, l.F8, accumulate,
                                        std::min(MR, l.C8 - c), std::min(NR, l.F8 - f), l.F8, l.C8);
    }
}

namespace {

// G x for one column (or row) x of a 3x3 kernel, G being F(4x4)'s 6x3 kernel transform.
CS_TARGET_AVX2 inline void kernelCombine(__m256 x0, __m256 x1, __m256 x2, __m256 out[6]) {
    const __m256 sixth = _mm256_set1_ps(1.f / 6), quarter = _mm256_set1_ps(0.25f);
    const __m256 even = _mm256_add_ps(x0, x2);  // x0 + x2
    const __m256 x0q = _mm256_mul_ps(x0, _mm256_set1_ps(1.f / 24)), x1h = _mm256_mul_ps(x1, _mm256_set1_ps(1.f / 12));
    const __m256 outer = _mm256_fmadd_ps(x2, sixth, x0q);  // x0 / 24 + x2 / 6
    out[0] = _mm256_mul_ps(x0, quarter);
    out[1] = _mm256_mul_ps(_mm256_add_ps(even, x1), _mm256_set1_ps(-1.f / 6));
    out[2] = _mm256_mul_ps(_mm256_sub_ps(even, x1), _mm256_set1_ps(-1.f / 6));
    out[3] = _mm256_add_ps(outer, x1h);
    out[4] = _mm256_sub_ps(outer, x1h);
    out[5] = x2;
}

// G^T m for six values m (kernelCombine's adjoint), into three.
CS_TARGET_AVX2 inline void kernelGradientCombine(const __m256 m[6], __m256 out[3]) {
    const __m256 sum12 = _mm256_add_ps(m[1], m[2]), sum34 = _mm256_add_ps(m[3], m[4]);
    const __m256 sixth = _mm256_set1_ps(1.f / 6);
    // m0 / 4 - (m1 + m2) / 6 + (m3 + m4) / 24
    out[0] = _mm256_fmadd_ps(sum34, _mm256_set1_ps(1.f / 24),
                             _mm256_fnmadd_ps(sum12, sixth, _mm256_mul_ps(m[0], _mm256_set1_ps(0.25f))));
    // (m2 - m1) / 6 + (m3 - m4) / 12
    out[1] = _mm256_fmadd_ps(_mm256_sub_ps(m[3], m[4]), _mm256_set1_ps(1.f / 12),
                             _mm256_mul_ps(_mm256_sub_ps(m[2], m[1]), sixth));
    // (m3 + m4 - m1 - m2) / 6 + m5
    out[2] = _mm256_fmadd_ps(_mm256_sub_ps(sum34, sum12), sixth, m[5]);
}

}  // namespace

CS_TARGET_AVX2 void transformKernel(const float* w, const WinogradShape& s, KernelTransform role, const Layout& l,
                                    float* u) {
    const int64_t elementStride = l.uMatrix;
    if (l.F16 != s.F || l.C8 != s.C) std::fill(u, u + kElements * elementStride, 0.f);  // lanes no filter writes
    for (int f0 = 0; f0 < s.F; f0 += kLanes) {
        const int lanes = std::min(kLanes, s.F - f0);
        for (int c = 0; c < s.C; ++c) {
            alignas(32) float g[9][kLanes] = {};
            for (int k = 0; k < lanes; ++k) {
                const int f = f0 + k;
                if (role != KernelTransform::Forward) {  // the layer's kernel is s.C x s.F x 3 x 3
                    const float* src = w + (int64_t(c) * s.F + f) * 9;
                    for (int t = 0; t < 9; ++t) g[t][k] = src[role == KernelTransform::Rotated ? 8 - t : t];
                } else {
                    const float* src = w + (int64_t(f) * s.C + c) * 9;
                    for (int t = 0; t < 9; ++t) g[t][k] = src[t];
                }
            }
            __m256 rows[6][3];  // G g
            for (int j = 0; j < 3; ++j) {
                __m256 col[6];
                kernelCombine(_mm256_load_ps(g[j]), _mm256_load_ps(g[3 + j]), _mm256_load_ps(g[6 + j]), col);
                for (int i = 0; i < 6; ++i) rows[i][j] = col[i];
            }
            // Element xi's product reads filter panel f0 / 16 as C8 rows of 16 filters.
            float* dst = u + (int64_t(f0 / kPanel) * l.C8 + c) * kPanel + f0 % kPanel;
            for (int i = 0; i < 6; ++i) {  // (G g) G^T
                __m256 row[6];
                kernelCombine(rows[i][0], rows[i][1], rows[i][2], row);
                for (int j = 0; j < 6; ++j) _mm256_storeu_ps(dst + (i * 6 + j) * elementStride, row[j]);
            }
        }
    }
}

CS_TARGET_AVX2 void untransformKernelGradient(const float* dm, const WinogradShape& s, const Layout& l, float* dw) {
    const int64_t dmMatrix = l.dmMatrix;
    for (int c = 0; c < s.C; ++c)
        for (int f0 = 0; f0 < s.F; f0 += kLanes) {
            const float* src = dm + int64_t(c) * l.F8 + f0;
            __m256 cols[3][6];  // G^T m
            for (int j = 0; j < 6; ++j) {
                __m256 m[6], r[3];
                for (int i = 0; i < 6; ++i) m[i] = _mm256_loadu_ps(src + (i * 6 + j) * dmMatrix);
                kernelGradientCombine(m, r);
                for (int i = 0; i < 3; ++i) cols[i][j] = r[i];
            }
            alignas(32) float taps[9][kLanes];
            for (int i = 0; i < 3; ++i) {  // (G^T m) G
                __m256 r[3];
                kernelGradientCombine(cols[i], r);
                for (int j = 0; j < 3; ++j) _mm256_store_ps(taps[i * 3 + j], r[j]);
            }
            for (int k = 0, lanes = std::min(kLanes, s.F - f0); k < lanes; ++k) {
                float* out = dw + (int64_t(f0 + k) * s.C + c) * 9;
                for (int t = 0; t < 9; ++t) out[t] = taps[t][k];
            }
        }
}

}  // namespace cs::winograd4::avx2
