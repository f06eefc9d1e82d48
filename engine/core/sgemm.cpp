#include "core/sgemm.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/tensor.h"

#if defined(__AVX512F__)
#include "core/sgemm_kernel.h"
#endif

namespace cs {

#if defined(__AVX512F__)

namespace {

using namespace gemm;
constexpr int MC = 128;   // rows of op(A) per packed block (a multiple of MR)
constexpr int NC = 1024;  // columns of op(B) per packed block (a multiple of NR)

struct PackBuffers {
    float* a = nullptr;
    float* b = nullptr;
    PackBuffers() {
        a = static_cast<float*>(std::aligned_alloc(64, sizeof(float) * MC * KC));
        b = static_cast<float*>(std::aligned_alloc(64, sizeof(float) * KC * NC));
        if (!a || !b) {
            std::free(a);
            std::free(b);
            throw std::bad_alloc();
        }
    }
    ~PackBuffers() {
        std::free(a);
        std::free(b);
    }
    PackBuffers(const PackBuffers&) = delete;
    PackBuffers& operator=(const PackBuffers&) = delete;
};

PackBuffers& packBuffers() {
    thread_local PackBuffers buffers;  // allocated on a thread's first product, then reused
    return buffers;
}

// Depth [p0, p0+kc) and columns [j0, j0+nc) of op(B) into NR-column panels (zero-padded).
void packB(const GemmMatrix& B, int p0, int kc, int j0, int nc, float* out) {
    for (int jr = 0; jr < nc; jr += NR, out += int64_t(kc) * NR) {
        const int cols = std::min(NR, nc - jr);
        if (!B.transposed) {  // op(B)(k, j) = data[k * ld + j]: NR contiguous floats per k
            const float* src = B.data + int64_t(p0) * B.ld + j0 + jr;
            if (cols == NR) {
                for (int k = 0; k < kc; ++k, src += B.ld) {
                    _mm512_store_ps(out + int64_t(k) * NR, _mm512_loadu_ps(src));
                    _mm512_store_ps(out + int64_t(k) * NR + 16, _mm512_loadu_ps(src + 16));
                }
            } else {
                __mmask16 m0, m1;
                columnMasks(cols, m0, m1);
                for (int k = 0; k < kc; ++k, src += B.ld) {
                    _mm512_store_ps(out + int64_t(k) * NR, _mm512_maskz_loadu_ps(m0, src));
                    _mm512_store_ps(out + int64_t(k) * NR + 16, _mm512_maskz_loadu_ps(m1, src + 16));
                }
            }
        } else {  // op(B)(k, j) = data[j * ld + k]: each stored row is one panel column
            packRowsAcross(B.data + int64_t(j0 + jr) * B.ld + p0, B.ld, cols, NR, kc, out);
        }
    }
}

}  // namespace

void sgemm(int M, int N, int K, GemmMatrix A, GemmMatrix B, float* C, int64_t ldc, bool accumulate) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        if (!accumulate)
            for (int i = 0; i < M; ++i) std::fill(C + int64_t(i) * ldc, C + int64_t(i) * ldc + N, 0.f);
        return;
    }
    PackBuffers& buf = packBuffers();
    // Split the depth into equal blocks (K = 400 is two blocks of 200, not 384 + 16).
    const int kBlocks = (K + KC - 1) / KC;
    const int kStep = (K + kBlocks - 1) / kBlocks;
    for (int jc = 0; jc < N; jc += NC) {
        const int nc = std::min(NC, N - jc);
        for (int pc = 0; pc < K; pc += kStep) {
            const int kc = std::min(kStep, K - pc);
            const bool acc = accumulate || pc > 0;
            packB(B, pc, kc, jc, nc, buf.b);
            for (int ic = 0; ic < M; ic += MC) {
                const int mc = std::min(MC, M - ic);
                packA(A, ic, mc, pc, kc, buf.a);
                for (int jr = 0; jr < nc; jr += NR) {
                    const int cols = std::min(NR, nc - jr);
                    __mmask16 m0, m1;
                    columnMasks(cols, m0, m1);
                    const float* bp = buf.b + int64_t(jr / NR) * kc * NR;
                    for (int ir = 0; ir < mc; ir += MR)
                        kernel(kc, buf.a + int64_t(ir / MR) * kc * MR, bp, C + int64_t(ic + ir) * ldc + jc + jr, ldc,
                               acc, std::min(MR, mc - ir), m0, m1);
                }
            }
        }
    }
}

bool sgemmIsNative() { return true; }

#else  // no AVX-512: Eigen's product

void sgemm(int M, int N, int K, GemmMatrix A, GemmMatrix B, float* C, int64_t ldc, bool accumulate) {
    if (M <= 0 || N <= 0) return;
    using Stride = Eigen::OuterStride<>;
    using Map = Eigen::Map<const MatrixRM, 0, Stride>;
    Eigen::Map<MatrixRM, 0, Stride> c(C, M, N, Stride(ldc));
    auto product = [&](const auto& a, const auto& b) {
        if (accumulate)
            c.noalias() += a * b;
        else
            c.noalias() = a * b;
    };
    const Map a(A.data, A.transposed ? K : M, A.transposed ? M : K, Stride(A.ld));
    const Map b(B.data, B.transposed ? N : K, B.transposed ? K : N, Stride(B.ld));
    if (A.transposed && B.transposed)
        product(a.transpose(), b.transpose());
    else if (A.transposed)
        product(a.transpose(), b);
    else if (B.transposed)
        product(a, b.transpose());
    else
        product(a, b);
}

bool sgemmIsNative() { return false; }

#endif

}  // namespace cs
