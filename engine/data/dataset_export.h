#pragma once
// Writing a data set out as image folders (FOLDER/<class>/<index>.png), which every loader and
// other tools can read back.
#include <string>

#include "data/dataset.h"

namespace cs {

// A class name made safe as a folder name: '/', '\\', control characters and a leading '.' become
// '_' (so "T-shirt/top" → "T-shirt_top"). Non-ASCII UTF-8 is kept.
std::string folderNameForClass(const std::string& className);

// The file, next to the class folders, that lists class names in label order.
inline constexpr const char* kClassListFile = "classes.txt";

// Writes every sample as PNG to folder/<class>/<index>.png (index zero-padded to the set size),
// creating folders as needed, and folder/classes.txt so that loading it back gives the same
// labels and class names. Returns the number of files written. Throws FileError naming the
// path when a folder or file cannot be written.
std::size_t exportImageFolder(const Dataset& ds, const std::string& folder);

// Writes one HWC uint8 image (1 gray or 3 RGB channels) as PNG; throws FileError on failure.
void writePng(const std::string& path, const uint8_t* hwc, int height, int width, int channels);

// Lays images (each height x width x channels) out in a grid `columns` wide, each enlarged
// `scale` times (nearest neighbour) with a 2-pixel gap, and writes it as PNG.
void writePngGrid(const std::string& path, const std::vector<std::vector<uint8_t>>& images, int height, int width,
                  int channels, int columns, int scale = 1);

}  // namespace cs
