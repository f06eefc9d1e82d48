#include "layers/max_pool_2x2.h"

#include <algorithm>

#include <immintrin.h>

#include "core/cpu_features.h"

namespace cs {

namespace {

namespace avx512 {

// One output row: r0 and r1 are the two input rows, W the input row length.
CS_TARGET_AVX512 void forwardRow(const float* __restrict r0, const float* __restrict r1, int W, int outW, int32_t base,
                                 float* __restrict out, int32_t* __restrict at) {
    // 16 outputs at a time: deinterleave even and odd columns, then compare as the scalar code.
    const __m512i evenIdx = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i oddIdx = _mm512_add_epi32(evenIdx, _mm512_set1_epi32(1));
    const __m512i lane2 = _mm512_slli_epi32(_mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), 1);
    const __m512i w = _mm512_set1_epi32(W), one = _mm512_set1_epi32(1), zero = _mm512_setzero_si512();
    for (int j = 0; j < outW; j += 16) {
        const int n = std::min(16, outW - j);
        const __mmask16 m = static_cast<__mmask16>((1u << n) - 1);
        const __mmask16 lo = static_cast<__mmask16>(n >= 8 ? 0xFFFF : (1u << (2 * n)) - 1);
        const __mmask16 hi = static_cast<__mmask16>(n <= 8 ? 0 : (1u << (2 * n - 16)) - 1);
        const __m512 r0lo = _mm512_maskz_loadu_ps(lo, r0 + 2 * j), r0hi = _mm512_maskz_loadu_ps(hi, r0 + 2 * j + 16);
        const __m512 r1lo = _mm512_maskz_loadu_ps(lo, r1 + 2 * j), r1hi = _mm512_maskz_loadu_ps(hi, r1 + 2 * j + 16);
        const __m512 a = _mm512_permutex2var_ps(r0lo, evenIdx, r0hi), b = _mm512_permutex2var_ps(r0lo, oddIdx, r0hi);
        const __m512 c = _mm512_permutex2var_ps(r1lo, evenIdx, r1hi), d = _mm512_permutex2var_ps(r1lo, oddIdx, r1hi);
        // Vertical first (ties: top), then horizontal (ties: left).
        const __mmask16 lowLeft = _mm512_cmp_ps_mask(c, a, _CMP_GT_OQ), lowRight = _mm512_cmp_ps_mask(d, b, _CMP_GT_OQ);
        const __m512 left = _mm512_mask_blend_ps(lowLeft, a, c), right = _mm512_mask_blend_ps(lowRight, b, d);
        const __mmask16 takeRight = _mm512_cmp_ps_mask(right, left, _CMP_GT_OQ);
        _mm512_mask_storeu_ps(out + j, m, _mm512_mask_blend_ps(takeRight, left, right));
        if (at) {
            const __m512i leftCode = _mm512_mask_blend_epi32(lowLeft, zero, w);
            const __m512i rightCode = _mm512_add_epi32(_mm512_mask_blend_epi32(lowRight, zero, w), one);
            const __m512i code = _mm512_mask_blend_epi32(takeRight, leftCode, rightCode);
            const __m512i first = _mm512_add_epi32(_mm512_set1_epi32(base + 2 * j), lane2);
            _mm512_mask_storeu_epi32(at + j, m, _mm512_add_epi32(first, code));
        }
    }
}

}  // namespace avx512

// Outputs [j, outW) of one row, one at a time (the scalar level, and the AVX2 version's tail).
[[gnu::always_inline]] inline void forwardTail(const float* __restrict r0, const float* __restrict r1, int W, int j,
                                               int outW, int32_t base, float* __restrict out, int32_t* __restrict at) {
    for (; j < outW; ++j) {
        const float a = r0[2 * j], b = r0[2 * j + 1], c = r1[2 * j], d = r1[2 * j + 1];
        const bool lowLeft = c > a, lowRight = d > b;
        const float left = lowLeft ? c : a, right = lowRight ? d : b;
        const bool takeRight = right > left;
        out[j] = takeRight ? right : left;
        if (at) at[j] = base + 2 * j + (takeRight ? (lowRight ? W : 0) + 1 : (lowLeft ? W : 0));
    }
}

namespace avx2 {

// Even and odd floats of 16 consecutive ones.
CS_TARGET_AVX2 inline void deinterleave(const float* p, __m256& even, __m256& odd) {
    const __m256 lo = _mm256_loadu_ps(p), hi = _mm256_loadu_ps(p + 8);
    // shuffle_ps works within 128-bit halves: [lo0 lo2 hi0 hi2 | lo4 lo6 hi4 hi6], then the
    // 64-bit pairs are put in order.
    even = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0x88)), 0xD8));
    odd = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0xDD)), 0xD8));
}

