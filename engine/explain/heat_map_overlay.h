#pragma once
// An explanation's heat map drawn for people: coloured (OpenCV's JET: blue = nothing, red = the
// most) and blended over the image it explains. The CLI writes it; the studio converts the same
// pixels to a QImage.
#include <opencv2/core/mat.hpp>

namespace cs {

struct Explanation;

// 8-bit BGR, the heat map's size.
cv::Mat heatMapColours(const Explanation& explanation);

// `image` as OpenCV decodes it (8-bit gray, BGR or BGRA, any size) with the coloured heat map,
// resized to it bilinearly, blended in at `opacity` (0 = the image only, 1 = the map only).
// 8-bit BGR of the image's size. Throws Error for an empty or not 8-bit image.
cv::Mat heatMapOverlay(const cv::Mat& image, const Explanation& explanation, double opacity = 0.5);

}  // namespace cs
