#include "doctor/tsne_gradient.h"

#include <algorithm>
#include <cmath>

#include "core/worker_pool.h"

namespace cs {

namespace {

// Deeper than this, a cell's points are identical to double precision: it stays a leaf.
constexpr int kMaxDepth = 50;

}  // namespace

TsneQuadTree::TsneQuadTree(const double* y, int64_t n) : y_(y) {
    order_.resize(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) order_[static_cast<size_t>(i)] = static_cast<int32_t>(i);
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    if (n > 0) {
        minX = maxX = y[0];
        minY = maxY = y[1];
    }
    for (int64_t i = 1; i < n; ++i) {
        minX = std::min(minX, y[2 * i]);
        maxX = std::max(maxX, y[2 * i]);
        minY = std::min(minY, y[2 * i + 1]);
        maxY = std::max(maxY, y[2 * i + 1]);
    }
    // A little wider than the points, so the largest coordinates fall inside the half-open square.
    const double half = std::max({maxX - minX, maxY - minY, 1e-12}) * (0.5 + 1e-6);
    cells_.reserve(static_cast<size_t>(2 * n + 1));
    cells_.push_back({(minX + maxX) / 2, (minY + maxY) / 2, half});
    cells_[0].end = static_cast<int32_t>(n);
    split(0, 0);
}

void TsneQuadTree::split(int32_t index, int depth) {
    Cell cell = cells_[static_cast<size_t>(index)];
    double sx = 0, sy = 0;
    for (int32_t k = cell.begin; k < cell.end; ++k) {
        sx += y_[2 * order_[static_cast<size_t>(k)]];
        sy += y_[2 * order_[static_cast<size_t>(k)] + 1];
    }
    const int32_t count = cell.end - cell.begin;
    if (count > 0) {
        cell.massX = sx / count;
        cell.massY = sy / count;
    }
    if (count > 1 && depth < kMaxDepth) {
        // Quadrants: left-bottom, left-top, right-bottom, right-top.
        auto* first = order_.data() + cell.begin;
        auto* last = order_.data() + cell.end;
        auto* midX = std::partition(first, last, [&](int32_t i) { return y_[2 * i] < cell.centreX; });
        auto* midLeft = std::partition(first, midX, [&](int32_t i) { return y_[2 * i + 1] < cell.centreY; });
        auto* midRight = std::partition(midX, last, [&](int32_t i) { return y_[2 * i + 1] < cell.centreY; });
        const int32_t bounds[5] = {cell.begin, static_cast<int32_t>(midLeft - order_.data()),
                                   static_cast<int32_t>(midX - order_.data()),
                                   static_cast<int32_t>(midRight - order_.data()), cell.end};
        const double h = cell.half / 2;
        const double offsets[4][2] = {{-h, -h}, {-h, h}, {h, -h}, {h, h}};
        cell.firstChild = static_cast<int32_t>(cells_.size());
        for (int q = 0; q < 4; ++q) {
            Cell child{cell.centreX + offsets[q][0], cell.centreY + offsets[q][1], h};
            child.begin = bounds[q];
            child.end = bounds[q + 1];
            cells_.push_back(child);
        }
    }
    cells_[static_cast<size_t>(index)] = cell;  // push_back may have moved the vector
    if (cell.firstChild >= 0)
        for (int q = 0; q < 4; ++q) split(cell.firstChild + q, depth + 1);
}

double TsneQuadTree::repulsion(int64_t i, double theta, double& fx, double& fy) const {
    const double xi = y_[2 * i], yi = y_[2 * i + 1];
    double z = 0;
    int32_t stack[4 * kMaxDepth + 8];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Cell& cell = cells_[static_cast<size_t>(stack[--top])];
        if (cell.end == cell.begin) continue;
        if (cell.firstChild < 0) {
            for (int32_t k = cell.begin; k < cell.end; ++k) {
                const int32_t j = order_[static_cast<size_t>(k)];
                if (j == i) continue;
                const double dx = xi - y_[2 * j], dy = yi - y_[2 * j + 1];
                const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                z += q;
                fx += q * q * dx;
                fy += q * q * dy;
            }
            continue;
        }
        const double dx = xi - cell.massX, dy = yi - cell.massY;
        const double d2 = dx * dx + dy * dy;
        // The cell's half side against theta, as in van der Maaten's bhtsne (the full side would
        // visit about four times as many cells for the same layouts).
        if (cell.half * cell.half < theta * theta * d2) {
            const double count = cell.end - cell.begin;
            const double q = 1.0 / (1.0 + d2);
            z += count * q;
            fx += count * q * q * dx;
            fy += count * q * q * dy;
        } else {
            for (int q = 3; q >= 0; --q) stack[top++] = cell.firstChild + q;
        }
    }
    return z;
}

