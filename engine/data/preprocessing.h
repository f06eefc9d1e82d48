#pragma once
// How a raw uint8 image becomes the network's float input. It is saved with the model, so
// training, evaluation, the webcam and every export apply exactly the same steps.
#include <array>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/shape.h"

namespace cs {

enum class Scaling { Unit, Standardize };  // x/255, or (x/255 - mean) / std per channel

struct Preprocessing {
    int height = 28;
    int width = 28;
    int channels = 1;  // 1 = grayscale, 3 = RGB
    Scaling scaling = Scaling::Unit;
    std::array<float, 3> mean{0.f, 0.f, 0.f};  // per channel, in [0,1] units (Standardize)
    std::array<float, 3> stdev{1.f, 1.f, 1.f};
    bool invert = false;  // 255 - x first (white-on-black vs black-on-white)

    Shape inputShape() const { return Shape::image(channels, height, width); }

    // Converts one image already of height x width x channels (HWC, uint8) into CHW floats.
    void toFloat(const uint8_t* hwc, float* chw) const;

    nlohmann::json toJson() const;
    static Preprocessing fromJson(const nlohmann::json& j);  // throws FileError when malformed
    bool operator==(const Preprocessing& o) const = default;
};

}  // namespace cs
