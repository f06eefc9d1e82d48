#include "doctor/image_hashes.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/rng.h"
#include "core/sgemm.h"
#include "doctor/doctor_stage.h"

namespace cs {

namespace {

constexpr int kMaxSide = 12;
constexpr int64_t kMeanSample = 4096;  // images the dataset's mean grid is taken over
constexpr int kBits = 64 * kHashWords;
constexpr int64_t kBlock = 256;  // images per projection product

// Summed-area table of the image's gray values: (height + 1) x (width + 1).
void integralGray(const uint8_t* p, int height, int width, int channels, std::vector<double>& table) {
    table.assign(std::size_t(height + 1) * std::size_t(width + 1), 0.0);
    const std::size_t stride = std::size_t(width + 1);
    for (int y = 0; y < height; ++y) {
        double row = 0;
        for (int x = 0; x < width; ++x) {
            const uint8_t* px = p + (std::size_t(y) * width + x) * channels;
            double v = px[0];
            if (channels >= 3) v = 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2];
            row += v;
            table[(y + 1) * stride + std::size_t(x + 1)] = table[y * stride + std::size_t(x + 1)] + row;
        }
    }
}

// The grid of cell means over the image's inner part (`margin` pixels in from every edge),
// the image moved back by (dx, dy): cell rectangles shifted by (dx, dy), which stay inside the
// image for shifts up to the margin. So a copy moved by up to the margin, whose content moved
// out of the frame and whose uncovered edge was filled, gives the original's grid at the
// variant that moves it back. Less the grid's mean, scaled to unit length.
void shiftedGrid(const std::vector<double>& table, int height, int width, int margin, int rows, int cols, int dx,
                 int dy, float* out) {
    const std::size_t stride = std::size_t(width + 1);
    const int innerH = height - 2 * margin, innerW = width - 2 * margin;
    auto at = [&](int y, int x) { return table[std::size_t(y) * stride + std::size_t(x)]; };
    double sum = 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const int y0 = std::clamp(margin + r * innerH / rows + dy, 0, height);
            const int y1 = std::clamp(margin + (r + 1) * innerH / rows + dy, 0, height);
            const int x0 = std::clamp(margin + c * innerW / cols + dx, 0, width);
            const int x1 = std::clamp(margin + (c + 1) * innerW / cols + dx, 0, width);
            const double area = double(y1 - y0) * double(x1 - x0);
            const double s = area > 0 ? (at(y1, x1) - at(y0, x1) - at(y1, x0) + at(y0, x0)) / area : 0.0;
            out[r * cols + c] = float(s);
            sum += s;
        }
    const float mean = float(sum / (rows * cols));
    double norm = 0;
    for (int k = 0; k < rows * cols; ++k) {
        out[k] -= mean;
        norm += double(out[k]) * out[k];
    }
    // Unit length: a change of contrast leaves the grid as it is.
    const float scale = norm > 1e-12 ? float(1.0 / std::sqrt(norm)) : 0.f;
    for (int k = 0; k < rows * cols; ++k) out[k] *= scale;
}

}  // namespace

const std::array<std::pair<int, int>, kShiftVariants>& shiftVariants() {
    static const auto variants = [] {
        std::array<std::pair<int, int>, kShiftVariants> v{};
        int k = 1;
        for (int dy = 0; dy <= kMaxShift; ++dy)
            for (int dx = -kMaxShift; dx <= kMaxShift; ++dx)
                if (dy > 0 || dx > 0) v[std::size_t(k++)] = {dx, dy};
        return v;
    }();
    return variants;
}

uint64_t exactHash(const uint8_t* pixels, std::size_t bytes) {
    // FNV-1a over 64-bit words; a collision only costs a pixel comparison (hash_duplicates).
    uint64_t h = 0xCBF29CE484222325ull;
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        uint64_t w;
        std::memcpy(&w, pixels + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
    }
    for (; i < bytes; ++i) h = (h ^ pixels[i]) * 0x100000001B3ull;
    return h;
}

ImageHashes hashImages(const DoctorData& data, WorkerPool& pool, const DoctorStage& stage) {
    ImageHashes h;
    const int64_t n = data.size();
    const int height = data.height(), width = data.width();
    // Images too small for a margin are hashed whole (their shifted copies then match less well).
    const int margin = std::min(height, width) > 4 * kMaxShift ? kMaxShift : 0;
    const int rows = std::min(height - 2 * margin, kMaxSide), cols = std::min(width - 2 * margin, kMaxSide);
    const int dim = rows * cols;
    // Fixed projections: the same image always gets the same hash.
    std::vector<float> planes(std::size_t(kBits) * std::size_t(dim));
    Rng rng(0x51A4A5);
    for (float& p : planes) p = rng.normal();
    // The images of a dataset are alike, so their grids share a common part; hashing the grids
    // less the dataset's mean grid balances the bits (without it, whole chunks of bits are the
    // same for most images and the search in hash_duplicates compares far more pairs).
    std::vector<float> meanGrid(std::size_t(dim), 0.f);
    {
        const int64_t step = std::max<int64_t>(1, n / kMeanSample);
        std::vector<double> table, sum(std::size_t(dim), 0.0);
        std::vector<float> grid(static_cast<std::size_t>(dim));
        int64_t taken = 0;
        for (int64_t r = 0; r < n; r += step, ++taken) {
            integralGray(data.image(r), height, width, data.channels(), table);
            shiftedGrid(table, height, width, margin, rows, cols, 0, 0, grid.data());
            for (int k = 0; k < dim; ++k) sum[std::size_t(k)] += grid[std::size_t(k)];
        }
        for (int k = 0; k < dim; ++k)
            meanGrid[std::size_t(k)] = float(sum[std::size_t(k)] / double(std::max<int64_t>(1, taken)));
    }
    h.exact.resize(std::size_t(n));
    h.shifted.resize(std::size_t(n) * kShiftVariants);
    parallelBlocks(
        pool, n, kBlock,
        [&](int64_t begin, int64_t end) {
            stage.check();
            const int64_t count = (end - begin) * kShiftVariants;
            std::vector<float> grids(std::size_t(count) * std::size_t(dim)), projected(std::size_t(count) * kBits);
            std::vector<double> table;
            for (int64_t r = begin; r < end; ++r) {
                const uint8_t* p = data.image(r);
                h.exact[std::size_t(r)] = exactHash(p, data.imageBytes());
                integralGray(p, height, width, data.channels(), table);
                for (int v = 0; v < kShiftVariants; ++v) {
                    const auto [dx, dy] = shiftVariants()[std::size_t(v)];
                    float* grid = &grids[std::size_t(((r - begin) * kShiftVariants + v) * dim)];
                    shiftedGrid(table, height, width, margin, rows, cols, dx, dy, grid);
                    for (int k = 0; k < dim; ++k) grid[k] -= meanGrid[std::size_t(k)];
                }
            }
            sgemm(int(count), kBits, dim, GemmMatrix{grids.data(), dim}, GemmMatrix{planes.data(), dim, true},
                  projected.data(), kBits, false);
            for (int64_t i = 0; i < count; ++i) {
                PerceptualHash bits{};
                for (int b = 0; b < kBits; ++b)
                    if (projected[std::size_t(i * kBits + b)] > 0) bits[std::size_t(b / 64)] |= uint64_t(1) << (b % 64);
                h.shifted[std::size_t(begin * kShiftVariants + i)] = bits;
            }
        },
        [&](double f) { stage.report(f); });
    return h;
}

}  // namespace cs
