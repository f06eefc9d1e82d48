#include "explain/occlusion.h"

#include <algorithm>
#include <vector>

#include "graph/model.h"

namespace cs {

std::vector<int> occlusionStarts(int extent, int patch, int stride) {
    std::vector<int> starts;
    const int lastStart = std::max(0, extent - patch);
    for (int s = 0; s <= lastStart; s += stride) starts.push_back(s);
    if (starts.back() != lastStart) starts.push_back(lastStart);
    return starts;
}

cv::Mat occlusion(const Model& model, Executor& ex, const Tensor& input, int targetClass, float probability,
                  const OcclusionOptions& options, Tensor& batch) {
    const Shape& s = input.sampleShape();
    const int channels = s.channels(), h = s.height(), w = s.width();
    const std::vector<int> rows = occlusionStarts(h, options.patch, options.stride);
    const std::vector<int> cols = occlusionStarts(w, options.patch, options.stride);
    const int count = static_cast<int>(rows.size() * cols.size());
    batch.resize(count, s);
    int k = 0;
    for (int r0 : rows)
        for (int c0 : cols) {
            float* x = batch.sample(k++);
            std::copy(input.data(), input.data() + input.sampleSize(), x);
            for (int c = 0; c < channels; ++c)
                for (int r = r0; r < std::min(h, r0 + options.patch); ++r)
                    std::fill_n(x + (int64_t(c) * h + r) * w + c0, std::min(options.patch, w - c0), options.fill);
        }
    const Tensor& out = model.predict(ex, batch);
    cv::Mat drop = cv::Mat::zeros(h, w, CV_32F), covered = cv::Mat::zeros(h, w, CV_32F);
    std::vector<float> p(static_cast<std::size_t>(out.sampleSize()));
    k = 0;
    for (int r0 : rows)
        for (int c0 : cols) {
            model.toProbabilities(out.sample(k++), p.data());
            const float d = probability - p[static_cast<std::size_t>(targetClass)];
            for (int r = r0; r < std::min(h, r0 + options.patch); ++r)
                for (int c = c0; c < std::min(w, c0 + options.patch); ++c) {
                    drop.at<float>(r, c) += d;
                    covered.at<float>(r, c) += 1.f;
                }
        }
    cv::Mat mean = cv::Mat::zeros(h, w, CV_32F);
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            mean.at<float>(r, c) = std::max(0.f, drop.at<float>(r, c) / covered.at<float>(r, c));
    return mean;
}

}  // namespace cs
