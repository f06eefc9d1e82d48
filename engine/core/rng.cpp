#include "core/rng.h"

#include <cmath>
#include <sstream>

#include "core/errors.h"

namespace cs {

float Rng::normal(float mean, float stddev) {
    double u1 = 0.0;
    while (u1 <= 1e-300) u1 = static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0);
    const double u2 = static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0);
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    return static_cast<float>(mean + stddev * z);
}

std::string Rng::saveState() const {
    std::ostringstream out;
    out << engine_;
    return out.str();
}

void Rng::loadState(const std::string& state) {
    std::istringstream in(state);
    std::mt19937_64 e;
    in >> e;
    if (in.fail()) throw Error(msg("checkpoint.rng_state_malformed", "random generator state is malformed"));
    engine_ = e;
}

}  // namespace cs
