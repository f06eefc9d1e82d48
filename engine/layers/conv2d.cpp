#include "layers/conv2d.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/errors.h"
#include "core/sgemm.h"
#include "layers/conv_gemm.h"
#include "layers/conv_small_plane.h"
#include "layers/depthwise_conv.h"
#include "layers/direct_conv.h"
#include "layers/im2col.h"
#include "layers/param_specs.h"
#include "layers/winograd_conv.h"
#include "layers/winograd_f4.h"

namespace cs {

namespace {

// Workspace buffers.
enum : std::size_t {
    kColumns = 0,
    kGemm = 1,
    kColumnGrad = 2,
    // The forward pass's transformed kernel (F(2x2) or F(4x4): their sizes never coincide, so a
    // switch between them makes it again), and the kernel it was made from.
    kWinogradKernel = 3,
    kWinogradMadeFrom = 4,
    kWinogradGradKernel = 5,  // the same for the input gradient
    kWinogradGradMadeFrom = 6,
    kSmallPlaneKernel = 7,  // the small-plane product's kernel transpose, and the kernel it was made from
    kSmallPlaneMadeFrom = 8,
    kAdjointKernel = 9,  // F(4x4)'s backward kernel (winogradF4AdjointKernel), and the kernel it was made from
    kAdjointMadeFrom = 10,
    kBufferCount = 11
};

// Upper bound on one im2col chunk (1 MB of floats): the columns of a chunk stay in the L2 cache
// between im2col and the GEMM that reads them. Measured on the seed-cnn benchmark: 1 MB beat
// 4 MB and 16 MB by 10-25% at batch 64-128.
constexpr int64_t kMaxColumnFloats = int64_t(5) << 17;

// The implicit GEMM packs one sample's output plane per column panel (32 columns): smaller planes
// leave most lanes idle, so batches of them take im2col, whose columns run across samples.
// seed-cnn's last convolution (3x3 output) ran at a quarter of the products' rate.
constexpr int64_t kImplicitGemmMinPlane = 32;

// dst = src where y > 0, else 0: ReLU's backward.
void reluMask(const float* __restrict y, const float* __restrict src, float* __restrict dst, int64_t n) {
    for (int64_t p = 0; p < n; ++p) dst[p] = y[p] > 0.f ? src[p] : 0.f;
}

// `out` = make(kernel) (`size` floats), made again only when the kernel changed since: the
// weights change once per optimizer step, and a step's micro-batches and its backward pass (or
// every image of an inference run) reuse it.
template <class Make>
const float* cachedKernel(const Tensor& kernel, int64_t size, Tensor& out, Tensor& madeFrom, Make make) {
    if (out.size() == size && madeFrom.size() == kernel.size() &&
        std::memcmp(madeFrom.data(), kernel.data(), sizeof(float) * kernel.size()) == 0)
        return out.data();
    madeFrom = kernel;
    out.resize(1, Shape::flat(static_cast<int>(size)));
    make(out.data());
    return out.data();
}

// The transformed kernel for `s`, F(4x4)'s when `f4`.
const float* winogradKernelFor(const Tensor& kernel, const WinogradShape& s, bool inputGradient, bool f4, Tensor& u,
                               Tensor& madeFrom) {
    if (f4)
        return cachedKernel(kernel, winogradF4KernelSize(s), u, madeFrom,
                            [&](float* out) { winogradF4Kernel(kernel.data(), s, inputGradient, out); });
    return cachedKernel(kernel, winogradKernelSize(s), u, madeFrom,
                        [&](float* out) { winogradKernel(kernel.data(), s, inputGradient, out); });
}

// out = the correlation `s` of `in` by F(4x4) when `f4`, else F(2x2).
void winogradCorrelate(const float* in, int N, const WinogradShape& s, bool f4, const float* u, const float* bias,
                       bool relu, float* out, Tensor& scratch) {
    scratch.resize(1, Shape::flat(static_cast<int>(f4 ? winogradF4Scratch(s) : winogradScratch(s))));
    if (f4)
        winogradF4Conv(in, N, s, u, bias, relu, out, scratch.data());
    else
        winogradConv(in, N, s, u, bias, relu, out, scratch.data());
}

// reluMask in place.
void reluMaskInPlace(const float* __restrict y, float* __restrict g, int64_t n) {
    for (int64_t p = 0; p < n; ++p) g[p] = y[p] > 0.f ? g[p] : 0.f;
}

}  // namespace

Conv2DOptions Conv2DOptions::fromJson(const Options& j) {
    Conv2DOptions o;
    o.filters = j.at("filters").get<int>();
    o.window = ConvWindowOptions::fromJson(j);
    o.groups = j.at("groups").get<int>();
    o.useBias = j.at("use_bias").get<bool>();
    o.activation = activationFromName(j.at("activation").get<std::string>());
    return o;
}

Options Conv2DOptions::toJson() const {
    Options j{{"filters", filters},
              {"groups", groups},
              {"use_bias", useBias},
              {"activation", cs::activationName(activation)}};
    window.addTo(j);
    return j;
}

LayerInfo Conv2D::info() {
    const Conv2DOptions d;
    LayerInfo li;
    li.kind = "Conv2D";
    li.category = "Convolution";
    li.help =
        "Slides learned square filters over the image and outputs one feature map per filter. "
        "The workhorse of a CNN: early layers find edges, later ones find shapes.";
    li.params = {spec::intParam("filters", d.filters, 1, 4096, "Number of filters, i.e. output channels.")};
    for (ParamSpec& p : ConvWindowOptions::params(d.window)) li.params.push_back(std::move(p));
    li.params.push_back(spec::intParam("groups", d.groups, 1, 4096,
                                       "Splits input channels and filters into this many groups, each filter seeing "
                                       "only its group's channels; must divide both."));
    li.params.push_back(spec::boolParam("use_bias", d.useBias, "Adds a learned bias to every output channel."));
    li.params.push_back(spec::activationParam(std::string(cs::activationName(d.activation)),
                                              "Activation applied to the output ('linear' for none)."));
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<Conv2D>(Conv2DOptions::fromJson(o), name);
    };
    return li;
}

