#include "data/idx_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include "core/errors.h"
#include "data/byte_source.h"

namespace cs {

namespace fs = std::filesystem;

namespace {

constexpr uint8_t kUnsignedByte = 0x08;
constexpr uint32_t kMaxSide = 4096;
constexpr uint32_t kMaxItems = 1u << 30;  // far above any real set, below what overflows int math

uint32_t bigEndian(const uint8_t* b) {
    return (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | uint32_t(b[3]);
}

std::string hex(uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", v);
    return buf;
}

// Reads the magic number and dimension sizes; checks type and rank.
std::vector<uint32_t> readHeader(ByteSource& in, int minRank, int maxRank, const char* what) {
    uint8_t magic[4];
    in.readExact(magic, 4, "header");
    const uint32_t value = bigEndian(magic);
    const int rank = magic[3];
    if (magic[0] != 0 || magic[1] != 0 || magic[2] != kUnsignedByte || rank < minRank || rank > maxRank) {
        std::vector<MessageArg> args{
            {"file", in.path()},
            {"magic", hex(value)},
            {"expected", hex(0x0800u + minRank) + (maxRank > minRank ? " / " + hex(0x0800u + maxRank) : std::string())},
            {"rank", std::to_string(minRank)}};
        if (std::string(what) == "images")
            throw FileError(msg("idx.bad_magic_images",
                                "{file}: not an IDX images file: magic number {magic}, expected {expected} "
                                "(unsigned bytes, {rank} dimensions)",
                                std::move(args)));
        throw FileError(msg("idx.bad_magic_labels",
                            "{file}: not an IDX labels file: magic number {magic}, expected {expected} "
                            "(unsigned bytes, {rank} dimensions)",
                            std::move(args)));
    }
    std::vector<uint32_t> dims(rank);
    for (int d = 0; d < rank; ++d) {
        uint8_t b[4];
        in.readExact(b, 4, "header");
        dims[d] = bigEndian(b);
    }
    return dims;
}

// Refuses a payload the file cannot hold, or larger than the ceiling, before anything that large
// is allocated or inflated.
void checkFits(const ByteSource& in, uint64_t need, const std::string& claim, uint64_t ceiling) {
    const uint64_t available = in.maxRemaining();
    if (need > available) {
        std::vector<MessageArg> args{{"file", in.path()},
                                     {"claim", claim},
                                     {"bytes", std::to_string(need)},
                                     {"compressed", std::to_string(in.fileSize())},
                                     {"available", std::to_string(available)}};
        if (in.compressed())
            throw FileError(msg("idx.claim_exceeds_gzip",
                                "{file}: header claims {claim} = {bytes} bytes, but the file ({compressed} bytes "
                                "compressed) can hold at most {available} bytes after the header",
                                std::move(args)));
        throw FileError(msg("idx.claim_exceeds_file",
                            "{file}: header claims {claim} = {bytes} bytes, but the file holds only {available} "
                            "bytes after the header",
                            std::move(args)));
    }
    if (need > ceiling)
        throw FileError(msg("idx.too_large",
                            "{file}: header claims {claim} = {bytes} bytes, more than the limit of {limit} bytes",
                            {{"file", in.path()},
                             {"claim", claim},
                             {"bytes", std::to_string(need)},
                             {"limit", std::to_string(ceiling)}}));
}

bool containsFashion(const fs::path& folder) {
    std::string name = fs::absolute(folder).lexically_normal().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name.find("fashion") != std::string::npos;
}

// The file in `folder` whose name starts with `prefix` (e.g. "train-images"), preferring the
// plain file over .gz when both exist. Empty when there is none.
std::string findFile(const fs::path& folder, const std::string& prefix) {
    std::vector<std::string> hits;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && name.find("ubyte") != std::string::npos && !entry.is_directory(ec))
            hits.push_back(entry.path().string());
    }
    std::sort(hits.begin(), hits.end());  // "x-ubyte" sorts before "x-ubyte.gz"
    return hits.empty() ? std::string() : hits.front();
}

}  // namespace

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

