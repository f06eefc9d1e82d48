#include "data/statistics.h"

#include <cmath>
#include <cstdio>

#include "data/split.h"

namespace cs {

namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

uint64_t fnv(uint64_t h, const uint8_t* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * kFnvPrime;
    return h;
}

uint64_t fnvValue(uint64_t h, uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<uint8_t>(v >> (8 * i));  // fixed byte order
    return fnv(h, b, 8);
}

}  // namespace

std::string toHex(uint64_t value) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
    return buf;
}

uint64_t contentHash(const Dataset& ds) {
    uint64_t h = kFnvOffset;
    h = fnvValue(h, ds.size());
    h = fnvValue(h, static_cast<uint64_t>(ds.height));
    h = fnvValue(h, static_cast<uint64_t>(ds.width));
    h = fnvValue(h, static_cast<uint64_t>(ds.channels));
    h = fnv(h, ds.pixels.data(), ds.pixels.size());
    for (int32_t l : ds.labels) h = fnvValue(h, static_cast<uint64_t>(static_cast<uint32_t>(l)));
    return h;
}

DatasetStats computeStats(const Dataset& ds) {
    DatasetStats s;
    s.count = ds.size();
    s.height = ds.height;
    s.width = ds.width;
    s.channels = ds.channels;
    s.classCounts = classCounts(ds.labels, ds.classCount());
    // Integer sums are exact and order-independent; doubles only for the final division.
    std::array<uint64_t, 3> sum{0, 0, 0}, sumSq{0, 0, 0};
    const int c = std::max(1, ds.channels);
    const std::size_t n = ds.pixels.size();
    for (std::size_t i = 0; i < n; ++i) {
        const uint64_t v = ds.pixels[i];
        sum[i % c] += v;
        sumSq[i % c] += v * v;
    }
    const double perChannel = static_cast<double>(n / c);
    for (int k = 0; k < ds.channels && k < 3 && perChannel > 0; ++k) {
        const double m = sum[k] / perChannel;
        const double var = std::max(0.0, sumSq[k] / perChannel - m * m);
        s.mean[k] = m / 255.0;
        s.stdev[k] = std::sqrt(var) / 255.0;
    }
    s.hash = toHex(contentHash(ds));
    return s;
}

nlohmann::json DatasetStats::toJson(const std::vector<std::string>& classNames) const {
    nlohmann::json classes = nlohmann::json::array();
    for (std::size_t k = 0; k < classCounts.size(); ++k)
        classes.push_back(
            {{"name", k < classNames.size() ? classNames[k] : std::to_string(k)}, {"count", classCounts[k]}});
    return {{"count", count},
            {"height", height},
            {"width", width},
            {"channels", channels},
            {"classes", classes},
            {"mean", std::vector<double>(mean.begin(), mean.begin() + std::min(channels, 3))},
            {"std", std::vector<double>(stdev.begin(), stdev.begin() + std::min(channels, 3))},
            {"hash", hash}};
}

}  // namespace cs
