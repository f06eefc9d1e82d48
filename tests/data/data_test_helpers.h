#pragma once
// Small data written by the tests themselves (IDX, CIFAR, image folders), always inside a
// QTemporaryDir the caller owns.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace testdata {

// Writes an IDX file: magic 0x0000_08_<rank>, big-endian dims, then `payload`; gzip when gz.
void writeIdx(const std::string& path, const std::vector<uint32_t>& dims, const std::vector<uint8_t>& payload, bool gz);

// Raw bytes to a file.
void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes);

// A synthetic dataset: sample i has label i % classes and pixels that depend on (i, seed).
cs::Dataset makeDataset(int count, int height, int width, int channels, int classes, uint64_t seed = 1);

// Writes an MNIST-style folder pair (train-* and optionally t10k-*) from two datasets.
void writeIdxPair(const std::string& folder, const std::string& prefix, const cs::Dataset& ds, bool gz);

// Writes CIFAR-10 records (label byte, then R, G and B planes of 32x32) for an RGB 32x32 set.
void writeCifarBatch(const std::string& path, const cs::Dataset& ds);

}  // namespace testdata
