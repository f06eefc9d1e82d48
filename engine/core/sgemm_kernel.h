#pragma once
// The AVX-512 register-tile kernel behind sgemm (core/sgemm.cpp) and the convolution's implicit
// GEMM (layers/conv_gemm.cpp). Internal to the engine. Every function carries CS_TARGET_AVX512
// and runs only when cpuLevel() is Avx512 (core/cpu_features.h).
#include <immintrin.h>

#include <algorithm>
#include <cstdint>

#include "core/cpu_features.h"
#include "core/sgemm_kernel_avx2.h"
#include "core/sgemm_pack.h"

namespace cs::gemm::avx512 {

// A register tile of C is MR x NR (8 rows x two 16-float vectors: 16 accumulators). op(A) is
// packed into MR-row panels, op(B) into NR-column panels, both k-major, so the kernel reads both
// sequentially. Blocks: KC x NR of B stays in L1 while the MR-row panels of A stream from L2.
constexpr int MR = 8, NR = 32;
constexpr int KC = 384;   // depth of one packed block
constexpr int MC = 128;   // rows of op(A) per packed block (a multiple of MR)
constexpr int NC = 1024;  // columns of op(B) per packed block (a multiple of NR)

// A row-major op(A)'s MR-row panels through 8 x 8 register transposes (the scalar loop's
// stores MR apart were 40% of Conv2D's single-image implicit GEMM, which packs the kernel).
CS_TARGET_AVX512 inline void packA(const GemmMatrix& A, int i0, int mc, int p0, int kc, float* out) {
    static_assert(MR == 8);
    if (A.transposed) return gemm::packA<MR>(A, i0, mc, p0, kc, out);
    for (int ir = 0; ir < mc; ir += MR, out += int64_t(kc) * MR)
        avx2::packRowsAcross(A.data + int64_t(i0 + ir) * A.ld + p0, A.ld, std::min(MR, mc - ir), MR, kc, out);
}

CS_TARGET_AVX512 inline void packB(const GemmMatrix& B, int p0, int kc, int j0, int nc, float* out) {
    avx2::packBPanels<NR>(B, p0, kc, j0, nc, out);  // AVX-512 includes AVX2
}

// The kernel below for its first Rows rows (the others are padding: a panel of a few rows costs
// as much as those rows), on one (Wide == false: columns 16..31 masked off, m1 == 0) or both of
// the tile's vectors (a panel of 16 columns or fewer costs half the multiply-adds).
template <bool Wide, int Rows>
CS_TARGET_AVX512 inline void kernelColumns(int kc, const float* __restrict ap, const float* __restrict bp, float* c,
                                           int64_t ldc, bool accumulate, __mmask16 m0, __mmask16 m1, const float* bias,
                                           bool relu, int64_t ldb) {
    __m512 acc0[Rows], acc1[Rows];
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) acc0[r] = acc1[r] = _mm512_setzero_ps();
    for (int k = 0; k < kc; ++k, ap += MR, bp += ldb) {
        const __m512 b0 = _mm512_load_ps(bp);
        const __m512 b1 = Wide ? _mm512_load_ps(bp + 16) : _mm512_setzero_ps();
#pragma GCC unroll 8
        for (int r = 0; r < Rows; ++r) {
            const __m512 a = _mm512_set1_ps(ap[r]);
            acc0[r] = _mm512_fmadd_ps(a, b0, acc0[r]);
            if constexpr (Wide) acc1[r] = _mm512_fmadd_ps(a, b1, acc1[r]);
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) {
        float* cr = c + int64_t(r) * ldc;
        if (accumulate) {
            acc0[r] = _mm512_add_ps(acc0[r], _mm512_maskz_loadu_ps(m0, cr));
            if constexpr (Wide) acc1[r] = _mm512_add_ps(acc1[r], _mm512_maskz_loadu_ps(m1, cr + 16));
        }
        if (bias) {
            const __m512 b = _mm512_set1_ps(bias[r]);
            acc0[r] = _mm512_add_ps(acc0[r], b);
            if constexpr (Wide) acc1[r] = _mm512_add_ps(acc1[r], b);
        }
        if (relu) {
            acc0[r] = _mm512_max_ps(acc0[r], _mm512_setzero_ps());
            if constexpr (Wide) acc1[r] = _mm512_max_ps(acc1[r], _mm512_setzero_ps());
        }
        _mm512_mask_storeu_ps(cr, m0, acc0[r]);
        if constexpr (Wide) _mm512_mask_storeu_ps(cr + 16, m1, acc1[r]);
    }
}

// The same for 8 columns or fewer, in 8-float vectors: CPUs that split a 16-float multiply-add
// in two (AMD's) run twice as many of these, the others as many.
template <int Rows>
CS_TARGET_AVX512 inline void kernelEight(int kc, const float* __restrict ap, const float* __restrict bp, float* c,
                                         int64_t ldc, bool accumulate, __mmask8 m, const float* bias, bool relu,
                                         int64_t ldb) {
    __m256 acc[Rows];
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) acc[r] = _mm256_setzero_ps();
    for (int k = 0; k < kc; ++k, ap += MR, bp += ldb) {
        const __m256 b = _mm256_load_ps(bp);
#pragma GCC unroll 8
        for (int r = 0; r < Rows; ++r) acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(ap[r]), b, acc[r]);
    }
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) {
        float* cr = c + int64_t(r) * ldc;
        if (accumulate) acc[r] = _mm256_add_ps(acc[r], _mm256_maskz_loadu_ps(m, cr));
        if (bias) acc[r] = _mm256_add_ps(acc[r], _mm256_set1_ps(bias[r]));
        if (relu) acc[r] = _mm256_max_ps(acc[r], _mm256_setzero_ps());
        _mm256_mask_storeu_ps(cr, m, acc[r]);
    }
}

