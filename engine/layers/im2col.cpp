#include "layers/im2col.h"

#include <algorithm>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace cs {

namespace {

int ceilDiv(int a, int b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

// Output columns [lo, hi) whose input column ow*stride - padLeft + kj lies inside the image
// (kj: the tap's column offset, already dilated).
void validColumns(const WindowGeometry& g, int kj, int& lo, int& hi) {
    lo = std::clamp(ceilDiv(g.padLeft - kj, g.stride), 0, g.outW);
    hi = std::clamp(ceilDiv(g.inW + g.padLeft - kj, g.stride), lo, g.outW);
}

// Copies and adds short rows (an output row of a small feature map): with AVX-512 one masked
// load and store per 16 floats, where memcpy's call costs more than the copy.
void copyRow(float* __restrict dst, const float* __restrict src, int n) {
#if defined(__AVX512F__)
    for (; n > 0; n -= 16, dst += 16, src += 16) {
        const __mmask16 m = static_cast<__mmask16>(n >= 16 ? 0xFFFF : (1u << n) - 1);
        _mm512_mask_storeu_ps(dst, m, _mm512_maskz_loadu_ps(m, src));
    }
#else
    for (int i = 0; i < n; ++i) dst[i] = src[i];
#endif
}

void addRow(float* __restrict dst, const float* __restrict src, int n) {
#if defined(__AVX512F__)
    for (; n > 0; n -= 16, dst += 16, src += 16) {
        const __mmask16 m = static_cast<__mmask16>(n >= 16 ? 0xFFFF : (1u << n) - 1);
        _mm512_mask_storeu_ps(dst, m, _mm512_add_ps(_mm512_maskz_loadu_ps(m, dst), _mm512_maskz_loadu_ps(m, src)));
    }
#else
    for (int i = 0; i < n; ++i) dst[i] += src[i];
#endif
}

}  // namespace

void im2col(const float* x, int count, const WindowGeometry& g, float* col) {
    // Locals, not g's fields: the stores into col could alias g as far as the compiler knows.
    const int k = g.window, s = g.stride, d = g.dilation, outH = g.outH, outW = g.outW, inH = g.inH, inW = g.inW;
    const int padTop = g.padTop, channels = g.channels;
    const int64_t P = g.outPlane(), ld = count * P, inPlane = g.inPlane();
    for (int c = 0; c < g.channels; ++c)
        for (int ki = 0; ki < k; ++ki)
            for (int kj = 0; kj < k; ++kj) {
                float* row = col + ((int64_t(c) * k + ki) * k + kj) * ld;
                int lo, hi;
                validColumns(g, kj * d, lo, hi);
                const int shift = kj * d - g.padLeft;
                for (int n = 0; n < count; ++n) {
                    const float* plane = x + (int64_t(n) * channels + c) * inPlane;
                    float* dst = row + n * P;
                    for (int oh = 0; oh < outH; ++oh, dst += outW) {
                        const int ih = oh * s - padTop + ki * d;
                        if (ih < 0 || ih >= inH) {
                            std::fill(dst, dst + outW, 0.f);
                            continue;
                        }
                        const float* src = plane + int64_t(ih) * inW + shift;
                        std::fill(dst, dst + lo, 0.f);
                        if (s == 1) {
                            copyRow(dst + lo, src + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ++ow) dst[ow] = src[ow * s];
                        }
                        std::fill(dst + hi, dst + outW, 0.f);
                    }
                }
            }
}

namespace {

#if defined(__AVX512F__)
// col2im for stride 1: each 16-wide segment of an input row sums its k x k contributions in a
// register (a masked load from the shifted column row puts each value in its lane) and is
// stored once: no clearing pass, no read-modify-write of dx.
void col2imStride1(const float* col, int count, const WindowGeometry& g, float* dx) {
    const int k = g.window, d = g.dilation, outH = g.outH, outW = g.outW, inH = g.inH, inW = g.inW;
    const int padTop = g.padTop, padLeft = g.padLeft, channels = g.channels;
    const int64_t P = g.outPlane(), ld = count * P;
    for (int n = 0; n < count; ++n)
        for (int c = 0; c < channels; ++c) {
            float* plane = dx + (int64_t(n) * channels + c) * g.inPlane();
            const float* rows = col + int64_t(c) * k * k * ld + n * P;  // row (c, 0, 0), sample n
            for (int ih = 0; ih < inH; ++ih)
                for (int iw0 = 0; iw0 < inW; iw0 += 16) {
                    // One sum per kernel column: independent add chains instead of one long one.
                    __m512 acc[4] = {_mm512_setzero_ps(), _mm512_setzero_ps(), _mm512_setzero_ps(),
                                     _mm512_setzero_ps()};
                    for (int ki = 0; ki < k; ++ki) {
                        const int oh = ih + padTop - ki * d;
                        if (oh < 0 || oh >= outH) continue;
                        for (int kj = 0; kj < k; ++kj) {
                            // Lane i holds input column iw0 + i, fed by output column ow0 + i.
                            const int ow0 = iw0 + padLeft - kj * d;
                            const int first = std::max(0, -ow0), last = std::min({16, outW - ow0, inW - iw0});
                            if (first >= last) continue;
                            const __mmask16 m = static_cast<__mmask16>(((1u << last) - 1) & ~((1u << first) - 1));
                            const float* src = rows + (int64_t(ki) * k + kj) * ld + int64_t(oh) * outW + ow0;
                            acc[kj & 3] = _mm512_add_ps(acc[kj & 3], _mm512_maskz_loadu_ps(m, src));
                        }
                    }
                    const int valid = std::min(16, inW - iw0);
                    const __m512 sum = _mm512_add_ps(_mm512_add_ps(acc[0], acc[1]), _mm512_add_ps(acc[2], acc[3]));
                    _mm512_mask_storeu_ps(plane + int64_t(ih) * inW + iw0, static_cast<__mmask16>((1u << valid) - 1),
                                          sum);
                }
        }
}
#endif

}  // namespace

void col2im(const float* col, int count, const WindowGeometry& g, float* dx) {
#if defined(__AVX512F__)
    if (g.stride == 1) {
        col2imStride1(col, count, g, dx);
        return;
    }
#endif
    const int k = g.window, s = g.stride, d = g.dilation;
    const int64_t P = g.outPlane(), ld = count * P;
    std::fill(dx, dx + int64_t(count) * g.channels * g.inPlane(), 0.f);
    for (int c = 0; c < g.channels; ++c)
        for (int ki = 0; ki < k; ++ki)
            for (int kj = 0; kj < k; ++kj) {
                const float* row = col + ((int64_t(c) * k + ki) * k + kj) * ld;
                int lo, hi;
                validColumns(g, kj * d, lo, hi);
                const int shift = kj * d - g.padLeft;
                for (int n = 0; n < count; ++n) {
                    float* plane = dx + (int64_t(n) * g.channels + c) * g.inPlane();
                    const float* __restrict src = row + n * P;
                    for (int oh = 0; oh < g.outH; ++oh, src += g.outW) {
                        const int ih = oh * s - g.padTop + ki * d;
                        if (ih < 0 || ih >= g.inH) continue;
                        float* __restrict dst = plane + int64_t(ih) * g.inW + shift;
                        if (s == 1) {  // contiguous: vectorised
                            addRow(dst + lo, src + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ++ow) dst[ow * s] += src[ow];
                        }
                    }
                }
            }
}

}  // namespace cs
