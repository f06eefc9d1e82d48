#include "data/preprocessing.h"

#include "core/errors.h"
#include "core/json_numbers.h"

namespace cs {

void Preprocessing::toFloat(const uint8_t* hwc, float* chw) const {
    const int plane = height * width;
    for (int c = 0; c < channels; ++c) {
        // Fold inversion, scaling and normalisation into one multiply-add per pixel.
        float scale = 1.f / 255.f;
        float shift = 0.f;
        if (scaling == Scaling::Standardize) {
            scale /= stdev[c];
            shift = -mean[c] / stdev[c];
        }
        float* out = chw + c * plane;
        if (invert) {
            for (int i = 0; i < plane; ++i) out[i] = static_cast<float>(255 - hwc[i * channels + c]) * scale + shift;
        } else {
            for (int i = 0; i < plane; ++i) out[i] = static_cast<float>(hwc[i * channels + c]) * scale + shift;
        }
    }
}

nlohmann::json Preprocessing::toJson() const {
    return {{"height", height},     {"width", width},
            {"channels", channels}, {"scaling", scaling == Scaling::Unit ? "unit" : "standardize"},
            {"mean", mean},         {"std", stdev},
            {"invert", invert}};
}

Preprocessing Preprocessing::fromJson(const nlohmann::json& j) {
    Preprocessing p;
    try {
        p.height = wholeNumber<int>(j.at("height"));
        p.width = wholeNumber<int>(j.at("width"));
        p.channels = wholeNumber<int>(j.at("channels"));
        const std::string s = j.value("scaling", "unit");
        if (s == "unit")
            p.scaling = Scaling::Unit;
        else if (s == "standardize")
            p.scaling = Scaling::Standardize;
        else
            throw FileError(msg("preprocessing.unknown_scaling",
                                "preprocessing: unknown scaling '{scaling}' (known: unit, standardize)",
                                {{"scaling", s}}));
        if (j.contains("mean")) p.mean = j.at("mean").get<std::array<float, 3>>();
        if (j.contains("std")) p.stdev = j.at("std").get<std::array<float, 3>>();
        p.invert = j.value("invert", false);
    } catch (const nlohmann::json::exception& e) {
        throw FileError(msg("preprocessing.malformed", "preprocessing is malformed: {reason}", {{"reason", e.what()}}));
    }
    if (p.height < 1 || p.height > 4096 || p.width < 1 || p.width > 4096)
        throw FileError(msg("preprocessing.bad_size", "preprocessing: input size {size} is outside 1..4096",
                            {{"size", std::to_string(p.width) + "x" + std::to_string(p.height)}}));
    if (p.channels != 1 && p.channels != 3)
        throw FileError(msg("preprocessing.bad_channels", "preprocessing: channels must be 1 or 3, got {value}",
                            {{"value", std::to_string(p.channels)}}));
    for (int c = 0; c < 3; ++c)
        if (!(p.stdev[c] > 0.f))
            throw FileError(msg("preprocessing.bad_std", "preprocessing: std of channel {channel} must be > 0",
                                {{"channel", std::to_string(c)}}));
    return p;
}

}  // namespace cs
