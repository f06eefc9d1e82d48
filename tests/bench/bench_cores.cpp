// How fast each CPU this process may use runs on its own and with all of them busy (not a test:
// nothing is asserted). A thread pinned to one CPU repeats a multiply-add pass over 512 KB (held
// in the core's L2 cache); the figures are passes per second. On a virtual machine two vCPUs can
// differ in speed (a host core shared with another guest) or share one physical core: either
// caps what two training threads can gain over one, whatever the engine does. It does not see
// contention in the shared L3 cache or main memory, which training's working sets of a few MB
// per worker also feel. compare.sh prints the bound beside the two-thread scaling.
//
//   bench_cores [--json] [--rounds N]
// "bound": the CPUs' rates with all busy, summed, over the fastest one's rate alone.
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kSeconds = 0.4;  // per measurement

std::vector<int> allowedCpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    std::vector<int> cpus;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
    for (int c = 0; c < CPU_SETSIZE; ++c)
        if (CPU_ISSET(c, &set)) cpus.push_back(c);
    return cpus;
}

// Passes per second on `cpu` (the calling thread is pinned there for the measurement).
double passesPerSecond(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    std::vector<float> a(1 << 16, 1.f), b(1 << 16, 0.5f);
    long passes = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    while (elapsed < kSeconds) {
        for (int r = 0; r < 8; ++r)
            for (std::size_t i = 0; i < a.size(); ++i) a[i] = a[i] * 0.999f + b[i];
        ++passes;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    if (a[7] == 42.f) std::puts("");  // keeps the loop
    return passes / elapsed;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    bool json = false;
    int rounds = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--json"))
            json = true;
        else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: bench_cores [--json] [--rounds N]\n");
            return 2;
        }
    }
    const std::vector<int> cpus = allowedCpus();
    if (cpus.empty()) {
        std::fprintf(stderr, "bench_cores: cannot read this process's CPU affinity\n");
        return 1;
    }
    const std::size_t n = cpus.size();
    std::vector<std::vector<double>> alone(n), together(n);
    std::vector<double> bounds;
    for (int r = 0; r < rounds; ++r) {
        std::vector<double> soloRates(n), busyRates(n);
        for (std::size_t k = 0; k < n; ++k) {
            std::thread t([&, k] { soloRates[k] = passesPerSecond(cpus[k]); });
            t.join();
        }
        std::vector<std::thread> all;
        for (std::size_t k = 0; k < n; ++k) all.emplace_back([&, k] { busyRates[k] = passesPerSecond(cpus[k]); });
        for (auto& t : all) t.join();
        double sum = 0;
        for (std::size_t k = 0; k < n; ++k) {
            alone[k].push_back(soloRates[k]);
            together[k].push_back(busyRates[k]);
            sum += busyRates[k];
        }
        bounds.push_back(sum / *std::max_element(soloRates.begin(), soloRates.end()));
    }
    nlohmann::json out;
    out["cpus"] = nlohmann::json::array();
    for (std::size_t k = 0; k < n; ++k)
        out["cpus"].push_back({{"cpu", cpus[k]}, {"alone", median(alone[k])}, {"together", median(together[k])}});
    out["bound"] = median(bounds);
    out["bounds"] = bounds;
    if (json) {
        std::printf("%s\n", out.dump(2).c_str());
        return 0;
    }
    for (const auto& c : out["cpus"])
        std::printf("cpu %d: %8.0f passes/s alone, %8.0f with all busy (medians of %d)\n", c["cpu"].get<int>(),
                    c["alone"].get<double>(), c["together"].get<double>(), rounds);
    std::printf("all busy over the fastest alone: %.2fx (rounds:", out["bound"].get<double>());
    for (double b : bounds) std::printf(" %.2f", b);
    std::printf(")\n");
    return 0;
}
