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

// The columns of the 8 x 8 block r[0..7] (rows), in out[0..7].
CS_TARGET_AVX2 inline void transposeRegisters(const __m256 r[8], __m256 out[8]) {
    __m256 t[8];
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) {
        t[2 * i] = _mm256_unpacklo_ps(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm256_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    const __m256 s0 = _mm256_shuffle_ps(t[0], t[2], 0x44), s1 = _mm256_shuffle_ps(t[0], t[2], 0xEE);
    const __m256 s2 = _mm256_shuffle_ps(t[1], t[3], 0x44), s3 = _mm256_shuffle_ps(t[1], t[3], 0xEE);
    const __m256 s4 = _mm256_shuffle_ps(t[4], t[6], 0x44), s5 = _mm256_shuffle_ps(t[4], t[6], 0xEE);
    const __m256 s6 = _mm256_shuffle_ps(t[5], t[7], 0x44), s7 = _mm256_shuffle_ps(t[5], t[7], 0xEE);
    out[0] = _mm256_permute2f128_ps(s0, s4, 0x20);
    out[1] = _mm256_permute2f128_ps(s1, s5, 0x20);
    out[2] = _mm256_permute2f128_ps(s2, s6, 0x20);
    out[3] = _mm256_permute2f128_ps(s3, s7, 0x20);
    out[4] = _mm256_permute2f128_ps(s0, s4, 0x31);
    out[5] = _mm256_permute2f128_ps(s1, s5, 0x31);
    out[6] = _mm256_permute2f128_ps(s2, s6, 0x31);
    out[7] = _mm256_permute2f128_ps(s3, s7, 0x31);
}

// dst row i (ldd apart) = src column i, for an 8 x 8 block of src (rows ld apart).
CS_TARGET_AVX2 inline void transpose8x8(const float* src, int64_t ld, float* dst, int64_t ldd) {
    __m256 r[8], c[8];
#pragma GCC unroll 8
    for (int i = 0; i < 8; ++i) r[i] = _mm256_loadu_ps(src + i * ld);
    transposeRegisters(r, c);
#pragma GCC unroll 8
    for (int i = 0; i < 8; ++i) _mm256_storeu_ps(dst + i * ldd, c[i]);
}

// A's MR-row panel from `rows` (<= MR) stored rows of kc floats (ld apart; rows past `rows` are
// zero), in 8 x 8 register transposes of which each column's first MR floats are stored: the
// scalar gather (gemm::packRowsAcross) was a third of Winograd's kernel-gradient products.
CS_TARGET_AVX2 inline void packRowsAcrossMR(const float* src, int64_t ld, int rows, int kc, float* out) {
    static_assert(MR == 6);
    int k = 0;
    for (; k + 8 <= kc; k += 8, out += 8 * MR) {
        __m256 r[8], c[8];
#pragma GCC unroll 8
        for (int i = 0; i < 8; ++i) r[i] = i < rows ? _mm256_loadu_ps(src + i * ld + k) : _mm256_setzero_ps();
        transposeRegisters(r, c);
#pragma GCC unroll 8
        for (int i = 0; i < 8; ++i) {  // 4 + 2 floats: a whole vector would write past the panel
            _mm_storeu_ps(out + i * MR, _mm256_castps256_ps128(c[i]));
            _mm_storel_pi(reinterpret_cast<__m64*>(out + i * MR + 4), _mm256_extractf128_ps(c[i], 1));
        }
    }
    for (; k < kc; ++k, out += MR)
        for (int r = 0; r < MR; ++r) out[r] = r < rows ? src[int64_t(r) * ld + k] : 0.f;
}

CS_TARGET_AVX2 inline void packA(const GemmMatrix& A, int i0, int mc, int p0, int kc, float* out) {
    if (A.transposed) return gemm::packA<MR>(A, i0, mc, p0, kc, out);
    for (int ir = 0; ir < mc; ir += MR, out += int64_t(kc) * MR)
        packRowsAcrossMR(A.data + int64_t(i0 + ir) * A.ld + p0, A.ld, std::min(MR, mc - ir), kc, out);
}

// gemm::packRowsAcross in 8 x 8 register transposes (the scalar version's stores `width` apart
// made packing a transposed B, Conv2D's dW, an eighth of a training step).
CS_TARGET_AVX2 inline void packRowsAcross(const float* src, int64_t ld, int rows, int width, int kc, float* out) {
    if (rows < width || width % 8 != 0) return gemm::packRowsAcross(src, ld, rows, width, kc, out);
    int k = 0;
    for (; k + 8 <= kc; k += 8)
        for (int r = 0; r < width; r += 8)
            transpose8x8(src + int64_t(r) * ld + k, ld, out + int64_t(k) * width + r, width);
    for (; k < kc; ++k)
        for (int r = 0; r < width; ++r) out[int64_t(k) * width + r] = src[int64_t(r) * ld + k];
}

// op(B)'s panels; a transposed B's full panels through the register transposes.
template <int PanelWidth>
CS_TARGET_AVX2 inline void packBPanels(const GemmMatrix& B, int p0, int kc, int j0, int nc, float* out) {
    if (!B.transposed) return gemm::packB<PanelWidth>(B, p0, kc, j0, nc, out);
    for (int jr = 0; jr < nc; jr += PanelWidth, out += int64_t(kc) * PanelWidth)
        packRowsAcross(B.data + int64_t(j0 + jr) * B.ld + p0, B.ld, std::min(PanelWidth, nc - jr), PanelWidth, kc, out);
}

CS_TARGET_AVX2 inline void packB(const GemmMatrix& B, int p0, int kc, int j0, int nc, float* out) {
    packBPanels<NR>(B, p0, kc, j0, nc, out);
}

// C's MR x NR tile (its first `rows` rows and `cols` columns) = or += Ap * Bp over kc. A partial
// tile goes through a buffer on the stack: AVX2's masked loads would cost more than they save on
// the few edge tiles. Bp's rows are `ldb` floats apart (a packed panel: NR; a multiple of 8 in
// any case), Ap's `astep` (a packed panel: MR; Winograd F(4x4)'s kernel gradient reads its
// tiles' channels in place). Wide == false computes only the first vector of columns (8 columns
// or fewer: half the multiply-adds), and only the first Rows rows are computed (a panel of a few rows costs as
// much as those rows: Winograd's input gradient of a 32-channel layer has a last panel of 2);
// stridedTile below picks both.
template <bool Wide, int Rows>
CS_TARGET_AVX2 inline void stridedTileColumns(int kc, const float* __restrict ap, const float* __restrict bp, float* c,
                                              int64_t ldc, bool accumulate, int cols, int64_t ldb, int64_t astep) {
    __m256 acc0[Rows], acc1[Rows];
#pragma GCC unroll 6
    for (int r = 0; r < Rows; ++r) acc0[r] = acc1[r] = _mm256_setzero_ps();
    for (int k = 0; k < kc; ++k, ap += astep, bp += ldb) {
        const __m256 b0 = _mm256_load_ps(bp);
        const __m256 b1 = Wide ? _mm256_load_ps(bp + 8) : _mm256_setzero_ps();
#pragma GCC unroll 6
        for (int r = 0; r < Rows; ++r) {
            const __m256 a = _mm256_broadcast_ss(ap + r);
            acc0[r] = _mm256_fmadd_ps(a, b0, acc0[r]);
            if constexpr (Wide) acc1[r] = _mm256_fmadd_ps(a, b1, acc1[r]);
        }
    }
    if (Wide && cols == NR) {
#pragma GCC unroll 6
        for (int r = 0; r < Rows; ++r) {
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
    alignas(32) float part[Rows][NR];
    // Unrolled, as every loop over the accumulators: an index not known at compile time would
    // keep them in memory, stored on every step of the loop above.
#pragma GCC unroll 6
    for (int r = 0; r < Rows; ++r) {
        _mm256_store_ps(part[r], acc0[r]);
        _mm256_store_ps(part[r] + 8, acc1[r]);
    }
    for (int r = 0; r < Rows; ++r) {
        float* cr = c + int64_t(r) * ldc;
        for (int j = 0; j < cols; ++j) cr[j] = accumulate ? cr[j] + part[r][j] : part[r][j];
    }
}

template <bool Wide>
CS_TARGET_AVX2 inline void stridedTileRows(int kc, const float* __restrict ap, const float* __restrict bp, float* c,
                                           int64_t ldc, bool accumulate, int rows, int cols, int64_t ldb,
                                           int64_t astep) {
    switch (rows) {
        case 6:
            return stridedTileColumns<Wide, 6>(kc, ap, bp, c, ldc, accumulate, cols, ldb, astep);
        case 5:
            return stridedTileColumns<Wide, 5>(kc, ap, bp, c, ldc, accumulate, cols, ldb, astep);
        case 4:
            return stridedTileColumns<Wide, 4>(kc, ap, bp, c, ldc, accumulate, cols, ldb, astep);
        case 3:
            return stridedTileColumns<Wide, 3>(kc, ap, bp, c, ldc, accumulate, cols, ldb, astep);
        case 2:
            return stridedTileColumns<Wide, 2>(kc, ap, bp, c, ldc, accumulate, cols, ldb, astep);
        default:
            return stridedTileColumns<Wide, 1>(kc, ap, bp, c, ldc, accumulate, cols, ldb, astep);
    }
}

CS_TARGET_AVX2 inline void stridedTile(int kc, const float* __restrict ap, const float* __restrict bp, float* c,
                                       int64_t ldc, bool accumulate, int rows, int cols, int64_t ldb,
                                       int64_t astep = MR) {
    if (cols > 8)
        stridedTileRows<true>(kc, ap, bp, c, ldc, accumulate, rows, cols, ldb, astep);
    else
        stridedTileRows<false>(kc, ap, bp, c, ldc, accumulate, rows, cols, ldb, astep);
}

// The same with B packed in NR-column panels.
CS_TARGET_AVX2 inline void tile(int kc, const float* __restrict ap, const float* __restrict bp, float* c, int64_t ldc,
                                bool accumulate, int rows, int cols) {
    stridedTile(kc, ap, bp, c, ldc, accumulate, rows, cols, NR);
}

}  // namespace cs::gemm::avx2
