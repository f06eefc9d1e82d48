#include "layers/conv_gemm.h"

#include <algorithm>
#include <vector>

#include "core/cpu_features.h"
#include "core/sgemm_kernel.h"
// GCC 12 warns inside its own _mm512_max_ps (a deliberately undefined register).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "layers/padded_sample.h"

namespace cs {

// AVX-512 only (masked loads pack the panels); on other CPUs Conv2D's inference takes im2col and
// sgemm.
namespace {

int64_t roundUpToVector(int64_t n) { return (n + 15) & ~int64_t(15); }

namespace avx512 {

using namespace gemm::avx512;

// One run of consecutive output columns within one output row of a panel: for stride 1 their
// inputs are consecutive too. off0/off1 place the run in the panel's two vectors by a masked
// load from (tap + off), lane i reading tap + off + i.
struct Run {
    __mmask16 m0, m1;
    int64_t off0, off1;
};

CS_TARGET_AVX512 int panelRuns(const WindowGeometry& g, const PaddedSample& p, int p0, int cols, Run* runs) {
    int count = 0;
    for (int lane = 0; lane < cols;) {
        const int pos = p0 + lane, oh = pos / g.outW, ow = pos % g.outW;
        const int len = std::min(cols - lane, g.outW - ow);
        const int64_t base = int64_t(oh) * p.W + ow;                          // input offset of the run's first column
        const uint32_t bits = ((len >= 32 ? 0u : (1u << len)) - 1u) << lane;  // lanes [lane, lane+len) of 32
        const uint32_t all = len >= 32 ? 0xFFFFFFFFu : bits;
        runs[count++] = {static_cast<__mmask16>(all & 0xFFFF), static_cast<__mmask16>(all >> 16), base - lane,
                         base - lane + 16};
        lane += len;
    }
    return count;
}

CS_TARGET_AVX512 void forward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int F,
                              bool relu, float* y, float* scratch, std::vector<int32_t>& taps) {
    const PaddedSample pd = PaddedSample::of(g);
    const int K = g.channels * g.window * g.window, P = static_cast<int>(g.outPlane()), s = g.stride;
    const int panels = (P + NR - 1) / NR;
    const int kBlocks = (K + KC - 1) / KC, kStep = (K + kBlocks - 1) / kBlocks;
    const int rowsA = (F + MR - 1) / MR * MR;
    // Scratch: B panels first (64-byte aligned for the kernel's loads), the padded sample, A.
    float* bPanels = scratch;
    float* padded = bPanels + int64_t(panels) * kStep * NR;
    float* aPacked = padded + g.channels * pd.plane();
    for (int b = 0; b < kBlocks; ++b) {
        const int k0 = b * kStep, kc = std::min(kStep, K - k0);
        packA({w, K}, 0, F, k0, kc, aPacked + int64_t(rowsA) * k0);
    }
    taps.resize(static_cast<std::size_t>(K));  // grows once: no allocation per call after that
    int32_t* tap = taps.data();
    pd.tapOffsets(g, tap);

    for (int n = 0; n < N; ++n) {
        pd.pad(x + int64_t(n) * g.channels * g.inPlane(), g, padded);
        float* yn = y + int64_t(n) * F * P;
        for (int b = 0; b < kBlocks; ++b) {
            const int k0 = b * kStep, kc = std::min(kStep, K - k0);
            const bool last = b == kBlocks - 1;
            for (int q = 0; q < panels; ++q) {
                float* out = bPanels + int64_t(q) * kStep * NR;
                const int p0 = q * NR, cols = std::min(NR, P - p0);
                if (s == 1) {
                    Run r[NR];
                    const int nr = panelRuns(g, pd, p0, cols, r);
                    for (int k = 0; k < kc; ++k) {
                        const float* t = padded + tap[k0 + k];
                        __m512 v0 = _mm512_setzero_ps(), v1 = _mm512_setzero_ps();
                        for (int i = 0; i < nr; ++i) {
                            v0 = _mm512_mask_loadu_ps(v0, r[i].m0, t + r[i].off0);
                            v1 = _mm512_mask_loadu_ps(v1, r[i].m1, t + r[i].off1);
                        }
                        _mm512_store_ps(out + int64_t(k) * NR, v0);
                        _mm512_store_ps(out + int64_t(k) * NR + 16, v1);
                    }
                } else {
                    for (int k = 0; k < kc; ++k)
                        for (int j = 0; j < NR; ++j) {
                            const int pos = p0 + j;
                            out[int64_t(k) * NR + j] =
                                j < cols ? padded[tap[k0 + k] + int64_t(pos / g.outW) * s * pd.W + (pos % g.outW) * s]
                                         : 0.f;
                        }
                }
            }
            // Each filter panel (MR x kc, broadcast operand) stays in L1 while the sample's
            // column panels (the vector operand) stream from L2.
            const float* aBlock = aPacked + int64_t(rowsA) * k0;
            for (int f = 0; f < F; f += MR)
                for (int q = 0; q < panels; ++q) {
                    const int p0 = q * NR;
                    __mmask16 m0, m1;
                    columnMasks(std::min(NR, P - p0), m0, m1);
                    kernel(kc, aBlock + int64_t(f) * kc, bPanels + int64_t(q) * kStep * NR, yn + int64_t(f) * P + p0, P,
                           b > 0, std::min(MR, F - f), m0, m1, last && bias ? bias + f : nullptr, last && relu);
                }
        }
    }
}

// Rows pixels (offsets `pixel` in the padded sample) times 32 filters of the packed kernel
// transpose, into yT (rows ldc apart). The rows are read straight from the padded sample, tap by
// tap: nothing is packed for them.
template <int Rows>
CS_TARGET_AVX512 void smallPlaneTile(const float* padded, const int32_t* tap, int K, const int32_t* pixel,
                                     const float* bp, float* yT, int64_t ldc, __mmask16 m0, __mmask16 m1) {
    __m512 acc0[Rows], acc1[Rows];
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) acc0[r] = acc1[r] = _mm512_setzero_ps();
    for (int k = 0; k < K; ++k, bp += NR) {
        const __m512 b0 = _mm512_load_ps(bp), b1 = _mm512_load_ps(bp + 16);
        const float* t = padded + tap[k];
#pragma GCC unroll 8
        for (int r = 0; r < Rows; ++r) {
            const __m512 a = _mm512_set1_ps(t[pixel[r]]);
            acc0[r] = _mm512_fmadd_ps(a, b0, acc0[r]);
            acc1[r] = _mm512_fmadd_ps(a, b1, acc1[r]);
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) {
        _mm512_mask_storeu_ps(yT + r * ldc, m0, acc0[r]);
        _mm512_mask_storeu_ps(yT + r * ldc + 16, m1, acc1[r]);
    }
}

CS_TARGET_AVX512 void smallPlaneForward(const float* x, int N, const WindowGeometry& g, const float* packed,
                                        const float* bias, int F, bool relu, float* y, float* scratch) {
    const PaddedSample pd = PaddedSample::of(g);
    const int K = g.channels * g.window * g.window, P = static_cast<int>(g.outPlane());
    const int colPanels = (F + NR - 1) / NR, ldc = colPanels * NR;
    const int64_t paddedSample = g.channels * pd.plane(), inSample = g.channels * g.inPlane();
    float* yT = scratch;                                                        // group pixels x ldc
    float* padded = yT + roundUpToVector(int64_t(kSmallPlaneGroup) * P * ldc);  // group x C x plane
    int32_t* tap = reinterpret_cast<int32_t*>(padded + kSmallPlaneGroup * paddedSample);
    pd.tapOffsets(g, tap);
    int32_t pixel[kSmallPlaneGroup * kSmallPlane];  // offsets of the group's pixels in `padded`
    for (int n0 = 0; n0 < N; n0 += kSmallPlaneGroup) {
        const int count = std::min(kSmallPlaneGroup, N - n0), pixels = count * P;
        for (int n = 0; n < count; ++n) {
            pd.pad(x + (n0 + n) * inSample, g, padded + n * paddedSample);
            for (int p = 0; p < P; ++p)
                pixel[n * P + p] =
                    static_cast<int32_t>(n * paddedSample + (p / g.outW) * g.stride * pd.W + (p % g.outW) * g.stride);
        }
        for (int q = 0; q < colPanels; ++q) {
            __mmask16 m0, m1;
            columnMasks(std::min(NR, F - q * NR), m0, m1);
            const float* bp = packed + int64_t(q) * K * NR;
            for (int p0 = 0; p0 < pixels; p0 += MR) {
                float* c = yT + int64_t(p0) * ldc + q * NR;
                switch (std::min(MR, pixels - p0)) {  // pixels in this row panel
                    case 1:
                        smallPlaneTile<1>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                    case 2:
                        smallPlaneTile<2>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                    case 3:
                        smallPlaneTile<3>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                    case 4:
                        smallPlaneTile<4>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                    case 5:
                        smallPlaneTile<5>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                    case 6:
                        smallPlaneTile<6>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                    case 7:
                        smallPlaneTile<7>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                    default:
                        smallPlaneTile<8>(padded, tap, K, pixel + p0, bp, c, ldc, m0, m1);
                        break;
                }
            }
        }
        for (int n = 0; n < count; ++n)
            for (int f = 0; f < F; ++f) {
                const float b = bias ? bias[f] : 0.f;
                float* out = y + (int64_t(n0 + n) * F + f) * P;
                for (int p = 0; p < P; ++p) {
                    const float v = yT[int64_t(n * P + p) * ldc + f] + b;
                    out[p] = relu ? std::max(v, 0.f) : v;
                }
            }
    }
}

}  // namespace avx512
}  // namespace