// Outputs [j, j + 8) of one row (Masked: only the first n of them, the loads and stores masked
// to the row's 2n input and n output floats).
template <bool Masked>
CS_TARGET_AVX2 inline void forwardEight(const float* __restrict r0, const float* __restrict r1, int W, int j, int n,
                                        int32_t base, float* __restrict out, int32_t* __restrict at) {
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256 a, b, c, d;
    if constexpr (Masked) {
        const __m256i lo = _mm256_cmpgt_epi32(_mm256_set1_epi32(2 * n), lane);
        const __m256i hi = _mm256_cmpgt_epi32(_mm256_set1_epi32(2 * n - 8), lane);
        alignas(32) float rows[2][16];
        _mm256_store_ps(rows[0], _mm256_maskload_ps(r0 + 2 * j, lo));
        _mm256_store_ps(rows[0] + 8, _mm256_maskload_ps(r0 + 2 * j + 8, hi));
        _mm256_store_ps(rows[1], _mm256_maskload_ps(r1 + 2 * j, lo));
        _mm256_store_ps(rows[1] + 8, _mm256_maskload_ps(r1 + 2 * j + 8, hi));
        deinterleave(rows[0], a, b);
        deinterleave(rows[1], c, d);
    } else {
        deinterleave(r0 + 2 * j, a, b);
        deinterleave(r1 + 2 * j, c, d);
    }
    const __m256 lowLeft = _mm256_cmp_ps(c, a, _CMP_GT_OQ), lowRight = _mm256_cmp_ps(d, b, _CMP_GT_OQ);
    const __m256 left = _mm256_blendv_ps(a, c, lowLeft), right = _mm256_blendv_ps(b, d, lowRight);
    const __m256 takeRight = _mm256_cmp_ps(right, left, _CMP_GT_OQ);
    const __m256 value = _mm256_blendv_ps(left, right, takeRight);
    const __m256i keep = _mm256_cmpgt_epi32(_mm256_set1_epi32(n), lane);
    if constexpr (Masked)
        _mm256_maskstore_ps(out + j, keep, value);
    else
        _mm256_storeu_ps(out + j, value);
    if (at) {
        const __m256i w = _mm256_set1_epi32(W), one = _mm256_set1_epi32(1);
        const __m256i leftCode = _mm256_and_si256(_mm256_castps_si256(lowLeft), w);
        const __m256i rightCode = _mm256_add_epi32(_mm256_and_si256(_mm256_castps_si256(lowRight), w), one);
        const __m256i code = _mm256_blendv_epi8(leftCode, rightCode, _mm256_castps_si256(takeRight));
        const __m256i first = _mm256_add_epi32(_mm256_set1_epi32(base + 2 * j), _mm256_add_epi32(lane, lane));
        const __m256i winner = _mm256_add_epi32(first, code);
        if constexpr (Masked)
            _mm256_maskstore_epi32(at + j, keep, winner);
        else
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(at + j), winner);
    }
}

// As avx512::forwardRow, 8 outputs at a time. A row's last partial vector is its last whole one
// again (outputs it shares with the one before are written twice, the same values); a row under
// 8 outputs (an 11x11 map's 5) is one masked vector, not five scalar steps.
CS_TARGET_AVX2 void forwardRow(const float* __restrict r0, const float* __restrict r1, int W, int outW, int32_t base,
                               float* __restrict out, int32_t* __restrict at) {
    if (outW < 8) return forwardEight<true>(r0, r1, W, 0, outW, base, out, at);
    int j = 0;
    for (; j + 8 <= outW; j += 8) forwardEight<false>(r0, r1, W, j, 8, base, out, at);
    if (j < outW) forwardEight<false>(r0, r1, W, outW - 8, 8, base, out, at);
}

}  // namespace avx2

void forwardRowScalar(const float* __restrict r0, const float* __restrict r1, int W, int outW, int32_t base,
                      float* __restrict out, int32_t* __restrict at) {
    forwardTail(r0, r1, W, 0, outW, base, out, at);
}

}  // namespace

void maxPool2x2Forward(const float* x, int planes, int inH, int inW, int outH, int outW, float* y, int32_t* argmax) {
    const CpuLevel level = cpuLevel();
    const auto forwardRow = level == CpuLevel::Avx512 ? avx512::forwardRow
                            : level == CpuLevel::Avx2 ? avx2::forwardRow
                                                      : forwardRowScalar;
    for (int p = 0; p < planes; ++p) {
        const float* in = x + int64_t(p) * inH * inW;
        for (int oh = 0; oh < outH; ++oh) {
            const float* r0 = in + 2 * oh * inW;
            const int64_t o = (int64_t(p) * outH + oh) * outW;
            forwardRow(r0, r0 + inW, inW, outW, 2 * oh * inW, y + o, argmax ? argmax + o : nullptr);
        }
    }
}

}  // namespace cs
