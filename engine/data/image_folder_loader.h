#pragma once
// Image folders: one sub-folder per class (root/<class>/*.png|jpg|jpeg|bmp|webp), optionally
// below a train/ val/ test/ level. Decoded with OpenCV on LoadOptions::threads threads.
#include <string>

#include "data/dataset.h"
#include "data/load_options.h"

namespace cs {

// When the root (or a split folder) holds classes.txt (one class name per line, as
// exportImageFolder writes it), that fixes the label order and the display names; otherwise
// class folders are numbered in natural order.
// Loads the folder; every image is resized to the options' size and channels (or the first
// readable image's). Colour images are stored RGB. Unreadable, corrupt and non-image files are
// skipped and listed in DataSplits::problems by path; a single class or an empty class folder is
// a warning there too. Throws FileError when the path is not a folder or holds no readable image,
// LoadCancelled when cancelled.
DataSplits loadImageFolder(const std::string& root, const LoadOptions& options = {});

// True for the extensions the loader decodes (case-insensitive): png, jpg, jpeg, bmp, webp.
bool isImageFileName(const std::string& name);

// "img2" < "img10": digit runs compare by value, so class "10" comes after "9".
bool naturalLess(const std::string& a, const std::string& b);

}  // namespace cs
