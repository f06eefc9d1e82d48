#pragma once
// Stratified splitting and class-imbalance helpers: index lists, so callers decide whether to
// copy (Dataset::subset) or just iterate.
#include <cstdint>
#include <vector>

#include "data/dataset.h"

namespace cs {

struct IndexSplit {
    std::vector<uint32_t> train;
    std::vector<uint32_t> validation;
};

// Per class, a seeded shuffle puts round(count * fraction) samples in validation (at least one
// when the class has two or more and fraction > 0), so every class keeps its share. Both lists
// are in ascending index order. Throws OptionError unless 0 <= fraction < 1.
IndexSplit stratifiedSplit(const std::vector<int32_t>& labels, int classCount, double fraction, uint64_t seed);

// Fills splits.validation from splits.train (which keeps the rest) when the source had no
// validation set of its own and fraction > 0. Returns false when it left things unchanged.
bool carveValidation(DataSplits& splits, double fraction, uint64_t seed);

// Samples per class (classCount entries).
std::vector<std::size_t> classCounts(const std::vector<int32_t>& labels, int classCount);

// "Balanced" loss weights: n / (classes present * count[c]); 0 for classes without samples.
std::vector<float> balancedClassWeights(const std::vector<int32_t>& labels, int classCount);

// An epoch order in which every class appears as often as the largest one: each class's samples
// all once, then random repeats, then everything shuffled. Depends only on the arguments.
std::vector<uint32_t> oversampledIndices(const std::vector<int32_t>& labels, int classCount, uint64_t seed);

// 0..n-1 in a seeded random order (Fisher-Yates with cs::Rng, portable).
std::vector<uint32_t> shuffledIndices(std::size_t n, uint64_t seed);

}  // namespace cs
