#include "layers/depthwise_conv.h"

#include <algorithm>
#include <cstring>

#include <immintrin.h>

#include "core/cpu_features.h"
// GCC 12 warns inside its own _mm512_reduce_add_ps (a deliberately undefined register).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

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
                const int first = ((p - g.padLeft) % s + s) % s;  // the first input column of phase p
                for (int iw = first, j = (first + g.padLeft) / s; iw < cols; iw += s, ++j) dst[j] = src[iw];
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
                const int first = ((p - g.padLeft) % s + s) % s;
                for (int iw = first, j = (first + g.padLeft) / s; iw < cols; iw += s, ++j) dst[iw] = src[j];
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

namespace avx512 {

// One padded-gradient row's columns [j0, j0 + 16*SEG) for inputGradient: which output rows and
// kernel taps reach it.
struct RowBlock {
    const float* dy;
    const float* w;
    const int *ohs, *kis;
    int rows;
    const int *kjs, *shifts;
    int phaseTaps, j0, Wq, outW, k, M, T;
    int64_t outPlane;
};

template <int SEG>
CS_TARGET_AVX512 void gradientSegments(const RowBlock& b, float* dst) {
    __m512 acc[SEG];
    for (int q = 0; q < SEG; ++q) acc[q] = _mm512_setzero_ps();
    for (int a = 0; a < b.rows; ++a)
        for (int t = 0; t < b.phaseTaps; ++t) {
            // Lane i of column j reads output column j + i - shift of row oh.
            const float* src = b.dy + int64_t(b.ohs[a]) * b.outW - b.shifts[t] + b.j0;
            const float* wt = b.w + b.kis[a] * b.k + b.kjs[t];
            __mmask16 masks[SEG];
            for (int q = 0; q < SEG; ++q) {
                const int j = b.j0 + 16 * q, ow0 = j - b.shifts[t];
                const int first = std::max(0, -ow0), last = std::min({16, b.Wq - j, b.outW - ow0});
                masks[q] = first < last ? static_cast<__mmask16>(((1u << last) - 1) & ~((1u << first) - 1))
                                        : static_cast<__mmask16>(0);
            }
            for (int m = 0; m < b.M; ++m) {
                const __m512 wv = _mm512_set1_ps(wt[int64_t(m) * b.T]);
                const float* sm = src + m * b.outPlane;
                for (int q = 0; q < SEG; ++q)
                    acc[q] = _mm512_fmadd_ps(wv, _mm512_maskz_loadu_ps(masks[q], sm + 16 * q), acc[q]);
            }
        }
    for (int q = 0; q < SEG; ++q) {
        const int lanes = std::min(16, b.Wq - b.j0 - 16 * q);
        _mm512_mask_storeu_ps(dst + b.j0 + 16 * q, static_cast<__mmask16>((1u << lanes) - 1), acc[q]);
    }
}
// The AVX-512 kernels (masked loads along the rows; each sum stays in a register).
struct Kernels {
    static constexpr bool kAlwaysMasked = false;  // weightGradients writes `masked` only when asked

