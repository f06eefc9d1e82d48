#include "data/dataset_export.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/errors.h"

namespace cs {

namespace fs = std::filesystem;

std::string folderNameForClass(const std::string& className) {
    std::string name = className.empty() ? std::string("_") : className;
    for (char& ch : name) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '/' || ch == '\\' || u < 0x20 || ch == ':') ch = '_';
    }
    if (name[0] == '.') name[0] = '_';
    return name;
}

void writePng(const std::string& path, const uint8_t* hwc, int height, int width, int channels) {
    cv::Mat img(height, width, CV_8UC(channels), const_cast<uint8_t*>(hwc));
    cv::Mat bgr;
    if (channels == 3)
        cv::cvtColor(img, bgr, cv::COLOR_RGB2BGR);
    else
        bgr = img;
    bool ok = false;
    try {
        ok = cv::imwrite(path, bgr);
    } catch (const cv::Exception& e) {
        throw FileError(msg("file.not_written_reason", "{file}: cannot be written ({reason})",
                            {{"file", path}, {"reason", e.what()}}));
    }
    if (!ok) throw FileError(msg("file.not_written", "{file}: cannot be written", {{"file", path}}));
}

std::size_t exportImageFolder(const Dataset& ds, const std::string& folder) {
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
        throw FileError(msg("folder.exists_not_folder", "{folder}: exists and is not a folder", {{"folder", folder}}));
    const int digits = static_cast<int>(std::to_string(std::max<std::size_t>(ds.size(), 1) - 1).size());
    std::vector<fs::path> classDirs;
    for (const auto& name : ds.classNames) {
        classDirs.push_back(fs::path(folder) / folderNameForClass(name));
        fs::create_directories(classDirs.back(), ec);
        if (ec)
            throw FileError(msg("folder.not_created", "{folder}: cannot create folder ({reason})",
                                {{"folder", classDirs.back().string()}, {"reason", ec.message()}}));
    }
    {
        const fs::path list = fs::path(folder) / kClassListFile;
        std::ofstream out(list);
        for (const auto& name : ds.classNames) out << name << "\n";
        if (!out) throw FileError(msg("file.not_written", "{file}: cannot be written", {{"file", list.string()}}));
    }
    for (std::size_t i = 0; i < ds.size(); ++i) {
        std::string index = std::to_string(i);
        index.insert(0, digits - index.size(), '0');
        const fs::path file = classDirs.at(ds.labels[i]) / (index + ".png");
        writePng(file.string(), ds.image(i), ds.height, ds.width, ds.channels);
    }
    return ds.size();
}

void writePngGrid(const std::string& path, const std::vector<std::vector<uint8_t>>& images, int height, int width,
                  int channels, int columns, int scale) {
    if (images.empty()) throw FileError(msg("contact_sheet.empty", "{file}: no images to lay out", {{"file", path}}));
    columns = std::clamp(columns, 1, static_cast<int>(images.size()));
    scale = std::clamp(scale, 1, 32);
    constexpr int kGap = 2;
    const int rows = static_cast<int>((images.size() + columns - 1) / columns);
    const int cellW = width * scale, cellH = height * scale;
    cv::Mat grid(rows * (cellH + kGap) + kGap, columns * (cellW + kGap) + kGap, CV_8UC(channels), cv::Scalar::all(128));
    for (std::size_t k = 0; k < images.size(); ++k) {
        cv::Mat img(height, width, CV_8UC(channels), const_cast<uint8_t*>(images[k].data()));
        const int r = static_cast<int>(k) / columns, c = static_cast<int>(k) % columns;
        cv::Mat cell = grid(cv::Rect(kGap + c * (cellW + kGap), kGap + r * (cellH + kGap), cellW, cellH));
        cv::resize(img, cell, cell.size(), 0, 0, cv::INTER_NEAREST);
    }
    writePng(path, grid.data, grid.rows, grid.cols, channels);
}

}  // namespace cs
