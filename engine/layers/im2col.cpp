#include "layers/im2col.h"

#include <algorithm>

#include <immintrin.h>

#include "core/cpu_features.h"
#include "core/simd_avx2.h"

namespace cs {

namespace {

int ceilDiv(int a, int b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

// Output columns [lo, hi) whose input column ow*stride - padLeft + kj lies inside the image
// (kj: the tap's column offset, already dilated).
void validColumns(const WindowGeometry& g, int kj, int& lo, int& hi) {
    lo = std::clamp(ceilDiv(g.padLeft - kj, g.stride), 0, g.outW);
    hi = std::clamp(ceilDiv(g.inW + g.padLeft - kj, g.stride), lo, g.outW);
}

// Copies and adds short rows (an output row of a small feature map): plain loops, vectorised by
// the compiler for the instruction set of the function they are inlined into.
struct LoopRows {
    [[gnu::always_inline]] static void copy(float* __restrict dst, const float* __restrict src, int n) {
        for (int i = 0; i < n; ++i) dst[i] = src[i];
    }
    [[gnu::always_inline]] static void add(float* __restrict dst, const float* __restrict src, int n) {
        for (int i = 0; i < n; ++i) dst[i] += src[i];
    }
};

namespace avx512 {

// One masked load and store per 16 floats, where memcpy's call costs more than the copy.
struct Rows {
    CS_TARGET_AVX512 static void copy(float* __restrict dst, const float* __restrict src, int n) {
        for (; n > 0; n -= 16, dst += 16, src += 16) {
            const __mmask16 m = static_cast<__mmask16>(n >= 16 ? 0xFFFF : (1u << n) - 1);
            _mm512_mask_storeu_ps(dst, m, _mm512_maskz_loadu_ps(m, src));
        }
    }
    CS_TARGET_AVX512 static void add(float* __restrict dst, const float* __restrict src, int n) {
        for (; n > 0; n -= 16, dst += 16, src += 16) {
            const __mmask16 m = static_cast<__mmask16>(n >= 16 ? 0xFFFF : (1u << n) - 1);
            _mm512_mask_storeu_ps(dst, m, _mm512_add_ps(_mm512_maskz_loadu_ps(m, dst), _mm512_maskz_loadu_ps(m, src)));
        }
    }
};

}  // namespace avx512

// The body of im2col, inlined into each instruction set's version below.
template <class Rows>
[[gnu::always_inline]] inline void im2colBody(const float* x, int count, const WindowGeometry& g, float* col) {
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
                            Rows::copy(dst + lo, src + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ++ow) dst[ow] = src[ow * s];
                        }
                        std::fill(dst + hi, dst + outW, 0.f);
                    }
                }
            }
}

// col2im for any stride: clear dx, then add each column row where it belongs.
template <class Rows>
[[gnu::always_inline]] inline void col2imBody(const float* col, int count, const WindowGeometry& g, float* dx) {
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
                            Rows::add(dst + lo, src + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ++ow) dst[ow * s] += src[ow];
                        }
                    }
                }
            }
}

namespace avx512 {

// col2im for stride 1: each 16-wide segment of an input row sums its k x k contributions in a
// register (a masked load from the shifted column row puts each value in its lane) and is
// stored once: no clearing pass, no read-modify-write of dx.
CS_TARGET_AVX512 void col2imStride1(const float* col, int count, const WindowGeometry& g, float* dx) {
    const int k = g.window, d = g.dilation, outH = g.outH, outW = g.outW, inH = g.inH, inW = g.inW;
    const int padTop = g.padTop, padLeft = g.padLeft, channels = g.channels;
    const int64_t P = g.outPlane(), ld = count * P;
    for (int n = 0; n < count; ++n)
        for (int c = 0; c < channels; ++c) {
            float* plane = dx + (int64_t(n) * channels + c) * g.inPlane();
            const float* rows = col + int64_t(c) * k * k * ld + n * P;  // row (c, 0, 0), sample n
            for (int ih = 0; ih < inH; ++ih)
                for (int iw0 = 0; iw0 < inW; iw0 += 16) {
                    // Two add chains (even and odd kernel columns), named: an array indexed at
                    // run time lives on the stack, each add then waiting for the last one's store.
                    __m512 even = _mm512_setzero_ps(), odd = _mm512_setzero_ps();
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
                            const __m512 v = _mm512_maskz_loadu_ps(m, src);
                            if (kj & 1)
                                odd = _mm512_add_ps(odd, v);
                            else
                                even = _mm512_add_ps(even, v);
                        }
                    }
                    const int valid = std::min(16, inW - iw0);
                    const __m512 sum = _mm512_add_ps(even, odd);
                    _mm512_mask_storeu_ps(plane + int64_t(ih) * inW + iw0, static_cast<__mmask16>((1u << valid) - 1),
                                          sum);
                }
        }
}

