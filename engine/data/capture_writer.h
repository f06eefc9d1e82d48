#pragma once
// Teaching by showing: frames saved as image files into an image-folder dataset
// (root/<class>/*.png, or root/train/<class>/ when the folder has a train/val/test level), so
// loadImageFolder() trains on them. Files are written atomically; a frame nearly identical to
// the last one saved into the same class is skipped; blurred frames are flagged (variance of
// the Laplacian, normalised by contrast). Thread-safe: one worker can save while the GUI reads the counts.
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/message.h"

namespace cs {

struct CaptureSettings {
    // Mean absolute difference (0..255) of 32x32 gray thumbnails at or below which a frame is
    // a near-duplicate of the class's last saved frame. Each thumbnail pixel averages hundreds
    // of camera pixels, so a still scene's sensor noise stays near 0.2; a hand that moved a
    // little gives several units.
    double duplicateThreshold = 0.6;
    // sharpnessOf() below which a frame is called blurred (sharp frames score about 0.2 and
    // up, a 3-pixel Gaussian blur or a 15-pixel motion blur about 0.01-0.05).
    double blurThreshold = 0.1;
    int maxSide = 256;  // larger images are scaled down before saving (0: keep)
    std::string extension = "png";
};

struct CaptureResult {
    bool saved = false;  // false: skipped as a near-duplicate
    std::string path;    // the file written
    std::string className;
    double sharpness = 0;  // sharpnessOf() the saved image
    bool blurred = false;
    double difference = -1;  // to the class's last saved frame (-1: nothing to compare with)
    int count = 0;           // images in the class afterwards
};

class CaptureWriter {
public:
    // Nothing is created until a class is added or a frame saved.
    explicit CaptureWriter(std::string root, CaptureSettings settings = {});

    const std::string& root() const { return root_; }
    // The folder holding the class folders: root, or root/train in a split layout.
    std::string classRoot() const;
    CaptureSettings settings() const;
    void setSettings(const CaptureSettings& settings);

    // Class folders in natural order.
    std::vector<std::string> classes() const;
    // Image files per class, as last counted (rescan() re-reads the folders).
    std::map<std::string, int> counts() const;
    int count(const std::string& className) const;
    void rescan();

    // Creates the class folder (no-op if it exists). Throws Error when the name cannot be a
    // class folder (empty, path characters, a train/val/test name, ...).
    void addClass(const std::string& className);
    // Saves `image` (8-bit gray, BGR or BGRA) into the class, creating its folder. Throws
    // Error for a bad class name or image, FileError when the file cannot be written.
    CaptureResult save(const std::string& className, const cv::Mat& image);
    // The next frame of each class is saved without the near-duplicate comparison.
    void forgetLastFrames();

    // Why `name` cannot be a class folder; empty when it can. The message form (empty text when
    // the name is fine) lets the studio show it translated.
    static std::string classNameProblem(const std::string& name);
    static Message classNameMessage(const std::string& name);

private:
    std::string classRootLocked() const;

    mutable std::mutex mutex_;
    std::string root_;
    CaptureSettings settings_;
    std::map<std::string, int> counts_;
    std::map<std::string, cv::Mat> lastThumb_;  // per class: 32x32 float gray of the last save
    unsigned sequence_ = 0;
};

// Blur measure from the variance of the Laplacian: the gray image is scaled so its longer side
// is at most 256 px and cut into 4x4 tiles; each tile's Laplacian variance is divided by its
// gray-level variance (contrast-independent) and the best tile counts. Low values mean blurred.
double sharpnessOf(const cv::Mat& image);
// Mean absolute difference (0..255) of two images' 32x32 gray thumbnails.
double thumbnailDifference(const cv::Mat& a, const cv::Mat& b);

}  // namespace cs
