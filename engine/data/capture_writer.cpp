#include "data/capture_writer.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/errors.h"
#include "data/image_folder_loader.h"
#include "io/atomic_file.h"

namespace cs {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isSplitName(const std::string& name) {
    const std::string n = lower(name);
    return n == "train" || n == "training" || n == "val" || n == "valid" || n == "validation" || n == "test" ||
           n == "testing";
}

cv::Mat gray(const cv::Mat& image) {
    if (image.channels() == 1) return image;
    cv::Mat g;
    cv::cvtColor(image, g, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    return g;
}

cv::Mat thumbnail(const cv::Mat& image) {
    cv::Mat small, f;
    cv::resize(gray(image), small, cv::Size(32, 32), 0, 0, cv::INTER_AREA);
    small.convertTo(f, CV_32F);
    return f;
}

int countImages(const fs::path& dir) {
    int n = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && isImageFileName(it->path().filename().string())) ++n;
    return n;
}

// "capture-20240131-142501-042-7": sortable by time, unique within this writer.
std::string stamp(unsigned sequence) {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    char out[96];
    std::snprintf(out, sizeof out, "capture-%s-%03d-%u", buf, static_cast<int>(ms), sequence);
    return out;
}

}  // namespace

double sharpnessOf(const cv::Mat& image) {
    if (image.empty()) return 0;
    cv::Mat g = gray(image);
    const int side = std::max(g.cols, g.rows);
    if (side > 256) cv::resize(g, g, cv::Size(), 256.0 / side, 256.0 / side, cv::INTER_AREA);
    cv::Mat lap;
    cv::Laplacian(g, lap, CV_64F);
    // Per tile, the Laplacian's variance over the image's own variance: a sharp edge scores the
    // same at low and high contrast, and one sharp tile is enough (a plain background around
    // a sharp object is not blur). The +25 keeps flat tiles from dividing by ~0.
    constexpr int kTiles = 4;
    double best = 0;
    for (int ty = 0; ty < kTiles; ++ty)
        for (int tx = 0; tx < kTiles; ++tx) {
            const cv::Rect r(tx * g.cols / kTiles, ty * g.rows / kTiles, std::max(1, g.cols / kTiles),
                             std::max(1, g.rows / kTiles));
            cv::Scalar lm, ls, gm, gs;
            cv::meanStdDev(lap(r), lm, ls);
            cv::meanStdDev(g(r), gm, gs);
            best = std::max(best, ls[0] * ls[0] / (gs[0] * gs[0] + 25.0));
        }
    return best;
}

double thumbnailDifference(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::absdiff(thumbnail(a), thumbnail(b), diff);
    return cv::mean(diff)[0];
}

std::string CaptureWriter::classNameProblem(const std::string& name) { return classNameMessage(name).english(); }

Message CaptureWriter::classNameMessage(const std::string& name) {
    if (name.empty()) return msg("capture.class_unnamed", "a class needs a name");
    if (name.size() > 100) return msg("capture.class_name_long", "the class name is longer than 100 characters");
    if (name == "." || name == "..")
        return msg("capture.class_name_dots", "'{name}' cannot be a class name", {{"name", name}});
    if (name.front() == '.')
        return msg("capture.class_name_hidden", "class names cannot start with '.' (such folders are hidden)");
    if (name.front() == ' ' || name.back() == ' ')
        return msg("capture.class_name_space", "class names cannot start or end with a space");
    for (char c : name)
        if (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20)
            return msg("capture.class_name_chars", "class names cannot contain '/', '\\', ':' or control characters");
    if (isSplitName(name))
        return msg("capture.class_name_reserved", "'{name}' is reserved for train/validation/test folders",
                   {{"name", name}});
    return {};
}

CaptureWriter::CaptureWriter(std::string root, CaptureSettings settings)
    : root_(std::move(root)), settings_(std::move(settings)) {
    rescan();
}

std::string CaptureWriter::classRoot() const {
    std::lock_guard lock(mutex_);
    return classRootLocked();
}

