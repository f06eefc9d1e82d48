#include "explain/heat_map_overlay.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "core/errors.h"
#include "explain/explanation.h"

namespace cs {

cv::Mat heatMapColours(const Explanation& e) {
    cv::Mat heat(e.height, e.width, CV_32F, const_cast<float*>(e.heat.data()));
    cv::Mat bytes, colours;
    heat.convertTo(bytes, CV_8U, 255.0);
    cv::applyColorMap(bytes, colours, cv::COLORMAP_JET);
    return colours;
}

cv::Mat heatMapOverlay(const cv::Mat& image, const Explanation& e, double opacity) {
    if (image.empty() || image.depth() != CV_8U)
        throw Error(msg("explain.overlay_image", "the heat map needs an 8-bit image to draw on"));
    cv::Mat bgr;
    if (image.channels() == 1)
        cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
    else if (image.channels() == 4)
        cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR);
    else
        bgr = image;
    cv::Mat colours;
    cv::resize(heatMapColours(e), colours, bgr.size(), 0, 0, cv::INTER_LINEAR);
    const double a = std::clamp(opacity, 0.0, 1.0);
    cv::Mat out;
    cv::addWeighted(bgr, 1.0 - a, colours, a, 0.0, out);
    return out;
}

}  // namespace cs
