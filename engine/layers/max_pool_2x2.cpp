#include "layers/max_pool_2x2.h"

#include <algorithm>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace cs {

namespace {

// One output row: r0 and r1 are the two input rows, W the input row length.
void forwardRow(const float* __restrict r0, const float* __restrict r1, int W, int outW, int32_t base,
                float* __restrict out, int32_t* __restrict at) {
    int j = 0;
#if defined(__AVX512F__)
    // 16 outputs at a time: deinterleave even and odd columns, then compare as the scalar code.
    const __m512i evenIdx = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i oddIdx = _mm512_add_epi32(evenIdx, _mm512_set1_epi32(1));
    const __m512i lane2 = _mm512_slli_epi32(_mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), 1);
    const __m512i w = _mm512_set1_epi32(W), one = _mm512_set1_epi32(1), zero = _mm512_setzero_si512();
    for (; j < outW; j += 16) {
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
#endif
    for (; j < outW; ++j) {
        const float a = r0[2 * j], b = r0[2 * j + 1], c = r1[2 * j], d = r1[2 * j + 1];
        const bool lowLeft = c > a, lowRight = d > b;
        const float left = lowLeft ? c : a, right = lowRight ? d : b;
        const bool takeRight = right > left;
        out[j] = takeRight ? right : left;
        if (at) at[j] = base + 2 * j + (takeRight ? (lowRight ? W : 0) + 1 : (lowLeft ? W : 0));
    }
}

}  // namespace

void maxPool2x2Forward(const float* x, int planes, int inH, int inW, int outH, int outW, float* y, int32_t* argmax) {
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
