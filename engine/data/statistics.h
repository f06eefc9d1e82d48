#pragma once
// What `dataset info` and the dataset browser show about a set.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/dataset.h"

namespace cs {

struct DatasetStats {
    std::size_t count = 0;
    int height = 0, width = 0, channels = 0;
    std::vector<std::size_t> classCounts;  // per class, in class order
    std::array<double, 3> mean{0, 0, 0};   // per channel, in [0, 1] units (Preprocessing's)
    std::array<double, 3> stdev{0, 0, 0};
    std::string hash;  // contentHash as 16 hex digits

    nlohmann::json toJson(const std::vector<std::string>& classNames) const;
};

DatasetStats computeStats(const Dataset& ds);

// 64-bit FNV-1a over the size, the pixels and the labels: equal sets (same order) give equal
// hashes, so two machines can tell whether they train on the same data.
uint64_t contentHash(const Dataset& ds);
std::string toHex(uint64_t value);

}  // namespace cs
