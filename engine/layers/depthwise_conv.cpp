#include "layers/depthwise_conv.h"

#include <algorithm>
#include <cstring>

#if defined(__AVX512F__)
#include <immintrin.h>
// GCC 12 warns inside its own _mm512_reduce_add_ps (a deliberately undefined register).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "layers/padded_sample.h"

namespace cs {

namespace {

constexpr int kMaxTaps = 31 * 31;  // the largest kernel the schema allows
constexpr int kTapBlock = 16;      // backward's per-tap accumulators held in registers at once

// One padded input channel stored as `s` column phases of H rows x Wq columns each.
struct Phased {
    int H = 0, Wq = 0, s = 1;
    int64_t phasePlane = 0;

    static Phased of(const WindowGeometry& g) {
        const PaddedSample p = PaddedSample::of(g);
        Phased ph;
        ph.H = p.H;
        ph.s = g.stride;
        ph.Wq = (p.W + g.stride - 1) / g.stride;
        ph.phasePlane = int64_t(ph.H) * ph.Wq;
        return ph;
    }
    int64_t size() const { return s * phasePlane; }

    // The input rows and columns that land inside the padded region.
    int lastRow(const WindowGeometry& g) const { return std::min(g.inH, H - g.padTop); }
    int lastCol(const WindowGeometry& g) const { return std::min(g.inW, s * Wq - g.padLeft); }

    // Copies one input channel plane (inH x inW) in, zeros around it.
    void fill(const float* x, const WindowGeometry& g, float* out) const {
        std::fill(out, out + size(), 0.f);
        const int rows = lastRow(g), cols = lastCol(g);
        for (int h = 0; h < rows; ++h) {
            const float* src = x + int64_t(h) * g.inW;
            if (s == 1) {
                std::memcpy(out + int64_t(h + g.padTop) * Wq + g.padLeft, src, sizeof(float) * cols);
                continue;
            }
            for (int p = 0; p < s; ++p) {
                float* dst = out + p * phasePlane + int64_t(h + g.padTop) * Wq;
                for (int iw = ((p - g.padLeft) % s + s) % s; iw < cols; iw += s) dst[(iw + g.padLeft) / s] = src[iw];
            }
        }
    }

    // The adjoint of fill: the input plane's gradient from the phased gradient (pixels no
    // window reads get zero).
    void drain(const float* in, const WindowGeometry& g, float* dx) const {
        std::fill(dx, dx + g.inPlane(), 0.f);
        const int rows = lastRow(g), cols = lastCol(g);
        for (int h = 0; h < rows; ++h) {
            float* dst = dx + int64_t(h) * g.inW;
            if (s == 1) {
                std::memcpy(dst, in + int64_t(h + g.padTop) * Wq + g.padLeft, sizeof(float) * cols);
                continue;
            }
            for (int p = 0; p < s; ++p) {
                const float* src = in + p * phasePlane + int64_t(h + g.padTop) * Wq;
                for (int iw = ((p - g.padLeft) % s + s) % s; iw < cols; iw += s) dst[iw] = src[(iw + g.padLeft) / s];
            }
        }
    }

