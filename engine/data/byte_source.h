#pragma once
// Sequential reading of a file that may be gzip-compressed, so container loaders (IDX, CIFAR)
// read straight into their final buffers instead of a whole-file copy. Gzip is inflated as a
// stream, only as far as the caller reads, so a header's promise can be checked against a
// ceiling before anything is inflated or allocated; finish() checks the gzip trailer (CRC-32
// and length) and that nothing follows the data.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace cs {

class ByteSource {
public:
    // Throws FileError naming the path when it is missing, not a regular file (a folder, a FIFO,
    // a device: checked before opening, so a FIFO cannot block) or cannot be opened.
    explicit ByteSource(const std::string& path);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    const std::string& path() const { return path_; }
    bool compressed() const { return compressed_; }
    uint64_t fileSize() const { return fileSize_; }
    uint64_t consumed() const { return consumed_; }  // decompressed bytes read so far

    // The most decompressed bytes that can still follow. Exact for plain files; for gzip an upper
    // bound from deflate's best ratio (1032:1), which is enough to refuse a header that claims
    // gigabytes from a small file before anything that large is allocated.
    uint64_t maxRemaining() const;

    // Reads up to n bytes; fewer only at the end of the data. Throws FileError on a corrupt stream
    // (including a wrong gzip CRC or length).
    std::size_t read(void* dst, std::size_t n);
    // Reads exactly n bytes or throws FileError "<path>: truncated <what>: expected N bytes, got M".
    void readExact(void* dst, std::size_t n, const std::string& what);
    // Call after the last expected byte: throws FileError when data continues (`expected` names
    // what the header announced, for the message), when the gzip trailer is cut short or wrong,
    // or when anything but another gzip member follows the compressed stream.
    void finish(const std::string& expected);

private:
    std::size_t readPlain(char* out, std::size_t n);
    std::size_t inflateSome(char* out, std::size_t n);
    bool refill();  // false at the end of the file

    std::string path_;
    std::FILE* file_ = nullptr;
    struct Inflater;
    std::unique_ptr<Inflater> z_;  // zlib's stream, kept opaque so zlib stays a private dependency
    std::vector<unsigned char> in_;
    bool compressed_ = false;
    bool streamEnded_ = false;  // the current gzip member's trailer has been read and checked
    uint64_t fileSize_ = 0;
    uint64_t consumed_ = 0;
    uint64_t rawRead_ = 0;  // bytes read from the file
};

}  // namespace cs
