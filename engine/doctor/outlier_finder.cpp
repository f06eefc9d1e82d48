#include "doctor/outlier_finder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>

#include "doctor/doctor_stage.h"

namespace cs {

namespace {

// The outlier kind of one image (or none) and its score.
bool classify(const uint8_t* p, std::size_t bytes, const PixelOutlierLimits& limits, Outlier& out) {
    std::array<uint32_t, 256> histogram{};
    double sum = 0, sumSquares = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        ++histogram[p[i]];
        sum += p[i];
        sumSquares += double(p[i]) * p[i];
    }
    const double n = double(bytes);
    const double mean = sum / n;
    const float stdev = float(std::sqrt(std::max(0.0, sumSquares / n - mean * mean)));
    if (stdev < limits.blankStdev) {
        out.kind = OutlierKind::Blank;
        out.score = 2.f - stdev / limits.blankStdev;  // in (1, 2]
        return true;
    }
    auto percentile = [&](double q) {
        const double target = q * n;
        double seen = 0;
        for (int v = 0; v < 256; ++v)
            if ((seen += histogram[std::size_t(v)]) >= target) return float(v);
        return 255.f;
    };
    const float range = percentile(0.99) - percentile(0.01);
    uint32_t dark = 0, bright = 0;
    for (int v = 0; v <= 2; ++v) dark += histogram[std::size_t(v)];
    for (int v = 253; v <= 255; ++v) bright += histogram[std::size_t(v)];
    const float extreme = float(dark + bright) / float(n);
    if (extreme >= limits.saturatedFraction && std::min(dark, bright) >= limits.saturatedMinority * n) {
        out.kind = OutlierKind::Saturated;
        out.score = 1.f + (extreme - limits.saturatedFraction) / (1.f - limits.saturatedFraction + 1e-6f);
        return true;
    }
    if (range < limits.lowContrastRange) {
        out.kind = OutlierKind::LowContrast;
        out.score = 1.f + (limits.lowContrastRange - range) / limits.lowContrastRange;
        return true;
    }
    return false;
}

void sortByScore(std::vector<Outlier>& outliers) {
    std::stable_sort(outliers.begin(), outliers.end(),
                     [](const Outlier& a, const Outlier& b) { return a.score > b.score; });
}

}  // namespace

std::vector<Outlier> findPixelOutliers(const DoctorData& data, WorkerPool& pool, const DoctorStage& stage,
                                       const PixelOutlierLimits& limits) {
    std::vector<Outlier> outliers;
    std::mutex mutex;
    parallelBlocks(
        pool, data.size(), 2048,
        [&](int64_t begin, int64_t end) {
            stage.check();
            std::vector<Outlier> found;
            for (int64_t r = begin; r < end; ++r) {
                Outlier o;
                if (!classify(data.image(r), data.imageBytes(), limits, o)) continue;
                o.image = data.imageAt(r);
                found.push_back(o);
            }
            const std::lock_guard lock(mutex);
            outliers.insert(outliers.end(), found.begin(), found.end());
        },
        [&](double f) { stage.report(f); });
    // Blocks finish in any order: sort by row first so equal scores keep a fixed order.
    std::sort(outliers.begin(), outliers.end(), [](const Outlier& a, const Outlier& b) {
        return std::pair(a.image.split, a.image.index) < std::pair(b.image.split, b.image.index);
    });
    sortByScore(outliers);
    return outliers;
}

std::vector<Outlier> findFeatureOutliers(const DoctorData& data, const std::vector<float>& features, int dim,
                                         const DoctorStage& stage) {
    const int64_t n = data.size();
    const int classes = data.classCount();
    if (n == 0 || dim <= 0 || classes <= 0) return {};
    // Standardize each dimension, then the class means.
    std::vector<double> mean(std::size_t(dim), 0.0), var(std::size_t(dim), 0.0);
    for (int64_t r = 0; r < n; ++r)
        for (int d = 0; d < dim; ++d) mean[std::size_t(d)] += features[std::size_t(r * dim + d)];
    for (double& m : mean) m /= double(n);
    for (int64_t r = 0; r < n; ++r)
        for (int d = 0; d < dim; ++d) {
            const double x = features[std::size_t(r * dim + d)] - mean[std::size_t(d)];
            var[std::size_t(d)] += x * x;
        }
    std::vector<float> scale(static_cast<std::size_t>(dim));
    for (int d = 0; d < dim; ++d)
        scale[std::size_t(d)] = float(1.0 / std::sqrt(var[std::size_t(d)] / double(n) + 1e-12));
    auto standardized = [&](int64_t r, int d) {
        return float(features[std::size_t(r * dim + d)] - mean[std::size_t(d)]) * scale[std::size_t(d)];
    };
    std::vector<double> classMean(std::size_t(classes) * std::size_t(dim), 0.0);
    std::vector<int64_t> count(std::size_t(classes), 0);
    for (int64_t r = 0; r < n; ++r) {
        const int c = data.label(r);
        ++count[std::size_t(c)];
        for (int d = 0; d < dim; ++d) classMean[std::size_t(c * dim + d)] += standardized(r, d);
    }
    for (int c = 0; c < classes; ++c)
        for (int d = 0; d < dim; ++d)
            if (count[std::size_t(c)]) classMean[std::size_t(c * dim + d)] /= double(count[std::size_t(c)]);
    stage.report(0.3);
    std::vector<float> nearest(static_cast<std::size_t>(n)), own(static_cast<std::size_t>(n));
    for (int64_t r = 0; r < n; ++r) {
        if ((r & 4095) == 0) stage.check();
        float best = INFINITY;
        for (int c = 0; c < classes; ++c) {
            if (!count[std::size_t(c)]) continue;
            double s = 0;
            for (int d = 0; d < dim; ++d) {
                const double x = standardized(r, d) - classMean[std::size_t(c * dim + d)];
                s += x * x;
            }
            const float dist = float(std::sqrt(s));
            best = std::min(best, dist);
            if (c == data.label(r)) own[std::size_t(r)] = dist;
        }
        nearest[std::size_t(r)] = best;
    }
    std::vector<float> sorted = own;
    const std::size_t at = std::min(sorted.size() - 1, std::size_t(double(sorted.size()) * 0.999));
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(at), sorted.end());
    const float limit = std::max(sorted[at], 1e-6f);
    std::vector<Outlier> outliers;
    for (int64_t r = 0; r < n; ++r)
        if (nearest[std::size_t(r)] > limit)
            outliers.push_back({data.imageAt(r), OutlierKind::FarFromClasses, nearest[std::size_t(r)] / limit});
    sortByScore(outliers);
    return outliers;
}

}  // namespace cs