    // Where tap (ki, kj) of output (oh, ow) reads: oh * s * Wq + off + ow.
    int tapOffsets(const WindowGeometry& g, int64_t* off) const {
        int t = 0;
        for (int ki = 0; ki < g.window; ++ki)
            for (int kj = 0; kj < g.window; ++kj) {
                const int col = kj * g.dilation;
                off[t++] = (col % s) * phasePlane + int64_t(ki) * g.dilation * Wq + col / s;
            }
        return t;
    }
};

// TAPS > 0: the tap count known at compile time (3x3 and 5x5 kernels), so the tap loops unroll.
template <int TAPS>
void forwardImpl(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int M, bool relu,
                 float* y, float* phased) {
    const Phased ph = Phased::of(g);
    int64_t off[kMaxTaps];
    const int counted = ph.tapOffsets(g, off);
    const int T = TAPS > 0 ? TAPS : counted;
    const int C = g.channels, outW = g.outW;
    const int64_t outPlane = g.outPlane(), rowStep = int64_t(g.stride) * ph.Wq;
    for (int n = 0; n < N; ++n)
        for (int c = 0; c < C; ++c) {
            ph.fill(x + (int64_t(n) * C + c) * g.inPlane(), g, phased);
            for (int m = 0; m < M; ++m) {
                const int o = c * M + m;
                const float* wo = w + int64_t(o) * T;
                const float b = bias ? bias[o] : 0.f;
                float* yo = y + (int64_t(n) * C * M + o) * outPlane;
                for (int oh = 0; oh < g.outH; ++oh) {
                    const float* row = phased + oh * rowStep;
                    float* __restrict yrow = yo + int64_t(oh) * outW;
#if defined(__AVX512F__)
                    for (int ow = 0; ow < outW; ow += 16) {
                        const __mmask16 mask = static_cast<__mmask16>((1u << std::min(16, outW - ow)) - 1);
                        __m512 acc = _mm512_set1_ps(b);
                        for (int t = 0; t < T; ++t)
                            acc = _mm512_fmadd_ps(_mm512_set1_ps(wo[t]), _mm512_maskz_loadu_ps(mask, row + off[t] + ow),
                                                  acc);
                        if (relu) acc = _mm512_max_ps(acc, _mm512_setzero_ps());
                        _mm512_mask_storeu_ps(yrow + ow, mask, acc);
                    }
#else
                    for (int ow = 0; ow < outW; ++ow) yrow[ow] = b;
                    for (int t = 0; t < T; ++t) {
                        const float* __restrict src = row + off[t];
                        const float wt = wo[t];
                        for (int ow = 0; ow < outW; ++ow) yrow[ow] += wt * src[ow];
                    }
                    if (relu)
                        for (int ow = 0; ow < outW; ++ow) yrow[ow] = std::max(yrow[ow], 0.f);
#endif
                }
            }
        }
}

// dw and db of output channel o from one sample, and (when dPhased) its input gradient, for the
// taps [t0, t1) (at most kTapBlock).
void backwardTaps(const Phased& ph, const WindowGeometry& g, const int64_t* off, int t0, int t1, const float* phased,
                  const float* yo, const float* dyo, const float* wo, bool reluMask, float* dwo, float* dbo,
                  float* dPhased) {
    const int outW = g.outW;
    const int64_t rowStep = int64_t(g.stride) * ph.Wq;
#if defined(__AVX512F__)
    __m512 acc[kTapBlock], accBias = _mm512_setzero_ps();
    for (int t = t0; t < t1; ++t) acc[t - t0] = _mm512_setzero_ps();
    for (int oh = 0; oh < g.outH; ++oh) {
        const float* row = phased + oh * rowStep;
        float* dRow = dPhased ? dPhased + oh * rowStep : nullptr;
        const int64_t o = int64_t(oh) * outW;
        for (int ow = 0; ow < outW; ow += 16) {
            __mmask16 m = static_cast<__mmask16>((1u << std::min(16, outW - ow)) - 1);
            if (reluMask)
                m = _mm512_mask_cmp_ps_mask(m, _mm512_maskz_loadu_ps(m, yo + o + ow), _mm512_setzero_ps(), _CMP_GT_OQ);
            const __m512 gv = _mm512_maskz_loadu_ps(m, dyo + o + ow);
            accBias = _mm512_add_ps(accBias, gv);
            for (int t = t0; t < t1; ++t)
                acc[t - t0] = _mm512_fmadd_ps(gv, _mm512_maskz_loadu_ps(m, row + off[t] + ow), acc[t - t0]);
            if (dRow)
                for (int t = t0; t < t1; ++t) {
                    float* d = dRow + off[t] + ow;
                    _mm512_mask_storeu_ps(d, m,
                                          _mm512_fmadd_ps(_mm512_set1_ps(wo[t]), gv, _mm512_maskz_loadu_ps(m, d)));
                }
        }
    }
    for (int t = t0; t < t1; ++t) dwo[t] += _mm512_reduce_add_ps(acc[t - t0]);
    if (dbo) *dbo += _mm512_reduce_add_ps(accBias);
#else
    float gv[512];  // one output row's gradient, masked
    for (int oh = 0; oh < g.outH; ++oh) {
        const float* row = phased + oh * rowStep;
        float* dRow = dPhased ? dPhased + oh * rowStep : nullptr;
        const int64_t o = int64_t(oh) * outW;
        for (int ow0 = 0; ow0 < outW; ow0 += 512) {
            const int len = std::min(512, outW - ow0);
            for (int i = 0; i < len; ++i) gv[i] = reluMask && !(yo[o + ow0 + i] > 0.f) ? 0.f : dyo[o + ow0 + i];
            if (dbo)
                for (int i = 0; i < len; ++i) *dbo += gv[i];
            for (int t = t0; t < t1; ++t) {
                const float* __restrict src = row + off[t] + ow0;
                float sum = 0.f;
                for (int i = 0; i < len; ++i) sum += gv[i] * src[i];
                dwo[t] += sum;
                if (dRow) {
                    float* __restrict d = dRow + off[t] + ow0;
                    for (int i = 0; i < len; ++i) d[i] += wo[t] * gv[i];
                }
            }
        }
    }
#endif
}

}  // namespace

int64_t depthwiseScratch(const WindowGeometry& g) { return Phased::of(g).size() + 16; }

void depthwiseForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int multiplier,
                      bool relu, float* y, float* scratch) {
    switch (g.window) {
        case 3:
            return forwardImpl<9>(x, N, g, w, bias, multiplier, relu, y, scratch);
        case 5:
            return forwardImpl<25>(x, N, g, w, bias, multiplier, relu, y, scratch);
        default:
            return forwardImpl<0>(x, N, g, w, bias, multiplier, relu, y, scratch);
    }
}

void depthwiseBackward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g, const float* w,
                       int M, bool reluMask, float* dw, float* db, float* dx, float* scratch) {
    const Phased ph = Phased::of(g);
    int64_t off[kMaxTaps];
    const int T = ph.tapOffsets(g, off);
    const int C = g.channels;
    const int64_t outPlane = g.outPlane();
    float* phased = scratch;
    float* dPhased = dx ? scratch + depthwiseScratch(g) : nullptr;
    std::fill(dw, dw + int64_t(C) * M * T, 0.f);
    if (db) std::fill(db, db + int64_t(C) * M, 0.f);
    for (int n = 0; n < N; ++n)
        for (int c = 0; c < C; ++c) {
            ph.fill(x + (int64_t(n) * C + c) * g.inPlane(), g, phased);
            if (dPhased) std::fill(dPhased, dPhased + ph.size(), 0.f);
            for (int m = 0; m < M; ++m) {
                const int o = c * M + m;
                const int64_t at = (int64_t(n) * C * M + o) * outPlane;
                for (int t0 = 0; t0 < T; t0 += kTapBlock)
                    backwardTaps(ph, g, off, t0, std::min(T, t0 + kTapBlock), phased, y ? y + at : nullptr, dy + at,
                                 w + int64_t(o) * T, reluMask, dw + int64_t(o) * T, db && t0 == 0 ? db + o : nullptr,
                                 dPhased);
            }
            if (dPhased) ph.drain(dPhased, g, dx + (int64_t(n) * C + c) * g.inPlane());
        }
}

}  // namespace cs
