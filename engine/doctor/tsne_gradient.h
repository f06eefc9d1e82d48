#pragma once
// The output side of t-SNE: the gradient of KL(P || Q) with respect to the 2-D layout, with the
// repulsive part approximated by Barnes-Hut over a quadtree. Internal to tsne.cpp; declared here
// so the tests can compare it with the exact gradient.
#include <cstdint>
#include <vector>

#include "doctor/tsne_affinities.h"

namespace cs {

class WorkerPool;

// A quadtree over n points of the plane (x, y interleaved), each cell with its points' centre of
// mass. Cells are split until they hold one point (or identical points at the depth limit).
class TsneQuadTree {
public:
    TsneQuadTree(const double* y, int64_t n);

    // Barnes-Hut sum over every point j != i of q = 1 / (1 + |y_i - y_j|^2): returns sum q and adds
    // sum q^2 (y_i - y_j) to (fx, fy). A cell whose half side is below theta times its distance
    // counts as one point at its centre of mass (theta = 0: exact).
    double repulsion(int64_t i, double theta, double& fx, double& fy) const;

private:
    struct Cell {
        double centreX, centreY, half;  // the square [centre - half, centre + half)
        double massX = 0, massY = 0;    // centre of mass
        int32_t begin = 0, end = 0;     // its points: order_[begin, end)
        int32_t firstChild = -1;        // four consecutive children, or -1 for a leaf
    };
    void split(int32_t cell, int depth);

    const double* y_;
    std::vector<Cell> cells_;
    std::vector<int32_t> order_;
};

// grad = dKL/dy for the layout y (n x 2), with P multiplied by `exaggeration`. Deterministic for
// any number of workers.
void tsneGradient(const SparseRows& p, const double* y, int64_t n, double theta, double exaggeration, double* grad,
                  WorkerPool& pool);

// The exact KL(P || Q) for a dense n x n P (zero diagonal, sums to 1), and its gradient when
// `grad` is not null. O(n^2): for tests.
double tsneExactKl(const std::vector<double>& p, const double* y, int64_t n, double* grad);

}  // namespace cs