    // TAPS > 0: the tap count known at compile time (3x3 and 5x5 kernels), so the tap loops unroll.
    template <int TAPS>
    CS_TARGET_AVX512 static void forward(const float* x, int N, const WindowGeometry& g, const float* w,
                                         const float* bias, int M, bool relu, float* y, float* phased) {
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
                        for (int ow = 0; ow < outW; ow += 16) {
                            const __mmask16 mask = static_cast<__mmask16>((1u << std::min(16, outW - ow)) - 1);
                            __m512 acc = _mm512_set1_ps(b);
                            for (int t = 0; t < T; ++t)
                                acc = _mm512_fmadd_ps(_mm512_set1_ps(wo[t]),
                                                      _mm512_maskz_loadu_ps(mask, row + off[t] + ow), acc);
                            if (relu) acc = _mm512_max_ps(acc, _mm512_setzero_ps());
                            _mm512_mask_storeu_ps(yrow + ow, mask, acc);
                        }
                    }
                }
            }
    }

    // dw and db of output channel o from one sample, for the taps [t0, t1) (at most kTapBlock;
    // BLOCK > 0: exactly BLOCK taps, known at compile time so the sums stay in registers); with
    // `masked`, also writes dy masked by ReLU (y > 0) there (the input-gradient pass reads it).
    template <int BLOCK>
    CS_TARGET_AVX512 static void weightGradients(const Phased& ph, const WindowGeometry& g, const int64_t* off, int t0,
                                                 int t1, const float* phased, const float* yo, const float* dyo,
                                                 bool reluMask, float* dwo, float* dbo, float* masked) {
        if (BLOCK > 0) t1 = t0 + BLOCK;
        const int outW = g.outW;
        const int64_t rowStep = int64_t(g.stride) * ph.Wq;
        __m512 acc[kTapBlock], accBias = _mm512_setzero_ps();
        for (int t = t0; t < t1; ++t) acc[t - t0] = _mm512_setzero_ps();
        for (int oh = 0; oh < g.outH; ++oh) {
            const float* row = phased + oh * rowStep;
            const int64_t o = int64_t(oh) * outW;
            for (int ow = 0; ow < outW; ow += 16) {
                const __mmask16 valid = static_cast<__mmask16>((1u << std::min(16, outW - ow)) - 1);
                __mmask16 m = valid;
                if (reluMask)
                    m = _mm512_mask_cmp_ps_mask(m, _mm512_maskz_loadu_ps(m, yo + o + ow), _mm512_setzero_ps(),
                                                _CMP_GT_OQ);
                const __m512 gv = _mm512_maskz_loadu_ps(m, dyo + o + ow);
                if (masked) _mm512_mask_storeu_ps(masked + o + ow, valid, gv);
                accBias = _mm512_add_ps(accBias, gv);
                for (int t = t0; t < t1; ++t)
                    acc[t - t0] = _mm512_fmadd_ps(gv, _mm512_maskz_loadu_ps(m, row + off[t] + ow), acc[t - t0]);
            }
        }
        for (int t = t0; t < t1; ++t) dwo[t] += _mm512_reduce_add_ps(acc[t - t0]);
        if (dbo) *dbo += _mm512_reduce_add_ps(accBias);
    }

    // The gradient of one padded input channel (in phases) from the masked output gradients `dy`
    // of its M output channels: each 16-wide segment sums its taps in a register and is stored once
    // (adding into the padded gradient tap by tap would reload each store at a shifted offset, which
    // the CPU cannot forward: several times slower).
    CS_TARGET_AVX512 static void inputGradient(const Phased& ph, const WindowGeometry& g, const float* dy,
                                               const float* w, int M, float* dPhased) {
        const int k = g.window, d = g.dilation, s = g.stride, outW = g.outW, T = k * k;
        const int64_t outPlane = g.outPlane();
        int kjs[31], shifts[31], kis[31], ohs[31];  // the taps of a phase and the rows of a padded row
        for (int p = 0; p < s; ++p) {
            int phaseTaps = 0;
            for (int kj = 0; kj < k; ++kj)
                if ((kj * d) % s == p) {
                    kjs[phaseTaps] = kj;
                    shifts[phaseTaps++] = (kj * d) / s;
                }
            for (int r = 0; r < ph.H; ++r) {
                int rows = 0;  // the output rows oh whose tap ki reads padded row r = oh * s + ki * d
                for (int ki = 0; ki < k; ++ki) {
                    const int rowOffset = r - ki * d;
                    if (rowOffset < 0 || rowOffset % s != 0 || rowOffset / s >= g.outH) continue;
                    kis[rows] = ki;
                    ohs[rows++] = rowOffset / s;
                }
                float* dst = dPhased + p * ph.phasePlane + int64_t(r) * ph.Wq;
                // Up to 64 columns at a time in registers, so each tap's set-up serves several segments.
                for (int j0 = 0; j0 < ph.Wq;) {
                    const int segments = (ph.Wq - j0 + 15) / 16;
                    const RowBlock blk{dy, w,     ohs,  kis, rows, kjs, shifts,  phaseTaps,
                                       j0, ph.Wq, outW, k,   M,    T,   outPlane};
                    if (segments >= 4)
                        gradientSegments<4>(blk, dst);
                    else if (segments == 3)
                        gradientSegments<3>(blk, dst);
                    else if (segments == 2)
                        gradientSegments<2>(blk, dst);
                    else
                        gradientSegments<1>(blk, dst);
                    j0 += 16 * std::min(segments, 4);
                }
            }
        }
    }
};

}  // namespace avx512

