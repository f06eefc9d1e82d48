#pragma once
// The size of an image read from its file header alone, before any decoder runs, so a loader can
// refuse a 100,000 x 100,000 PNG (or a bomb in any format) before it allocates anything. OpenCV
// picks its decoder by content, not by name, so only the formats the loaders accept (PNG, JPEG,
// BMP, WebP) are recognised; anything else is refused here rather than handed to some other codec.
#include <cstddef>
#include <cstdint>
#include <string>

namespace cs {

struct ImageHeader {
    const char* format = "";  // "PNG", "JPEG", "BMP", "WebP"
    int64_t width = 0;
    int64_t height = 0;
};

// Reads the format and size from the first bytes of a file. Returns false with `error` set
// ("not a PNG, JPEG, BMP or WebP file", "JPEG without a frame header", ...) when it cannot.
bool readImageHeader(const uint8_t* data, std::size_t size, ImageHeader& header, std::string& error);

}  // namespace cs