CS_TARGET_AVX512 void im2col(const float* x, int count, const WindowGeometry& g, float* col) {
    im2colBody<Rows>(x, count, g, col);
}

CS_TARGET_AVX512 void col2im(const float* col, int count, const WindowGeometry& g, float* dx) {
    if (g.stride == 1)
        col2imStride1(col, count, g, dx);
    else
        col2imBody<Rows>(col, count, g, dx);
}

}  // namespace avx512

namespace avx2 {

// As avx512::col2imStride1, 8-wide.
CS_TARGET_AVX2 void col2imStride1(const float* col, int count, const WindowGeometry& g, float* dx) {
    const int k = g.window, d = g.dilation, outH = g.outH, outW = g.outW, inH = g.inH, inW = g.inW;
    const int padTop = g.padTop, padLeft = g.padLeft, channels = g.channels;
    const int64_t P = g.outPlane(), ld = count * P;
    for (int n = 0; n < count; ++n)
        for (int c = 0; c < channels; ++c) {
            float* plane = dx + (int64_t(n) * channels + c) * g.inPlane();
            const float* rows = col + int64_t(c) * k * k * ld + n * P;  // row (c, 0, 0), sample n
            for (int ih = 0; ih < inH; ++ih)
                for (int iw0 = 0; iw0 < inW; iw0 += 8) {
                    // Two add chains (even and odd kernel columns), named: an array indexed at
                    // run time would live in memory.
                    __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps();
                    for (int ki = 0; ki < k; ++ki) {
                        const int oh = ih + padTop - ki * d;
                        if (oh < 0 || oh >= outH) continue;
                        for (int kj = 0; kj < k; ++kj) {
                            const int ow0 = iw0 + padLeft - kj * d;
                            const int first = std::max(0, -ow0), last = std::min({8, outW - ow0, inW - iw0});
                            if (first >= last) continue;
                            const float* src = rows + (int64_t(ki) * k + kj) * ld + int64_t(oh) * outW + ow0;
                            const __m256 v = first == 0 && last == 8
                                                 ? _mm256_loadu_ps(src)
                                                 : simd::avx2::maskLoad(src, simd::avx2::laneMask(first, last));
                            if (kj & 1)
                                odd = _mm256_add_ps(odd, v);
                            else
                                even = _mm256_add_ps(even, v);
                        }
                    }
                    simd::avx2::maskStore(plane + int64_t(ih) * inW + iw0, simd::avx2::laneMask(inW - iw0),
                                          _mm256_add_ps(even, odd));
                }
        }
}

CS_TARGET_AVX2 void im2col(const float* x, int count, const WindowGeometry& g, float* col) {
    im2colBody<LoopRows>(x, count, g, col);
}

CS_TARGET_AVX2 void col2im(const float* col, int count, const WindowGeometry& g, float* dx) {
    if (g.stride == 1)
        col2imStride1(col, count, g, dx);
    else
        col2imBody<LoopRows>(col, count, g, dx);
}

}  // namespace avx2

}  // namespace

void im2col(const float* x, int count, const WindowGeometry& g, float* col) {
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return avx512::im2col(x, count, g, col);
        case CpuLevel::Avx2:
            return avx2::im2col(x, count, g, col);
        case CpuLevel::Scalar:
            break;
    }
    im2colBody<LoopRows>(x, count, g, col);
}

void col2im(const float* col, int count, const WindowGeometry& g, float* dx) {
    switch (cpuLevel()) {
        case CpuLevel::Avx512:
            return avx512::col2im(col, count, g, dx);
        case CpuLevel::Avx2:
            return avx2::col2im(col, count, g, dx);
        case CpuLevel::Scalar:
            break;
    }
    col2imBody<LoopRows>(col, count, g, dx);
}

}  // namespace cs
