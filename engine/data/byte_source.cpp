#include "data/byte_source.h"

#include <zlib.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

#include "core/errors.h"

namespace cs {

namespace fs = std::filesystem;

ByteSource::ByteSource(const std::string& path) : path_(path) {
    std::error_code ec;
    const fs::path p(path);
    if (!fs::exists(p, ec)) throw FileError(path + ": file does not exist");
    if (fs::is_directory(p, ec)) throw FileError(path + ": is a directory, expected a file");
    fileSize_ = fs::file_size(p, ec);
    if (ec) throw FileError(path + ": cannot read its size (" + ec.message() + ")");
    errno = 0;
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f)
        throw FileError(path + ": cannot be opened (" +
                        (errno ? std::string(std::strerror(errno)) : std::string("zlib error")) + ")");
    gzbuffer(f, 1 << 17);
    gz_ = f;
    // Right after gzopen, gzdirect() reads the first bytes to tell gzip from plain data.
    compressed_ = gzdirect(f) == 0;
}

ByteSource::~ByteSource() {
    if (gz_) gzclose(static_cast<gzFile>(gz_));
}

uint64_t ByteSource::maxRemaining() const {
    if (!compressed_) return fileSize_ > consumed_ ? fileSize_ - consumed_ : 0;
    const uint64_t bound = fileSize_ * 1032 + 1024;
    return bound > consumed_ ? bound - consumed_ : 0;
}

std::size_t ByteSource::read(void* dst, std::size_t n) {
    auto* out = static_cast<char*>(dst);
    std::size_t total = 0;
    while (total < n) {
        const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n - total, 1u << 30));
        const int got = gzread(static_cast<gzFile>(gz_), out + total, chunk);
        if (got < 0) {
            int code = 0;
            const char* msg = gzerror(static_cast<gzFile>(gz_), &code);
            // A gzip stream cut short is a truncated file: let the caller report the byte counts.
            if (code == Z_BUF_ERROR) break;
            throw FileError(path_ + ": corrupt data after " + std::to_string(consumed_ + total) + " bytes (" +
                            (msg ? msg : "zlib error") + ")");
        }
        if (got == 0) break;
        total += static_cast<std::size_t>(got);
    }
    consumed_ += total;
    return total;
}

void ByteSource::readExact(void* dst, std::size_t n, const std::string& what) {
    const uint64_t before = consumed_;
    const std::size_t got = read(dst, n);
    if (got != n)
        throw FileError(path_ + ": truncated " + what + ": expected " + std::to_string(n) + " bytes at offset " +
                        std::to_string(before) + ", got " + std::to_string(got));
}

}  // namespace cs
