#pragma once
// A labelled image set kept as uint8, N x H x W x C (channels last, as decoded), plus class
// names and where each sample came from. Float batches are made per batch from it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct Dataset {
    int height = 0;
    int width = 0;
    int channels = 0;
    std::vector<uint8_t> pixels;  // size() * height * width * channels
    std::vector<int32_t> labels;  // one per sample, in [0, classNames.size())
    std::vector<std::string> classNames;
    // Where sample i came from: its file path (image folders) — empty for container formats,
    // whose samples are named by sourceFile + "#" + index instead.
    std::vector<std::string> sources;
    std::string sourceFile;  // the container file (IDX, CIFAR batch) if any
    // Container formats only: sample i is item sourceIndices[i] of sourceFile. Empty means the
    // identity (sample i is item i), which is how loaders leave it; subset() fills it so a
    // subset still names the original item without storing one string per sample.
    std::vector<uint32_t> sourceIndices;

    std::size_t size() const { return labels.size(); }
    std::size_t imageBytes() const { return static_cast<std::size_t>(height) * width * channels; }
    const uint8_t* image(std::size_t i) const { return pixels.data() + i * imageBytes(); }
    uint8_t* image(std::size_t i) { return pixels.data() + i * imageBytes(); }
    int classCount() const { return static_cast<int>(classNames.size()); }
    std::string sourceOf(std::size_t i) const;

    // A dataset of the samples at `indices` (in that order).
    Dataset subset(const std::vector<uint32_t>& indices) const;
};

// Something a loader skipped or found odd, named by path ("cat/03.png: not a decodable image").
struct LoadProblem {
    std::string path;
    std::string message;
};

// What a data source holds: always a training set; a test set when the source has one.
struct DataSplits {
    Dataset train;
    Dataset validation;  // empty unless the source has its own validation split
    Dataset test;        // empty when the source has no held-out set
    // Files skipped (unreadable, corrupt, not an image) and warnings (e.g. a single class).
    std::vector<LoadProblem> problems;
};

}  // namespace cs
