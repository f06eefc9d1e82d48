#pragma once
// The AVX-512 register-tile kernel behind sgemm (core/sgemm.cpp) and the convolution's implicit
// GEMM (layers/conv_gemm.cpp). Internal to the engine; include only where __AVX512F__ is defined.
#include <immintrin.h>

#include <algorithm>
#include <cstdint>

#include "core/sgemm.h"

namespace cs::gemm {

// A register tile of C is MR x NR (8 rows x two 16-float vectors: 16 accumulators). op(A) is
// packed into MR-row panels, op(B) into NR-column panels, both k-major, so the kernel reads both
// sequentially. Blocks: KC x NR of B stays in L1 while the MR-row panels of A stream from L2.
constexpr int MR = 8, NR = 32;
constexpr int KC = 384;  // depth of one packed block

// A k-major panel `width` wide from `rows` stored rows of kc floats each (rows past `rows` are
// zero): panel[k * width + r] = src[r * ld + k]. Packs A's rows and a transposed B's rows.
inline void packRowsAcross(const float* src, int64_t ld, int rows, int width, int kc, float* out) {
    for (int r = 0; r < width; ++r, src += ld) {
        if (r >= rows) {
            for (int k = 0; k < kc; ++k) out[int64_t(k) * width + r] = 0.f;
            continue;
        }
        for (int k = 0; k < kc; ++k) out[int64_t(k) * width + r] = src[k];
    }
}

// Rows [i0, i0+mc) and depth [p0, p0+kc) of op(A) into MR-row panels (rows past mc are zero).
inline void packA(const GemmMatrix& A, int i0, int mc, int p0, int kc, float* out) {
    for (int ir = 0; ir < mc; ir += MR, out += int64_t(kc) * MR) {
        const int rows = std::min(MR, mc - ir);
        if (A.transposed) {  // op(A)(i, k) = data[k * ld + i]: MR contiguous floats per k
            const float* src = A.data + int64_t(p0) * A.ld + i0 + ir;
            for (int k = 0; k < kc; ++k, src += A.ld) {
                float* dst = out + int64_t(k) * MR;
                int r = 0;
                for (; r < rows; ++r) dst[r] = src[r];
                for (; r < MR; ++r) dst[r] = 0.f;
            }
        } else {  // op(A)(i, k) = data[i * ld + k]
            packRowsAcross(A.data + int64_t(i0 + ir) * A.ld + p0, A.ld, rows, MR, kc, out);
        }
    }
}

// C's MR x NR tile (its first `rows` rows, columns masked by m0/m1) = or += Ap * Bp over kc.
// The epilogue, when `bias` is given, adds bias[r] to row r; `relu` then clamps at zero.
inline void kernel(int kc, const float* __restrict ap, const float* __restrict bp, float* c, int64_t ldc,
                   bool accumulate, int rows, __mmask16 m0, __mmask16 m1, const float* bias = nullptr,
                   bool relu = false) {
    __m512 acc0[MR], acc1[MR];
#pragma GCC unroll 8
    for (int r = 0; r < MR; ++r) acc0[r] = acc1[r] = _mm512_setzero_ps();
    for (int k = 0; k < kc; ++k, ap += MR, bp += NR) {
        const __m512 b0 = _mm512_load_ps(bp);
        const __m512 b1 = _mm512_load_ps(bp + 16);
#pragma GCC unroll 8
        for (int r = 0; r < MR; ++r) {
            const __m512 a = _mm512_set1_ps(ap[r]);
            acc0[r] = _mm512_fmadd_ps(a, b0, acc0[r]);
            acc1[r] = _mm512_fmadd_ps(a, b1, acc1[r]);
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < MR; ++r) {
        if (r >= rows) break;
        float* cr = c + int64_t(r) * ldc;
        if (accumulate) {
            acc0[r] = _mm512_add_ps(acc0[r], _mm512_maskz_loadu_ps(m0, cr));
            acc1[r] = _mm512_add_ps(acc1[r], _mm512_maskz_loadu_ps(m1, cr + 16));
        }
        if (bias) {
            const __m512 b = _mm512_set1_ps(bias[r]);
            acc0[r] = _mm512_add_ps(acc0[r], b);
            acc1[r] = _mm512_add_ps(acc1[r], b);
        }
        if (relu) {
            acc0[r] = _mm512_max_ps(acc0[r], _mm512_setzero_ps());
            acc1[r] = _mm512_max_ps(acc1[r], _mm512_setzero_ps());
        }
        _mm512_mask_storeu_ps(cr, m0, acc0[r]);
        _mm512_mask_storeu_ps(cr + 16, m1, acc1[r]);
    }
}

// Masks of the first `cols` (0..NR) columns of a tile, for its two vectors.
inline void columnMasks(int cols, __mmask16& m0, __mmask16& m1) {
    m0 = static_cast<__mmask16>(cols >= 16 ? 0xFFFF : (1u << cols) - 1);
    m1 = static_cast<__mmask16>(cols >= 32 ? 0xFFFF : cols <= 16 ? 0 : (1u << (cols - 16)) - 1);
}

}  // namespace cs::gemm
