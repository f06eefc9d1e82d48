#include "data/batcher.h"

#include <opencv2/imgproc.hpp>

#include <cstring>

#include "core/errors.h"

namespace cs {

void convertImage(const uint8_t* src, int height, int width, int channels, int dstHeight, int dstWidth, int dstChannels,
                  std::vector<uint8_t>& out) {
    const int srcType = CV_8UC(channels);
    cv::Mat in(height, width, srcType, const_cast<uint8_t*>(src));
    cv::Mat colour;
    if (channels == dstChannels)
        colour = in;
    else if (channels == 1 && dstChannels == 3)
        cv::cvtColor(in, colour, cv::COLOR_GRAY2RGB);
    else if (channels == 3 && dstChannels == 1)
        cv::cvtColor(in, colour, cv::COLOR_RGB2GRAY);
    else
        throw ShapeError(msg("batch.channels", "cannot convert {channels}-channel images to {target} channels",
                             {{"channels", std::to_string(channels)}, {"target", std::to_string(dstChannels)}}));
    out.resize(static_cast<std::size_t>(dstHeight) * dstWidth * dstChannels);
    cv::Mat dst(dstHeight, dstWidth, CV_8UC(dstChannels), out.data());
    if (height == dstHeight && width == dstWidth) {
        colour.copyTo(dst);
    } else {
        // INTER_AREA averages when shrinking (no aliasing); it is bilinear-like when enlarging.
        cv::resize(colour, dst, dst.size(), 0, 0, cv::INTER_AREA);
    }
}

void assembleBatch(const Dataset& ds, std::span<const uint32_t> indices, const Preprocessing& pre,
                   const AugmentOptions* augment, uint64_t seed, Tensor& images, std::vector<int32_t>& labels) {
    const int n = static_cast<int>(indices.size());
    images.resize(n, pre.inputShape());
    labels.resize(indices.size());
    const bool sameLayout = ds.height == pre.height && ds.width == pre.width && ds.channels == pre.channels;
    const bool augmenting = augment && augment->enabled();
    const std::size_t bytes = static_cast<std::size_t>(pre.height) * pre.width * pre.channels;
    std::vector<uint8_t> scratch;  // one image at the model's size, reused for the whole batch
    for (int k = 0; k < n; ++k) {
        const uint32_t i = indices[k];
        if (i >= ds.size())
            throw Error(msg("batch.index", "assembleBatch: sample index {index} is outside the dataset of {size}",
                            {{"index", std::to_string(i)}, {"size", std::to_string(ds.size())}}));
        labels[k] = ds.labels[i];
        const uint8_t* hwc = ds.image(i);
        if (!sameLayout) {
            convertImage(hwc, ds.height, ds.width, ds.channels, pre.height, pre.width, pre.channels, scratch);
            hwc = scratch.data();
        }
        if (augmenting) {
            if (hwc != scratch.data()) scratch.assign(hwc, hwc + bytes);
            Rng rng(mixSeed(seed, static_cast<uint64_t>(k)));
            augmentImage(scratch.data(), pre.height, pre.width, pre.channels, *augment, rng);
            hwc = scratch.data();
        }
        pre.toFloat(hwc, images.sample(k));
    }
}

}  // namespace cs
