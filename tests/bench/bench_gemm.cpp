// The convolution products of the seed-cnn model at one worker's share of a batch of 64, timed
// with the engine's sgemm and with Eigen's product. A benchmark: it reports, it asserts nothing.
//   bench_gemm [REPEATS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/sgemm.h"
#include "core/tensor.h"

using namespace cs;

namespace {

struct Shape3 {
    const char* what;
    int M, N, K;
    bool ta, tb;
    bool paddedRows = false;  // rows whole 16-float multiples apart, as Winograd's matrices are
};

template <class F>
double bestSeconds(int repeats, F&& f) {
    double best = 1e9;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 50;
    // conv2d_1 (32 -> 64 channels, 3x3, 11x11 output) on a chunk of 7 samples (847 columns),
    // conv2d (1 -> 32, 26x26) on 7 samples, conv2d_2 (64 -> 64, 3x3 output) on 32 samples.
    const Shape3 shapes[] = {
        {"conv2d_1 forward   W*col", 64, 847, 288, false, false},
        {"conv2d_1 dW        dY*col^T", 64, 288, 847, false, true},
        {"conv2d_1 dcol      W^T*dY", 288, 847, 64, true, false},
        {"conv2d forward     W*col", 32, 4732, 9, false, false},
        {"conv2d_2 forward   W*col", 64, 288, 576, false, false},
        {"conv2d_2 dcol      W^T*dY", 576, 288, 64, true, false},
        // A whole batch of 64: conv2d_2's kernel gradient, and one of Winograd's sixteen
        // kernel-gradient products for conv2d_1 (a block of 84 tiles).
        {"conv2d_2 dW (64)   dY*col^T", 64, 576, 576, false, true},
        {"winograd dW block  dM*V^T", 64, 32, 84, false, true, true},
        {"dense dW (64)      dY^T*x", 64, 576, 64, true, false},
    };
    std::printf("sgemm kernel: %s\n", sgemmKernelName());
    std::printf("%-30s %8s %12s %12s %8s\n", "product", "MxNxK", "sgemm GF/s", "Eigen GF/s", "ratio");
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    for (const Shape3& s : shapes) {
        const int ar = s.ta ? s.K : s.M, ac = s.ta ? s.M : s.K, br = s.tb ? s.N : s.K, bc = s.tb ? s.K : s.N;
        const int64_t lda = s.paddedRows ? (ac + 15) / 16 * 16 : ac, ldb = s.paddedRows ? (bc + 15) / 16 * 16 : bc;
        std::vector<float, Eigen::aligned_allocator<float>> a(ar * lda), b(br * ldb), c(int64_t(s.M) * s.N);
        for (float& v : a) v = u(rng);
        for (float& v : b) v = u(rng);
        const double flops = 2.0 * s.M * s.N * s.K;
        const double tOurs = bestSeconds(repeats, [&] {
            sgemm(s.M, s.N, s.K, {a.data(), lda, s.ta}, {b.data(), ldb, s.tb}, c.data(), s.N, false);
        });
        using Strided = Eigen::Map<const MatrixRM, 0, Eigen::OuterStride<>>;
        const Strided am(a.data(), ar, ac, Eigen::OuterStride<>(lda)), bm(b.data(), br, bc, Eigen::OuterStride<>(ldb));
        MatMapU cm(c.data(), s.M, s.N);
        const double tEigen = bestSeconds(repeats, [&] {
            if (s.ta && s.tb)
                cm.noalias() = am.transpose() * bm.transpose();
            else if (s.ta)
                cm.noalias() = am.transpose() * bm;
            else if (s.tb)
                cm.noalias() = am * bm.transpose();
            else
                cm.noalias() = am * bm;
        });
        char dims[32];
        std::snprintf(dims, sizeof dims, "%dx%dx%d", s.M, s.N, s.K);
        std::printf("%-30s %8s %12.1f %12.1f %8.2f\n", s.what, dims, flops / tOurs * 1e-9, flops / tEigen * 1e-9,
                    tEigen / tOurs);
    }
    return 0;
}