template <int Rows>
CS_TARGET_AVX512 inline void kernelRows(int kc, const float* ap, const float* bp, float* c, int64_t ldc,
                                        bool accumulate, __mmask16 m0, __mmask16 m1, const float* bias, bool relu,
                                        int64_t ldb) {
    if (m1 != 0)
        kernelColumns<true, Rows>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
    else if (m0 > 0xFF)
        kernelColumns<false, Rows>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
    else
        kernelEight<Rows>(kc, ap, bp, c, ldc, accumulate, static_cast<__mmask8>(m0), bias, relu, ldb);
}

// C's MR x NR tile (its first `rows` rows, columns masked by m0/m1) = or += Ap * Bp over kc.
// The epilogue, when `bias` is given, adds bias[r] to row r; `relu` then clamps at zero.
// Bp's rows are `ldb` floats apart (a packed panel: NR; a multiple of 16 in any case).
CS_TARGET_AVX512 inline void kernel(int kc, const float* __restrict ap, const float* __restrict bp, float* c,
                                    int64_t ldc, bool accumulate, int rows, __mmask16 m0, __mmask16 m1,
                                    const float* bias = nullptr, bool relu = false, int64_t ldb = NR) {
    static_assert(MR == 8);
    switch (rows) {
        case 1:
            return kernelRows<1>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
        case 2:
            return kernelRows<2>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
        case 3:
            return kernelRows<3>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
        case 4:
            return kernelRows<4>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
        case 5:
            return kernelRows<5>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
        case 6:
            return kernelRows<6>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
        case 7:
            return kernelRows<7>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
        default:
            return kernelRows<8>(kc, ap, bp, c, ldc, accumulate, m0, m1, bias, relu, ldb);
    }
}

// Masks of the first `cols` (0..NR) columns of a tile, for its two vectors.
CS_TARGET_AVX512 inline void columnMasks(int cols, __mmask16& m0, __mmask16& m1) {
    m0 = static_cast<__mmask16>(cols >= 16 ? 0xFFFF : (1u << cols) - 1);
    m1 = static_cast<__mmask16>(cols >= 32 ? 0xFFFF : cols <= 16 ? 0 : (1u << (cols - 16)) - 1);
}

// The kernel on the first `cols` columns of the tile (sgemm's blocked loop calls this).
CS_TARGET_AVX512 inline void tile(int kc, const float* ap, const float* bp, float* c, int64_t ldc, bool accumulate,
                                  int rows, int cols) {
    __mmask16 m0, m1;
    columnMasks(cols, m0, m1);
    kernel(kc, ap, bp, c, ldc, accumulate, rows, m0, m1);
}

}  // namespace cs::gemm::avx512