std::string CaptureWriter::classRootLocked() const {
    std::error_code ec;
    const fs::path root = fs::u8path(root_);
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_directory(ec) && (lower(name) == "train" || lower(name) == "training")) return it->path().string();
    }
    return root_;
}

CaptureSettings CaptureWriter::settings() const {
    std::lock_guard lock(mutex_);
    return settings_;
}

void CaptureWriter::setSettings(const CaptureSettings& settings) {
    std::lock_guard lock(mutex_);
    settings_ = settings;
}

std::vector<std::string> CaptureWriter::classes() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> names;
    for (const auto& [name, n] : counts_) names.push_back(name);
    std::sort(names.begin(), names.end(), naturalLess);
    return names;
}

std::map<std::string, int> CaptureWriter::counts() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

int CaptureWriter::count(const std::string& className) const {
    std::lock_guard lock(mutex_);
    auto it = counts_.find(className);
    return it == counts_.end() ? 0 : it->second;
}

void CaptureWriter::rescan() {
    std::lock_guard lock(mutex_);
    counts_.clear();
    std::error_code ec;
    const fs::path dir = fs::u8path(classRootLocked());
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!it->is_directory(ec) || name.empty() || name.front() == '.' || isSplitName(name)) continue;
        counts_[name] = countImages(it->path());
    }
}

void CaptureWriter::addClass(const std::string& className) {
    if (Message why = classNameMessage(className); !why.text.empty()) throw Error(std::move(why));
    std::lock_guard lock(mutex_);
    const fs::path dir = fs::u8path(classRootLocked()) / fs::u8path(className);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw FileError(msg("capture.class_folder_failed", "{folder}: cannot create the class folder ({reason})",
                            {{"folder", dir.string()}, {"reason", ec.message()}}));
    counts_.try_emplace(className, countImages(dir));
}

void CaptureWriter::forgetLastFrames() {
    std::lock_guard lock(mutex_);
    lastThumb_.clear();
}

CaptureResult CaptureWriter::save(const std::string& className, const cv::Mat& input) {
    if (input.empty()) throw Error(msg("capture.empty_frame", "cannot save an empty frame"));
    if (input.depth() != CV_8U) throw Error(msg("capture.not_8bit", "only 8-bit frames can be saved"));
    addClass(className);  // validates the name and makes the folder

    cv::Mat image = input;
    const CaptureSettings s = settings();
    if (s.maxSide > 0 && std::max(image.cols, image.rows) > s.maxSide) {
        const double f = static_cast<double>(s.maxSide) / std::max(image.cols, image.rows);
        cv::resize(input, image, cv::Size(), f, f, cv::INTER_AREA);
    }
    if (image.channels() == 4) cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);

    CaptureResult r;
    r.className = className;
    r.sharpness = sharpnessOf(image);
    r.blurred = r.sharpness < s.blurThreshold;
    const cv::Mat thumb = thumbnail(image);
    std::unique_lock lock(mutex_);
    if (auto it = lastThumb_.find(className); it != lastThumb_.end()) {
        cv::Mat diff;
        cv::absdiff(thumb, it->second, diff);
        r.difference = cv::mean(diff)[0];
        if (r.difference <= s.duplicateThreshold) {
            r.count = counts_[className];
            return r;
        }
    }
    const fs::path dir = fs::u8path(classRootLocked()) / fs::u8path(className);
    fs::path file;
    std::error_code ec;
    do file = dir / (stamp(++sequence_) + "." + s.extension);
    while (fs::exists(file, ec));
    lock.unlock();

    std::vector<uchar> bytes;
    try {
        if (!cv::imencode("." + s.extension, image, bytes))
            throw FileError(msg("capture.encode_failed", "{file}: cannot encode the frame", {{"file", file.string()}}));
    } catch (const cv::Exception& e) {
        throw FileError(msg("capture.encode_error", "{file}: cannot encode the frame ({reason})",
                            {{"file", file.string()}, {"reason", e.what()}}));
    }
    writeFileAtomically(file.string(), std::string(bytes.begin(), bytes.end()));

    lock.lock();
    lastThumb_[className] = thumb;
    r.saved = true;
    r.path = file.string();
    r.count = ++counts_[className];
    return r;
}

}  // namespace cs
