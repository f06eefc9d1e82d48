#include "doctor/tsne.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "core/rng.h"
#include "core/worker_pool.h"
#include "doctor/tsne_affinities.h"
#include "doctor/tsne_gradient.h"

namespace cs {

TsneCancelled::TsneCancelled() : Error(msg("tsne.cancelled", "t-SNE cancelled")) {}

namespace {

// The schedule of van der Maaten (2014) and of common practice since: P exaggerated 12 times
// while the clusters form, momentum 0.5 then 0.8, per-coordinate gains.
constexpr double kExaggeration = 12.0;
constexpr int kExaggerationIterations = 250;
constexpr double kMomentumEarly = 0.5, kMomentumLate = 0.8;
constexpr double kMinGain = 0.01;
// Share of the progress bar for the neighbour search and the affinities.
constexpr double kInputShare = 0.2;

void checkOptions(int64_t n, int dim, const TsneOptions& o) {
    if (n < 0)
        throw Error(msg("tsne.negative_count", "t-SNE: the number of points is negative ({count})",
                        {{"count", std::to_string(n)}}));
    if (dim < 1)
        throw Error(msg("tsne.no_dimensions", "t-SNE: the points have {dim} dimensions; at least 1 is needed",
                        {{"dim", std::to_string(dim)}}));
    auto bad = [](const char* option, const char* range, const std::string& value) {
        return Error(msg("tsne.bad_option", "t-SNE: {option} must be {range}, got {value}",
                         {{"option", option}, {"range", range}, {"value", value}}));
    };
    if (!(o.perplexity >= 1 && o.perplexity <= 1e4))
        throw bad("perplexity", "between 1 and 10000", std::to_string(o.perplexity));
    if (o.iterations < 0 || o.iterations > 100000)
        throw bad("iterations", "between 0 and 100000", std::to_string(o.iterations));
    if (!(o.theta >= 0 && o.theta <= 1)) throw bad("theta", "between 0 and 1", std::to_string(o.theta));
}

void checkFinite(const float* points, int64_t n, int dim) {
    for (int64_t i = 0; i < n; ++i)
        for (int d = 0; d < dim; ++d)
            if (!std::isfinite(points[i * dim + d]))
                throw Error(msg("tsne.not_finite",
                                "t-SNE: point {index} has the value {value} in dimension {dimension}",
                                {{"index", std::to_string(i)},
                                 {"value", std::to_string(points[i * dim + d])},
                                 {"dimension", std::to_string(d)}}));
}

// Calls `progress` at most ten times a second (and always for fraction 1); throws on cancel.
class ProgressGate {
public:
    explicit ProgressGate(const std::function<bool(double)>& progress) : progress_(progress) {}
    bool operator()(double fraction) {
        if (!progress_) return true;
        const auto now = std::chrono::steady_clock::now();
        if (fraction < 1 && started_ && now - last_ < std::chrono::milliseconds(100)) return true;
        started_ = true;
        last_ = now;
        if (!progress_(std::clamp(fraction, 0.0, 1.0))) throw TsneCancelled();
        return true;
    }

private:
    const std::function<bool(double)>& progress_;
    std::chrono::steady_clock::time_point last_;
    bool started_ = false;
};

void centre(std::vector<double>& y, int64_t n) {
    double mx = 0, my = 0;
    for (int64_t i = 0; i < n; ++i) {
        mx += y[static_cast<size_t>(2 * i)];
        my += y[static_cast<size_t>(2 * i + 1)];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    for (int64_t i = 0; i < n; ++i) {
        y[static_cast<size_t>(2 * i)] -= mx;
        y[static_cast<size_t>(2 * i + 1)] -= my;
    }
}

}  // namespace

std::vector<float> tsneEmbed(const float* points, int64_t n, int dim, const TsneOptions& options,
                             const std::function<bool(double)>& progress) {
    checkOptions(n, dim, options);
    checkFinite(points, n, dim);
    ProgressGate gate(progress);
    std::vector<float> layout(static_cast<size_t>(2 * n), 0.f);
    if (n < 4) {  // no neighbourhoods worth keeping
        for (int64_t i = 0; i < n; ++i) layout[static_cast<size_t>(2 * i)] = static_cast<float>(i);
        gate(1.0);
        return layout;
    }
    WorkerPool pool(WorkerPool::resolveThreads(options.threads));

    // Input affinities: each point's ~3 * perplexity nearest neighbours.
    const double perplexity = std::min(options.perplexity, static_cast<double>(n - 1) / 3.0);
    const int k = static_cast<int>(std::min<int64_t>(n - 1, static_cast<int64_t>(std::ceil(3 * perplexity))));
    const Neighbours neighbours =
        nearestNeighbours(points, n, dim, k, pool, [&](double f) { return gate(f * kInputShare * 0.9); });
    const SparseRows p = symmetrizeAffinities(conditionalAffinities(neighbours, std::max(1.0, perplexity), pool));
    gate(kInputShare);

    // A tiny random start; the learning rate grows with n (Belkina et al. 2019), since the
    // gradient of KL shrinks as P spreads over more points.
    Rng rng(options.seed);
    std::vector<double> y(static_cast<size_t>(2 * n));
    for (double& v : y) v = rng.normal(0.f, 1e-4f);
    const double learningRate = std::max(200.0, static_cast<double>(n) / kExaggeration);
    std::vector<double> grad(y.size()), update(y.size(), 0.0), gains(y.size(), 1.0);
    const int exaggerated = std::min(kExaggerationIterations, options.iterations / 3);
    for (int it = 0; it < options.iterations; ++it) {
        const bool early = it < exaggerated;
        tsneGradient(p, y.data(), n, options.theta, early ? kExaggeration : 1.0, grad.data(), pool);
        const double momentum = early ? kMomentumEarly : kMomentumLate;
        for (size_t c = 0; c < y.size(); ++c) {
            // A gain grows while the gradient keeps reversing the last step, and shrinks while
            // they agree.
            gains[c] = (grad[c] > 0) != (update[c] > 0) ? gains[c] + 0.2 : std::max(kMinGain, gains[c] * 0.8);
            update[c] = momentum * update[c] - learningRate * gains[c] * grad[c];
            y[c] += update[c];
        }
        centre(y, n);
        gate(kInputShare + (1 - kInputShare) * (it + 1) / options.iterations);
    }
    for (size_t c = 0; c < y.size(); ++c) layout[c] = static_cast<float>(y[c]);
    gate(1.0);
    return layout;
}

}  // namespace cs
