#include "data/image_decode.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace cs {

namespace {

// Reads the whole file. Reading ourselves (rather than cv::imread) tells "cannot be opened"
// apart from "not an image", and works with any UTF-8 path.
bool readFile(const std::string& path, std::vector<uint8_t>& bytes, std::string& error) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "is a directory, not an image file";
        return false;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        error = std::string("cannot be opened: ") + (errno ? std::strerror(errno) : "unknown error");
        return false;
    }
    const std::streamoff size = in.tellg();
    if (size <= 0) {
        error = "is empty (0 bytes)";
        return false;
    }
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) {
        error = std::string("cannot be read: ") + (errno ? std::strerror(errno) : "read failed");
        return false;
    }
    return true;
}

bool decode(const std::vector<uint8_t>& bytes, int flags, cv::Mat& img, std::string& error) {
    try {
        img = cv::imdecode(bytes, flags);
    } catch (const cv::Exception& e) {
        img.release();
    }
    if (img.empty()) {
        error = "not a decodable image (" + std::to_string(bytes.size()) + " bytes)";
        return false;
    }
    return true;
}

}  // namespace

bool probeImageFile(const std::string& path, ImageInfo& info, std::string& error) {
    std::vector<uint8_t> bytes;
    cv::Mat img;
    if (!readFile(path, bytes, error) || !decode(bytes, cv::IMREAD_UNCHANGED, img, error)) return false;
    info.height = img.rows;
    info.width = img.cols;
    info.channels = img.channels() == 1 ? 1 : 3;
    return true;
}

bool decodeImageFile(const std::string& path, int height, int width, int channels, uint8_t* out, std::string& error) {
    std::vector<uint8_t> bytes;
    cv::Mat img;
    const int flags = channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
    if (!readFile(path, bytes, error) || !decode(bytes, flags, img, error)) return false;
    if (channels == 3) cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    cv::Mat dst(height, width, CV_8UC(channels), out);
    if (img.rows == height && img.cols == width)
        img.copyTo(dst);
    else
        cv::resize(img, dst, dst.size(), 0, 0, cv::INTER_AREA);
    return true;
}

}  // namespace cs
