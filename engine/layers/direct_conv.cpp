#include "layers/direct_conv.h"

#include <algorithm>

#if defined(__AVX512F__)
#include <immintrin.h>
// GCC 12 warns inside its own _mm512_reduce_add_ps (a deliberately undefined register).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "layers/padded_sample.h"

namespace cs {

bool directConvApplies(const WindowGeometry& g) {
    return g.stride == 1 && int64_t(g.channels) * g.window * g.window <= kMaxDirectTaps;
}

int64_t directConvScratch(const WindowGeometry& g) { return g.channels * PaddedSample::of(g).plane() + 16; }

namespace {

// TAPS > 0: the tap count known at compile time, so the per-tap vectors stay in registers
// (the common first layers: 1 x 3 x 3 and 3 x 3 x 3); 0: any count, from g.
template <int TAPS>
void forwardImpl(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int F, bool relu,
                 float* y, float* padded) {
    const PaddedSample p = PaddedSample::of(g);
    int64_t off[kMaxDirectTaps];
    const int counted = p.tapOffsets(g, off);
    const int T = TAPS > 0 ? TAPS : counted;
    const int64_t outPlane = g.outPlane();
    for (int n = 0; n < N; ++n) {
        p.pad(x + int64_t(n) * g.channels * g.inPlane(), g, padded);
        float* yn = y + int64_t(n) * F * outPlane;
        for (int oh = 0; oh < g.outH; ++oh) {
            const float* row = padded + int64_t(oh) * p.W;
            int ow = 0;
#if defined(__AVX512F__)
            for (; ow < g.outW; ow += 16) {
                const __mmask16 m = static_cast<__mmask16>((1u << std::min(16, g.outW - ow)) - 1);
                __m512 in[kMaxDirectTaps];  // this output segment's input under every tap
                for (int t = 0; t < T; ++t) in[t] = _mm512_maskz_loadu_ps(m, row + off[t] + ow);
                for (int f = 0; f < F; ++f) {
                    const float* wf = w + int64_t(f) * T;
                    __m512 acc = _mm512_set1_ps(bias ? bias[f] : 0.f);
                    for (int t = 0; t < T; ++t) acc = _mm512_fmadd_ps(_mm512_set1_ps(wf[t]), in[t], acc);
                    if (relu) acc = _mm512_max_ps(acc, _mm512_setzero_ps());
                    _mm512_mask_storeu_ps(yn + f * outPlane + int64_t(oh) * g.outW + ow, m, acc);
                }
            }
#endif
            for (; ow < g.outW; ++ow)
                for (int f = 0; f < F; ++f) {
                    float acc = bias ? bias[f] : 0.f;
                    for (int t = 0; t < T; ++t) acc += w[int64_t(f) * T + t] * row[off[t] + ow];
                    yn[f * outPlane + int64_t(oh) * g.outW + ow] = relu ? std::max(acc, 0.f) : acc;
                }
        }
    }
}

template <int TAPS>
void backwardImpl(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g, const float* w,
                  int F, bool reluMask, float* dw, float* db, float* dx, float* scratch) {
    const PaddedSample p = PaddedSample::of(g);
    int64_t off[kMaxDirectTaps];
    const int counted = p.tapOffsets(g, off);
    const int T = TAPS > 0 ? TAPS : counted;
    const int64_t outPlane = g.outPlane();
    float* padded = scratch;
    float* dPadded = scratch + directConvScratch(g);
    std::fill(dw, dw + int64_t(F) * T, 0.f);
    if (db) std::fill(db, db + F, 0.f);
    for (int n = 0; n < N; ++n) {
        p.pad(x + int64_t(n) * g.channels * g.inPlane(), g, padded);
        if (dx) std::fill(dPadded, dPadded + g.channels * p.plane(), 0.f);
        const float* dyn = dy + int64_t(n) * F * outPlane;
        const float* yn = y + int64_t(n) * F * outPlane;
        for (int f = 0; f < F; ++f) {
            const float* wf = w + int64_t(f) * T;
            float* dwf = dw + int64_t(f) * T;
            int oh = 0;
#if defined(__AVX512F__)
            // Per-lane sums over this sample's positions, reduced once per (sample, filter).
            __m512 acc[kMaxDirectTaps], accBias = _mm512_setzero_ps();
            for (int t = 0; t < T; ++t) acc[t] = _mm512_setzero_ps();
            for (; oh < g.outH; ++oh) {
                const float* row = padded + int64_t(oh) * p.W;
                float* dRow = dPadded + int64_t(oh) * p.W;
                const int64_t o = f * outPlane + int64_t(oh) * g.outW;
                for (int ow = 0; ow < g.outW; ow += 16) {
                    __mmask16 m = static_cast<__mmask16>((1u << std::min(16, g.outW - ow)) - 1);
                    if (reluMask)
                        m = _mm512_mask_cmp_ps_mask(m, _mm512_maskz_loadu_ps(m, yn + o + ow), _mm512_setzero_ps(),
                                                    _CMP_GT_OQ);
                    const __m512 gv = _mm512_maskz_loadu_ps(m, dyn + o + ow);
                    accBias = _mm512_add_ps(accBias, gv);
                    for (int t = 0; t < T; ++t)
                        acc[t] = _mm512_fmadd_ps(gv, _mm512_maskz_loadu_ps(m, row + off[t] + ow), acc[t]);
                    if (dx)
                        for (int t = 0; t < T; ++t) {
                            float* d = dRow + off[t] + ow;
                            _mm512_mask_storeu_ps(
                                d, m, _mm512_fmadd_ps(_mm512_set1_ps(wf[t]), gv, _mm512_maskz_loadu_ps(m, d)));
                        }
                }
            }
            for (int t = 0; t < T; ++t) dwf[t] += _mm512_reduce_add_ps(acc[t]);
            if (db) db[f] += _mm512_reduce_add_ps(accBias);
#endif
            for (; oh < g.outH; ++oh)
                for (int ow = 0; ow < g.outW; ++ow) {
                    const int64_t o = f * outPlane + int64_t(oh) * g.outW + ow;
                    const float gv = reluMask && !(yn[o] > 0.f) ? 0.f : dyn[o];
                    const int64_t at = int64_t(oh) * p.W + ow;
                    if (db) db[f] += gv;
                    for (int t = 0; t < T; ++t) {
                        dwf[t] += gv * padded[off[t] + at];
                        if (dx) dPadded[off[t] + at] += wf[t] * gv;
                    }
                }
        }
        if (dx) p.unpad(dPadded, g, dx + int64_t(n) * g.channels * g.inPlane());
    }
}

}  // namespace

void directConvForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int F,
                       bool relu, float* y, float* padded) {
    const int64_t taps = int64_t(g.channels) * g.window * g.window;
    if (taps == 9)
        forwardImpl<9>(x, N, g, w, bias, F, relu, y, padded);
    else if (taps == 27)
        forwardImpl<27>(x, N, g, w, bias, F, relu, y, padded);
    else
        forwardImpl<0>(x, N, g, w, bias, F, relu, y, padded);
}

void directConvBackward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g, const float* w,
                        int F, bool reluMask, float* dw, float* db, float* dx, float* scratch) {
    const int64_t taps = int64_t(g.channels) * g.window * g.window;
    if (taps == 9)
        backwardImpl<9>(x, y, dy, N, g, w, F, reluMask, dw, db, dx, scratch);
    else if (taps == 27)
        backwardImpl<27>(x, y, dy, N, g, w, F, reluMask, dw, db, dx, scratch);
    else
        backwardImpl<0>(x, y, dy, N, g, w, F, reluMask, dw, db, dx, scratch);
}

}  // namespace cs
