#include "data/data_source.h"

#include <filesystem>

#include "data/builtin_dataset.h"
#include "data/cifar_loader.h"
#include "data/idx_loader.h"
#include "data/image_folder_loader.h"

namespace cs {

namespace fs = std::filesystem;

namespace {

bool isBuiltinName(const std::string& path) { return path == "builtin" || path.rfind("builtin:", 0) == 0; }

// For "train-images-idx3-ubyte.gz" → "train-labels-idx1-ubyte.gz" (and the reverse).
std::string partnerIdxFile(const std::string& path, bool& givenImages) {
    const fs::path p(path);
    std::string name = p.filename().string();
    std::string partner = name;
    if (auto at = name.find("images"); at != std::string::npos) {
        givenImages = true;
        partner.replace(at, 6, "labels");
        if (auto d = partner.find("idx3"); d != std::string::npos) partner.replace(d, 4, "idx1");
    } else if (auto at2 = name.find("labels"); at2 != std::string::npos) {
        givenImages = false;
        partner.replace(at2, 6, "images");
        if (auto d = partner.find("idx1"); d != std::string::npos) partner.replace(d, 4, "idx3");
    } else {
        throw FileError(msg("idx.no_pair_name",
                            "{file}: an IDX file name must contain 'images' or 'labels' to find its pair",
                            {{"file", path}}));
    }
    return (p.parent_path() / partner).string();
}

}  // namespace

DataFormat dataFormatFromString(const std::string& name) {
    if (name == "auto") return DataFormat::Auto;
    if (name == "idx" || name == "mnist") return DataFormat::Idx;
    if (name == "folder" || name == "images") return DataFormat::ImageFolder;
    if (name == "cifar10" || name == "cifar") return DataFormat::Cifar10;
    if (name == "builtin") return DataFormat::Builtin;
    throw OptionError(msg("data.unknown_format",
                          "unknown data format '{format}' (known: auto, idx, folder, cifar10, builtin)",
                          {{"format", name}}));
}

std::string dataFormatName(DataFormat format) {
    switch (format) {
        case DataFormat::Auto:
            return "auto";
        case DataFormat::Idx:
            return "idx";
        case DataFormat::ImageFolder:
            return "folder";
        case DataFormat::Cifar10:
            return "cifar10";
        case DataFormat::Builtin:
            return "builtin";
    }
    return "auto";
}

DataFormat detectDataFormat(const std::string& path) {
    if (isBuiltinName(path)) return DataFormat::Builtin;
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw FileError(
            msg("data.missing", "{file}: does not exist (and is not 'builtin' or 'builtin:shapes')", {{"file", path}}));
    if (fs::is_directory(path, ec)) {
        if (looksLikeIdxFolder(path)) return DataFormat::Idx;
        if (looksLikeCifarFolder(path)) return DataFormat::Cifar10;
        return DataFormat::ImageFolder;
    }
    const std::string name = fs::path(path).filename().string();
    if (name.find("ubyte") != std::string::npos) return DataFormat::Idx;
    if (fs::path(path).extension() == ".bin") return DataFormat::Cifar10;
    throw FileError(msg("data.unknown_file",
                        "{file}: is a file of no known data format; give a folder (IDX files, "
                        "CIFAR-10 batches or one sub-folder per class), an IDX *-ubyte[.gz] "
                        "file, a CIFAR-10 .bin batch, or builtin:shapes",
                        {{"file", path}}));
}

DataSplits loadDataSource(const std::string& path, const LoadOptions& options) {
    const DataFormat format = options.format == DataFormat::Auto ? detectDataFormat(path) : options.format;
    std::error_code ec;
    const bool isFile = !isBuiltinName(path) && fs::is_regular_file(path, ec);
    switch (format) {
        case DataFormat::Builtin:
            return loadBuiltin(path, options);
        case DataFormat::ImageFolder:
            return loadImageFolder(path, options);
        case DataFormat::Idx:
            if (isFile) {
                bool givenImages = true;
                const std::string partner = partnerIdxFile(path, givenImages);
                DataSplits out;
                out.train = givenImages ? loadIdx(path, partner, options) : loadIdx(partner, path, options);
                return out;
            }
            return loadIdxFolder(path, options);
        case DataFormat::Cifar10:
            if (isFile) {
                DataSplits out;
                out.train = loadCifar10Batch(path, cifar10ClassNames(), options);
                return out;
            }
            return loadCifar10Folder(path, options);
        case DataFormat::Auto:
            break;
    }
    throw FileError(msg("data.no_loader", "{file}: no loader for this format", {{"file", path}}));
}

}  // namespace cs
