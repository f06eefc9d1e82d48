#pragma once
// Panel packing shared by sgemm's kernels (core/sgemm_kernel.h, core/sgemm_kernel_avx2.h) and the
// implicit-GEMM convolution. ISA-neutral code, always inlined into each kernel namespace's own
// packers so it is compiled with that namespace's instruction set (core/cpu_features.h).
#include <algorithm>
#include <cstdint>

#include "core/sgemm.h"

namespace cs::gemm {

// A k-major panel `width` wide from `rows` stored rows of kc floats each (rows past `rows` are
// zero): panel[k * width + r] = src[r * ld + k]. Packs A's rows and a transposed B's rows.
[[gnu::always_inline]] inline void packRowsAcross(const float* src, int64_t ld, int rows, int width, int kc,
                                                  float* out) {
    for (int r = 0; r < width; ++r, src += ld) {
        if (r >= rows) {
            for (int k = 0; k < kc; ++k) out[int64_t(k) * width + r] = 0.f;
            continue;
        }
        for (int k = 0; k < kc; ++k) out[int64_t(k) * width + r] = src[k];
    }
}

// Rows [i0, i0+mc) and depth [p0, p0+kc) of op(A) into MR-row panels (rows past mc are zero).
template <int MR>
[[gnu::always_inline]] inline void packA(const GemmMatrix& A, int i0, int mc, int p0, int kc, float* out) {
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

// Depth [p0, p0+kc) and columns [j0, j0+nc) of op(B) into NR-column panels (zero-padded);
// a full row of a panel is a fixed-length copy the compiler turns into vector moves.
template <int NR>
[[gnu::always_inline]] inline void packB(const GemmMatrix& B, int p0, int kc, int j0, int nc, float* out) {
    for (int jr = 0; jr < nc; jr += NR, out += int64_t(kc) * NR) {
        const int cols = std::min(NR, nc - jr);
        if (B.transposed) {  // op(B)(k, j) = data[j * ld + k]: each stored row is one panel column
            packRowsAcross(B.data + int64_t(j0 + jr) * B.ld + p0, B.ld, cols, NR, kc, out);
            continue;
        }
        // op(B)(k, j) = data[k * ld + j]: NR contiguous floats per k
        const float* src = B.data + int64_t(p0) * B.ld + j0 + jr;
        for (int k = 0; k < kc; ++k, src += B.ld) {
            float* dst = out + int64_t(k) * NR;
            if (cols == NR) {
                for (int j = 0; j < NR; ++j) dst[j] = src[j];
                continue;
            }
            int j = 0;
            for (; j < cols; ++j) dst[j] = src[j];
            for (; j < NR; ++j) dst[j] = 0.f;
        }
    }
}

}  // namespace cs::gemm
