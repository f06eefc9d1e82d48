#pragma once
// Sequential reading of a file that may be gzip-compressed (zlib detects it), so container
// loaders (IDX, CIFAR) read straight into their final buffers instead of a whole-file copy.
#include <cstddef>
#include <cstdint>
#include <string>

namespace cs {

class ByteSource {
public:
    // Throws FileError naming the path when it is missing, a directory or cannot be opened.
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

    // Reads up to n bytes; fewer only at the end of the data. Throws FileError on a corrupt stream.
    std::size_t read(void* dst, std::size_t n);
    // Reads exactly n bytes or throws FileError "<path>: truncated <what>: expected N bytes, got M".
    void readExact(void* dst, std::size_t n, const std::string& what);

private:
    std::string path_;
    void* gz_ = nullptr;  // gzFile, kept opaque so zlib stays a private dependency
    bool compressed_ = false;
    uint64_t fileSize_ = 0;
    uint64_t consumed_ = 0;
};

}  // namespace cs
