#include "data/image_header.h"

#include <cstring>

namespace cs {

namespace {

uint32_t be16(const uint8_t* p) { return (uint32_t(p[0]) << 8) | p[1]; }
uint32_t be32(const uint8_t* p) { return (be16(p) << 16) | be16(p + 2); }
uint32_t le16(const uint8_t* p) { return (uint32_t(p[1]) << 8) | p[0]; }
uint32_t le24(const uint8_t* p) { return (uint32_t(p[2]) << 16) | le16(p); }
uint32_t le32(const uint8_t* p) { return (uint32_t(p[3]) << 24) | le24(p); }

bool png(const uint8_t* d, std::size_t n, ImageHeader& h, std::string& error) {
    // Signature, then the IHDR chunk first: length 13, "IHDR", width, height.
    if (n < 24 || std::memcmp(d + 12, "IHDR", 4) != 0) {
        error = "PNG without an IHDR header";
        return false;
    }
    h.width = be32(d + 16);
    h.height = be32(d + 20);
    return true;
}

bool jpeg(const uint8_t* d, std::size_t n, ImageHeader& h, std::string& error) {
    // Walks the marker segments up to the first frame header (SOF0..SOF15 but DHT, JPG, DAC).
    std::size_t at = 2;
    while (at + 4 <= n) {
        if (d[at] != 0xFF) break;
        const uint8_t marker = d[at + 1];
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length field
            at += 2;
            continue;
        }
        const std::size_t length = be16(d + at + 2);
        if (length < 2) break;
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            if (at + 9 > n) break;
            h.height = be16(d + at + 5);
            h.width = be16(d + at + 7);
            return true;
        }
        if (marker == 0xDA || marker == 0xD9) break;  // scan data or end before any frame header
        at += 2 + length;
    }
    error = "JPEG without a readable frame header";
    return false;
}

bool bmp(const uint8_t* d, std::size_t n, ImageHeader& h, std::string& error) {
    if (n < 26) {
        error = "BMP header cut short";
        return false;
    }
    const uint32_t infoSize = le32(d + 14);
    if (infoSize == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit sizes
        h.width = le16(d + 18);
        h.height = le16(d + 20);
        return true;
    }
    if (infoSize < 40 || n < 26) {
        error = "BMP with an unknown header of " + std::to_string(infoSize) + " bytes";
        return false;
    }
    // Signed: a negative height means top-down rows.
    h.width = static_cast<int32_t>(le32(d + 18));
    const int64_t height = static_cast<int32_t>(le32(d + 22));
    h.height = height < 0 ? -height : height;
    return true;
}

bool webp(const uint8_t* d, std::size_t n, ImageHeader& h, std::string& error) {
    if (n >= 30 && std::memcmp(d + 12, "VP8 ", 4) == 0 && d[23] == 0x9D && d[24] == 0x01 && d[25] == 0x2A) {
        h.width = le16(d + 26) & 0x3FFF;
        h.height = le16(d + 28) & 0x3FFF;
        return true;
    }
    if (n >= 25 && std::memcmp(d + 12, "VP8L", 4) == 0 && d[20] == 0x2F) {
        const uint32_t bits = le32(d + 21);
        h.width = (bits & 0x3FFF) + 1;
        h.height = ((bits >> 14) & 0x3FFF) + 1;
        return true;
    }
    if (n >= 30 && std::memcmp(d + 12, "VP8X", 4) == 0) {
        h.width = int64_t(le24(d + 24)) + 1;
        h.height = int64_t(le24(d + 27)) + 1;
        return true;
    }
    error = "WebP without a readable VP8, VP8L or VP8X header";
    return false;
}

}  // namespace

bool readImageHeader(const uint8_t* d, std::size_t n, ImageHeader& h, std::string& error) {
    static const uint8_t kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 8 && std::memcmp(d, kPng, 8) == 0) {
        h.format = "PNG";
        return png(d, n, h, error);
    }
    if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        h.format = "JPEG";
        return jpeg(d, n, h, error);
    }
    if (n >= 2 && d[0] == 'B' && d[1] == 'M') {
        h.format = "BMP";
        return bmp(d, n, h, error);
    }
    if (n >= 12 && std::memcmp(d, "RIFF", 4) == 0 && std::memcmp(d + 8, "WEBP", 4) == 0) {
        h.format = "WebP";
        return webp(d, n, h, error);
    }
    error = "not a PNG, JPEG, BMP or WebP file";
    return false;
}

}  // namespace cs
