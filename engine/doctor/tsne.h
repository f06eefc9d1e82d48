#pragma once
// t-SNE (t-distributed stochastic neighbour embedding) for the data doctor's 2-D map: places n
// points of `dim` dimensions in the plane so that near neighbours stay near. Barnes-Hut t-SNE
// (van der Maaten 2014): sparse input affinities over ~3*perplexity exact nearest neighbours,
// a quadtree for the repulsive forces. Cost: the neighbour search is O(n^2 * dim) (blocked
// matrix products; ~20k points of 64 dims take seconds), the optimisation O(n log n) per iteration.
//
// Deterministic: the same points and options give bit-identical coordinates, whatever the number
// of threads. No Qt; safe to call from any thread (one call uses its own worker threads).
#include <cstdint>
#include <functional>
#include <vector>

#include "core/errors.h"

namespace cs {

struct TsneOptions {
    double perplexity = 30;  // effective number of neighbours; lowered to (n-1)/3 for small n
    int iterations = 750;    // gradient-descent steps, the first 250 with early exaggeration
    double theta = 0.5;      // Barnes-Hut accuracy: 0 = exact repulsion (O(n^2)), up to 1
    uint64_t seed = 1;       // the random initial layout
    int threads = 2;         // 0 = all cores
};

// Thrown by tsneEmbed when its progress callback returns false.
class TsneCancelled : public Error {
public:
    TsneCancelled();
};

// Returns n x 2 coordinates, row-major. `progress` (optional) receives the fraction done, from
// the calling thread, a few times a second at most; returning false cancels (TsneCancelled).
// n = 0 gives an empty result, n < 4 a trivial layout (point i at (i, 0)); dim < 1, a non-finite
// coordinate or an option out of range throws an Error that names it.
std::vector<float> tsneEmbed(const float* points, int64_t n, int dim, const TsneOptions& options,
                             const std::function<bool(double fraction)>& progress = {});

}  // namespace cs
