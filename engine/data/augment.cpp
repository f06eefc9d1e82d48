#include "data/augment.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "core/errors.h"

namespace cs {

namespace {

// Name, member: one list for JSON reading and writing.
struct NamedTransform {
    const char* name;
    AugmentTransform AugmentOptions::*member;
};
constexpr NamedTransform kTransforms[] = {
    {"shift", &AugmentOptions::shift},       {"rotate", &AugmentOptions::rotate},
    {"zoom", &AugmentOptions::zoom},         {"hflip", &AugmentOptions::hflip},
    {"vflip", &AugmentOptions::vflip},       {"brightness", &AugmentOptions::brightness},
    {"contrast", &AugmentOptions::contrast}, {"noise", &AugmentOptions::noise},
    {"erase", &AugmentOptions::erase},       {"crop", &AugmentOptions::crop},
};

bool happens(const AugmentTransform& t, Rng& rng) {
    return t.active() && (t.probability >= 1.f || rng.uniform() < t.probability);
}

uint8_t saturate(float v) { return static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

void geometric(cv::Mat& img, const AugmentOptions& o, Rng& rng) {
    const float w = static_cast<float>(img.cols), h = static_cast<float>(img.rows);
    float angle = 0.f, scale = 1.f, dx = 0.f, dy = 0.f;
    if (happens(o.rotate, rng)) angle = rng.uniform(-o.rotate.amount, o.rotate.amount);
    if (happens(o.zoom, rng)) scale = rng.uniform(1.f - o.zoom.amount, 1.f + o.zoom.amount);
    if (happens(o.shift, rng)) {
        dx = std::round(rng.uniform(-o.shift.amount, o.shift.amount) * w);
        dy = std::round(rng.uniform(-o.shift.amount, o.shift.amount) * h);
    }
    if (angle == 0.f && scale == 1.f && dx == 0.f && dy == 0.f) return;
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f((w - 1) / 2.f, (h - 1) / 2.f), angle, scale);
    m.at<double>(0, 2) += dx;
    m.at<double>(1, 2) += dy;
    cv::Mat out;
    cv::warpAffine(img, out, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    out.copyTo(img);
}

// Zero padding then a random window of the original size: an integer shift of up to `pad` pixels.
void paddedCrop(cv::Mat& img, int pad, Rng& rng) {
    if (pad <= 0) return;
    cv::Mat padded;
    cv::copyMakeBorder(img, padded, pad, pad, pad, pad, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    const int x = static_cast<int>(rng.below(2 * pad + 1));
    const int y = static_cast<int>(rng.below(2 * pad + 1));
    padded(cv::Rect(x, y, img.cols, img.rows)).copyTo(img);
}

void erase(uint8_t* hwc, int height, int width, int channels, float maxArea, Rng& rng) {
    const float area = rng.uniform(0.02f, std::max(0.02f, maxArea)) * width * height;
    const float aspect = std::exp(rng.uniform(std::log(0.3f), std::log(3.3f)));
    const int ew = std::clamp(static_cast<int>(std::sqrt(area * aspect)), 1, width);
    const int eh = std::clamp(static_cast<int>(std::sqrt(area / aspect)), 1, height);
    const int x0 = static_cast<int>(rng.below(width - ew + 1));
    const int y0 = static_cast<int>(rng.below(height - eh + 1));
    for (int y = y0; y < y0 + eh; ++y)
        for (int x = x0; x < x0 + ew; ++x)
            for (int c = 0; c < channels; ++c)
                hwc[(static_cast<std::size_t>(y) * width + x) * channels + c] = static_cast<uint8_t>(rng.below(256));
}

}  // namespace

bool AugmentOptions::enabled() const {
    for (const auto& t : kTransforms)
        if ((this->*t.member).active()) return true;
    return false;
}

nlohmann::json AugmentOptions::toJson() const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& t : kTransforms) {
        const AugmentTransform& v = this->*t.member;
        if (v.active()) j[t.name] = {{"p", v.probability}, {"amount", v.amount}};
    }
    return j;
}

AugmentOptions AugmentOptions::fromJson(const nlohmann::json& j) {
    AugmentOptions o;
    if (!j.is_object()) throw OptionError(msg("augment.not_object", "augmentation: expected a JSON object"));
    for (const auto& item : j.items()) {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
        const std::string& key = item.key();
        const nlohmann::json& value = item.value();
        const auto* it = std::find_if(std::begin(kTransforms), std::end(kTransforms),
                                      [&](const NamedTransform& t) { return key == t.name; });
        if (it == std::end(kTransforms))
            throw OptionError(msg("augment.unknown_transform",
                                  "augmentation: unknown transform '{transform}' (known: shift, rotate, zoom, hflip, "
                                  "vflip, brightness, contrast, noise, erase, crop)",
                                  {{"transform", key}}));
        try {
            AugmentTransform& t = o.*(it->member);
            t.probability = value.at("p").get<float>();
            t.amount = value.value("amount", 0.f);
        } catch (const nlohmann::json::exception& e) {
            throw OptionError(msg("augment.malformed", "augmentation '{transform}' is malformed: {reason}",
                                  {{"transform", key}, {"reason", e.what()}}));
        }
    }
    return o;
}

void augmentImage(uint8_t* hwc, int height, int width, int channels, const AugmentOptions& o, Rng& rng) {
    cv::Mat img(height, width, CV_8UC(channels), hwc);
    if (happens(o.hflip, rng)) cv::flip(img, img, 1);
    if (happens(o.vflip, rng)) cv::flip(img, img, 0);
    geometric(img, o, rng);
    if (happens(o.crop, rng)) paddedCrop(img, static_cast<int>(std::lround(o.crop.amount)), rng);

    const std::size_t n = static_cast<std::size_t>(height) * width * channels;
    float gain = 1.f, offset = 0.f;
    if (happens(o.contrast, rng)) gain = rng.uniform(1.f - o.contrast.amount, 1.f + o.contrast.amount);
    if (happens(o.brightness, rng)) offset = rng.uniform(-o.brightness.amount, o.brightness.amount) * 255.f;
    if (gain != 1.f || offset != 0.f) {
        // Contrast around mid-grey keeps the image's overall level.
        for (std::size_t i = 0; i < n; ++i) hwc[i] = saturate((hwc[i] - 127.5f) * gain + 127.5f + offset);
    }
    if (happens(o.noise, rng)) {
        const float sigma = o.noise.amount * 255.f;
        for (std::size_t i = 0; i < n; ++i) hwc[i] = saturate(hwc[i] + rng.normal(0.f, sigma));
    }
    if (happens(o.erase, rng)) erase(hwc, height, width, channels, o.erase.amount, rng);
}

std::vector<std::vector<uint8_t>> augmentVariants(const uint8_t* hwc, int height, int width, int channels,
                                                  const AugmentOptions& options, int count, uint64_t seed) {
    const std::size_t bytes = static_cast<std::size_t>(height) * width * channels;
    std::vector<std::vector<uint8_t>> variants;
    variants.reserve(std::max(count, 0));
    for (int k = 0; k < count; ++k) {
        variants.emplace_back(hwc, hwc + bytes);
        Rng rng(mixSeed(seed, static_cast<uint64_t>(k)));
        augmentImage(variants.back().data(), height, width, channels, options, rng);
    }
    return variants;
}

}  // namespace cs
