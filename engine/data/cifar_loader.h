#pragma once
// CIFAR-10 binary batches: records of one label byte and 32x32 R, G, B planes.
#include <string>

#include "data/dataset.h"
#include "data/load_options.h"

namespace cs {

// Loads data_batch_*.bin (train) and test_batch.bin (test) from `folder`, or from its
// cifar-10-batches-bin sub-folder. Class names come from batches.meta.txt (one per line) or are
// CIFAR-10's own. Images are RGB. Throws FileError naming the file and the sizes when a file is
// not a whole number of 3073-byte records or a label is out of range.
DataSplits loadCifar10Folder(const std::string& folder, const LoadOptions& options = {});

// One batch file (gz allowed); `classNames` bounds the labels. A gzip batch stops inflating at
// options.maxDecodedBytes (FileError naming the file and the limit).
Dataset loadCifar10Batch(const std::string& path, const std::vector<std::string>& classNames,
                         const LoadOptions& options = {});

// True when the folder (or its cifar-10-batches-bin) holds data_batch_*.bin or test_batch.bin.
bool looksLikeCifarFolder(const std::string& folder);

const std::vector<std::string>& cifar10ClassNames();

}  // namespace cs
