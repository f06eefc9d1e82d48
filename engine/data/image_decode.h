#pragma once
// Reading one image file into a fixed-size uint8 HWC buffer, with a reason instead of an
// exception when it cannot be read, so a loader can skip it and report it by path. Limits are
// checked before the work they guard: the file's type and size before it is opened or read, the
// image's size (from its header) before it is decoded.
#include <cstdint>
#include <string>

namespace cs {

struct ImageInfo {
    int height = 0;
    int width = 0;
    int channels = 0;  // 1 for gray files, 3 for colour (alpha is dropped)
};

struct ImageLimits {
    uint64_t maxFileBytes = uint64_t{256} << 20;
    uint64_t maxPixels = uint64_t{64} << 20;  // width x height, from the header
};

// Decodes `path` to see its size and kind. Returns false with `error` set when it cannot.
bool probeImageFile(const std::string& path, ImageInfo& info, std::string& error, const ImageLimits& limits = {});

// Decodes `path`, converts to `channels` (1 gray, 3 RGB) and resizes to height x width
// (INTER_AREA) into `out` (height*width*channels bytes). Returns false with `error` set
// ("is a folder, not an image file", "is a named pipe (FIFO), not an image file",
// "cannot be opened: Permission denied", "is 8589934592 bytes, more than the limit ...",
// "is a PNG of 100000x100000 pixels, more than the limit ...", "not a decodable image", ...).
bool decodeImageFile(const std::string& path, int height, int width, int channels, uint8_t* out, std::string& error,
                     const ImageLimits& limits = {});

}  // namespace cs
