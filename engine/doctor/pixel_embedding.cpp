#include "doctor/pixel_embedding.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>

#include "core/rng.h"
#include "doctor/doctor_stage.h"
#include "doctor/pca.h"

namespace cs {

namespace {

// Row r's pixels at height x width, as floats in [0, 1].
void pixelRow(const DoctorData& data, int64_t r, int height, int width, float* out) {
    const int c = data.channels();
    const cv::Mat image(data.height(), data.width(), CV_8UC(c), const_cast<uint8_t*>(data.image(r)));
    cv::Mat scaled;
    if (height == data.height() && width == data.width())
        scaled = image;
    else
        cv::resize(image, scaled, cv::Size(width, height), 0, 0, cv::INTER_AREA);
    const uint8_t* p = scaled.ptr<uint8_t>();
    const std::size_t values = std::size_t(height) * std::size_t(width) * std::size_t(c);
    for (std::size_t i = 0; i < values; ++i) out[i] = float(p[i]) * (1.f / 255.f);
}

}  // namespace

PixelEmbedding embedPixels(const DoctorData& data, int components, WorkerPool& pool, const DoctorStage& stage,
                           uint64_t seed) {
    PixelEmbedding e;
    const int64_t n = data.size();
    const int c = data.channels();
    e.height = data.height();
    e.width = data.width();
    if (int64_t(e.height) * e.width * c > kMaxPixelValues) {
        const double s = std::sqrt(double(kMaxPixelValues) / (double(e.height) * e.width * c));
        e.height = std::max(1, int(e.height * s));
        e.width = std::max(1, int(e.width * s));
    }
    const int dim = e.height * e.width * c;
    // Fit on a fixed random sample (image folders are sorted by class: the first rows are not one).
    std::vector<int64_t> sample(static_cast<std::size_t>(n));
    std::iota(sample.begin(), sample.end(), 0);
    Rng rng(seed);
    for (std::size_t i = sample.size(); i > 1; --i) std::swap(sample[i - 1], sample[rng.below(i)]);
    sample.resize(std::size_t(std::min<int64_t>(n, kPixelPcaSample)));
    std::vector<float> rows(sample.size() * std::size_t(dim));
    for (std::size_t i = 0; i < sample.size(); ++i)
        pixelRow(data, sample[i], e.height, e.width, &rows[i * std::size_t(dim)]);
    stage.report(0.1);
    const PcaBasis basis = PcaBasis::fit(rows.data(), int64_t(sample.size()), dim, components);
    stage.report(0.4);
    e.dim = basis.outputDim();
    e.rows.resize(std::size_t(n) * std::size_t(e.dim));
    const int64_t block = 1024;
    parallelBlocks(
        pool, n, block,
        [&](int64_t begin, int64_t end) {
            stage.check();
            std::vector<float> pixels(std::size_t(end - begin) * std::size_t(dim));
            for (int64_t r = begin; r < end; ++r)
                pixelRow(data, r, e.height, e.width, &pixels[std::size_t((r - begin) * dim)]);
            basis.project(pixels.data(), end - begin, &e.rows[std::size_t(begin * e.dim)]);
        },
        [&](double f) { stage.report(0.4 + 0.6 * f); });
    return e;
}

}  // namespace cs
