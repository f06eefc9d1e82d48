#include "data/builtin_dataset.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/rng.h"
#include "data/augment.h"

namespace cs {

namespace {

constexpr int kSupersample = 4;  // drawn large, then averaged down: smooth edges at any size
constexpr float kPi = 3.14159265f;

enum Shape { Circle, Ring, Square, Frame, Triangle, TriangleOutline, Plus, Cross, Star, Bars };

// Points of a regular polygon of `n` corners around (cx, cy).
std::vector<cv::Point> polygon(float cx, float cy, float radius, int n, float angle) {
    std::vector<cv::Point> pts;
    for (int k = 0; k < n; ++k) {
        const float a = angle + 2 * kPi * k / n - kPi / 2;
        pts.emplace_back(cvRound(cx + radius * std::cos(a)), cvRound(cy + radius * std::sin(a)));
    }
    return pts;
}

std::vector<cv::Point> star(float cx, float cy, float radius, float angle) {
    std::vector<cv::Point> pts;
    for (int k = 0; k < 10; ++k) {
        const float r = k % 2 ? radius * 0.45f : radius;
        const float a = angle + kPi * k / 5 - kPi / 2;
        pts.emplace_back(cvRound(cx + r * std::cos(a)), cvRound(cy + r * std::sin(a)));
    }
    return pts;
}

// A line through (cx, cy) at `angle`, offset sideways by `offset`, of half-length `half`.
void line(cv::Mat& img, float cx, float cy, float half, float angle, float offset, int thick,
          const cv::Scalar& colour) {
    const float dx = std::cos(angle), dy = std::sin(angle);
    const float ox = -dy * offset, oy = dx * offset;
    cv::line(img, cv::Point(cvRound(cx + ox - dx * half), cvRound(cy + oy - dy * half)),
             cv::Point(cvRound(cx + ox + dx * half), cvRound(cy + oy + dy * half)), colour, thick, cv::LINE_AA);
}

void drawShape(cv::Mat& img, int shape, Rng& rng, const cv::Scalar& colour) {
    const float side = static_cast<float>(std::min(img.rows, img.cols));
    const float radius = side * rng.uniform(0.22f, 0.36f);
    const float cx = img.cols / 2.f + rng.uniform(-1.f, 1.f) * (img.cols / 2.f - radius - 2);
    const float cy = img.rows / 2.f + rng.uniform(-1.f, 1.f) * (img.rows / 2.f - radius - 2);
    // +-15 degrees keeps plus and cross (45 degrees apart) distinct.
    const float angle = rng.uniform(-15.f, 15.f) * kPi / 180.f;
    const int thick = std::max(1, static_cast<int>(side * rng.uniform(0.05f, 0.09f)));
    const cv::Point centre(cvRound(cx), cvRound(cy));
    switch (shape) {
        case Circle:
            cv::circle(img, centre, cvRound(radius), colour, cv::FILLED, cv::LINE_AA);
            break;
        case Ring:
            cv::circle(img, centre, cvRound(radius - thick / 2.f), colour, thick, cv::LINE_AA);
            break;
        case Square:
            cv::fillConvexPoly(img, polygon(cx, cy, radius, 4, angle + kPi / 4), colour, cv::LINE_AA);
            break;
        case Frame:
            cv::polylines(img, polygon(cx, cy, radius - thick / 2.f, 4, angle + kPi / 4), true, colour, thick,
                          cv::LINE_AA);
            break;
        case Triangle:
            cv::fillConvexPoly(img, polygon(cx, cy, radius, 3, angle), colour, cv::LINE_AA);
            break;
        case TriangleOutline:
            cv::polylines(img, polygon(cx, cy, radius - thick / 2.f, 3, angle), true, colour, thick, cv::LINE_AA);
            break;
        case Plus:
            line(img, cx, cy, radius, angle, 0, thick, colour);
            line(img, cx, cy, radius, angle + kPi / 2, 0, thick, colour);
            break;
        case Cross:
            line(img, cx, cy, radius, angle + kPi / 4, 0, thick, colour);
            line(img, cx, cy, radius, angle - kPi / 4, 0, thick, colour);
            break;
        case Star: {
            const std::vector<std::vector<cv::Point>> polys{star(cx, cy, radius, angle)};
            cv::fillPoly(img, polys, colour, cv::LINE_AA);
            break;
        }
        case Bars:
            line(img, cx, cy, radius, angle, -radius * 0.4f, thick, colour);
            line(img, cx, cy, radius, angle, radius * 0.4f, thick, colour);
            break;
    }
}

void drawSample(uint8_t* out, int height, int width, int channels, int label, Rng& rng) {
    const int type = CV_8UC(channels);
    // Background dark, foreground bright (per channel for colour), so shapes always stand out.
    cv::Scalar background, foreground;
    for (int c = 0; c < channels; ++c) {
        background[c] = rng.uniform(0.f, 60.f);
        foreground[c] = rng.uniform(150.f, 255.f);
    }
    cv::Mat big(height * kSupersample, width * kSupersample, type, background);
    drawShape(big, label, rng, foreground);
    cv::Mat small(height, width, type, out);
    cv::resize(big, small, small.size(), 0, 0, cv::INTER_AREA);
    const float sigma = rng.uniform(2.f, 12.f);
    const std::size_t n = static_cast<std::size_t>(height) * width * channels;
    for (std::size_t i = 0; i < n; ++i)
        out[i] = static_cast<uint8_t>(std::clamp(std::lround(out[i] + rng.normal(0.f, sigma)), 0L, 255L));
}

}  // namespace

std::vector<std::string> builtinDatasetNames() { return {"shapes"}; }

const std::vector<std::string>& shapeClassNames() {
    static const std::vector<std::string> names{"circle",           "ring", "square", "frame", "triangle",
                                                "triangle outline", "plus", "cross",  "star",  "bars"};
    return names;
}

Dataset makeShapesDataset(int count, int height, int width, int channels, uint64_t seed) {
    if (count < 0 || height < 8 || width < 8 || height > 1024 || width > 1024 || (channels != 1 && channels != 3))
        throw FileError(
            msg("builtin.bad_size",
                "built-in shapes: {count} images of {size} are not possible (8..1024 pixels, 1 or 3 "
                "channels)",
                {{"count", std::to_string(count)},
                 {"size", std::to_string(width) + "x" + std::to_string(height) + "x" + std::to_string(channels)}}));
    Dataset ds;
    ds.height = height;
    ds.width = width;
    ds.channels = channels;
    ds.classNames = shapeClassNames();
    ds.sourceFile = "builtin:shapes/seed=" + std::to_string(seed);
    ds.pixels.resize(static_cast<std::size_t>(count) * ds.imageBytes());
    ds.labels.resize(count);
    for (int i = 0; i < count; ++i) {
        ds.labels[i] = i % 10;
        Rng rng(mixSeed(seed, static_cast<uint64_t>(i)));
        drawSample(ds.image(i), height, width, channels, ds.labels[i], rng);
    }
    return ds;
}

DataSplits loadBuiltin(const std::string& name, const LoadOptions& options) {
    std::string which = name;
    if (which.rfind("builtin", 0) == 0) which = which.substr(7);
    if (!which.empty() && which[0] == ':') which = which.substr(1);
    if (!which.empty() && which != "shapes")
        throw FileError(
            msg("builtin.unknown", "unknown built-in data set '{name}' (known: builtin:shapes)", {{"name", name}}));
    const int height = options.height > 0 ? options.height : 28;
    const int width = options.width > 0 ? options.width : 28;
    const int channels = options.channels > 0 ? options.channels : 1;
    DataSplits out;
    out.train = makeShapesDataset(options.builtinTrainCount, height, width, channels, options.builtinSeed);
    // A different seed family for the test set so no test image repeats a training image.
    out.test =
        makeShapesDataset(options.builtinTestCount, height, width, channels, mixSeed(options.builtinSeed, 0x7E57));
    if (options.progress) options.progress(1, 1);
    return out;
}

}  // namespace cs
