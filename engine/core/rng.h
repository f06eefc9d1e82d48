#pragma once
// The engine's random number generator: a fixed algorithm (std::mt19937_64) whose state can be
// saved and restored, so checkpoints resume a run exactly and a seed gives the same run anywhere.
#include <cstdint>
#include <random>
#include <string>

namespace cs {

// A well-mixed 64-bit value from (seed, index) (SplitMix64 finaliser): independent per-sample and
// per-batch seeds, so results do not depend on which thread or in what order work is done; also a
// counter-based generator (index 0, 1, 2, ... of one seed).
inline uint64_t mixSeed(uint64_t seed, uint64_t index) {
    uint64_t z = seed + 0x9E3779B97F4A7C15ull * (index + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(uint64_t seed = 42) : engine_(seed) {}

    // Uniform in [lo, hi). Implemented by hand because std::uniform_real_distribution's output is
    // not specified to be the same across standard libraries.
    float uniform(float lo = 0.f, float hi = 1.f) {
        const double u = static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0);
        return static_cast<float>(lo + (hi - lo) * u);
    }
    // Uniform integer in [0, n).
    uint64_t below(uint64_t n) { return n ? engine_() % n : 0; }
    // Standard normal (Box-Muller), likewise portable.
    float normal(float mean = 0.f, float stddev = 1.f);
    uint64_t next() { return engine_(); }

    std::string saveState() const;
    void loadState(const std::string& state);

private:
    std::mt19937_64 engine_;
};

}  // namespace cs
