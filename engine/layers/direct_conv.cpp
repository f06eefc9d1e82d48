#include "layers/direct_conv.h"

#include <immintrin.h>

#include <algorithm>

#include "core/cpu_features.h"
#include "core/simd_avx2.h"
// GCC 12 warns inside its own _mm512_reduce_add_ps (a deliberately undefined register).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include "layers/padded_sample.h"

namespace cs {

bool directConvApplies(const WindowGeometry& g) {
    return g.stride == 1 && int64_t(g.channels) * g.window * g.window <= kMaxDirectTaps;
}

int64_t directConvScratch(const WindowGeometry& g) { return g.channels * PaddedSample::of(g).plane() + 16; }

namespace {

// The arguments of one call, shared by the three instruction-set versions below.
struct Args {
    const float* x;
    const float* y;   // backward: the layer's output (for the ReLU mask)
    const float* dy;  // backward
    int N;
    const WindowGeometry* g;
    const float* w;
    const float* bias;  // forward
    int F;
    bool relu;   // forward: fuse ReLU; backward: mask dy by y > 0
    float* out;  // forward: y; backward: dw
    float* db;
    float* dx;
    float* scratch;
};

// Per-call set-up: the tap offsets into a padded sample (TAPS > 0: the count known at compile
// time, so the per-tap vectors stay in registers: the common first layers, 1 x 3 x 3 and
// 3 x 3 x 3; 0: any count).
template <int TAPS>
struct Taps {
    PaddedSample p;
    int64_t off[kMaxDirectTaps];
    int T;
    explicit Taps(const WindowGeometry& g) : p(PaddedSample::of(g)) {
        const int counted = p.tapOffsets(g, off);
        T = TAPS > 0 ? TAPS : counted;
    }
};

namespace avx512 {

template <int TAPS>
CS_TARGET_AVX512 void forward(const Args& a) {
    const WindowGeometry& g = *a.g;
    const Taps<TAPS> tp(g);
    const int T = tp.T, F = a.F;
    const int64_t outPlane = g.outPlane();
    for (int n = 0; n < a.N; ++n) {
        tp.p.pad(a.x + int64_t(n) * g.channels * g.inPlane(), g, a.scratch);
        float* yn = a.out + int64_t(n) * F * outPlane;
        for (int oh = 0; oh < g.outH; ++oh) {
            const float* row = a.scratch + int64_t(oh) * tp.p.W;
            for (int ow = 0; ow < g.outW; ow += 16) {
                const __mmask16 m = static_cast<__mmask16>((1u << std::min(16, g.outW - ow)) - 1);
                __m512 in[kMaxDirectTaps];  // this output segment's input under every tap
                for (int t = 0; t < T; ++t) in[t] = _mm512_maskz_loadu_ps(m, row + tp.off[t] + ow);
                for (int f = 0; f < F; ++f) {
                    const float* wf = a.w + int64_t(f) * T;
                    __m512 acc = _mm512_set1_ps(a.bias ? a.bias[f] : 0.f);
                    for (int t = 0; t < T; ++t) acc = _mm512_fmadd_ps(_mm512_set1_ps(wf[t]), in[t], acc);
                    if (a.relu) acc = _mm512_max_ps(acc, _mm512_setzero_ps());
                    _mm512_mask_storeu_ps(yn + f * outPlane + int64_t(oh) * g.outW + ow, m, acc);
                }
            }
        }
    }
}

// The nine taps of one output vector whose window starts at `in` (rows W apart), for FB filters:
// acc[i][t] += gv[i] * input, each input read once (whole or, when Masked, in m's lanes) for
// the FB filters.
template <int FB, bool Masked>
[[gnu::always_inline]] CS_TARGET_AVX512 inline void oneChannelTaps(const float* in, int64_t W, const __m512 gv[FB],
                                                                   __mmask16 m, __m512 acc[FB][9], __m512 accBias[FB]) {
#pragma GCC unroll 2
    for (int i = 0; i < FB; ++i) accBias[i] = _mm512_add_ps(accBias[i], gv[i]);
#pragma GCC unroll 9
    for (int t = 0; t < 9; ++t) {
        const float* q = in + (t / 3) * W + t % 3;
        const __m512 x = Masked ? _mm512_maskz_loadu_ps(m, q) : _mm512_loadu_ps(q);
#pragma GCC unroll 2
        for (int i = 0; i < FB; ++i) acc[i][t] = _mm512_fmadd_ps(gv[i], x, acc[i][t]);
    }
}

// Filters [f, f + FB) of sample n (its padded plane in a.scratch): backward()'s sums, each
// filter's in its order and lanes. Two filters share each input load (18 sums in registers).
template <int FB>
CS_TARGET_AVX512 inline void oneChannelFilters(const Args& a, const PaddedSample& p, int n, int f) {
    const WindowGeometry& g = *a.g;
    const int64_t outPlane = g.outPlane();
    const int whole = g.outW / 16 * 16;
    const __mmask16 tail = static_cast<__mmask16>((1u << (g.outW - whole)) - 1);
    __m512 acc[FB][9], accBias[FB];
#pragma GCC unroll 2
    for (int i = 0; i < FB; ++i) {
        accBias[i] = _mm512_setzero_ps();
#pragma GCC unroll 9
        for (int t = 0; t < 9; ++t) acc[i][t] = _mm512_setzero_ps();
    }
    const float* dyf = a.dy + (int64_t(n) * a.F + f) * outPlane;
    const float* yf = a.y + (int64_t(n) * a.F + f) * outPlane;
    for (int oh = 0; oh < g.outH; ++oh) {
        const float* r0 = a.scratch + int64_t(oh) * p.W;
        const int64_t o = int64_t(oh) * g.outW;
        __m512 gv[FB];
        for (int ow = 0; ow < whole; ow += 16) {
#pragma GCC unroll 2
            for (int i = 0; i < FB; ++i) {
                gv[i] = _mm512_loadu_ps(dyf + i * outPlane + o + ow);
                if (a.relu)
                    gv[i] = _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(_mm512_loadu_ps(yf + i * outPlane + o + ow),
                                                                   _mm512_setzero_ps(), _CMP_GT_OQ),
                                                gv[i]);
            }
            oneChannelTaps<FB, false>(r0 + ow, p.W, gv, 0xFFFF, acc, accBias);
        }
        if (whole < g.outW) {
#pragma GCC unroll 2
            for (int i = 0; i < FB; ++i) {
                __mmask16 m = tail;
                if (a.relu)
                    m = _mm512_mask_cmp_ps_mask(m, _mm512_maskz_loadu_ps(m, yf + i * outPlane + o + whole),
                                                _mm512_setzero_ps(), _CMP_GT_OQ);
                gv[i] = _mm512_maskz_loadu_ps(m, dyf + i * outPlane + o + whole);
            }
            // Lanes past the row hold zeros in every gv: the inputs there add nothing.
            oneChannelTaps<FB, true>(r0 + whole, p.W, gv, tail, acc, accBias);
        }
    }
#pragma GCC unroll 2
    for (int i = 0; i < FB; ++i) {
        float* dwf = a.out + int64_t(f + i) * 9;
#pragma GCC unroll 9
        for (int t = 0; t < 9; ++t) dwf[t] += _mm512_reduce_add_ps(acc[i][t]);
        if (a.db) a.db[f + i] += _mm512_reduce_add_ps(accBias[i]);
    }
}

// As avx2::backwardOneChannel3x3: a one-channel 3x3 layer's kernel and bias gradients (no input
// gradient) from three row pointers at constant offsets, whole vectors read unmasked (ReLU's
// zeros in gv add nothing), two filters a pass. backward()'s sums, in its order and lanes: the
// same bits.
CS_TARGET_AVX512 void backwardOneChannel3x3(const Args& a, const PaddedSample& p) {
    for (int n = 0; n < a.N; ++n) {
        p.pad(a.x + int64_t(n) * a.g->inPlane(), *a.g, a.scratch);
        int f = 0;
        for (; f + 2 <= a.F; f += 2) oneChannelFilters<2>(a, p, n, f);
        if (f < a.F) oneChannelFilters<1>(a, p, n, f);
    }
}

template <int TAPS>
CS_TARGET_AVX512 void backward(const Args& a) {
    const WindowGeometry& g = *a.g;
    const Taps<TAPS> tp(g);
    if constexpr (TAPS == 9)
        if (g.channels == 1 && g.window == 3 && g.dilation == 1 && !a.dx) return backwardOneChannel3x3(a, tp.p);
    const int T = tp.T, F = a.F;
    const int64_t outPlane = g.outPlane();
    float* padded = a.scratch;
    float* dPadded = a.scratch + directConvScratch(g);
    for (int n = 0; n < a.N; ++n) {
        tp.p.pad(a.x + int64_t(n) * g.channels * g.inPlane(), g, padded);
        if (a.dx) std::fill(dPadded, dPadded + g.channels * tp.p.plane(), 0.f);
        const float* dyn = a.dy + int64_t(n) * F * outPlane;
        const float* yn = a.y + int64_t(n) * F * outPlane;
        for (int f = 0; f < F; ++f) {
            const float* wf = a.w + int64_t(f) * T;
            // Per-lane sums over this sample's positions, reduced once per (sample, filter).
            // Unrolled (T is TAPS when that is known), so the sums stay in registers: a loop
            // index kept them on the stack, stored after every multiply-add.
            __m512 acc[kMaxDirectTaps], accBias = _mm512_setzero_ps();
#pragma GCC unroll 32
            for (int t = 0; t < T; ++t) acc[t] = _mm512_setzero_ps();
            for (int oh = 0; oh < g.outH; ++oh) {
                const float* row = padded + int64_t(oh) * tp.p.W;
                float* dRow = dPadded + int64_t(oh) * tp.p.W;
                const int64_t o = f * outPlane + int64_t(oh) * g.outW;
                for (int ow = 0; ow < g.outW; ow += 16) {
                    __mmask16 m = static_cast<__mmask16>((1u << std::min(16, g.outW - ow)) - 1);
                    if (a.relu)
                        m = _mm512_mask_cmp_ps_mask(m, _mm512_maskz_loadu_ps(m, yn + o + ow), _mm512_setzero_ps(),
                                                    _CMP_GT_OQ);
                    const __m512 gv = _mm512_maskz_loadu_ps(m, dyn + o + ow);
                    accBias = _mm512_add_ps(accBias, gv);
#pragma GCC unroll 32
                    for (int t = 0; t < T; ++t)
                        acc[t] = _mm512_fmadd_ps(gv, _mm512_maskz_loadu_ps(m, row + tp.off[t] + ow), acc[t]);
                    if (a.dx)
                        for (int t = 0; t < T; ++t) {
                            float* d = dRow + tp.off[t] + ow;
                            _mm512_mask_storeu_ps(
                                d, m, _mm512_fmadd_ps(_mm512_set1_ps(wf[t]), gv, _mm512_maskz_loadu_ps(m, d)));
                        }
                }
            }
            float* dwf = a.out + int64_t(f) * T;
#pragma GCC unroll 32
            for (int t = 0; t < T; ++t) dwf[t] += _mm512_reduce_add_ps(acc[t]);
            if (a.db) a.db[f] += _mm512_reduce_add_ps(accBias);
        }
        if (a.dx) tp.p.unpad(dPadded, g, a.dx + int64_t(n) * g.channels * g.inPlane());
    }
}

}  // namespace avx512

namespace avx2 {

using namespace simd::avx2;

// FB filters of one 8-wide output segment, their weights `w` tap-major (w[t * FB + i]: one base
// pointer, so the broadcasts need no pointer per filter; with a.w's rows the compiler kept eight
// pointers on the stack and reloaded one before every multiply-add). Each input vector serves
// FB filters (16 ymm registers cannot hold every tap's input the way the AVX-512 version does);
// eight filters keep eight multiply-add chains in flight, as the FMA units' latency needs.
template <int FB>
CS_TARGET_AVX2 inline void filterBlock(const Args& a, const float* row, const int64_t* off, int T, int f,
                                       const float* w, int lanes, __m256i m, float* out, int64_t outPlane) {
    __m256 acc[FB];
#pragma GCC unroll 8
    for (int i = 0; i < FB; ++i) acc[i] = _mm256_set1_ps(a.bias ? a.bias[f + i] : 0.f);
    for (int t = 0; t < T; ++t) {
        const __m256 v = lanes == 8 ? _mm256_loadu_ps(row + off[t]) : maskLoad(row + off[t], m);
#pragma GCC unroll 8
        for (int i = 0; i < FB; ++i) acc[i] = _mm256_fmadd_ps(_mm256_broadcast_ss(w + t * FB + i), v, acc[i]);
    }
#pragma GCC unroll 8
    for (int i = 0; i < FB; ++i) {
        if (a.relu) acc[i] = _mm256_max_ps(acc[i], _mm256_setzero_ps());
        float* dst = out + (f + i) * outPlane;
        if (lanes == 8)
            _mm256_storeu_ps(dst, acc[i]);
        else
            maskStore(dst, m, acc[i]);
    }
}

// Filters [f, f + FB) of sample n's output planes `yn`, from its padded planes in a.scratch.
template <int FB, int TAPS>
CS_TARGET_AVX2 inline void filterBlockPlanes(const Args& a, const Taps<TAPS>& tp, int f, float* yn) {
    const WindowGeometry& g = *a.g;
    const int T = tp.T;
    const int64_t outPlane = g.outPlane();
    alignas(32) float w[kMaxDirectTaps * FB];
    for (int t = 0; t < T; ++t)
        for (int i = 0; i < FB; ++i) w[t * FB + i] = a.w[int64_t(f + i) * T + t];
    for (int oh = 0; oh < g.outH; ++oh) {
        const float* row = a.scratch + int64_t(oh) * tp.p.W;
        for (int ow0 = 0; ow0 < g.outW; ow0 += 8) {
            // A row's last partial vector is computed as the row's last whole one instead,
            // outputs it shares with the one before written twice (the same values): AMD's
            // masked stores cost more than the eight multiply-adds.
            const int ow = g.outW >= 8 ? std::min(ow0, g.outW - 8) : ow0;
            const int lanes = std::min(8, g.outW - ow);
            filterBlock<FB>(a, row + ow, tp.off, T, f, w, lanes, laneMask(lanes), yn + int64_t(oh) * g.outW + ow,
                            outPlane);
        }
    }
}

template <int TAPS>
CS_TARGET_AVX2 void forward(const Args& a) {
    const WindowGeometry& g = *a.g;
    const Taps<TAPS> tp(g);
    const int F = a.F;
    for (int n = 0; n < a.N; ++n) {
        tp.p.pad(a.x + int64_t(n) * g.channels * g.inPlane(), g, a.scratch);
        float* yn = a.out + int64_t(n) * F * g.outPlane();
        int f = 0;
        for (; f + 8 <= F; f += 8) filterBlockPlanes<8>(a, tp, f, yn);
        for (; f < F; ++f) filterBlockPlanes<1>(a, tp, f, yn);
    }
}

// The nine taps of one output vector whose window starts at `in` (rows W apart): acc[t] +=
// gv * input, read whole or, when Masked, in m's lanes. (A function, not a lambda: a lambda
// would not carry the instruction set's target attribute.)
template <bool Masked>
[[gnu::always_inline]] CS_TARGET_AVX2 inline void oneChannelTaps(const float* in, int64_t W, __m256 gv, __m256i m,
                                                                 __m256 acc[9], __m256& accBias) {
    accBias = _mm256_add_ps(accBias, gv);
#pragma GCC unroll 9
    for (int t = 0; t < 9; ++t) {
        const float* q = in + (t / 3) * W + t % 3;
        acc[t] = _mm256_fmadd_ps(gv, Masked ? maskLoad(q, m) : _mm256_loadu_ps(q), acc[t]);
    }
}

// The kernel and bias gradients of a one-channel 3x3 layer without dilation (a gray image's
// first layer; no input gradient): the nine taps' inputs are read from three row pointers at
// constant offsets. With Taps' nine offsets the compiler kept nine pointers on the stack and
// reloaded one before every multiply-add. The sums are backward()'s, in its order and lanes:
// the same bits whether or not the input gradient is asked for.
CS_TARGET_AVX2 void backwardOneChannel3x3(const Args& a, const PaddedSample& p) {
    const WindowGeometry& g = *a.g;
    const int64_t outPlane = g.outPlane();
    const int whole = g.outW / 8 * 8;
    const __m256i tail = laneMask(g.outW - whole);
    for (int n = 0; n < a.N; ++n) {
        p.pad(a.x + int64_t(n) * g.inPlane(), g, a.scratch);
        for (int f = 0; f < a.F; ++f) {
            const float* dyf = a.dy + (int64_t(n) * a.F + f) * outPlane;
            const float* yf = a.y + (int64_t(n) * a.F + f) * outPlane;
            __m256 acc[9], accBias = _mm256_setzero_ps();
#pragma GCC unroll 9
            for (int t = 0; t < 9; ++t) acc[t] = _mm256_setzero_ps();
            for (int oh = 0; oh < g.outH; ++oh) {
                const float* r0 = a.scratch + int64_t(oh) * p.W;
                const float* dyr = dyf + int64_t(oh) * g.outW;
                const float* yr = yf + int64_t(oh) * g.outW;
                for (int ow = 0; ow < whole; ow += 8) {
                    __m256 gv = _mm256_loadu_ps(dyr + ow);
                    if (a.relu)
                        gv =
                            _mm256_and_ps(gv, _mm256_cmp_ps(_mm256_loadu_ps(yr + ow), _mm256_setzero_ps(), _CMP_GT_OQ));
                    oneChannelTaps<false>(r0 + ow, p.W, gv, tail, acc, accBias);
                }
                if (whole < g.outW) {
                    const __m256i m = a.relu ? positiveLanes(tail, maskLoad(yr + whole, tail)) : tail;
                    oneChannelTaps<true>(r0 + whole, p.W, maskLoad(dyr + whole, m), m, acc, accBias);
                }
            }
            float* dwf = a.out + int64_t(f) * 9;
#pragma GCC unroll 9
            for (int t = 0; t < 9; ++t) dwf[t] += sum(acc[t]);
            if (a.db) a.db[f] += sum(accBias);
        }
    }
}

template <int TAPS>
CS_TARGET_AVX2 void backward(const Args& a) {
    const WindowGeometry& g = *a.g;
    const Taps<TAPS> tp(g);
    if constexpr (TAPS == 9)
        if (g.channels == 1 && g.window == 3 && g.dilation == 1 && !a.dx) return backwardOneChannel3x3(a, tp.p);
    const int T = tp.T, F = a.F;
    // Taps summed in registers per pass over the positions: a first layer's 9 (or 12) in one pass.
    constexpr int kBlock = TAPS > 0 && TAPS <= 12 ? TAPS : 8;
    const int64_t outPlane = g.outPlane();
    float* padded = a.scratch;
    float* dPadded = a.scratch + directConvScratch(g);
    for (int n = 0; n < a.N; ++n) {
        tp.p.pad(a.x + int64_t(n) * g.channels * g.inPlane(), g, padded);
        if (a.dx) std::fill(dPadded, dPadded + g.channels * tp.p.plane(), 0.f);
        const float* dyn = a.dy + int64_t(n) * F * outPlane;
        const float* yn = a.y + int64_t(n) * F * outPlane;
        for (int f = 0; f < F; ++f) {
            const float* wf = a.w + int64_t(f) * T;
            float* dwf = a.out + int64_t(f) * T;
            for (int t0 = 0; t0 < T; t0 += kBlock) {
                const int t1 = std::min(T, t0 + kBlock);
                __m256 acc[kBlock], accBias = _mm256_setzero_ps();
#pragma GCC unroll 12
                for (int j = 0; j < kBlock; ++j) acc[j] = _mm256_setzero_ps();
                for (int oh = 0; oh < g.outH; ++oh) {
                    const float* row = padded + int64_t(oh) * tp.p.W;
                    float* dRow = dPadded + int64_t(oh) * tp.p.W;
                    const int64_t o = f * outPlane + int64_t(oh) * g.outW;
                    for (int ow = 0; ow < g.outW; ow += 8) {
                        const bool whole = g.outW - ow >= 8;  // plain loads, ReLU's mask by an AND
                        __m256i m = laneMask(g.outW - ow);
                        __m256 gv;
                        if (whole) {
                            gv = _mm256_loadu_ps(dyn + o + ow);
                            if (a.relu) {
                                const __m256 positive =
                                    _mm256_cmp_ps(_mm256_loadu_ps(yn + o + ow), _mm256_setzero_ps(), _CMP_GT_OQ);
                                gv = _mm256_and_ps(gv, positive);
                                m = _mm256_castps_si256(positive);
                            }
                        } else {
                            if (a.relu) m = positiveLanes(m, maskLoad(yn + o + ow, m));
                            gv = maskLoad(dyn + o + ow, m);
                        }
                        accBias = _mm256_add_ps(accBias, gv);
                        // Indexed by the unrolled j, so the sums stay in registers.
#pragma GCC unroll 12
                        for (int j = 0; j < kBlock; ++j)
                            if (t0 + j < t1) {
                                const float* in = row + tp.off[t0 + j] + ow;
                                acc[j] = _mm256_fmadd_ps(gv, whole ? _mm256_loadu_ps(in) : maskLoad(in, m), acc[j]);
                            }
                        if (a.dx)
                            for (int t = t0; t < t1; ++t) {
                                float* d = dRow + tp.off[t] + ow;
                                maskStore(d, m, _mm256_fmadd_ps(_mm256_set1_ps(wf[t]), gv, maskLoad(d, m)));
                            }
                    }
                }
#pragma GCC unroll 12
                for (int j = 0; j < kBlock; ++j)
                    if (t0 + j < t1) dwf[t0 + j] += sum(acc[j]);
                if (a.db && t0 == 0) a.db[f] += sum(accBias);
            }
        }
        if (a.dx) tp.p.unpad(dPadded, g, a.dx + int64_t(n) * g.channels * g.inPlane());
    }
}

}  // namespace avx2

namespace scalar {

template <int TAPS>
void forward(const Args& a) {
    const WindowGeometry& g = *a.g;
    const Taps<TAPS> tp(g);
    const int T = tp.T, F = a.F;
    const int64_t outPlane = g.outPlane();
    for (int n = 0; n < a.N; ++n) {
        tp.p.pad(a.x + int64_t(n) * g.channels * g.inPlane(), g, a.scratch);
        float* yn = a.out + int64_t(n) * F * outPlane;
        for (int oh = 0; oh < g.outH; ++oh) {
            const float* row = a.scratch + int64_t(oh) * tp.p.W;
            for (int ow = 0; ow < g.outW; ++ow)
                for (int f = 0; f < F; ++f) {
                    float acc = a.bias ? a.bias[f] : 0.f;
                    for (int t = 0; t < T; ++t) acc += a.w[int64_t(f) * T + t] * row[tp.off[t] + ow];
                    yn[f * outPlane + int64_t(oh) * g.outW + ow] = a.relu ? std::max(acc, 0.f) : acc;
                }
        }
    }
}

template <int TAPS>
void backward(const Args& a) {
    const WindowGeometry& g = *a.g;
    const Taps<TAPS> tp(g);
    const int T = tp.T, F = a.F;
    const int64_t outPlane = g.outPlane();
    float* padded = a.scratch;
    float* dPadded = a.scratch + directConvScratch(g);
    for (int n = 0; n < a.N; ++n) {
        tp.p.pad(a.x + int64_t(n) * g.channels * g.inPlane(), g, padded);
        if (a.dx) std::fill(dPadded, dPadded + g.channels * tp.p.plane(), 0.f);
        const float* dyn = a.dy + int64_t(n) * F * outPlane;
        const float* yn = a.y + int64_t(n) * F * outPlane;
        for (int f = 0; f < F; ++f) {
            const float* wf = a.w + int64_t(f) * T;
            float* dwf = a.out + int64_t(f) * T;
            for (int oh = 0; oh < g.outH; ++oh)
                for (int ow = 0; ow < g.outW; ++ow) {
                    const int64_t o = f * outPlane + int64_t(oh) * g.outW + ow;
                    const float gv = a.relu && !(yn[o] > 0.f) ? 0.f : dyn[o];
                    const int64_t at = int64_t(oh) * tp.p.W + ow;
                    if (a.db) a.db[f] += gv;
                    for (int t = 0; t < T; ++t) {
                        dwf[t] += gv * padded[tp.off[t] + at];
                        if (a.dx) dPadded[tp.off[t] + at] += wf[t] * gv;
                    }
                }
        }
        if (a.dx) tp.p.unpad(dPadded, g, a.dx + int64_t(n) * g.channels * g.inPlane());
    }
}

}  // namespace scalar

template <int TAPS>
void forwardAt(const Args& a) {
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return avx512::forward<TAPS>(a);
        case CpuLevel::Avx2:
            return avx2::forward<TAPS>(a);
        case CpuLevel::Scalar:
            break;
    }
    scalar::forward<TAPS>(a);
}

