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

}  // namespace avx512
}  // namespace

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
