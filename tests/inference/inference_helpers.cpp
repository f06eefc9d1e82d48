#include "inference_helpers.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <opencv2/videoio/registry.hpp>

#include "graph/model.h"

namespace cs::testing {

ModelFile tinyStreamModel(int channels, int size, bool invert) {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", size}, {"width", size}, {"channels", channels}}},
                                     {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                     {"MaxPooling2D", {{"pool_size", 2}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
    f.seed = 11;
    Model model(f.graph, f.seed);
    storeWeights(model, f);
    f.preprocessing.height = size;
    f.preprocessing.width = size;
    f.preprocessing.channels = channels;
    f.preprocessing.scaling = Scaling::Standardize;
    f.preprocessing.mean = {0.4f, 0.5f, 0.6f};
    f.preprocessing.stdev = {0.25f, 0.3f, 0.2f};
    f.preprocessing.invert = invert;
    f.classNames = {"red", "green", "blue"};
    return f;
}

cv::Mat syntheticFrame(int i, cv::Size size) {
    cv::Mat frame(size, CV_8UC3);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x)
            frame.at<cv::Vec3b>(y, x) =
                cv::Vec3b(static_cast<uchar>(x * 255 / size.width), static_cast<uchar>(y * 255 / size.height), 90);
    const int w = size.width, h = size.height;
    const int x = (i * 7) % (w - w / 4);
    cv::rectangle(frame, cv::Rect(x, h / 4, w / 4, h / 3), cv::Scalar((i * 40) % 256, 200, 255 - (i * 40) % 256),
                  cv::FILLED);
    cv::circle(frame, cv::Point(w - 1 - x, 3 * h / 4), h / 6, cv::Scalar(255, (i * 25) % 256, 30), cv::FILLED);
    return frame;
}

bool writeTestVideo(const std::string& path, int frames, double fps, cv::Size size) {
    cv::VideoWriter writer(path, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, size);
    if (!writer.isOpened()) return false;
    for (int i = 0; i < frames; ++i) writer.write(syntheticFrame(i, size));
    return true;
}

std::string testPipeline(int buffers, cv::Size size, const std::string& pattern) {
    return "videotestsrc pattern=" + pattern + " num-buffers=" + std::to_string(buffers) +
           " ! videoconvert ! video/x-raw,format=BGR,width=" + std::to_string(size.width) +
           ",height=" + std::to_string(size.height) + " ! appsink sync=false";
}

bool haveGStreamer() { return cv::videoio_registry::hasBackend(cv::CAP_GSTREAMER); }

}  // namespace cs::testing
