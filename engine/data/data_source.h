#pragma once
// One entry point for every data source: the format is detected from the path unless
// LoadOptions::format forces one.
#include <string>

#include "data/dataset.h"
#include "data/load_options.h"

namespace cs {

// Detection, in order: "builtin" / "builtin:NAME" → built-in set; a folder with
// train-images*-ubyte* → IDX; a folder with data_batch_*.bin / test_batch.bin (or a
// cifar-10-batches-bin sub-folder) → CIFAR-10; any other folder → image folders; a *-ubyte[.gz]
// file → its IDX images/labels pair ("images" ↔ "labels" in the name); a .bin file → one CIFAR
// batch. Throws FileError naming the path when it does not exist or fits no format.
DataSplits loadDataSource(const std::string& path, const LoadOptions& options = {});

// The format loadDataSource would choose for `path` (never Auto).
DataFormat detectDataFormat(const std::string& path);

}  // namespace cs