template <int TAPS>
void backwardAt(const Args& a) {
    std::fill(a.out, a.out + int64_t(a.F) * (TAPS > 0 ? TAPS : Taps<TAPS>(*a.g).T), 0.f);
    if (a.db) std::fill(a.db, a.db + a.F, 0.f);
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return avx512::backward<TAPS>(a);
        case CpuLevel::Avx2:
            return avx2::backward<TAPS>(a);
        case CpuLevel::Scalar:
            break;
    }
    scalar::backward<TAPS>(a);
}

}  // namespace

void directConvForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int F,
                       bool relu, float* y, float* padded) {
    const Args a{x, nullptr, nullptr, N, &g, w, bias, F, relu, y, nullptr, nullptr, padded};
    const int64_t taps = int64_t(g.channels) * g.window * g.window;
    if (taps == 9)
        forwardAt<9>(a);
    else if (taps == 27)
        forwardAt<27>(a);
    else
        forwardAt<0>(a);
}

void directConvBackward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g, const float* w,
                        int F, bool reluMask, float* dw, float* db, float* dx, float* scratch) {
    const Args a{x, y, dy, N, &g, w, nullptr, F, reluMask, dw, db, dx, scratch};
    const int64_t taps = int64_t(g.channels) * g.window * g.window;
    if (taps == 9)
        backwardAt<9>(a);
    else if (taps == 27)
        backwardAt<27>(a);
    else
        backwardAt<0>(a);
}

}  // namespace cs