bool convSmallPlaneApplies(const WindowGeometry& g) { return g.outPlane() < kSmallPlane && convGemmAvailable(); }

int64_t convSmallPlaneKernelSize(const WindowGeometry& g, int filters) {
    using namespace gemm::avx512;
    return int64_t(filters + NR - 1) / NR * NR * g.channels * g.window * g.window;
}

void convSmallPlaneKernel(const float* w, const WindowGeometry& g, int filters, float* packed) {
    const int K = g.channels * g.window * g.window;
    gemm::avx512::packB({w, K, true}, 0, K, 0, filters, packed);
}

int64_t convSmallPlaneScratch(const WindowGeometry& g, int filters) {
    using namespace gemm::avx512;
    const int64_t K = int64_t(g.channels) * g.window * g.window, P = g.outPlane();
    const int64_t ldc = (filters + NR - 1) / NR * NR;
    return roundUpToVector(kSmallPlaneGroup * P * ldc) + kSmallPlaneGroup * g.channels * PaddedSample::of(g).plane() +
           K + 64;
}

void convSmallPlaneForward(const float* x, int N, const WindowGeometry& g, const float* packed, const float* bias,
                           int F, bool relu, float* y, float* scratch) {
    avx512::smallPlaneForward(x, N, g, packed, bias, F, relu, y, scratch);
}

bool convGemmAvailable() { return cpuLevel() == CpuLevel::Avx512; }

int64_t convGemmScratch(const WindowGeometry& g, int filters) {
    using namespace gemm::avx512;
    const int64_t K = int64_t(g.channels) * g.window * g.window, P = g.outPlane();
    const int64_t panels = (P + NR - 1) / NR, rowsA = (filters + MR - 1) / MR * MR;
    return panels * std::min<int64_t>(K, KC) * NR + g.channels * PaddedSample::of(g).plane() + rowsA * K + 64;
}

void convGemmForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int F,
                     bool relu, float* y, float* scratch, std::vector<int32_t>& taps) {
    avx512::forward(x, N, g, w, bias, F, relu, y, scratch, taps);
}

}  // namespace cs
