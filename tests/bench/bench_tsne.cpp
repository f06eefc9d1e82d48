// Times t-SNE (the data doctor's map) on n points of `dim` dimensions in 10 Gaussian clusters,
// like penultimate-layer features: bench_tsne [n] [dim] [threads]. Reports the seconds and the
// share of each point's 10 nearest neighbours in 2-D that share its cluster.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/rng.h"
#include "doctor/tsne.h"

int main(int argc, char** argv) {
    const int64_t n = argc > 1 ? std::atoll(argv[1]) : 10000;
    const int dim = argc > 2 ? std::atoi(argv[2]) : 64;
    cs::TsneOptions options;
    options.threads = argc > 3 ? std::atoi(argv[3]) : 2;
    cs::Rng rng(1);
    std::vector<float> centres(static_cast<size_t>(10 * dim));
    for (float& c : centres) c = rng.normal(0.f, 3.f);
    std::vector<float> x(static_cast<size_t>(n * dim));
    std::vector<int> label(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        label[i] = static_cast<int>(i % 10);
        for (int d = 0; d < dim; ++d) x[i * dim + d] = centres[label[i] * dim + d] + rng.normal();
    }
    const auto start = std::chrono::steady_clock::now();
    double inputDone = 0;
    const std::vector<float> y = cs::tsneEmbed(x.data(), n, dim, options, [&](double f) {
        if (f >= 0.2 && inputDone == 0)
            inputDone = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return true;
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Purity on a sample of 500 points (brute force).
    int64_t same = 0, total = 0;
    for (int64_t i = 0; i < n; i += std::max<int64_t>(1, n / 500)) {
        std::vector<std::pair<float, int64_t>> d;
        for (int64_t j = 0; j < n; ++j)
            if (j != i)
                d.emplace_back((y[2 * i] - y[2 * j]) * (y[2 * i] - y[2 * j]) +
                                   (y[2 * i + 1] - y[2 * j + 1]) * (y[2 * i + 1] - y[2 * j + 1]),
                               j);
        std::partial_sort(d.begin(), d.begin() + 10, d.end());
        for (int k = 0; k < 10; ++k) same += label[d[k].second] == label[i];
        total += 10;
    }
    std::printf(
        "t-SNE: %lld points x %d dims, %d threads: %.2f s (neighbours and affinities %.2f s), 10-NN purity %.3f\n",
        static_cast<long long>(n), dim, options.threads, seconds, inputDone, double(same) / double(total));
    return 0;
}