// The same in plain loops along the rows, which the compiler vectorises for the instruction set of
// the function they are inlined into (AVX2 + FMA, or the baseline).
struct LoopKernels {
    static constexpr bool kAlwaysMasked = true;  // weightGradients always writes `masked`

    // TAPS > 0: the tap count known at compile time (3x3 and 5x5 kernels), so the tap loops unroll.
    template <int TAPS>
    [[gnu::always_inline]] static void forward(const float* x, int N, const WindowGeometry& g, const float* w,
                                               const float* bias, int M, bool relu, float* y, float* phased) {
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
                        for (int ow = 0; ow < outW; ++ow) yrow[ow] = b;
                        for (int t = 0; t < T; ++t) {
                            const float* __restrict src = row + off[t];
                            const float wt = wo[t];
                            for (int ow = 0; ow < outW; ++ow) yrow[ow] += wt * src[ow];
                        }
                        if (relu)
                            for (int ow = 0; ow < outW; ++ow) yrow[ow] = std::max(yrow[ow], 0.f);
                    }
                }
            }
    }

    // dw and db of output channel o from one sample, for the taps [t0, t1) (at most kTapBlock;
    // BLOCK > 0: exactly BLOCK taps, known at compile time so the sums stay in registers); with
    // `masked`, also writes dy masked by ReLU (y > 0) there (the input-gradient pass reads it).
    template <int BLOCK>
    [[gnu::always_inline]] static void weightGradients(const Phased& ph, const WindowGeometry& g, const int64_t* off,
                                                       int t0, int t1, const float* phased, const float* yo,
                                                       const float* dyo, bool reluMask, float* dwo, float* dbo,
                                                       float* masked) {
        if (BLOCK > 0) t1 = t0 + BLOCK;
        const int outW = g.outW;
        const int64_t rowStep = int64_t(g.stride) * ph.Wq;
        for (int oh = 0; oh < g.outH; ++oh) {
            const float* row = phased + oh * rowStep;
            const int64_t o = int64_t(oh) * outW;
            float* gv = masked + o;  // always given here, for every tap block (rewritten the same)
            for (int i = 0; i < outW; ++i) gv[i] = reluMask && !(yo[o + i] > 0.f) ? 0.f : dyo[o + i];
            if (dbo)
                for (int i = 0; i < outW; ++i) *dbo += gv[i];
            for (int t = t0; t < t1; ++t) {
                const float* __restrict src = row + off[t];
                float sum = 0.f;
                for (int i = 0; i < outW; ++i) sum += gv[i] * src[i];
                dwo[t] += sum;
            }
        }
    }

    // The gradient of one padded input channel (in phases) from the masked output gradients `dy`
    // of its M output channels: each 16-wide segment sums its taps in a register and is stored once
    // (adding into the padded gradient tap by tap would reload each store at a shifted offset, which
    // the CPU cannot forward: several times slower).
    [[gnu::always_inline]] static void inputGradient(const Phased& ph, const WindowGeometry& g, const float* dy,
                                                     const float* w, int M, float* dPhased) {
        const int k = g.window, d = g.dilation, s = g.stride, outW = g.outW, T = k * k;
        const int64_t outPlane = g.outPlane();
        int kjs[31], shifts[31], kis[31], ohs[31];  // the taps of a phase and the rows of a padded row
        for (int p = 0; p < s; ++p) {
            int phaseTaps = 0;
            for (int kj = 0; kj < k; ++kj)
                if ((kj * d) % s == p) {
                    kjs[phaseTaps] = kj;
                    shifts[phaseTaps++] = (kj * d) / s;
                }
            for (int r = 0; r < ph.H; ++r) {
                int rows = 0;  // the output rows oh whose tap ki reads padded row r = oh * s + ki * d
                for (int ki = 0; ki < k; ++ki) {
                    const int rowOffset = r - ki * d;
                    if (rowOffset < 0 || rowOffset % s != 0 || rowOffset / s >= g.outH) continue;
                    kis[rows] = ki;
                    ohs[rows++] = rowOffset / s;
                }
                float* dst = dPhased + p * ph.phasePlane + int64_t(r) * ph.Wq;
                for (int j0 = 0; j0 < ph.Wq; j0 += 16) {
                    const int lanes = std::min(16, ph.Wq - j0);
                    float acc[16] = {};
                    for (int a = 0; a < rows; ++a)
                        for (int b = 0; b < phaseTaps; ++b) {
                            const int ow0 = j0 - shifts[b];  // lane i reads output column ow0 + i
                            const int first = std::max(0, -ow0), last = std::min(lanes, outW - ow0);
                            if (first >= last) continue;
                            const float* src = dy + int64_t(ohs[a]) * outW + ow0;
                            const float* wt = w + kis[a] * k + kjs[b];
                            for (int m = 0; m < M; ++m)
                                for (int i = first; i < last; ++i) acc[i] += wt[int64_t(m) * T] * src[m * outPlane + i];
                        }
                    for (int i = 0; i < lanes; ++i) dst[j0 + i] = acc[i];
                }
            }
        }
    }
};

