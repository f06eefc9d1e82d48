#include "layers/conv_small_plane.h"

#include <algorithm>

#include "core/cpu_features.h"
#include "core/sgemm_kernel.h"
#include "layers/padded_sample.h"

namespace cs {

namespace {

int64_t roundUpToVector(int64_t n) { return (n + 15) & ~int64_t(15); }

// One group's product: `pixels` rows (offsets `pixel` in `padded`) times the packed kernel's
// column panels, into yT (rows ldc apart).
struct GroupProduct {
    const float* padded;
    const int32_t* tap;
    int K;
    const int32_t* pixel;
    int pixels;
    const float* packed;
    int colPanels;
    float* yT;
    int64_t ldc;
};

namespace avx512 {

using namespace gemm::avx512;

// Rows pixels times one 32-filter panel.
template <int Rows>
CS_TARGET_AVX512 void tile(const GroupProduct& g, const int32_t* pixel, const float* bp, float* c) {
    __m512 acc0[Rows], acc1[Rows];
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) acc0[r] = acc1[r] = _mm512_setzero_ps();
    for (int k = 0; k < g.K; ++k, bp += NR) {
        const __m512 b0 = _mm512_load_ps(bp), b1 = _mm512_load_ps(bp + 16);
        const float* t = g.padded + g.tap[k];
#pragma GCC unroll 8
        for (int r = 0; r < Rows; ++r) {
            const __m512 a = _mm512_set1_ps(t[pixel[r]]);
            acc0[r] = _mm512_fmadd_ps(a, b0, acc0[r]);
            acc1[r] = _mm512_fmadd_ps(a, b1, acc1[r]);
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) {  // whole panels: yT's rows are ldc (whole panels) long
        _mm512_storeu_ps(c + r * g.ldc, acc0[r]);
        _mm512_storeu_ps(c + r * g.ldc + 16, acc1[r]);
    }
}

}  // namespace avx512

namespace avx2 {

using namespace gemm::avx2;

// Rows pixels times one 16-filter panel.
template <int Rows>
CS_TARGET_AVX2 void tile(const GroupProduct& g, const int32_t* pixel, const float* bp, float* c) {
    __m256 acc0[Rows], acc1[Rows];
#pragma GCC unroll 6
    for (int r = 0; r < Rows; ++r) acc0[r] = acc1[r] = _mm256_setzero_ps();
    for (int k = 0; k < g.K; ++k, bp += NR) {
        const __m256 b0 = _mm256_load_ps(bp), b1 = _mm256_load_ps(bp + 8);
        const float* t = g.padded + g.tap[k];
#pragma GCC unroll 6
        for (int r = 0; r < Rows; ++r) {
            const __m256 a = _mm256_broadcast_ss(t + pixel[r]);
            acc0[r] = _mm256_fmadd_ps(a, b0, acc0[r]);
            acc1[r] = _mm256_fmadd_ps(a, b1, acc1[r]);
        }
    }
#pragma GCC unroll 6
    for (int r = 0; r < Rows; ++r) {
        _mm256_storeu_ps(c + r * g.ldc, acc0[r]);
        _mm256_storeu_ps(c + r * g.ldc + 8, acc1[r]);
    }
}

}  // namespace avx2

// An instruction set's register tiles: tiles[r] takes r pixels (1..rows) times `columns` filters.
using Tile = void (*)(const GroupProduct&, const int32_t* pixel, const float* bp, float* c);
struct TileSet {
    int rows, columns;
    Tile tiles[gemm::avx512::MR + 1];
};
constexpr TileSet kAvx512Tiles{gemm::avx512::MR,
                               gemm::avx512::NR,
                               {nullptr, avx512::tile<1>, avx512::tile<2>, avx512::tile<3>, avx512::tile<4>,
                                avx512::tile<5>, avx512::tile<6>, avx512::tile<7>, avx512::tile<8>}};
constexpr TileSet kAvx2Tiles{
    gemm::avx2::MR,
    gemm::avx2::NR,
    {nullptr, avx2::tile<1>, avx2::tile<2>, avx2::tile<3>, avx2::tile<4>, avx2::tile<5>, avx2::tile<6>}};
static_assert(gemm::avx512::MR == 8 && gemm::avx2::MR == 6);

const TileSet& tileSet() { return cpuLevel() == CpuLevel::Avx512 ? kAvx512Tiles : kAvx2Tiles; }

int panelWidth() { return tileSet().columns; }

// The group's pixels, a row panel at a time, times each column panel of the kernel.
void product(const GroupProduct& g, const TileSet& t) {
    for (int q = 0; q < g.colPanels; ++q)
        for (int p0 = 0; p0 < g.pixels; p0 += t.rows)
            t.tiles[std::min(t.rows, g.pixels - p0)](g, g.pixel + p0, g.packed + int64_t(q) * g.K * t.columns,
                                                     g.yT + p0 * g.ldc + q * t.columns);
}

}  // namespace

bool convSmallPlaneApplies(const WindowGeometry& g) {
    return g.outPlane() < kSmallPlane && cpuLevel() != CpuLevel::Scalar;
}

int64_t convSmallPlaneKernelSize(const WindowGeometry& g, int filters) {
    const int nr = panelWidth();
    return int64_t(filters + nr - 1) / nr * nr * g.channels * g.window * g.window;
}

void convSmallPlaneKernel(const float* w, const WindowGeometry& g, int filters, float* packed) {
    const int K = g.channels * g.window * g.window;
    if (cpuLevel() == CpuLevel::Avx512)
        gemm::avx512::packB({w, K, true}, 0, K, 0, filters, packed);
    else
        gemm::avx2::packB({w, K, true}, 0, K, 0, filters, packed);
}

int64_t convSmallPlaneScratch(const WindowGeometry& g, int filters) {
    const int64_t K = int64_t(g.channels) * g.window * g.window, P = g.outPlane();
    const int64_t ldc = (filters + panelWidth() - 1) / panelWidth() * panelWidth();
    return roundUpToVector(kSmallPlaneGroup * P * ldc) + kSmallPlaneGroup * g.channels * PaddedSample::of(g).plane() +
           K + 64;
}

void convSmallPlaneForward(const float* x, int N, const WindowGeometry& g, const float* packed, const float* bias,
                           int F, bool relu, float* y, float* scratch) {
    const PaddedSample pd = PaddedSample::of(g);
    const int K = g.channels * g.window * g.window, P = static_cast<int>(g.outPlane()), nr = panelWidth();
    const int colPanels = (F + nr - 1) / nr;
    const int64_t ldc = int64_t(colPanels) * nr, paddedSample = g.channels * pd.plane(),
                  inSample = g.channels * g.inPlane();
    float* yT = scratch;                                                        // group pixels x ldc
    float* padded = yT + roundUpToVector(int64_t(kSmallPlaneGroup) * P * ldc);  // group x C x plane
    int32_t* tap = reinterpret_cast<int32_t*>(padded + kSmallPlaneGroup * paddedSample);
    pd.tapOffsets(g, tap);
    int32_t pixel[kSmallPlaneGroup * kSmallPlane];  // offsets of the group's pixels in `padded`
    const TileSet& tiles = tileSet();
    for (int n0 = 0; n0 < N; n0 += kSmallPlaneGroup) {
        const int count = std::min(kSmallPlaneGroup, N - n0);
        for (int n = 0; n < count; ++n) {
            pd.pad(x + (n0 + n) * inSample, g, padded + n * paddedSample);
            for (int p = 0; p < P; ++p)
                pixel[n * P + p] =
                    static_cast<int32_t>(n * paddedSample + (p / g.outW) * g.stride * pd.W + (p % g.outW) * g.stride);
        }
        product({padded, tap, K, pixel, count * P, packed, colPanels, yT, ldc}, tiles);
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

}  // namespace cs
