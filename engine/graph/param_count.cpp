#include "graph/param_count.h"

namespace cs {

int64_t countParameters(const std::string& kind, const Options& o, std::span<const Shape> inputs, const Shape& output) {
    if (inputs.empty()) return 0;
    const Shape& in = inputs[0];
    if (kind == "Conv2D") {
        const int64_t k = o.at("kernel_size").get<int64_t>();
        const int64_t filters = o.at("filters").get<int64_t>();
        return filters * in.channels() * k * k + (o.at("use_bias").get<bool>() ? filters : 0);
    }
    if (kind == "Dense") {
        const int64_t units = o.at("units").get<int64_t>();
        return units * in.size() + (o.at("use_bias").get<bool>() ? units : 0);
    }
    if (kind == "BatchNormalization") {
        const int64_t c = in.channels();
        int64_t p = 2 * c;  // moving mean and variance
        if (o.at("center").get<bool>()) p += c;
        if (o.at("scale").get<bool>()) p += c;
        return p;
    }
    return 0;
}

}  // namespace cs
