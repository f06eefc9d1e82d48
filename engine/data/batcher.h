#pragma once
// Turns dataset samples into the network's float NCHW input.
#include <cstdint>
#include <span>
#include <vector>

#include "core/tensor.h"
#include "data/augment.h"
#include "data/dataset.h"
#include "data/preprocessing.h"

namespace cs {

// Fills `images` (resized to indices.size() x pre.inputShape()) and `labels` with the samples at
// `indices`. When the dataset's size or channels differ from `pre`, each image is converted first
// (cv::resize INTER_AREA, gray<->RGB). With `augment` enabled, sample k of the batch is augmented
// with an Rng seeded by mixSeed(seed, k). The result depends only on the arguments.
void assembleBatch(const Dataset& ds, std::span<const uint32_t> indices, const Preprocessing& pre,
                   const AugmentOptions* augment, uint64_t seed, Tensor& images, std::vector<int32_t>& labels);

// Converts one HWC uint8 image to another size / channel count (1 = gray, 3 = RGB). `out` is
// resized to dstHeight*dstWidth*dstChannels bytes.
void convertImage(const uint8_t* src, int height, int width, int channels, int dstHeight, int dstWidth, int dstChannels,
                  std::vector<uint8_t>& out);

}  // namespace cs
