#include "fuzz_targets.h"

#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "data/augment_cli.h"
#include "data/cifar_loader.h"
#include "data/idx_loader.h"
#include "data/image_folder_loader.h"
#include "graph/graph_check.h"
#include "io/model_file.h"
#include "io/onnx_import.h"
#include "layers/layer_registry.h"

namespace cs::fuzz {

namespace {

namespace fs = std::filesystem;

// A folder of its own for this process, made once (parallel fuzzers do not share files).
const fs::path& scratchFolder() {
    static const fs::path folder = [] {
        auto p = fs::temp_directory_path() / ("convstudio-fuzz-" + std::to_string(::getpid()));
        fs::remove_all(p);
        fs::create_directories(p);
        return p;
    }();
    return folder;
}

void writeBytes(const fs::path& path, const uint8_t* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

std::string text(const uint8_t* data, std::size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// libFuzzer's default memory limit is 2 GB: the readers' own ceilings, made smaller, keep every
// accepted input well below it (the defaults are tested by the readers' own tests).
LoadOptions smallLimits() {
    LoadOptions options;
    options.threads = 1;
    options.maxDecodedBytes = 64u << 20;
    options.maxImageFileBytes = 16u << 20;
    options.maxImagePixels = 4u << 20;
    return options;
}

}  // namespace

void idxInput(const uint8_t* data, std::size_t size) {
    if (size < 1) return;
    const std::size_t rest = size - 1;
    const std::size_t split = rest * data[0] / 255;
    const auto images = scratchFolder() / "train-images-idx3-ubyte";
    const auto labels = scratchFolder() / "train-labels-idx1-ubyte";
    writeBytes(images, data + 1, split);
    writeBytes(labels, data + 1 + split, rest - split);
    try {
        loadIdx(images.string(), labels.string(), smallLimits());
    } catch (const Error&) {
    }
}

void cifarInput(const uint8_t* data, std::size_t size) {
    const auto batch = scratchFolder() / "data_batch_1.bin";
    writeBytes(batch, data, size);
    try {
        loadCifar10Batch(batch.string(), cifar10ClassNames(), smallLimits());
    } catch (const Error&) {
    }
}

void imageFolderInput(const uint8_t* data, std::size_t size) {
    const auto root = scratchFolder() / "images";
    for (const char* cls : {"cat", "dog"}) {
        fs::create_directories(root / cls);
        writeBytes(root / cls / "a.png", data, size);
    }
    try {
        loadImageFolder(root.string(), smallLimits());
    } catch (const Error&) {
    }
}

void modelFileInput(const uint8_t* data, std::size_t size) {
    // The file ends in a CRC-32 of everything before it: recomputed here, or nearly every
    // mutation would stop at the checksum and the fuzzer would never reach the JSON.
    std::string bytes = text(data, size);
    if (bytes.size() >= 24) {
        const uint32_t crc = static_cast<uint32_t>(
            crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(size - 4)));
        std::memcpy(bytes.data() + size - 4, &crc, 4);
    }
    try {
        const ModelFile file = parseModelFile(bytes);
        checkGraph(file.graph, LayerRegistry::builtin());
    } catch (const Error&) {
    }
}

void onnxInput(const uint8_t* data, std::size_t size) {
    try {
        importOnnx(text(data, size));
    } catch (const Error&) {
    }
}

void augmentSpecInput(const uint8_t* data, std::size_t size) {
    AugmentOptions options;
    try {
        options = parseAugmentSpec(text(data, size));
    } catch (const Error&) {
        return;
    }
    const std::string printed = toAugmentSpec(options);
    if (toAugmentSpec(parseAugmentSpec(printed)) != printed) std::abort();
}

const std::vector<Target>& targets() {
    static const std::vector<Target> all{
        {"fuzz_idx", idxInput},
        {"fuzz_cifar", cifarInput},
        {"fuzz_image_folder", imageFolderInput},
        {"fuzz_model_file", modelFileInput},
        {"fuzz_onnx_import", onnxInput},
        {"fuzz_augment_spec", augmentSpecInput},
    };
    return all;
}

}  // namespace cs::fuzz
