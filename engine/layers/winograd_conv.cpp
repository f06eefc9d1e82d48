#include "layers/winograd_conv.h"

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "core/sgemm.h"
#include "layers/winograd_tiles.h"

namespace cs {

using namespace winograd;

namespace {

// G g G^T for one 3x3 kernel g (row-major): the 4x4 transformed kernel.
void transformKernel(const float g[9], float out[16]) {
    float gg[4][3];  // G g
    for (int j = 0; j < 3; ++j) {
        gg[0][j] = g[j];
        gg[1][j] = 0.5f * (g[j] + g[3 + j] + g[6 + j]);
        gg[2][j] = 0.5f * (g[j] - g[3 + j] + g[6 + j]);
        gg[3][j] = g[6 + j];
    }
    for (int i = 0; i < 4; ++i) {
        out[i * 4 + 0] = gg[i][0];
        out[i * 4 + 1] = 0.5f * (gg[i][0] + gg[i][1] + gg[i][2]);
        out[i * 4 + 2] = 0.5f * (gg[i][0] - gg[i][1] + gg[i][2]);
        out[i * 4 + 3] = gg[i][2];
    }
}

// G^T m G for one 4x4 gradient m: the 3x3 kernel gradient (the adjoint of transformKernel).
void untransformKernelGradient(const float m[16], float out[9]) {
    float gm[3][4];  // G^T m
    for (int j = 0; j < 4; ++j) {
        gm[0][j] = m[j] + 0.5f * (m[4 + j] + m[8 + j]);
        gm[1][j] = 0.5f * (m[4 + j] - m[8 + j]);
        gm[2][j] = 0.5f * (m[4 + j] + m[8 + j]) + m[12 + j];
    }
    for (int i = 0; i < 3; ++i) {
        out[i * 3 + 0] = gm[i][0] + 0.5f * (gm[i][1] + gm[i][2]);
        out[i * 3 + 1] = 0.5f * (gm[i][1] - gm[i][2]);
        out[i * 3 + 2] = 0.5f * (gm[i][1] + gm[i][2]) + gm[i][3];
    }
}

// The steps of this process's instruction set (winograd_tiles.h).
struct Steps {
    decltype(&avx512::transformInputs) transformInputs;
    decltype(&avx512::multiply) multiply;
    decltype(&avx512::transformOutputs) transformOutputs;
    decltype(&avx512::transformGradients) transformGradients;
};

const Steps& steps() {
    static const Steps avx512Steps{avx512::transformInputs, avx512::multiply, avx512::transformOutputs,
                                   avx512::transformGradients};
    static const Steps avx2Steps{avx2::transformInputs, avx2::multiply, avx2::transformOutputs,
                                 avx2::transformGradients};
    return cpuLevel() == CpuLevel::Avx512 ? avx512Steps : avx2Steps;
}

// The forward correlation, block by block of tile rows: transformed inputs, sixteen products,
// transformed outputs.
void convolve(const float* in, int N, const WinogradShape& s, const float* u, const float* bias, bool relu, float* out,
              float* scratch) {
    const Steps& step = steps();
    const Pass pass(s, currentLayout(), N, scratch);
    const Tiling& t = pass.t;
    int paddedSample = -1;
    for (int u0 = 0, units = N * t.tilesH; u0 < units; u0 += t.unitsPerBlock) {
        const int u1 = std::min(units, u0 + t.unitsPerBlock);
        step.transformInputs(in, s, pass, u0, u1, paddedSample);
        step.multiply(s, pass, u, (u1 - u0) * t.tilesW);
        step.transformOutputs(s, pass, u0, u1, bias, relu, out);
    }
}

// dm (16 x F x C): the gradient of the transformed kernel, the sum over every tile of
// (A dy A^T) times (B^T d B), one product per element.
void kernelGradient(const float* in, const float* dy, int N, const WinogradShape& s, float* dm, float* scratch) {
    const Steps& step = steps();
    const Pass pass(s, currentLayout(), N, scratch);
    const Tiling& t = pass.t;
    const int64_t ld = t.ld;
    int paddedSample = -1;
    for (int u0 = 0, units = N * t.tilesH; u0 < units; u0 += t.unitsPerBlock) {
        const int u1 = std::min(units, u0 + t.unitsPerBlock);
        step.transformInputs(in, s, pass, u0, u1, paddedSample);
        step.transformGradients(s, pass, u0, u1, dy);
        for (int xi = 0; xi < 16; ++xi)  // dm_xi (F x C) += grads_xi (F x tiles) * tiles_xi^T
            sgemm(s.F, s.C, (u1 - u0) * t.tilesW, {pass.b.second + xi * pass.secondMatrix, ld},
                  {pass.b.tiles + xi * pass.tileMatrix, ld, true}, dm + int64_t(xi) * s.F * s.C, s.C, u0 > 0);
    }
}

}  // namespace

WinogradShape WinogradShape::forward(const WindowGeometry& g, int filters) {
    return {g.channels, g.inH, g.inW, filters, g.outH, g.outW, g.padTop, g.padLeft};
}

WinogradShape WinogradShape::inputGradient(const WindowGeometry& g, int filters) {
    // dx(h, w) = sum of dy(h + padTop - i, w + padLeft - j) w(i, j): a correlation of dy, padded
    // by 2 - pad, with the kernel rotated by 180 degrees.
    return {filters, g.outH, g.outW, g.channels, g.inH, g.inW, 2 - g.padTop, 2 - g.padLeft};
}

namespace {

// CONVSTUDIO_WINOGRAD, read once: "off" or "f2" (anything else: unset).
std::string_view winogradSetting() {
    static const std::string_view setting = [] {
        const char* v = std::getenv("CONVSTUDIO_WINOGRAD");
        return std::string_view(v ? v : "");
    }();
    return setting;
}

}  // namespace

bool winogradAvailable() { return winogradSetting() != "off" && cpuLevel() != CpuLevel::Scalar; }

bool winogradF4Allowed() { return winogradAvailable() && winogradSetting() != "f2"; }

bool winogradApplies(const WindowGeometry& g, int groups) {
    if (g.window != 3 || g.stride != 1 || g.dilation != 1 || groups != 1) return false;
    if (g.padTop < 0 || g.padTop > 2 || g.padLeft < 0 || g.padLeft > 2) return false;
    return winogradAvailable();
}

bool winogradPays(const WinogradShape& s, int batch) {
    const int64_t tilesH = (s.OH + 1) / 2, tilesW = (s.OW + 1) / 2;
    // The tiles' rounded-up area against the output's: 3x3 (16 computed for 9) and 5x5 (36 for 25)
    // lose more than the transform saves; 11x11 (144 for 121) and 7x7 (64 for 49) gain.
    const bool covered = 4 * tilesH * tilesW * 3 <= int64_t(s.OH) * s.OW * 4;
    // At least two 16-column vectors of tiles: the products' last panel costs by the vector.
    return covered && s.C >= 4 && int64_t(batch) * tilesH * tilesW >= 32;
}

int64_t winogradKernelSize(const WinogradShape& s) {
    const TileLayout& l = currentLayout();
    return int64_t(16) * Tiling(s, l).filterPanels * l.filterPanel * s.C;
}

int64_t winogradScratch(const WinogradShape& s) {
    const Tiling t(s, currentLayout());
    return t.paddedFloats(s) + t.tileFloats(s) + t.productFloats(s);
}

void winogradKernel(const float* w, const WinogradShape& s, bool inputGradient, float* u) {
    const int filterPanel = currentLayout().filterPanel;
    const Tiling t(s, currentLayout());
    std::fill(u, u + winogradKernelSize(s), 0.f);
    float g[9], transformed[16];
    for (int f = 0; f < s.F; ++f)
        for (int c = 0; c < s.C; ++c) {
            if (inputGradient) {  // the layer's kernel (s.C x s.F x 3 x 3), rotated
                const float* src = w + (int64_t(c) * s.F + f) * 9;
                for (int k = 0; k < 9; ++k) g[k] = src[8 - k];
            } else {
                std::memcpy(g, w + (int64_t(f) * s.C + c) * 9, sizeof g);
            }
            transformKernel(g, transformed);
            // Element xi's product reads filter panel fp as C rows of filterPanel floats.
            const int fp = f / filterPanel, lane = f % filterPanel;
            for (int xi = 0; xi < 16; ++xi)
                u[((int64_t(xi) * t.filterPanels + fp) * s.C + c) * filterPanel + lane] = transformed[xi];
        }
}

void winogradConv(const float* in, int N, const WinogradShape& s, const float* u, const float* bias, bool relu,
                  float* out, float* scratch) {
    if (N <= 0) return;
    convolve(in, N, s, u, bias, relu, out, scratch);
}

int64_t winogradKernelGradientScratch(const WinogradShape& s) {
    return winogradScratch(s) + roundUp16(int64_t(16) * s.F * s.C);
}

void winogradKernelGradient(const float* in, const float* dy, int N, const WinogradShape& s, float* dw,
                            float* scratch) {
    if (N <= 0) {
        std::fill(dw, dw + int64_t(s.F) * s.C * 9, 0.f);
        return;
    }
    float* dm = scratch + winogradScratch(s);
    kernelGradient(in, dy, N, s, dm, scratch);
    float m[16];
    for (int f = 0; f < s.F; ++f)
        for (int c = 0; c < s.C; ++c) {
            for (int xi = 0; xi < 16; ++xi) m[xi] = dm[(int64_t(xi) * s.F + f) * s.C + c];
            untransformKernelGradient(m, dw + (int64_t(f) * s.C + c) * 9);
        }
}

}  // namespace cs
