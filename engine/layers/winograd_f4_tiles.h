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
// row of F16 products per tile), G (the output gradient's transform: F8 per tile) and dV (the
// adjoint's products, the input tiles' gradients: C16 per tile) of a block;
// the element matrices are a cache line more than whole rows apart (at powers of two apart the
// 36 stores of a tile would share a few sets of the L1 cache).
struct Layout {
    int C8, C16, F8, F16;
    int tilesH, tilesW, tilesPerSample;
    int PH, PW;  // the channel-blocked copy of a sample: rows and columns (whole tiles + 2)
    int tilesPerBlock;
    int64_t vMatrix, mMatrix, gMatrix, dvMatrix;
    // The transformed kernel's, its gradient's and the adjoint kernel's (F8 rows of C16) element
    // matrices.
    int64_t uMatrix, dmMatrix, utMatrix;
    int64_t paddedFloats;  // the blocked copy of an input sample or of an output gradient sample

    // `batch` (when known) bounds the block.
    explicit Layout(const WinogradShape& s, int batch = 0) {
        C8 = roundUp(s.C, kLanes);
        C16 = roundUp(s.C, kPanel);
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
        dvMatrix = int64_t(tilesPerBlock) * C16 + 16;
        // The kernel's transform writes, and its gradient's reads, one vector per element: at a
        // power of two apart (C8 x F16 floats) the 36 would share one set of the L1 cache.
        uMatrix = int64_t(C8) * F16 + 16;
        dmMatrix = int64_t(C8) * F8 + 16;
        utMatrix = int64_t(F8) * C16 + 16;
        paddedFloats = std::max(int64_t(C8) * PH * PW, int64_t(F8) * 4 * tilesH * 4 * tilesW);
    }
    int64_t vFloats() const { return kElements * vMatrix; }
    int64_t mFloats() const { return kElements * std::max(mMatrix, gMatrix); }
    int64_t scratchFloats() const { return paddedFloats + vFloats() + mFloats(); }
    // The backward pass's: scratchFloats, the kernel gradient's sums, dV, and the input gradient's
    // channel-blocked sample (summed over the overlapping tiles).
    int64_t backwardFloats() const {
        return scratchFloats() + kElements * (dmMatrix + dvMatrix) + int64_t(C8) * PH * PW;
    }
};

// The kernel transforms: the forward pass's (C8 rows of 16-filter panels), the rotated one of the
// input gradient's correlation (its shape's C and F are the layer's F and C), and the adjoint's
// (the forward shape's kernel, not rotated, as F8 rows of 16-channel panels).
enum class KernelTransform { Forward, Rotated, Adjoint };

// One of multiply's batches of 36 products: c_xi (tiles x n16, rows n16 apart, cMatrix apart) =
// a_xi (tiles x k, rows k apart, aMatrix apart) times u's panels (k rows of 16, uMatrix apart).
struct Products {
    const float* a;
    int64_t aMatrix;
    int k;
    const float* u;
    int64_t uMatrix;
    int n16;
    float* c;
    int64_t cMatrix;
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
// b.padded holds); multiply: 36 products, V_xi U_xi into b.m in the forward pass (u:
// winogradF4Kernel's panels), G_xi Ut_xi into dV in the adjoint;
// transformOutputs: A^T m A of b.m, plus bias and ReLU, into the output planes;
// transformGradients: A dy A^T of the output gradient's tiles into b.m (as G, F8 per tile);
// accumulateKernelGradient: dm_xi (C8 x F8, after each other) = or += V_xi^T G_xi, the tiles'
// channels read in place (sgemm's packing cost more than these short products).
namespace avx2 {
CS_TARGET_AVX2 void transformInputs(const float* in, const WinogradShape& s, const Layout& l, const Buffers& b, int t0,
                                    int t1, int& paddedSample);
CS_TARGET_AVX2 void multiply(const Products& p, int tiles);
CS_TARGET_AVX2 void transformOutputs(const WinogradShape& s, const Layout& l, const Buffers& b, int t0, int t1,
                                     const float* bias, bool relu, float* out);
CS_TARGET_AVX2 void transformGradients(const float* dy, const WinogradShape& s, const Layout& l, const Buffers& b,
                                       int t0, int t1, int& paddedSample);
CS_TARGET_AVX2 void accumulateKernelGradient(const Layout& l, const Buffers& b, int tiles, bool accumulate, float* dm);
// u = G g G^T of every 3x3 kernel g of w (winogradF4Kernel), eight filters (of s) at a time;
// dw = G^T m G of accumulateKernelGradient's sums.
CS_TARGET_AVX2 void transformKernel(const float* w, const WinogradShape& s, KernelTransform role, const Layout& l,
                                    float* u);
CS_TARGET_AVX2 void untransformKernelGradient(const float* dm, const WinogradShape& s, const Layout& l, float* dw);
// The adjoint of transformInputs (winograd_f4_adjoint_avx2.cpp): B dv B^T of every tile's
// gradient in dv (C16 per tile, dvMatrix apart) added into `padded`, sample `paddedSample`'s
// channel-blocked input gradient (tiles overlap by two rows and columns); a tile of another
// sample first moves that one's sums into dx (flushInputGradient) and clears `padded`.
CS_TARGET_AVX2 void scatterInputGradients(const WinogradShape& s, const Layout& l, const float* dv, int t0, int t1,
                                          float* padded, int& paddedSample, float* dx);
// The channel-blocked sums of sample n into its planes of dx (positions no tile covers: zero).
CS_TARGET_AVX2 void flushInputGradient(const WinogradShape& s, const Layout& l, const float* padded, int n, float* dx);
}  // namespace avx2

}  // namespace cs::winograd4
