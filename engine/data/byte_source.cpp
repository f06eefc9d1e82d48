#include "data/byte_source.h"

#include <sys/stat.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "core/errors.h"

namespace cs {

struct ByteSource::Inflater {
    z_stream stream{};
};

namespace {

constexpr std::size_t kInputChunk = 1 << 17;

std::string fileKind(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

}  // namespace

ByteSource::ByteSource(const std::string& path) : path_(path), in_(kInputChunk) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) throw FileError(msg("file.missing", "{file}: file does not exist", {{"file", path}}));
        throw FileError(msg("file.unreadable", "{file}: cannot be read ({reason})",
                            {{"file", path}, {"reason", std::strerror(errno)}}));
    }
    if (!S_ISREG(st.st_mode))
        throw FileError(msg("file.not_regular", "{file}: is {kind}, expected a regular file",
                            {{"file", path}, {"kind", fileKind(st.st_mode)}}));
    fileSize_ = static_cast<uint64_t>(st.st_size);
    errno = 0;
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_)
        throw FileError(msg("file.unreadable", "{file}: cannot be read ({reason})",
                            {{"file", path}, {"reason", errno ? std::strerror(errno) : "open failed"}}));
    unsigned char magic[2] = {0, 0};
    const std::size_t got = std::fread(magic, 1, 2, file_);
    compressed_ = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if (!compressed_) {
        std::rewind(file_);
        return;
    }
    z_ = std::make_unique<Inflater>();
    // 15 + 16: gzip wrapper only; zlib checks the trailer's CRC-32 and length itself.
    if (inflateInit2(&z_->stream, 15 + 16) != Z_OK) {
        z_.reset();
        std::fclose(file_);
        throw FileError(msg("file.unreadable", "{file}: cannot be read ({reason})",
                            {{"file", path}, {"reason", "zlib could not start"}}));
    }
    in_[0] = magic[0];
    in_[1] = magic[1];
    z_->stream.next_in = in_.data();
    z_->stream.avail_in = 2;
    rawRead_ = 2;
}

ByteSource::~ByteSource() {
    if (z_) inflateEnd(&z_->stream);
    if (file_) std::fclose(file_);
}

uint64_t ByteSource::maxRemaining() const {
    if (!compressed_) return fileSize_ > consumed_ ? fileSize_ - consumed_ : 0;
    const uint64_t bound = fileSize_ * 1032 + 1024;
    return bound > consumed_ ? bound - consumed_ : 0;
}

bool ByteSource::refill() {
    const std::size_t got = std::fread(in_.data(), 1, in_.size(), file_);
    if (got == 0 && std::ferror(file_))
        throw FileError(msg("file.read_failed", "{file}: reading failed after {bytes} bytes ({reason})",
                            {{"file", path_}, {"bytes", std::to_string(rawRead_)}, {"reason", std::strerror(errno)}}));
    rawRead_ += got;
    z_->stream.next_in = in_.data();
    z_->stream.avail_in = static_cast<uInt>(got);
    return got > 0;
}

std::size_t ByteSource::readPlain(char* out, std::size_t n) {
    std::size_t total = 0;
    while (total < n) {
        const std::size_t got = std::fread(out + total, 1, n - total, file_);
        if (got == 0) {
            if (std::ferror(file_))
                throw FileError(msg(
                    "file.read_failed", "{file}: reading failed after {bytes} bytes ({reason})",
                    {{"file", path_}, {"bytes", std::to_string(consumed_ + total)}, {"reason", std::strerror(errno)}}));
            break;
        }
        total += got;
    }
    return total;
}

// Inflates into out until n bytes, the end of the last gzip member, or the end of the file.
// A stream cut short returns fewer bytes (the caller reports the counts); finish() tells a
// complete stream from a truncated one.
std::size_t ByteSource::inflateSome(char* out, std::size_t n) {
    z_stream& s = z_->stream;
    std::size_t total = 0;
    while (total < n) {
        if (streamEnded_) {
            // Another gzip member may follow (concatenated .gz files are valid gzip).
            if (s.avail_in == 0 && !refill()) break;
            if (s.next_in[0] != 0x1f) break;  // not a member: finish() reports it
            inflateReset(&s);
            streamEnded_ = false;
        }
        if (s.avail_in == 0 && !refill()) break;
        const std::size_t want = std::min<std::size_t>(n - total, 1u << 30);
        s.next_out = reinterpret_cast<Bytef*>(out + total);
        s.avail_out = static_cast<uInt>(want);
        const int rc = inflate(&s, Z_NO_FLUSH);
        total += want - s.avail_out;
        if (rc == Z_STREAM_END) {
            streamEnded_ = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            throw FileError(msg("file.corrupt_gzip", "{file}: corrupt gzip data after {bytes} bytes ({reason})",
                                {{"file", path_},
                                 {"bytes", std::to_string(consumed_ + total)},
                                 {"reason", s.msg ? s.msg : "zlib error"}}));
        }
    }
    return total;
}

std::size_t ByteSource::read(void* dst, std::size_t n) {
    auto* out = static_cast<char*>(dst);
    const std::size_t total = compressed_ ? inflateSome(out, n) : readPlain(out, n);
    consumed_ += total;
    return total;
}

void ByteSource::readExact(void* dst, std::size_t n, const std::string& what) {
    const uint64_t before = consumed_;
    const std::size_t got = read(dst, n);
    if (got != n)
        throw FileError(msg("file.truncated",
                            "{file}: truncated {what}: expected {expected} bytes at offset {offset}, got {got}",
                            {{"file", path_},
                             {"what", what},
                             {"expected", std::to_string(n)},
                             {"offset", std::to_string(before)},
                             {"got", std::to_string(got)}}));
}

void ByteSource::finish(const std::string& expected) {
    char extra;
    if (read(&extra, 1) != 0)
        throw FileError(msg("file.trailing_data", "{file}: data continues after the {expected} its header announces",
                            {{"file", path_}, {"expected", expected}}));
    if (!compressed_) return;
    if (!streamEnded_)
        throw FileError(msg("file.gzip_truncated",
                            "{file}: the gzip stream is cut short (no complete trailer after {bytes} compressed bytes)",
                            {{"file", path_}, {"bytes", std::to_string(rawRead_)}}));
    if (z_->stream.avail_in > 0 || std::fgetc(file_) != EOF)
        throw FileError(msg("file.gzip_trailing_garbage",
                            "{file}: bytes that are not gzip data follow the compressed stream", {{"file", path_}}));
}

}  // namespace cs
