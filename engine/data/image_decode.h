#pragma once
// Reading one image file into a fixed-size uint8 HWC buffer, with a reason instead of an
// exception when it cannot be read, so a loader can skip it and report it by path.
#include <cstdint>
#include <string>

namespace cs {

struct ImageInfo {
    int height = 0;
    int width = 0;
    int channels = 0;  // 1 for gray files, 3 for colour (alpha is dropped)
};

// Decodes `path` to see its size and kind. Returns false with `error` set when it cannot.
bool probeImageFile(const std::string& path, ImageInfo& info, std::string& error);

// Decodes `path`, converts to `channels` (1 gray, 3 RGB) and resizes to height x width
// (INTER_AREA) into `out` (height*width*channels bytes). Returns false with `error` set
// ("is a directory", "cannot be opened: Permission denied", "not a decodable image", ...).
bool decodeImageFile(const std::string& path, int height, int width, int channels, uint8_t* out, std::string& error);

}  // namespace cs
