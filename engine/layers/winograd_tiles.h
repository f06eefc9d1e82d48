#pragma once
// The tiles of layers/winograd_conv.cpp: how a correlation is cut into 2x2 output tiles and
// blocks of them, the scratch of one pass, and the per-instruction-set steps of a block
// (winograd_avx512.cpp, winograd_avx2.cpp): the transforms of a strip of tiles (the tiles one
// vector holds) and the sixteen products. Internal to the engine.
#include <algorithm>
#include <cstdint>

#include "core/cpu_features.h"
#include "layers/winograd_conv.h"

namespace cs::winograd {

// The transformed tiles and products of one block stay within about this much of the L2 cache.
constexpr int64_t kBlockBytes = int64_t(512) << 10;

inline int64_t roundUp16(int64_t n) { return (n + 15) & ~int64_t(15); }

// What an instruction set's kernels need of the layout.
struct TileLayout {
    int segment;      // tiles one vector transforms: a row of 2 * segment + 2 floats
    int panel;        // tiles per product panel (the register tile's columns)
    int filterPanel;  // filters per packed kernel panel (the register tile's rows)
    bool pairs;       // narrow maps put two tile rows in one vector
};
constexpr TileLayout kAvx512Layout{15, 32, 8, true};  // 32-float rows through two zmm loads
constexpr TileLayout kAvx2Layout{8, 16, 6, false};    // 18-float rows through four ymm loads

// The layout of this process's kernels (cpuLevel()).
inline const TileLayout& currentLayout() { return cpuLevel() == CpuLevel::Avx512 ? kAvx512Layout : kAvx2Layout; }

// The tiling of one correlation, derived from its shape.
struct Tiling {
    TileLayout layout;
    int tilesH, tilesW, segments;
    int padH, rowStride;  // the padded input plane: rows, and floats per row
    int unitsPerBlock;    // tile rows (one sample's row of tiles) per block
    int64_t ld;           // floats per row of a block's tile and product matrices (whole panels)
    int filterPanels;
    // `batch` (when known) bounds the block: a single image's matrices are no wider than its tiles.
    Tiling(const WinogradShape& s, const TileLayout& l, int batch = 0) : layout(l) {
        tilesH = (s.OH + 1) / 2;
        tilesW = (s.OW + 1) / 2;
        segments = (tilesW + l.segment - 1) / l.segment;
        padH = 2 * tilesH + 2;
        // A segment's loads stay inside a row; whole vectors clear it.
        rowStride = static_cast<int>(roundUp16(2 * l.segment * segments + 2));
        const int64_t blockTiles = std::max<int64_t>(l.panel, kBlockBytes / (64 * int64_t(s.C + s.F)));
        unitsPerBlock = static_cast<int>(std::max<int64_t>(1, blockTiles / tilesW));
        if (batch > 0) unitsPerBlock = std::min(unitsPerBlock, batch * tilesH);
        ld = (int64_t(unitsPerBlock) * tilesW + 16 + l.panel - 1) / l.panel * l.panel;  // +16: full-width stores
        filterPanels = (s.F + l.filterPanel - 1) / l.filterPanel;
    }
    // +16: a row's last partial vector may be stored whole (zeros) past the plane.
    int64_t paddedFloats(const WinogradShape& s) const { return roundUp16(int64_t(s.C) * padH * rowStride) + 16; }
    // One element's matrix of transformed tiles (C rows) or of products (F rows). The sixteen
    // elements' matrices are one cache line more than whole rows apart: at powers of two apart
    // (a block's matrices are 16 or 32 KB) the sixteen loads or stores of a strip all fall into one
    // set of the L1 cache, which holds eight.
    int64_t tileMatrix(const WinogradShape& s) const { return int64_t(s.C) * ld + 16; }
    int64_t productMatrix(const WinogradShape& s) const { return int64_t(s.F) * ld + 16; }
    int64_t tileFloats(const WinogradShape& s) const { return 16 * tileMatrix(s); }
    int64_t productFloats(const WinogradShape& s) const { return 16 * productMatrix(s); }
};

// The tiles one vector holds (a strip): a segment of up to `segment` tiles of one tile row, or,
// with `pairs` when a row's tiles fit twice in one, two consecutive tile rows of one sample
// (lanes [0, tilesW) the first, [tilesW, 2 tilesW) the second), so that narrow images fill the
// lanes too.
struct Strip {
    int unit;   // the block's tile row (sample * tilesH + tile row) it starts at
    int rows;   // tile rows: 1 or 2
    int first;  // first tile of the segment within its row (0 for two rows)
    int count;  // tiles (lanes) in the strip
};

// The strips of the tile rows [u0, u1), in tile order.
class StripWalk {
public:
    StripWalk(const Tiling& t, int u0, int u1) : t_(t), unit_(u0), end_(u1) {}
    bool next(Strip& s) {
        if (unit_ >= end_) return false;
        const int ty = unit_ % t_.tilesH, segment = t_.layout.segment;
        if (t_.layout.pairs && 2 * t_.tilesW <= segment && unit_ + 1 < end_ && ty + 1 < t_.tilesH) {
            s = {unit_, 2, 0, 2 * t_.tilesW};
            unit_ += 2;
            return true;
        }
        const int first = seg_ * segment;
        s = {unit_, 1, first, std::min(segment, t_.tilesW - first)};
        if (++seg_ == t_.segments) seg_ = 0, ++unit_;
        return true;
    }

private:
    const Tiling& t_;
    int unit_, end_, seg_ = 0;
};

// Scratch of one pass: the padded sample, then element xi's transformed input tiles (C rows of
// `ld` tiles each), then its products or output-gradient tiles (F rows of `ld`).
struct Buffers {
    float* padded;
    float* tiles;
    float* second;
    Buffers(const WinogradShape& s, const Tiling& t, float* scratch)
        : padded(scratch), tiles(scratch + t.paddedFloats(s)), second(tiles + t.tileFloats(s)) {}
};

// What every step of a pass derives from the shape: the tiling, the scratch, and the matrices'
// strides.
struct Pass {
    Tiling t;
    Buffers b;
    int64_t tileMatrix, secondMatrix, outPlane;  // floats per element's tile / product matrix; per output plane
    Pass(const WinogradShape& s, const TileLayout& l, int batch, float* scratch)
        : t(s, l, batch),
          b(s, t, scratch),
          tileMatrix(t.tileMatrix(s)),
          secondMatrix(t.productMatrix(s)),
          outPlane(int64_t(s.OH) * s.OW) {}
};

// The steps of a block of tile rows [u0, u1), for one instruction set. transformInputs: B^T d B
// of the input tiles into b.tiles (`paddedSample` remembers which sample b.padded holds);
// multiply: the sixteen products, transformed kernel u (winogradKernel) times b.tiles, into
// b.second (columns past blockTiles read as zero); transformOutputs: A^T m A of b.second, plus
// bias and ReLU, into the output planes; transformGradients: A dy A^T of the output gradient's
// tiles into b.second.
#define CS_WINOGRAD_STEPS(TARGET)                                                                                     \
    TARGET void transformInputs(const float* in, const WinogradShape& s, const Pass& p, int u0, int u1,               \
                                int& paddedSample);                                                                   \
    TARGET void multiply(const WinogradShape& s, const Pass& p, const float* u, int blockTiles);                      \
    TARGET void transformOutputs(const WinogradShape& s, const Pass& p, int u0, int u1, const float* bias, bool relu, \
                                 float* out);                                                                         \
    TARGET void transformGradients(const WinogradShape& s, const Pass& p, int u0, int u1, const float* dy);

namespace avx512 {
CS_WINOGRAD_STEPS(CS_TARGET_AVX512)
}
namespace avx2 {
CS_WINOGRAD_STEPS(CS_TARGET_AVX2)
}
#undef CS_WINOGRAD_STEPS

}  // namespace cs::winograd