void tsneGradient(const SparseRows& p, const double* y, int64_t n, double theta, double exaggeration, double* grad,
                  WorkerPool& pool) {
    const TsneQuadTree tree(y, n);
    std::vector<double> zPerPoint(static_cast<size_t>(n));
    std::vector<double> repulsive(static_cast<size_t>(2 * n));
    const int workers = pool.size();
    pool.run([&](int w) {
        const int64_t begin = n * w / workers, end = n * (w + 1) / workers;
        for (int64_t i = begin; i < end; ++i) {
            double fx = 0, fy = 0;
            zPerPoint[static_cast<size_t>(i)] = tree.repulsion(i, theta, fx, fy);
            repulsive[static_cast<size_t>(2 * i)] = fx;
            repulsive[static_cast<size_t>(2 * i + 1)] = fy;
            // Attraction: sum_j p_ij q_ij Z (y_i - y_j) over i's neighbours.
            double ax = 0, ay = 0;
            for (int64_t e = p.rowStart[static_cast<size_t>(i)]; e < p.rowStart[static_cast<size_t>(i + 1)]; ++e) {
                const int32_t j = p.cols[static_cast<size_t>(e)];
                const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                const double w2 = p.values[static_cast<size_t>(e)] / (1.0 + dx * dx + dy * dy);
                ax += w2 * dx;
                ay += w2 * dy;
            }
            grad[2 * i] = ax * exaggeration;
            grad[2 * i + 1] = ay * exaggeration;
        }
    });
    // Z summed in one order whatever the number of workers, so the layout is too.
    double z = 0;
    for (double zi : zPerPoint) z += zi;
    const double invZ = z > 0 ? 1.0 / z : 0.0;
    for (int64_t i = 0; i < 2 * n; ++i) grad[i] = 4.0 * (grad[i] - repulsive[static_cast<size_t>(i)] * invZ);
}

double tsneExactKl(const std::vector<double>& p, const double* y, int64_t n, double* grad) {
    std::vector<double> w(static_cast<size_t>(n * n), 0.0);
    double z = 0;
    for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < n; ++j) {
            if (i == j) continue;
            const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
            w[static_cast<size_t>(i * n + j)] = 1.0 / (1.0 + dx * dx + dy * dy);
            z += w[static_cast<size_t>(i * n + j)];
        }
    double kl = 0;
    for (int64_t i = 0; i < n; ++i) {
        double gx = 0, gy = 0;
        for (int64_t j = 0; j < n; ++j) {
            if (i == j) continue;
            const double pij = p[static_cast<size_t>(i * n + j)], wij = w[static_cast<size_t>(i * n + j)];
            if (pij > 0) kl += pij * std::log(pij / (wij / z));
            // dKL/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j)
            const double f = 4.0 * (pij - wij / z) * wij;
            gx += f * (y[2 * i] - y[2 * j]);
            gy += f * (y[2 * i + 1] - y[2 * j + 1]);
        }
        if (grad) {
            grad[2 * i] = gx;
            grad[2 * i + 1] = gy;
        }
    }
    return kl;
}

}  // namespace cs