Conv2D::Conv2D(const Conv2DOptions& options, std::string name) : Layer(std::move(name)), opt_(options) {}

WindowGeometry Conv2D::geometry(const Shape& input) const { return opt_.window.geometry(input, kind(), name_); }

Shape Conv2D::outputShape(std::span<const Shape> inputs) const {
    const WindowGeometry g = geometry(inputs[0]);
    requireGroupsDivide(opt_.groups, g.channels, opt_.filters, kind(), name_);
    return Shape::image(opt_.filters, g.outH, g.outW);
}

void Conv2D::build(std::span<const Shape> inputs, Rng& rng) {
    const WindowGeometry g = geometry(inputs[0]);
    requireGroupsDivide(opt_.groups, g.channels, opt_.filters, kind(), name_);
    const int k = opt_.window.kernelSize, perGroup = g.channels / opt_.groups;
    // Keras's fans for a (k, k, C/groups, filters) kernel.
    const double fanIn = double(perGroup) * k * k, fanOut = double(opt_.filters) * k * k;
    const float limit = static_cast<float>(std::sqrt(6.0 / (fanIn + fanOut)));  // Glorot uniform
    Param kernel{"kernel", Tensor(opt_.filters, Shape{perGroup, k, k}), true};
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
    a.ws.buffer(kBufferCount - 1);  // grow the list once: the references below stay valid
    Tensor& col = a.ws.buffer(kColumns);
    // ReLU is applied while the result is moved into place (one pass instead of two).
    const bool fusedRelu = opt_.activation == Activation::Relu;
    if (isDepthwise(g)) {
        col.resize(1, Shape::flat(static_cast<int>(depthwiseScratch(g))));
        depthwiseForward(x.data(), N, g, params_[0].value.data(), bias, F / g.channels, fusedRelu, a.output.data(),
                         col.data());
    } else if (opt_.groups == 1 && directConvApplies(g)) {
        col.resize(1, Shape::flat(static_cast<int>(directConvScratch(g))));
        directConvForward(x.data(), N, g, params_[0].value.data(), bias, F, fusedRelu, a.output.data(), col.data());
    } else if (const WinogradShape s = WinogradShape::forward(g, F);
               winogradApplies(g, opt_.groups) && (winogradF4Pays(s, N) || winogradPays(s, N))) {
        // No columns are kept: backward takes Winograd's kernel gradient, or builds them.
        const bool f4 = winogradF4Pays(s, N);
        const float* u = winogradKernelFor(params_[0].value, s, false, f4, a.ws.buffer(kWinogradKernel),
                                           a.ws.buffer(kWinogradMadeFrom));
        col.resize(0, Shape::flat(0));
        winogradCorrelate(x.data(), N, s, f4, u, bias, fusedRelu, a.output.data(), a.ws.buffer(kGemm));
    } else if (opt_.groups == 1 && a.phase == Phase::Eval && convSmallPlaneApplies(g)) {
        const Tensor& kernel = params_[0].value;
        const float* packed = cachedKernel(kernel, convSmallPlaneKernelSize(g, F), a.ws.buffer(kSmallPlaneKernel),
                                           a.ws.buffer(kSmallPlaneMadeFrom),
                                           [&](float* out) { convSmallPlaneKernel(kernel.data(), g, F, out); });
        Tensor& scratch = a.ws.buffer(kGemm);
        scratch.resize(1, Shape::flat(static_cast<int>(convSmallPlaneScratch(g, F))));
        col.resize(0, Shape::flat(0));
        convSmallPlaneForward(x.data(), N, g, packed, bias, F, fusedRelu, a.output.data(), scratch.data());
    } else if (opt_.groups == 1 && a.phase == Phase::Eval && convGemmAvailable() &&
               (N == 1 || g.outPlane() >= kImplicitGemmMinPlane)) {
        // Inference: no columns are kept (col is left empty, so a backward pass after this
        // forward rebuilds them).
        Tensor& scratch = a.ws.buffer(kGemm);
        scratch.resize(1, Shape::flat(static_cast<int>(convGemmScratch(g, F))));
        col.resize(0, Shape::flat(0));
        convGemmForward(x.data(), N, g, params_[0].value.data(), bias, F, fusedRelu, a.output.data(), scratch.data(),
                        a.ws.indices);
    } else {
        forwardGemm(a, g, fusedRelu);
    }
    if (!fusedRelu) fusedActivationForward(opt_.activation, a.output, a.ws.preActivation);
}