template <class Kernels>
[[gnu::always_inline]] inline void forwardBody(const float* x, int N, const WindowGeometry& g, const float* w,
                                               const float* bias, int M, bool relu, float* y, float* scratch) {
    switch (g.window) {
        case 3:
            return Kernels::template forward<9>(x, N, g, w, bias, M, relu, y, scratch);
        case 5:
            return Kernels::template forward<25>(x, N, g, w, bias, M, relu, y, scratch);
        default:
            return Kernels::template forward<0>(x, N, g, w, bias, M, relu, y, scratch);
    }
}

template <class Kernels>
[[gnu::always_inline]] inline void backwardBody(const float* x, const float* y, const float* dy, int N,
                                                const WindowGeometry& g, const float* w, int M, bool reluMask,
                                                float* dw, float* db, float* dx, float* scratch) {
    const Phased ph = Phased::of(g);
    int64_t off[kMaxTaps];
    const int T = ph.tapOffsets(g, off);
    const int C = g.channels;
    const int64_t outPlane = g.outPlane();
    float* phased = scratch;
    float* dPhased = scratch + Phased::of(g).size() + 16;
    float* masked = dPhased + Phased::of(g).size() + 16;  // M output planes of dy, masked by ReLU
    std::fill(dw, dw + int64_t(C) * M * T, 0.f);
    if (db) std::fill(db, db + int64_t(C) * M, 0.f);
    // Without ReLU the AVX-512 input-gradient pass reads dy itself.
    const bool copyMasked = Kernels::kAlwaysMasked || (dx && reluMask);
    for (int n = 0; n < N; ++n)
        for (int c = 0; c < C; ++c) {
            ph.fill(x + (int64_t(n) * C + c) * g.inPlane(), g, phased);
            const int64_t at = (int64_t(n) * C * M + int64_t(c) * M) * outPlane;  // output channel c*M
            for (int m = 0; m < M; ++m) {
                const int o = c * M + m;
                for (int t0 = 0; t0 < T; t0 += kTapBlock) {
                    const int t1 = std::min(T, t0 + kTapBlock);
                    const float* ym = y ? y + at + m * outPlane : nullptr;
                    float* dbo = db && t0 == 0 ? db + o : nullptr;
                    float* maskedM = copyMasked ? masked + m * outPlane : nullptr;
                    if (T == 9)  // 3x3: the sums in registers
                        Kernels::template weightGradients<9>(ph, g, off, t0, t1, phased, ym, dy + at + m * outPlane,
                                                             reluMask, dw + int64_t(o) * T, dbo, maskedM);
                    else
                        Kernels::template weightGradients<0>(ph, g, off, t0, t1, phased, ym, dy + at + m * outPlane,
                                                             reluMask, dw + int64_t(o) * T, dbo, maskedM);
                }
            }
            if (!dx) continue;
            Kernels::inputGradient(ph, g, copyMasked ? masked : dy + at, w + int64_t(c) * M * T, M, dPhased);
            ph.drain(dPhased, g, dx + (int64_t(n) * C + c) * g.inPlane());
        }
}

