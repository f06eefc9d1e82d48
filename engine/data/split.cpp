#include "data/split.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/rng.h"

namespace cs {

namespace {

template <typename T>
void shuffle(std::vector<T>& v, Rng& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

std::vector<std::vector<uint32_t>> byClass(const std::vector<int32_t>& labels, int classCount) {
    std::vector<std::vector<uint32_t>> groups(std::max(classCount, 0));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= classCount)
            throw OptionError(msg("split.label_out_of_range", "sample {sample} has label {label}, outside 0..{max}",
                                  {{"sample", std::to_string(i)},
                                   {"label", std::to_string(labels[i])},
                                   {"max", std::to_string(classCount - 1)}}));
        groups[labels[i]].push_back(static_cast<uint32_t>(i));
    }
    return groups;
}

}  // namespace

std::vector<uint32_t> shuffledIndices(std::size_t n, uint64_t seed) {
    std::vector<uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    Rng rng(seed);
    shuffle(order, rng);
    return order;
}

IndexSplit stratifiedSplit(const std::vector<int32_t>& labels, int classCount, double fraction, uint64_t seed) {
    if (!(fraction >= 0.0 && fraction < 1.0))
        throw OptionError(msg("split.bad_fraction", "validation fraction must be in [0, 1), got {value}",
                              {{"value", std::to_string(fraction)}}));
    IndexSplit out;
    Rng rng(seed);
    for (auto& group : byClass(labels, classCount)) {
        shuffle(group, rng);
        std::size_t take = static_cast<std::size_t>(std::llround(group.size() * fraction));
        if (fraction > 0 && take == 0 && group.size() >= 2) take = 1;
        if (take >= group.size() && !group.empty()) take = group.size() - 1;  // keep one to train on
        out.validation.insert(out.validation.end(), group.begin(), group.begin() + take);
        out.train.insert(out.train.end(), group.begin() + take, group.end());
    }
    std::sort(out.train.begin(), out.train.end());
    std::sort(out.validation.begin(), out.validation.end());
    return out;
}

bool carveValidation(DataSplits& splits, double fraction, uint64_t seed) {
    if (fraction <= 0.0 || !splits.validation.labels.empty() || splits.train.labels.empty()) return false;
    const IndexSplit s = stratifiedSplit(splits.train.labels, splits.train.classCount(), fraction, seed);
    splits.validation = splits.train.subset(s.validation);
    splits.train = splits.train.subset(s.train);
    return true;
}

std::vector<std::size_t> classCounts(const std::vector<int32_t>& labels, int classCount) {
    std::vector<std::size_t> counts(std::max(classCount, 0), 0);
    for (int32_t l : labels)
        if (l >= 0 && l < classCount) ++counts[l];
    return counts;
}

std::vector<float> balancedClassWeights(const std::vector<int32_t>& labels, int classCount) {
    const std::vector<std::size_t> counts = classCounts(labels, classCount);
    // Classes without samples do not count (a 10-output model trained on 2 classes weighs those
    // two as a 2-class problem, as scikit-learn's and Keras's "balanced" do).
    const auto present = std::count_if(counts.begin(), counts.end(), [](std::size_t n) { return n > 0; });
    std::vector<float> weights(counts.size(), 0.f);
    for (std::size_t c = 0; c < counts.size(); ++c)
        if (counts[c])
            weights[c] =
                static_cast<float>(static_cast<double>(labels.size()) / (static_cast<double>(present) * counts[c]));
    return weights;
}

std::vector<uint32_t> oversampledIndices(const std::vector<int32_t>& labels, int classCount, uint64_t seed) {
    const auto groups = byClass(labels, classCount);
    std::size_t largest = 0;
    for (const auto& g : groups) largest = std::max(largest, g.size());
    Rng rng(seed);
    std::vector<uint32_t> order;
    order.reserve(largest * groups.size());
    for (const auto& g : groups) {
        if (g.empty()) continue;
        order.insert(order.end(), g.begin(), g.end());
        for (std::size_t k = g.size(); k < largest; ++k) order.push_back(g[rng.below(g.size())]);
    }
    shuffle(order, rng);
    return order;
}

}  // namespace cs
