// The AVX2 + FMA steps of F(4x4)'s adjoint (layers/winograd_f4_tiles.h): the input gradient from
// the forward pass's own tiles. Each tile's gradient dV (36 elements, eight channels a vector) is
// taken back through the input transform, B dV B^T, and added into a channel-blocked copy of the
// sample's input gradient (neighbouring tiles share two rows and columns), which is then
// transposed back into the sample's planes. As winograd_f4_avx2.cpp, these serve the AVX2 and
// AVX-512 levels alike.
#include <algorithm>

#include <immintrin.h>

#include "core/sgemm_kernel_avx2.h"
#include "layers/winograd_f4_tiles.h"

namespace cs::winograd4::avx2 {

namespace {

// B r for six values r (inputCombine's adjoint: B^T's columns), into d.
CS_TARGET_AVX2 inline void inputAdjointCombine(const __m256 r[6], __m256 d[6]) {
    const __m256 four = _mm256_set1_ps(4.f), five = _mm256_set1_ps(5.f);
    const __m256 p = _mm256_add_ps(r[1], r[2]), q = _mm256_sub_ps(r[2], r[1]);
    const __m256 u = _mm256_add_ps(r[3], r[4]), w = _mm256_sub_ps(r[4], r[3]);
    d[0] = _mm256_mul_ps(four, r[0]);
    d[1] = _mm256_fmadd_ps(four, _mm256_add_ps(q, r[5]), _mm256_add_ps(w, w));   // 4 (q + r5) + 2 w
    d[2] = _mm256_fnmsub_ps(five, r[0], _mm256_fmadd_ps(four, p, u));            // -5 r0 - 4 p - u
    d[3] = _mm256_fnmsub_ps(five, r[5], _mm256_add_ps(q, _mm256_add_ps(w, w)));  // -5 r5 - q - 2 w
    d[4] = _mm256_add_ps(_mm256_add_ps(r[0], p), u);                             // r0 + p + u
    d[5] = r[5];
}

}  // namespace

CS_TARGET_AVX2 void flushInputGradient(const WinogradShape& s, const Layout& l, const float* padded, int n, float* dx) {
    const int64_t plane = int64_t(s.H) * s.W;
    const int PH = l.PH, PW = l.PW, W = s.W, blocks = l.C8 / kLanes;
    float* sample = dx + int64_t(n) * s.C * plane;
    // The rows and columns of the planes inside the blocked copy (all of them for Conv2D's shapes;
    // the rest, no tile covers, get zeros).
    const int h1 = std::clamp(PH - s.padTop, 0, s.H), w1 = std::clamp(PW - s.padLeft, 0, W);
    for (int cb = 0; cb < blocks; ++cb) {
        const int channels = std::min(kLanes, s.C - cb * kLanes);
        float* planes = sample + int64_t(cb) * kLanes * plane;  // channel k's plane at planes + k * plane
        for (int h = 0; h < s.H; ++h) {
            float* row = planes + int64_t(h) * W;
            if (h >= h1) {
                for (int k = 0; k < channels; ++k) std::fill(row + k * plane, row + k * plane + W, 0.f);
                continue;
            }
            const float* src = padded + ((int64_t(cb) * PH + h + s.padTop) * PW + s.padLeft) * kLanes;
            int w = 0;
            if (channels == kLanes)
                for (; w + 8 <= w1; w += 8) {  // eight pixels of eight channels: one register transpose
                    __m256 r[8], c[8];
#pragma GCC unroll 8
                    for (int k = 0; k < 8; ++k) r[k] = _mm256_load_ps(src + (w + k) * kLanes);
                    gemm::avx2::transposeRegisters(r, c);
#pragma GCC unroll 8
                    for (int k = 0; k < 8; ++k) _mm256_storeu_ps(row + k * plane + w, c[k]);
                }
            for (; w < w1; ++w)
                for (int k = 0; k < channels; ++k) row[k * plane + w] = src[w * kLanes + k];
            for (int k = 0; k < channels; ++k) std::fill(row + k * plane + w1, row + k * plane + W, 0.f);
        }
    }
}

CS_TARGET_AVX2 void scatterInputGradients(const WinogradShape& s, const Layout& l, const float* dv, int t0, int t1,
                                          float* padded, int& paddedSample, float* dx) {
    const int64_t dvMatrix = l.dvMatrix, paddedFloats = int64_t(l.C8) * l.PH * l.PW;
    const int PH = l.PH, PW = l.PW, blocks = l.C8 / kLanes;
    for (int t = t0; t < t1; ++t) {
        const int n = t / l.tilesPerSample, ty = t % l.tilesPerSample / l.tilesW, tx = t % l.tilesW;
        if (n != paddedSample) {
            if (paddedSample >= 0) flushInputGradient(s, l, padded, paddedSample, dx);
            for (int64_t i = 0; i < paddedFloats; i += kLanes) _mm256_store_ps(padded + i, _mm256_setzero_ps());
            paddedSample = n;
        }
        const float* src = dv + int64_t(t - t0) * l.C16;
        for (int cb = 0; cb < blocks; ++cb, src += kLanes) {
            __m256 m[kElements], e[6][6];
            const float* q = src;
            for (int xi = 0; xi < kElements; ++xi, q += dvMatrix) m[xi] = _mm256_loadu_ps(q);
            for (int j = 0; j < 6; ++j) {  // B dV: each column's rows
                const __m256 col[6] = {m[j], m[6 + j], m[12 + j], m[18 + j], m[24 + j], m[30 + j]};
                __m256 r[6];
                inputAdjointCombine(col, r);
                for (int i = 0; i < 6; ++i) e[i][j] = r[i];
            }
            float* p = padded + ((int64_t(cb) * PH + 4 * ty) * PW + 4 * tx) * kLanes;
            for (int i = 0; i < 6; ++i, p += int64_t(PW) * kLanes) {  // (B dV) B^T: each row's columns
                __m256 d[6];
                inputAdjointCombine(e[i], d);
                for (int j = 0; j < 6; ++j)
                    _mm256_store_ps(p + j * kLanes, _mm256_add_ps(_mm256_load_ps(p + j * kLanes), d[j]));
            }
        }
    }
}

}  // namespace cs::winograd4::avx2
