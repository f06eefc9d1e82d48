#pragma once
// Lane masks and a horizontal sum for the AVX2 kernels, which have no mask registers: a mask is
// a vector whose selected lanes are all ones (for _mm256_maskload_ps / _mm256_maskstore_ps,
// which do not touch memory under cleared lanes). Internal to the engine; CS_TARGET_AVX2.
#include <immintrin.h>

#include "core/cpu_features.h"

namespace cs::simd::avx2 {

// Lanes [first, last) of 8 (either bound may lie outside 0..8).
CS_TARGET_AVX2 inline __m256i laneMask(int first, int last) {
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_and_si256(_mm256_cmpgt_epi32(_mm256_set1_epi32(last), lane),
                            _mm256_cmpgt_epi32(lane, _mm256_set1_epi32(first - 1)));
}

// The first n lanes of 8.
CS_TARGET_AVX2 inline __m256i laneMask(int n) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

CS_TARGET_AVX2 inline __m256 maskLoad(const float* p, __m256i mask) { return _mm256_maskload_ps(p, mask); }

CS_TARGET_AVX2 inline void maskStore(float* p, __m256i mask, __m256 v) { _mm256_maskstore_ps(p, mask, v); }

// The lanes of `mask` where v > 0.
CS_TARGET_AVX2 inline __m256i positiveLanes(__m256i mask, __m256 v) {
    return _mm256_and_si256(mask, _mm256_castps_si256(_mm256_cmp_ps(v, _mm256_setzero_ps(), _CMP_GT_OQ)));
}

CS_TARGET_AVX2 inline float sum(__m256 v) {
    const __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 t = _mm_add_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_add_ss(t, _mm_shuffle_ps(t, t, 1)));
}

}  // namespace cs::simd::avx2
