#include "layers/conv2d.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

#include "core/errors.h"
#include "core/sgemm.h"
#include "layers/conv_gemm.h"
#include "layers/direct_conv.h"
#include "layers/param_specs.h"

namespace cs {

namespace {

// Workspace buffers.
enum : std::size_t { kColumns = 0, kGemm = 1, kColumnGrad = 2, kBufferCount = 3 };

// Upper bound on one im2col chunk (1 MB of floats): the columns of a chunk stay in the L2 cache
// between im2col and the GEMM that reads them. Measured on the seed-cnn benchmark: 1 MB beat
// 4 MB and 16 MB by 10-25% at batch 64-128.
constexpr int64_t kMaxColumnFloats = int64_t(5) << 17;

int ceilDiv(int a, int b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

// Output columns [lo, hi) whose input column ow*stride - padLeft + kj lies inside the image.
void validColumns(const WindowGeometry& g, int kj, int& lo, int& hi) {
    lo = std::clamp(ceilDiv(g.padLeft - kj, g.stride), 0, g.outW);
    hi = std::clamp(ceilDiv(g.inW + g.padLeft - kj, g.stride), lo, g.outW);
}

// dst = src where y > 0, else 0: ReLU's backward.
void reluMask(const float* __restrict y, const float* __restrict src, float* __restrict dst, int64_t n) {
    for (int64_t p = 0; p < n; ++p) dst[p] = y[p] > 0.f ? src[p] : 0.f;
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

// Columns of `count` samples starting at x: a (C*k*k) x (count*outH*outW) row-major matrix whose
// row (c, ki, kj) matches the kernel's OIHW flattening and whose column is (n, oh, ow).
void im2col(const float* x, int count, const WindowGeometry& g, float* col) {
    // Locals, not g's fields: the stores into col could alias g as far as the compiler knows.
    const int k = g.window, s = g.stride, outH = g.outH, outW = g.outW, inH = g.inH, inW = g.inW;
    const int padTop = g.padTop, channels = g.channels;
    const int64_t P = g.outPlane(), ld = count * P, inPlane = g.inPlane();
    for (int c = 0; c < g.channels; ++c)
        for (int ki = 0; ki < k; ++ki)
            for (int kj = 0; kj < k; ++kj) {
                float* row = col + ((int64_t(c) * k + ki) * k + kj) * ld;
                int lo, hi;
                validColumns(g, kj, lo, hi);
                const int shift = kj - g.padLeft;
                for (int n = 0; n < count; ++n) {
                    const float* plane = x + (int64_t(n) * channels + c) * inPlane;
                    float* dst = row + n * P;
                    for (int oh = 0; oh < outH; ++oh, dst += outW) {
                        const int ih = oh * s - padTop + ki;
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

#if defined(__AVX512F__)
// col2im for stride 1: each 16-wide segment of an input row sums its k x k contributions in a
// register (a masked load from the shifted column row puts each value in its lane) and is
// stored once: no clearing pass, no read-modify-write of dx.
void col2imStride1(const float* col, int count, const WindowGeometry& g, float* dx) {
    const int k = g.window, outH = g.outH, outW = g.outW, inH = g.inH, inW = g.inW;
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
                        const int oh = ih + padTop - ki;
                        if (oh < 0 || oh >= outH) continue;
                        for (int kj = 0; kj < k; ++kj) {
                            // Lane i holds input column iw0 + i, fed by output column ow0 + i.
                            const int ow0 = iw0 + padLeft - kj;
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

// The adjoint of im2col: sums column gradients back onto the `count` input samples at dx
// (which it overwrites).
void col2im(const float* col, int count, const WindowGeometry& g, float* dx) {
#if defined(__AVX512F__)
    if (g.stride == 1) {
        col2imStride1(col, count, g, dx);
        return;
    }
#endif
    const int k = g.window, s = g.stride;
    const int64_t P = g.outPlane(), ld = count * P;
    std::fill(dx, dx + int64_t(count) * g.channels * g.inPlane(), 0.f);
    for (int c = 0; c < g.channels; ++c)
        for (int ki = 0; ki < k; ++ki)
            for (int kj = 0; kj < k; ++kj) {
                const float* row = col + ((int64_t(c) * k + ki) * k + kj) * ld;
                int lo, hi;
                validColumns(g, kj, lo, hi);
                const int shift = kj - g.padLeft;
                for (int n = 0; n < count; ++n) {
                    float* plane = dx + (int64_t(n) * g.channels + c) * g.inPlane();
                    const float* __restrict src = row + n * P;
                    for (int oh = 0; oh < g.outH; ++oh, src += g.outW) {
                        const int ih = oh * s - g.padTop + ki;
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

}  // namespace

Conv2DOptions Conv2DOptions::fromJson(const Options& j) {
    Conv2DOptions o;
    o.filters = j.at("filters").get<int>();
    o.kernelSize = j.at("kernel_size").get<int>();
    o.strides = j.at("strides").get<int>();
    o.padding = paddingFromName(j.at("padding").get<std::string>());
    o.useBias = j.at("use_bias").get<bool>();
    o.activation = activationFromName(j.at("activation").get<std::string>());
    return o;
}

Options Conv2DOptions::toJson() const {
    return {{"filters", filters},  {"kernel_size", kernelSize},
            {"strides", strides},  {"padding", paddingName(padding)},
            {"use_bias", useBias}, {"activation", cs::activationName(activation)}};
}

LayerInfo Conv2D::info() {
    const Conv2DOptions d;
    LayerInfo li;
    li.kind = "Conv2D";
    li.category = "Convolution";
    li.help =
        "Slides learned square filters over the image and outputs one feature map per filter. "
        "The workhorse of a CNN: early layers find edges, later ones find shapes.";
    li.params = {
        spec::intParam("filters", d.filters, 1, 4096, "Number of filters, i.e. output channels."),
        spec::intParam("kernel_size", d.kernelSize, 1, 31, "Width and height of each square filter, in pixels."),
        spec::intParam("strides", d.strides, 1, 31, "Step between filter positions; 2 halves the output size."),
        spec::choiceParam(
            "padding", std::string(paddingName(d.padding)), {"valid", "same"},
            "'valid' uses only full windows (output shrinks); 'same' pads with zeros so the output is input/strides."),
        spec::boolParam("use_bias", d.useBias, "Adds a learned bias to every output channel."),
        spec::activationParam(std::string(cs::activationName(d.activation)),
                              "Activation applied to the output ('linear' for none)."),
    };
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<Conv2D>(Conv2DOptions::fromJson(o), name);
    };
    return li;
}

Conv2D::Conv2D(const Conv2DOptions& options, std::string name) : Layer(std::move(name)), opt_(options) {}

WindowGeometry Conv2D::geometry(const Shape& input) const {
    return WindowGeometry::make(input, opt_.kernelSize, opt_.strides, opt_.padding, kind(), name_, "kernel");
}

Shape Conv2D::outputShape(std::span<const Shape> inputs) const {
    const WindowGeometry g = geometry(inputs[0]);
    return Shape::image(opt_.filters, g.outH, g.outW);
}

void Conv2D::build(std::span<const Shape> inputs, Rng& rng) {
    const WindowGeometry g = geometry(inputs[0]);
    const int k = opt_.kernelSize;
    const double fanIn = double(g.channels) * k * k, fanOut = double(opt_.filters) * k * k;
    const float limit = static_cast<float>(std::sqrt(6.0 / (fanIn + fanOut)));  // Glorot uniform
    Param kernel{"kernel", Tensor(opt_.filters, Shape{g.channels, k, k}), true};
    for (int64_t i = 0; i < kernel.value.size(); ++i) kernel.value[i] = rng.uniform(-limit, limit);
    params_.clear();
    params_.push_back(std::move(kernel));
    if (opt_.useBias) {
        Param bias{"bias", Tensor(Shape::flat(opt_.filters)), false};
        bias.value.setZero();
        params_.push_back(std::move(bias));
    }
}

int Conv2D::samplesPerChunk(const WindowGeometry& g, int batch) const {
    const int64_t perSample = int64_t(g.channels) * g.window * g.window * g.outPlane();
    return static_cast<int>(
        std::clamp<int64_t>(kMaxColumnFloats / std::max<int64_t>(perSample, 1), 1, std::max(batch, 1)));
}

void Conv2D::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    const int N = x.batch(), F = opt_.filters;
    const float* bias = opt_.useBias ? params_[1].value.data() : nullptr;
    const int64_t K = int64_t(g.channels) * g.window * g.window, P = g.outPlane();
    const int chunk = samplesPerChunk(g, N);
    ConstMatMapU w(params_[0].value.data(), F, K);
    a.ws.buffer(kBufferCount - 1);  // grow the list once: the references below stay valid
    Tensor& col = a.ws.buffer(kColumns);
    Tensor& gemm = a.ws.buffer(kGemm);
    // ReLU is applied while the GEMM result is moved into place (one pass instead of two).
    const bool fusedRelu = opt_.activation == Activation::Relu;
    if (directConvApplies(g)) {
        col.resize(1, Shape::flat(static_cast<int>(directConvScratch(g))));
        directConvForward(x.data(), N, g, params_[0].value.data(), bias, F, fusedRelu, a.output.data(), col.data());
        if (!fusedRelu) fusedActivationForward(opt_.activation, a.output, a.ws.preActivation);
        return;
    }
    if (a.phase == Phase::Eval && convGemmAvailable()) {
        // Inference: no columns are kept (col is left empty, so a backward pass after this
        // forward rebuilds them).
        Tensor& scratch = a.ws.buffer(kGemm);
        scratch.resize(1, Shape::flat(static_cast<int>(convGemmScratch(g, F))));
        col.resize(0, Shape::flat(0));
        convGemmForward(x.data(), N, g, params_[0].value.data(), bias, F, fusedRelu, a.output.data(), scratch.data(),
                        a.ws.indices);
        if (!fusedRelu) fusedActivationForward(opt_.activation, a.output, a.ws.preActivation);
        return;
    }

    for (int n0 = 0; n0 < N; n0 += chunk) {
        const int count = std::min(chunk, N - n0);
        const int cols = static_cast<int>(count * P);
        col.resize(static_cast<int>(K), Shape::flat(cols));
        gemm.resize(F, Shape::flat(cols));
        im2col(x.sample(n0), count, g, col.data());
        MatMapU y(gemm.data(), F, cols);
        y.noalias() = w * ConstMatMapU(col.data(), K, cols);
        // The GEMM gives F x (n, p); the output is (n, F, p): move each row block into place,
        // adding the bias on the way.
        for (int n = 0; n < count; ++n)
            for (int f = 0; f < F; ++f) {
                ArrMap dst(a.output.sample(n0 + n) + f * P, P);
                ConstArrMap src(gemm.data() + int64_t(f) * cols + n * P, P);
                const float b = bias ? bias[f] : 0.f;
                if (fusedRelu)
                    dst = (src + b).max(0.f);
                else
                    dst = src + b;
            }
    }
    if (!fusedRelu) fusedActivationForward(opt_.activation, a.output, a.ws.preActivation);
}

void Conv2D::backward(const BackwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    const int N = x.batch(), F = opt_.filters;
    const int64_t K = int64_t(g.channels) * g.window * g.window, P = g.outPlane();
    const int chunk = samplesPerChunk(g, N);
    Tensor& dy = a.outputGrad;
    // ReLU's backward (a mask) is applied while dy is moved into the GEMM layout below.
    const bool fusedRelu = opt_.activation == Activation::Relu && !a.gradIsPreActivation;
    if (!a.gradIsPreActivation && !fusedRelu)
        fusedActivationBackward(opt_.activation, a.output, a.ws.preActivation, dy);

    ConstMatMapU w(params_[0].value.data(), F, K);
    Tensor& dwT = a.paramGrads[0];
    dwT.resize(F, params_[0].value.sampleShape());
    MatMapU dw(dwT.data(), F, K);
    Tensor* dbT = opt_.useBias ? &a.paramGrads[1] : nullptr;
    if (dbT) dbT->resize(1, params_[1].value.sampleShape());
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (dx) dx->resize(N, x.sampleShape());

    a.ws.buffer(kBufferCount - 1);  // grow the list once: the references below stay valid
    Tensor& col = a.ws.buffer(kColumns);
    Tensor& gemm = a.ws.buffer(kGemm);
    Tensor& dcol = a.ws.buffer(kColumnGrad);
    if (directConvApplies(g)) {
        col.resize(1, Shape::flat(static_cast<int>(2 * directConvScratch(g))));
        directConvBackward(x.data(), a.output.data(), dy.data(), N, g, params_[0].value.data(), F, fusedRelu, dw.data(),
                           dbT ? dbT->data() : nullptr, dx ? dx->data() : nullptr, col.data());
        return;
    }
    if (N == 0) {  // no chunk will write the gradients
        dw.setZero();
        if (dbT) dbT->setZero();
    }
    for (int n0 = 0; n0 < N; n0 += chunk) {
        const int count = std::min(chunk, N - n0);
        const int cols = static_cast<int>(count * P);
        // With a single chunk the training forward pass left this batch's columns in the
        // workspace (an inference forward leaves none).
        if (chunk < N || col.batch() != K || col.sampleSize() != cols) {
            col.resize(static_cast<int>(K), Shape::flat(cols));
            im2col(x.sample(n0), count, g, col.data());
        }
        gemm.resize(F, Shape::flat(cols));
        for (int n = 0; n < count; ++n)
            for (int f = 0; f < F; ++f) {
                float* dst = gemm.data() + int64_t(f) * cols + n * P;
                const float* src = dy.sample(n0 + n) + f * P;
                if (fusedRelu) {
                    reluMask(a.output.sample(n0 + n) + f * P, src, dst, P);
                } else {
                    std::memcpy(dst, src, sizeof(float) * P);
                }
            }
        ConstMatMapU dym(gemm.data(), F, cols);
        ConstMatMapU colm(col.data(), K, cols);
        if (n0 == 0)
            dw.noalias() = dym * colm.transpose();
        else
            dw.noalias() += dym * colm.transpose();
        if (dbT) {
            VecMap db(dbT->data(), F);
            if (n0 == 0)
                db = dym.rowwise().sum();
            else
                db += dym.rowwise().sum();
        }
        if (dx) {
            dcol.resize(static_cast<int>(K), Shape::flat(cols));
            // sgemm writes dcol directly (Eigen's '=' product clears its 2 MB destination first).
            sgemm(static_cast<int>(K), cols, F, {params_[0].value.data(), K, true}, {gemm.data(), cols}, dcol.data(),
                  cols, false);
            col2im(dcol.data(), count, g, dx->sample(n0));
        }
    }
}

int64_t Conv2D::macs(std::span<const Shape> inputs, const Shape& output) const {
    const int k = opt_.kernelSize;
    return output.size() * int64_t(inputs[0].channels()) * k * k;
}

int64_t Conv2D::totalParams(std::span<const Shape> inputs) const {
    const int64_t k = opt_.kernelSize;
    return opt_.filters * inputs[0].channels() * k * k + (opt_.useBias ? opt_.filters : 0);
}

}  // namespace cs
