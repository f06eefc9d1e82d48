#pragma once
// On-the-fly augmentation of uint8 images (HWC) from a seeded generator, so a seed gives the same
// augmented batches on any machine. Each transform has a probability and an amount.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rng.h"

namespace cs {

struct AugmentTransform {
    float probability = 0.f;  // chance per image, 0 = off
    float amount = 0.f;       // range; its unit depends on the transform (see AugmentOptions)
    bool active() const { return probability > 0.f; }
    bool operator==(const AugmentTransform&) const = default;
};

struct AugmentOptions {
    AugmentTransform shift;       // amount: largest shift as a fraction of width/height
    AugmentTransform rotate;      // amount: largest rotation in degrees, either way
    AugmentTransform zoom;        // amount: scale drawn from [1 - amount, 1 + amount]
    AugmentTransform hflip;       // amount unused
    AugmentTransform vflip;       // amount unused
    AugmentTransform brightness;  // amount: largest offset as a fraction of 255
    AugmentTransform contrast;    // amount: factor drawn from [1 - amount, 1 + amount]
    AugmentTransform noise;       // amount: Gaussian standard deviation as a fraction of 255
    AugmentTransform erase;       // amount: largest erased rectangle as a fraction of the area
    AugmentTransform crop;        // amount: padding in pixels before a random crop of the same size

    bool enabled() const;
    nlohmann::json toJson() const;                          // {"shift": {"p": .., "amount": ..}, ...}
    static AugmentOptions fromJson(const nlohmann::json&);  // throws OptionError when malformed
    bool operator==(const AugmentOptions&) const = default;
};

// Augments one image of height x width x channels in place. Geometric transforms fill uncovered
// pixels with 0. Draws from `rng` in a fixed order, so the result depends only on its state.
void augmentImage(uint8_t* hwc, int height, int width, int channels, const AugmentOptions& options, Rng& rng);

// `count` augmented variants of one image (each height*width*channels bytes), for the preview.
// Variant k depends only on (seed, k).
std::vector<std::vector<uint8_t>> augmentVariants(const uint8_t* hwc, int height, int width, int channels,
                                                  const AugmentOptions& options, int count, uint64_t seed);

}  // namespace cs
