#pragma once
// The AVX2 + FMA register-tile kernel behind sgemm (core/sgemm.cpp): the AVX-512 design of
// core/sgemm_kernel.h with 16 ymm registers, so a 6 x 16 tile (12 accumulators, two B vectors
// and one broadcast). Every function carries CS_TARGET_AVX2 and runs only when cpuLevel() is
// Avx2 (core/cpu_features.h).
#include <immintrin.h>

#include <algorithm>
#include <cstdint>

#include "core/cpu_features.h"
#include "core/sgemm_pack.h"

namespace cs::gemm::avx2 {

constexpr int MR = 6, NR = 16;
constexpr int KC = 256;   // depth of one packed block: a KC x NR panel of B is 16 KB (L1)
constexpr int MC = 120;   // rows of op(A) per packed block (a multiple of MR; 120 KB, L2)
constexpr int NC = 1024;  // columns of op(B) per packed block (a multiple of NR)

CS_TARGET_AVX2 inline void packA(const GemmMatrix& A, int i0, int mc, int p0, int kc, float* out) {
    gemm::packA<MR>(A, i0, mc, p0, kc, out);
}

CS_TARGET_AVX2 inline void packB(const GemmMatrix& B, int p0, int kc, int j0, int nc, float* out) {
    gemm::packB<NR>(B, p0, kc, j0, nc, out);
}

// C's MR x NR tile (its first `rows` rows and `cols` columns) = or += Ap * Bp over kc. A partial
// tile goes through a buffer on the stack: AVX2's masked loads would cost more than they save on
// the few edge tiles.
CS_TARGET_AVX2 inline void tile(int kc, const float* __restrict ap, const float* __restrict bp, float* c, int64_t ldc,
                                bool accumulate, int rows, int cols) {
    __m256 acc0[MR], acc1[MR];
#pragma GCC unroll 6
    for (int r = 0; r < MR; ++r) acc0[r] = acc1[r] = _mm256_setzero_ps();
    for (int k = 0; k < kc; ++k, ap += MR, bp += NR) {
        const __m256 b0 = _mm256_load_ps(bp);
        const __m256 b1 = _mm256_load_ps(bp + 8);
#pragma GCC unroll 6
        for (int r = 0; r < MR; ++r) {
            const __m256 a = _mm256_broadcast_ss(ap + r);
            acc0[r] = _mm256_fmadd_ps(a, b0, acc0[r]);
            acc1[r] = _mm256_fmadd_ps(a, b1, acc1[r]);
        }
    }
    if (rows == MR && cols == NR) {
#pragma GCC unroll 6
        for (int r = 0; r < MR; ++r) {
            float* cr = c + int64_t(r) * ldc;
            if (accumulate) {
                acc0[r] = _mm256_add_ps(acc0[r], _mm256_loadu_ps(cr));
                acc1[r] = _mm256_add_ps(acc1[r], _mm256_loadu_ps(cr + 8));
            }
            _mm256_storeu_ps(cr, acc0[r]);
            _mm256_storeu_ps(cr + 8, acc1[r]);
        }
        return;
    }
    alignas(32) float part[MR][NR];
    // Unrolled, as every loop over the accumulators: an index not known at compile time would
    // keep them in memory, stored on every step of the loop above.
#pragma GCC unroll 6
    for (int r = 0; r < MR; ++r) {
        _mm256_store_ps(part[r], acc0[r]);
        _mm256_store_ps(part[r] + 8, acc1[r]);
    }
    for (int r = 0; r < rows; ++r) {
        float* cr = c + int64_t(r) * ldc;
        for (int j = 0; j < cols; ++j) cr[j] = accumulate ? cr[j] + part[r][j] : part[r][j];
    }
}

}  // namespace cs::gemm::avx2
