#pragma once
// The layout of layers/winograd_f4.cpp's passes and the AVX2 steps that work on it
// (winograd_f4_avx2.cpp). Internal to the engine.
#include <algorithm>
#include <cstdint>

#include "core/cpu_features.h"
#include "layers/winograd_conv.h"

namespace cs::winograd4 {

constexpr int kElements = 36;  // the 6x6 transformed tile
constexpr int kLanes = 8;      // channels or filters per vector
constexpr int kPanel = 16;     // filters per packed kernel panel (the products' columns)
constexpr int kTileRows = 6;   // tiles per register tile (the products' rows)

// The transformed tiles and products of one block stay within about this much of the L2 cache.
constexpr int64_t kBlockBytes = int64_t(320) << 10;

inline int roundUp(int n, int m) { return (n + m - 1) / m * m; }

// What every step derives from the shape. V (per element: a row of C8 channels per tile), M (a
// row of F16 products per tile) and G (the output gradient's transform: F8 per tile) of a block;
// the element matrices are a cache line more than whole rows apart (at powers of two apart the
// 36 stores of a tile would share a few sets of the L1 cache).
struct Layout {
    int C8, F8, F16;
    int tilesH, tilesW, tilesPerSample;
    int PH, PW;  // the channel-blocked copy of a sample: rows and columns (whole tiles + 2)
    int tilesPerBlock;
    int64_t vMatrix, mMatrix, gMatrix;
    int64_t uMatrix, dmMatrix;  // the transformed kernel's and its gradient's element matrices
    int64_t paddedFloats;       // the blocked copy of an input sample or of an output gradient sample

    // `batch` (when known) bounds the block.
    explicit Layout(const WinogradShape& s, int batch = 0) {
        C8 = roundUp(s.C, kLanes);
        F8 = roundUp(s.F, kLanes);
        F16 = roundUp(s.F, kPanel);
        tilesH = (s.OH + 3) / 4;
        tilesW = (s.OW + 3) / 4;
        tilesPerSample = tilesH * tilesW;
        PH = 4 * tilesH + 2;
        PW = 4 * tilesW + 2;
        const int64_t perTile = int64_t(kElements) * (C8 + F16) * 4;
        tilesPerBlock = static_cast<int>(std::max<int64_t>(kTileRows, kBlockBytes / perTile / kTileRows * kTileRows));
        if (batch > 0) tilesPerBlock = std::min(tilesPerBlock, batch * tilesPerSample);
        vMatrix = int64_t(tilesPerBlock) * C8 + 16;
        mMatrix = int64_t(tilesPerBlock) * F16 + 16;
        gMatrix = int64_t(tilesPerBlock) * F8 + 16;
        // The kernel's transform writes, and its gradient's reads, one vector per element: at a
        // power of two apart (C8 x F16 floats) the 36 would share one set of the L1 cache.
        uMatrix = int64_t(C8) * F16 + 16;
        dmMatrix = int64_t(C8) * F8 + 16;
        paddedFloats = std::max(int64_t(C8) * PH * PW, int64_t(F8) * 4 * tilesH * 4 * tilesW);
    }
    int64_t vFloats() const { return kElements * vMatrix; }
    int64_t mFloats() const { return kElements * std::max(mMatrix, gMatrix); }
    int64_t scratchFloats() const { return paddedFloats + vFloats() + mFloats(); }
};

// Scratch of one pass: the blocked sample, V, then M (or G).
struct Buffers {
    float* padded;
    float* v;
    float* m;
    Buffers(const Layout& l, float* scratch)
        : padded(scratch), v(scratch + l.paddedFloats), m(scratch + l.paddedFloats + l.vFloats()) {}
};

// The AVX2 steps of a block of tiles [t0, t1) (tiles numbered sample by sample, row by row).
// transformInputs: B^T d B of every tile into b.v (`paddedSample` remembers which sample
// b.padded holds); multiply: the 36 products V_xi U_xi into b.m (u: winogradF4Kernel's panels);
// transformOutputs: A^T m A of b.m, plus bias and ReLU, into the output planes;
// transformGradients: A dy A^T of the output gradient's tiles into b.m (as G, F8 per tile);
// accumulateKernelGradient: dm_xi (C8 x F8, after each other) = or += V_xi^T G_xi, the tiles'
// channels read in place (sgemm's packing cost more than these short products).
namespace avx2 {
CS_TARGET_AVX2 void transformInputs(const float* in, const WinogradShape& s, const Layout& l, const Buffers& b, int t0,
                                    int t1, int& paddedSample);
CS_TARGET_AVX2 void multiply(const Layout& l, const Buffers& b, const float* u, int tiles);
CS_TARGET_AVX2 void transformOutputs(const WinogradShape& s, const Layout& l, const Buffers& b, int t0, int t1,
                                     const float* bias, bool relu, float* out);
CS_TARGET_AVX2 void transformGradients(const float* dy, const WinogradShape& s, const Layout& l, const Buffers& b,
                                       int t0, int t1, int& paddedSample);
CS_TARGET_AVX2 void accumulateKernelGradient(const Layout& l, const Buffers& b, int tiles, bool accumulate, float* dm);
// u = G g G^T of every 3x3 kernel g of w (winogradF4Kernel), eight filters at a time; dw = G^T m G
// of accumulateKernelGradient's sums.
CS_TARGET_AVX2 void transformKernel(const float* w, const WinogradShape& s, bool inputGradient, const Layout& l,
                                    float* u);
CS_TARGET_AVX2 void untransformKernelGradient(const float* dm, const WinogradShape& s, const Layout& l, float* dw);
}  // namespace avx2

}  // namespace cs::winograd4