void Conv2D::forwardGemm(const ForwardArgs& a, const WindowGeometry& g, bool fusedRelu) {
    const Tensor& x = *a.inputs[0];
    const int N = x.batch(), F = opt_.filters, G = opt_.groups, Fg = F / G;
    const float* bias = opt_.useBias ? params_[1].value.data() : nullptr;
    const int64_t K = int64_t(g.channels) * g.window * g.window, Kg = K / G, P = g.outPlane();
    const int chunk = samplesPerChunk(g, N);
    Tensor& col = a.ws.buffer(kColumns);
    Tensor& gemm = a.ws.buffer(kGemm);
    for (int n0 = 0; n0 < N; n0 += chunk) {
        const int count = std::min(chunk, N - n0);
        const int cols = static_cast<int>(count * P);
        col.resize(static_cast<int>(K), Shape::flat(cols));
        gemm.resize(F, Shape::flat(cols));
        im2col(x.sample(n0), count, g, col.data());
        // One GEMM per group: its filters' rows of the kernel times its channels' rows of the
        // columns (the columns are ordered by channel, so each group's rows are contiguous).
        for (int grp = 0; grp < G; ++grp)
            sgemm(Fg, cols, static_cast<int>(Kg), {params_[0].value.data() + grp * Fg * Kg, Kg},
                  {col.data() + grp * Kg * cols, cols}, gemm.data() + int64_t(grp) * Fg * cols, cols, false);
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
}

void Conv2D::backward(const BackwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const WindowGeometry g = geometry(x.sampleShape());
    const int N = x.batch(), F = opt_.filters, G = opt_.groups, Fg = F / G;
    const int64_t K = int64_t(g.channels) * g.window * g.window, Kg = K / G, P = g.outPlane();
    const int chunk = samplesPerChunk(g, N);
    Tensor& dy = a.outputGrad;
    // ReLU's backward (a mask) is applied while dy is moved into the GEMM layout below.
    const bool fusedRelu = opt_.activation == Activation::Relu && !a.gradIsPreActivation;
    if (!a.gradIsPreActivation && !fusedRelu)
        fusedActivationBackward(opt_.activation, a.output, a.ws.preActivation, dy);

    const float* kernel = params_[0].value.data();
    Tensor& dwT = a.paramGrads[0];
    dwT.resize(F, params_[0].value.sampleShape());
    Tensor* dbT = opt_.useBias ? &a.paramGrads[1] : nullptr;
    if (dbT) dbT->resize(1, params_[1].value.sampleShape());
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (dx) dx->resize(N, x.sampleShape());

    a.ws.buffer(kBufferCount - 1);  // grow the list once: the references below stay valid
    Tensor& col = a.ws.buffer(kColumns);
    Tensor& gemm = a.ws.buffer(kGemm);
    Tensor& dcol = a.ws.buffer(kColumnGrad);
    if (isDepthwise(g)) {
        col.resize(1, Shape::flat(static_cast<int>(depthwiseBackwardScratch(g, F / g.channels))));
        depthwiseBackward(x.data(), a.output.data(), dy.data(), N, g, kernel, F / g.channels, fusedRelu, dwT.data(),
                          dbT ? dbT->data() : nullptr, dx ? dx->data() : nullptr, col.data());
        return;
    }
    if (G == 1 && directConvApplies(g)) {
        col.resize(1, Shape::flat(static_cast<int>(2 * directConvScratch(g))));
        directConvBackward(x.data(), a.output.data(), dy.data(), N, g, kernel, F, fusedRelu, dwT.data(),
                           dbT ? dbT->data() : nullptr, dx ? dx->data() : nullptr, col.data());
        return;
    }
    if (N == 0) {  // no chunk will write the gradients
        dwT.setZero();
        if (dbT) dbT->setZero();
    }
    // Winograd's transforms on dy (masked by ReLU in place). Where the forward shape takes
    // F(4x4), its tiles' adjoint gives both gradients (winogradF4Backward: a valid convolution's
    // input gradient then costs its forward pass's products, not those of its larger plane).
    // Otherwise the input gradient is dy correlated with the rotated kernel (F(2x2) or F(4x4)),
    // and where that pays, F(2x2)'s kernel gradient comes from the forward tiles' adjoint. Either
    // way no columns are built. The kernel gradient's path does not depend on whether dx is asked
    // for: the same bits either way.
    const WinogradShape gs = WinogradShape::inputGradient(g, F), fs = WinogradShape::forward(g, F);
    const bool inputF4 = winogradF4Pays(gs, N), weightsF4 = winogradApplies(g, G) && winogradF4Pays(fs, N);
    const bool adjointInput = dx && weightsF4;
    const bool inputPays = winogradApplies(g, G) && (inputF4 || winogradPays(gs, N));
    const bool winogradInput = dx && !adjointInput && inputPays;
    const bool winogradWeights = winogradApplies(g, G) && (weightsF4 || (inputPays && winogradPays(fs, N)));
    if ((winogradInput || winogradWeights) && fusedRelu) reluMaskInPlace(a.output.data(), dy.data(), dy.size());
    if (winogradInput) {
        const float* u = winogradKernelFor(params_[0].value, gs, true, inputF4, a.ws.buffer(kWinogradGradKernel),
                                           a.ws.buffer(kWinogradGradMadeFrom));
        winogradCorrelate(dy.data(), N, gs, inputF4, u, nullptr, false, dx->data(), dcol);
    }
    if (winogradWeights) {
        if (weightsF4) {
            const float* ut = adjointInput ? cachedKernel(params_[0].value, winogradF4AdjointKernelSize(fs),
                                                          a.ws.buffer(kAdjointKernel), a.ws.buffer(kAdjointMadeFrom),
                                                          [&](float* out) { winogradF4AdjointKernel(kernel, fs, out); })
                                           : nullptr;
            gemm.resize(1, Shape::flat(static_cast<int>(winogradF4BackwardScratch(fs))));
            winogradF4Backward(x.data(), dy.data(), N, fs, ut, dwT.data(), adjointInput ? dx->data() : nullptr,
                               gemm.data());
        } else {
            gemm.resize(1, Shape::flat(static_cast<int>(winogradKernelGradientScratch(fs))));
            winogradKernelGradient(x.data(), dy.data(), N, fs, dwT.data(), gemm.data());
        }
        if (dbT) {
            VecMap db(dbT->data(), F);
            db.setZero();
            for (int n = 0; n < N; ++n) db += ConstMatMapU(dy.sample(n), F, P).rowwise().sum();
        }
        return;  // dx, if asked for, came from Winograd too (F(2x2) weights go with its input gradient)
    }
    const bool maskChunks = fusedRelu && !winogradInput;
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
                if (maskChunks) {
                    reluMask(a.output.sample(n0 + n) + f * P, src, dst, P);
                } else {
                    std::memcpy(dst, src, sizeof(float) * P);
                }
            }
        if (dbT) {
            VecMap db(dbT->data(), F);
            ConstMatMapU dym(gemm.data(), F, cols);
            if (n0 == 0)
                db = dym.rowwise().sum();
            else
                db += dym.rowwise().sum();
        }
        const bool gemmInput = dx && !winogradInput;
        if (gemmInput) dcol.resize(static_cast<int>(K), Shape::flat(cols));
        for (int grp = 0; grp < G; ++grp) {
            sgemm(Fg, static_cast<int>(Kg), cols, {gemm.data() + int64_t(grp) * Fg * cols, cols},
                  {col.data() + grp * Kg * cols, cols, true}, dwT.data() + grp * Fg * Kg, Kg, n0 != 0);
            // sgemm writes dcol directly (Eigen's '=' product clears its 2 MB destination first).
            if (gemmInput)
                sgemm(static_cast<int>(Kg), cols, Fg, {kernel + grp * Fg * Kg, Kg, true},
                      {gemm.data() + int64_t(grp) * Fg * cols, cols}, dcol.data() + grp * Kg * cols, cols, false);
        }
        if (gemmInput) col2im(dcol.data(), count, g, dx->sample(n0));
    }
}

int64_t Conv2D::macs(std::span<const Shape> inputs, const Shape& output) const {
    const int k = opt_.window.kernelSize;
    return output.size() * int64_t(inputs[0].channels() / opt_.groups) * k * k;
}

int64_t Conv2D::totalParams(std::span<const Shape> inputs) const {
    const int64_t k = opt_.window.kernelSize;
    return opt_.filters * int64_t(inputs[0].channels() / opt_.groups) * k * k + (opt_.useBias ? opt_.filters : 0);
}

}  // namespace cs
