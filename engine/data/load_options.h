#pragma once
// How a data source is loaded: its format (detected from the path unless forced), the image size
// image folders are resized to, progress reporting and cancellation.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "core/errors.h"

namespace cs {

enum class DataFormat { Auto, Idx, ImageFolder, Cifar10, Builtin };

// "auto", "idx", "folder", "cifar10", "builtin" (throws OptionError listing these otherwise).
DataFormat dataFormatFromString(const std::string& name);
std::string dataFormatName(DataFormat format);

struct LoadOptions {
    DataFormat format = DataFormat::Auto;
    // Image folders and the built-in set: every image is resized to height x width and converted
    // to `channels` once, at load time. 0 = take it from the first readable image (built-in: 28
    // and 1). Container formats (IDX, CIFAR) keep their own size; batches convert on the fly.
    int height = 0;
    int width = 0;
    int channels = 0;
    int threads = 2;  // image decoding threads
    // Ceilings checked before anything is allocated or decoded. Containers (IDX, CIFAR, gzip or
    // not): decoded bytes of one file. Image folders: bytes of one image file and pixels of one
    // decoded image (from its header).
    uint64_t maxDecodedBytes = uint64_t{4} << 30;
    uint64_t maxImageFileBytes = uint64_t{256} << 20;
    uint64_t maxImagePixels = uint64_t{64} << 20;
    // Called on the calling thread, a few times a second and once at the end: (done, total).
    std::function<void(std::size_t, std::size_t)> progress;
    // When it becomes true, loading stops soon and throws LoadCancelled.
    const std::atomic<bool>* cancel = nullptr;
    // The built-in procedural set.
    int builtinTrainCount = 6000;
    int builtinTestCount = 1000;
    uint64_t builtinSeed = 1;
};

// Thrown when LoadOptions::cancel was set during loading.
class LoadCancelled : public Error {
public:
    LoadCancelled() : Error(msg("load.cancelled", "loading cancelled")) {}
};

}  // namespace cs
