#pragma once
// IDX (MNIST-style) files, plain or gzip-compressed: an images file (N x H x W, or N x H x W x C)
// and a labels file (N), both unsigned bytes.
#include <string>

#include "data/dataset.h"
#include "data/load_options.h"

namespace cs {

// Loads one images/labels pair. Throws FileError naming the file and the values when a magic
// number, the dimension count or a size is wrong, when the header claims more data than the file
// can hold or than options.maxDecodedBytes (both checked before allocating or inflating), when
// data is truncated or continues past what the header announces, when a gzip trailer is wrong,
// or when the counts differ. Class names are "0".."K-1" with K = max label + 1 (at least 2).
Dataset loadIdx(const std::string& imagesPath, const std::string& labelsPath, const LoadOptions& options = {});

// A folder with train-images*/train-labels* and t10k-images*/t10k-labels* files (plain or .gz).
// train-* is required, t10k-* optional. A folder whose name mentions "fashion" gets
// Fashion-MNIST's ten class names.
DataSplits loadIdxFolder(const std::string& folder, const LoadOptions& options = {});

// True when the folder holds a train-images*-ubyte* file.
bool looksLikeIdxFolder(const std::string& folder);

// The class names of Fashion-MNIST, in label order.
const std::vector<std::string>& fashionMnistClassNames();

}  // namespace cs
