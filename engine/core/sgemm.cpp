#include "core/sgemm.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/cpu_features.h"
#include "core/sgemm_kernel.h"
#include "core/sgemm_kernel_avx2.h"
#include "core/tensor.h"

namespace cs {

namespace {

// One instruction set's packers, tile kernel and block sizes, for the blocked loop below.
struct Avx512Kernels {
    static constexpr int MR = gemm::avx512::MR, NR = gemm::avx512::NR;
    static constexpr int KC = gemm::avx512::KC, MC = gemm::avx512::MC, NC = gemm::avx512::NC;
    static constexpr auto packA = &gemm::avx512::packA;
    static constexpr auto packB = &gemm::avx512::packB;
    static constexpr auto tile = &gemm::avx512::tile;
};

struct Avx2Kernels {
    static constexpr int MR = gemm::avx2::MR, NR = gemm::avx2::NR;
    static constexpr int KC = gemm::avx2::KC, MC = gemm::avx2::MC, NC = gemm::avx2::NC;
    static constexpr auto packA = &gemm::avx2::packA;
    static constexpr auto packB = &gemm::avx2::packB;
    static constexpr auto tile = &gemm::avx2::tile;
};

template <class Kernels>
struct PackBuffers {
    float* a = nullptr;
    float* b = nullptr;
    PackBuffers() {
        a = static_cast<float*>(std::aligned_alloc(64, sizeof(float) * Kernels::MC * Kernels::KC));
        b = static_cast<float*>(std::aligned_alloc(64, sizeof(float) * Kernels::KC * Kernels::NC));
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

template <class Kernels>
PackBuffers<Kernels>& packBuffers() {
    thread_local PackBuffers<Kernels> buffers;  // allocated on a thread's first product, then reused
    return buffers;
}

// The cache-blocked product with packed panels (K > 0).
template <class Kernels>
void blockedSgemm(int M, int N, int K, const GemmMatrix& A, const GemmMatrix& B, float* C, int64_t ldc,
                  bool accumulate) {
    constexpr int MR = Kernels::MR, NR = Kernels::NR, KC = Kernels::KC, MC = Kernels::MC, NC = Kernels::NC;
    PackBuffers<Kernels>& buf = packBuffers<Kernels>();
    // Split the depth into equal blocks (K = 400 is two blocks of 200, not 384 + 16).
    const int kBlocks = (K + KC - 1) / KC;
    const int kStep = (K + kBlocks - 1) / kBlocks;
    for (int jc = 0; jc < N; jc += NC) {
        const int nc = std::min(NC, N - jc);
        for (int pc = 0; pc < K; pc += kStep) {
            const int kc = std::min(kStep, K - pc);
            const bool acc = accumulate || pc > 0;
            Kernels::packB(B, pc, kc, jc, nc, buf.b);
            for (int ic = 0; ic < M; ic += MC) {
                const int mc = std::min(MC, M - ic);
                Kernels::packA(A, ic, mc, pc, kc, buf.a);
                for (int jr = 0; jr < nc; jr += NR) {
                    const int cols = std::min(NR, nc - jr);
                    const float* bp = buf.b + int64_t(jr / NR) * kc * NR;
                    for (int ir = 0; ir < mc; ir += MR)
                        Kernels::tile(kc, buf.a + int64_t(ir / MR) * kc * MR, bp, C + int64_t(ic + ir) * ldc + jc + jr,
                                      ldc, acc, std::min(MR, mc - ir), cols);
                }
            }
        }
    }
}

// Without AVX2: Eigen's product.
void eigenSgemm(int M, int N, int K, const GemmMatrix& A, const GemmMatrix& B, float* C, int64_t ldc, bool accumulate) {
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

}  // namespace

void sgemm(int M, int N, int K, GemmMatrix A, GemmMatrix B, float* C, int64_t ldc, bool accumulate) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        if (!accumulate)
            for (int i = 0; i < M; ++i) std::fill(C + int64_t(i) * ldc, C + int64_t(i) * ldc + N, 0.f);
        return;
    }
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return blockedSgemm<Avx512Kernels>(M, N, K, A, B, C, ldc, accumulate);
        case CpuLevel::Avx2:
            return blockedSgemm<Avx2Kernels>(M, N, K, A, B, C, ldc, accumulate);
        case CpuLevel::Scalar:
            break;
    }
    eigenSgemm(M, N, K, A, B, C, ldc, accumulate);
}

const char* sgemmKernelName() {
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return "packed AVX-512";
        case CpuLevel::Avx2:
            return "packed AVX2";
        case CpuLevel::Scalar:
            break;
    }
    return "Eigen";
}

}  // namespace cs