Dataset loadIdx(const std::string& imagesPath, const std::string& labelsPath, const LoadOptions& options) {
    Dataset ds;
    {
        ByteSource in(imagesPath);
        const std::vector<uint32_t> dims = readHeader(in, 3, 4, "images");
        const uint32_t count = dims[0], height = dims[1], width = dims[2];
        const uint32_t channels = dims.size() == 4 ? dims[3] : 1;
        if (count > kMaxItems)
            throw FileError(
                msg("idx.too_many_images", "{file}: header claims {count} images, more than the supported {max}",
                    {{"file", imagesPath}, {"count", std::to_string(count)}, {"max", std::to_string(kMaxItems)}}));
        if (height < 1 || height > kMaxSide || width < 1 || width > kMaxSide)
            throw FileError(
                msg("idx.bad_size", "{file}: image size {size} is outside 1..4096",
                    {{"file", imagesPath}, {"size", std::to_string(width) + "x" + std::to_string(height)}}));
        if (channels != 1 && channels != 3)
            throw FileError(msg("idx.bad_channels",
                                "{file}: {channels} channels per pixel; only 1 (gray) or 3 (RGB) are supported",
                                {{"file", imagesPath}, {"channels", std::to_string(channels)}}));
        const uint64_t need = uint64_t(count) * height * width * channels;
        const std::string claim = std::to_string(count) + " images of " + std::to_string(width) + "x" +
                                  std::to_string(height) + "x" + std::to_string(channels);
        checkFits(in, need, claim, options.maxDecodedBytes);
        ds.height = static_cast<int>(height);
        ds.width = static_cast<int>(width);
        ds.channels = static_cast<int>(channels);
        ds.pixels.resize(need);
        in.readExact(ds.pixels.data(), need, "image data");
        in.finish(claim);
        ds.sourceFile = imagesPath;
    }
    {
        ByteSource in(labelsPath);
        const std::vector<uint32_t> dims = readHeader(in, 1, 1, "labels");
        const uint32_t count = dims[0];
        const std::size_t images = ds.pixels.size() / ds.imageBytes();
        if (count != images)
            throw FileError(msg("idx.count_mismatch",
                                "{file}: holds {count} labels but {images_file} holds {images} images",
                                {{"file", labelsPath},
                                 {"count", std::to_string(count)},
                                 {"images_file", imagesPath},
                                 {"images", std::to_string(images)}}));
        checkFits(in, count, std::to_string(count) + " labels", options.maxDecodedBytes);
        std::vector<uint8_t> raw(count);
        in.readExact(raw.data(), count, "labels");
        in.finish(std::to_string(count) + " labels");
        ds.labels.assign(raw.begin(), raw.end());
    }
    const int maxLabel = ds.labels.empty() ? 0 : *std::max_element(ds.labels.begin(), ds.labels.end());
    const int classes = std::max(2, maxLabel + 1);
    for (int c = 0; c < classes; ++c) ds.classNames.push_back(std::to_string(c));
    return ds;
}

bool looksLikeIdxFolder(const std::string& folder) {
    std::error_code ec;
    return fs::is_directory(folder, ec) && !findFile(folder, "train-images").empty();
}

DataSplits loadIdxFolder(const std::string& folder, const LoadOptions& options) {
    std::error_code ec;
    if (!fs::exists(folder, ec))
        throw FileError(msg("folder.missing", "{folder}: folder does not exist", {{"folder", folder}}));
    if (!fs::is_directory(folder, ec))
        throw FileError(msg("folder.not_folder", "{folder}: is not a folder", {{"folder", folder}}));
    const std::string trainImages = findFile(folder, "train-images");
    const std::string trainLabels = findFile(folder, "train-labels");
    if (trainImages.empty() || trainLabels.empty())
        throw FileError(msg("idx.no_training_pair",
                            "{folder}: no IDX training pair (train-images-*-ubyte[.gz] and "
                            "train-labels-*-ubyte[.gz]) in this folder",
                            {{"folder", folder}}));
    DataSplits splits;
    splits.train = loadIdx(trainImages, trainLabels, options);
    const std::string testImages = findFile(folder, "t10k-images");
    const std::string testLabels = findFile(folder, "t10k-labels");
    if (!testImages.empty() && !testLabels.empty()) {
        splits.test = loadIdx(testImages, testLabels, options);
        if (splits.test.height != splits.train.height || splits.test.width != splits.train.width ||
            splits.test.channels != splits.train.channels)
            throw FileError(msg("idx.test_size_differs", "{file}: image size differs from {other}",
                                {{"file", testImages}, {"other", trainImages}}));
    } else if (!testImages.empty() || !testLabels.empty()) {
        splits.problems.push_back({folder, "t10k images or labels file missing; no test set loaded"});
    }

    // Both sets share one list of class names, long enough for either's labels.
    std::size_t classes = std::max(splits.train.classNames.size(), splits.test.classNames.size());
    std::vector<std::string> names;
    if (containsFashion(folder) && classes <= 10) {
        names = fashionMnistClassNames();
    } else {
        for (std::size_t c = 0; c < classes; ++c) names.push_back(std::to_string(c));
    }
    splits.train.classNames = names;
    if (!splits.test.labels.empty()) splits.test.classNames = names;
    return splits;
}

}  // namespace cs