namespace avx512 {

CS_TARGET_AVX512 void forward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int M,
                              bool relu, float* y, float* scratch) {
    forwardBody<Kernels>(x, N, g, w, bias, M, relu, y, scratch);
}

CS_TARGET_AVX512 void backward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g,
                               const float* w, int M, bool reluMask, float* dw, float* db, float* dx, float* scratch) {
    backwardBody<Kernels>(x, y, dy, N, g, w, M, reluMask, dw, db, dx, scratch);
}

}  // namespace avx512

namespace avx2 {

CS_TARGET_AVX2 void forward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int M,
                            bool relu, float* y, float* scratch) {
    forwardBody<LoopKernels>(x, N, g, w, bias, M, relu, y, scratch);
}

CS_TARGET_AVX2 void backward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g,
                             const float* w, int M, bool reluMask, float* dw, float* db, float* dx, float* scratch) {
    backwardBody<LoopKernels>(x, y, dy, N, g, w, M, reluMask, dw, db, dx, scratch);
}

}  // namespace avx2

}  // namespace

int64_t depthwiseScratch(const WindowGeometry& g) { return Phased::of(g).size() + 16; }

int64_t depthwiseBackwardScratch(const WindowGeometry& g, int multiplier) {
    return 2 * depthwiseScratch(g) + int64_t(multiplier) * g.outPlane();
}

void depthwiseForward(const float* x, int N, const WindowGeometry& g, const float* w, const float* bias, int multiplier,
                      bool relu, float* y, float* scratch) {
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return avx512::forward(x, N, g, w, bias, multiplier, relu, y, scratch);
        case CpuLevel::Avx2:
            return avx2::forward(x, N, g, w, bias, multiplier, relu, y, scratch);
        case CpuLevel::Scalar:
            break;
    }
    forwardBody<LoopKernels>(x, N, g, w, bias, multiplier, relu, y, scratch);
}

void depthwiseBackward(const float* x, const float* y, const float* dy, int N, const WindowGeometry& g, const float* w,
                       int M, bool reluMask, float* dw, float* db, float* dx, float* scratch) {
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return avx512::backward(x, y, dy, N, g, w, M, reluMask, dw, db, dx, scratch);
        case CpuLevel::Avx2:
            return avx2::backward(x, y, dy, N, g, w, M, reluMask, dw, db, dx, scratch);
        case CpuLevel::Scalar:
            break;
    }
    backwardBody<LoopKernels>(x, y, dy, N, g, w, M, reluMask, dw, db, dx, scratch);
}

}  // namespace cs
