#include "data/cifar_loader.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "data/byte_source.h"
#include "data/image_folder_loader.h"

namespace cs {

namespace fs = std::filesystem;

namespace {

constexpr int kSide = 32;
constexpr std::size_t kPlane = kSide * kSide;
constexpr std::size_t kRecord = 1 + 3 * kPlane;

fs::path batchFolder(const fs::path& folder) {
    std::error_code ec;
    const fs::path inner = folder / "cifar-10-batches-bin";
    return fs::is_directory(inner, ec) ? inner : folder;
}

std::vector<std::string> trainBatches(const fs::path& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("data_batch_", 0) == 0 && name.find(".bin") != std::string::npos)
            files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end(), naturalLess);
    return files;
}

std::vector<std::string> readClassNames(const fs::path& dir, std::vector<LoadProblem>& problems) {
    const fs::path meta = dir / "batches.meta.txt";
    std::error_code ec;
    if (!fs::exists(meta, ec)) return cifar10ClassNames();
    if (!fs::is_regular_file(meta, ec)) {  // never opened: a FIFO would block
        problems.push_back({meta.string(), "is not a regular file; using CIFAR-10's class names"});
        return cifar10ClassNames();
    }
    std::ifstream in(meta);
    std::vector<std::string> names;
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) names.push_back(line);
    }
    if (names.empty()) {
        problems.push_back({meta.string(), "holds no class names; using CIFAR-10's"});
        return cifar10ClassNames();
    }
    return names;
}

void append(Dataset& into, Dataset&& part) {
    if (into.labels.empty()) {
        into.height = part.height;
        into.width = part.width;
        into.channels = part.channels;
        into.classNames = part.classNames;
        into.sourceFile = part.sourceFile;
    }
    into.pixels.insert(into.pixels.end(), part.pixels.begin(), part.pixels.end());
    into.labels.insert(into.labels.end(), part.labels.begin(), part.labels.end());
    into.sources.insert(into.sources.end(), part.sources.begin(), part.sources.end());
}

}  // namespace

const std::vector<std::string>& cifar10ClassNames() {
    static const std::vector<std::string> names{"airplane", "automobile", "bird",  "cat",  "deer",
                                                "dog",      "frog",       "horse", "ship", "truck"};
    return names;
}

bool looksLikeCifarFolder(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return false;
    const fs::path dir = batchFolder(folder);
    return !trainBatches(dir).empty() || fs::exists(dir / "test_batch.bin", ec);
}

Dataset loadCifar10Batch(const std::string& path, const std::vector<std::string>& classNames,
                         const LoadOptions& options) {
    ByteSource in(path);
    Dataset ds;
    ds.height = ds.width = kSide;
    ds.channels = 3;
    ds.classNames = classNames;
    ds.sourceFile = path;
    if (!in.compressed() && (in.fileSize() == 0 || in.fileSize() % kRecord != 0))
        throw FileError(
            msg("cifar.wrong_size", "{file}: {bytes} bytes is not a whole number of CIFAR-10 records of {record} bytes",
                {{"file", path}, {"bytes", std::to_string(in.fileSize())}, {"record", std::to_string(kRecord)}}));
    if (!in.compressed() && in.fileSize() > options.maxDecodedBytes)
        throw FileError(msg("cifar.too_large", "{file}: {bytes} bytes of data, more than the limit of {limit} bytes",
                            {{"file", path},
                             {"bytes", std::to_string(in.fileSize())},
                             {"limit", std::to_string(options.maxDecodedBytes)}}));
    if (!in.compressed()) {
        ds.pixels.reserve(in.fileSize() / kRecord * 3 * kPlane);
        ds.labels.reserve(in.fileSize() / kRecord);
    }
    std::vector<uint8_t> record(kRecord);
    std::size_t index = 0;
    for (;; ++index) {
        const std::size_t got = in.read(record.data(), kRecord);
        if (got == 0) break;
        if (in.consumed() > options.maxDecodedBytes)
            throw FileError(msg("cifar.too_large",
                                "{file}: {bytes} bytes of data, more than the limit of {limit} bytes",
                                {{"file", path},
                                 {"bytes", "over " + std::to_string(options.maxDecodedBytes)},
                                 {"limit", std::to_string(options.maxDecodedBytes)}}));
        if (got != kRecord)
            throw FileError(msg("cifar.truncated_record",
                                "{file}: truncated record {record}: expected {expected} bytes, got {got}",
                                {{"file", path},
                                 {"record", std::to_string(index)},
                                 {"expected", std::to_string(kRecord)},
                                 {"got", std::to_string(got)}}));
        if (record[0] >= classNames.size())
            throw FileError(msg("cifar.bad_label",
                                "{file}: record {record} has label {label}, but there are only {classes} classes",
                                {{"file", path},
                                 {"record", std::to_string(index)},
                                 {"label", std::to_string(record[0])},
                                 {"classes", std::to_string(classNames.size())}}));
        ds.labels.push_back(record[0]);
        const std::size_t at = ds.pixels.size();
        ds.pixels.resize(at + 3 * kPlane);
        uint8_t* hwc = ds.pixels.data() + at;
        for (std::size_t p = 0; p < kPlane; ++p)  // planar RGB -> interleaved RGB
            for (int c = 0; c < 3; ++c) hwc[p * 3 + c] = record[1 + c * kPlane + p];
    }
    if (ds.labels.empty()) throw FileError(msg("cifar.no_records", "{file}: holds no records", {{"file", path}}));
    in.finish(std::to_string(index) + " records");
    return ds;
}

DataSplits loadCifar10Folder(const std::string& folder, const LoadOptions& options) {
    std::error_code ec;
    if (!fs::exists(folder, ec))
        throw FileError(msg("folder.missing", "{folder}: folder does not exist", {{"folder", folder}}));
    const fs::path dir = batchFolder(folder);
    DataSplits out;
    const std::vector<std::string> names = readClassNames(dir, out.problems);
    const std::vector<std::string> batches = trainBatches(dir);
    if (batches.empty())
        throw FileError(msg("cifar.no_batches", "{folder}: no CIFAR-10 training batches (data_batch_*.bin) found",
                            {{"folder", folder}}));
    std::size_t records = 0;  // reserve once instead of regrowing 150 MB per file
    for (const auto& b : batches) {
        // Only plain regular files count (a FIFO's "size" is an error value, a .gz's is not
        // its record count); the reservation is a hint and never exceeds the ceiling.
        const auto size = fs::is_regular_file(b, ec) ? fs::file_size(b, ec) : 0;
        if (!ec && size <= options.maxDecodedBytes) records += size / kRecord;
    }
    out.train.pixels.reserve(records * 3 * kPlane);
    out.train.labels.reserve(records);
    for (const auto& b : batches) {
        Dataset part = loadCifar10Batch(b, names, options);
        // Several files: name every sample by its own file, since sourceFile holds one.
        if (batches.size() > 1)
            for (std::size_t i = 0; i < part.size(); ++i) part.sources.push_back(b + "#" + std::to_string(i));
        append(out.train, std::move(part));
    }
    if (batches.size() > 1) out.train.sourceFile = dir.string();
    const fs::path test = dir / "test_batch.bin";
    if (fs::exists(test, ec)) out.test = loadCifar10Batch(test.string(), names, options);
    return out;
}

}  // namespace cs
