#include "data/image_decode.h"

#include <sys/stat.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "data/image_header.h"

namespace cs {

namespace {

std::string specialKind(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

// Reads the whole file. Reading ourselves (rather than cv::imread) tells "cannot be opened"
// apart from "not an image", and works with any UTF-8 path. stat() first: a FIFO or a device is
// never opened (opening a FIFO blocks), and a sparse 8 GB file is never read.
bool readFile(const std::string& path, std::vector<uint8_t>& bytes, std::string& error, const ImageLimits& limits) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        error = std::string("cannot be opened: ") + std::strerror(errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error = "is " + specialKind(st.st_mode) + ", not an image file";
        return false;
    }
    const uint64_t size = static_cast<uint64_t>(st.st_size);
    if (size == 0) {
        error = "is empty (0 bytes)";
        return false;
    }
    if (size > limits.maxFileBytes) {
        error = "is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(limits.maxFileBytes) +
                " bytes for one image";
        return false;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::string("cannot be opened: ") + (errno ? std::strerror(errno) : "unknown error");
        return false;
    }
    bytes.resize(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    if (static_cast<uint64_t>(in.gcount()) != size) {
        error = "cannot be read: " + std::string(errno ? std::strerror(errno) : "it ended early") + " (" +
                std::to_string(in.gcount()) + " of " + std::to_string(size) + " bytes)";
        return false;
    }
    return true;
}

// The header's size against the limit, before any decoder allocates for it.
bool checkHeader(const std::vector<uint8_t>& bytes, std::string& error, const ImageLimits& limits) {
    ImageHeader header;
    std::string reason;
    if (!readImageHeader(bytes.data(), bytes.size(), header, reason)) {
        error = "not a decodable image (" + std::to_string(bytes.size()) + " bytes)";
        if (*header.format) error += ": " + reason;  // a known format with a broken header
        return false;
    }
    if (header.width <= 0 || header.height <= 0) {
        error = std::string("is a ") + header.format + " of " + std::to_string(header.width) + "x" +
                std::to_string(header.height) + " pixels";
        return false;
    }
    if (static_cast<uint64_t>(header.width) * static_cast<uint64_t>(header.height) > limits.maxPixels) {
        error = std::string("is a ") + header.format + " of " + std::to_string(header.width) + "x" +
                std::to_string(header.height) + " pixels, more than the limit of " + std::to_string(limits.maxPixels) +
                " pixels";
        return false;
    }
    return true;
}

bool decode(const std::vector<uint8_t>& bytes, int flags, cv::Mat& img, std::string& error) {
    try {
        img = cv::imdecode(bytes, flags);
    } catch (const std::exception&) {  // cv::Exception, or std::bad_alloc inside a codec
        img.release();
    }
    if (img.empty()) {
        error = "not a decodable image (" + std::to_string(bytes.size()) + " bytes)";
        return false;
    }
    return true;
}

}  // namespace

bool probeImageFile(const std::string& path, ImageInfo& info, std::string& error, const ImageLimits& limits) {
    std::vector<uint8_t> bytes;
    cv::Mat img;
    if (!readFile(path, bytes, error, limits) || !checkHeader(bytes, error, limits) ||
        !decode(bytes, cv::IMREAD_UNCHANGED, img, error))
        return false;
    info.height = img.rows;
    info.width = img.cols;
    info.channels = img.channels() == 1 ? 1 : 3;
    return true;
}

bool decodeImageFile(const std::string& path, int height, int width, int channels, uint8_t* out, std::string& error,
                     const ImageLimits& limits) {
    std::vector<uint8_t> bytes;
    cv::Mat img;
    const int flags = channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
    if (!readFile(path, bytes, error, limits) || !checkHeader(bytes, error, limits) ||
        !decode(bytes, flags, img, error))
        return false;
    if (channels == 3) cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    cv::Mat dst(height, width, CV_8UC(channels), out);
    if (img.rows == height && img.cols == width)
        img.copyTo(dst);
    else
        cv::resize(img, dst, dst.size(), 0, 0, cv::INTER_AREA);
    return true;
}

}  // namespace cs
