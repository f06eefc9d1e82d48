#pragma once
// Whole-file reads and atomic writes (temporary file in the same folder, fsync, rename), so a
// crash or a full disk never leaves a half-written model behind.
#include <string>

namespace cs {

// Throws FileError naming the path and the system's reason.
void writeFileAtomically(const std::string& path, const std::string& bytes);
// Throws FileError; refuses files larger than maxBytes before reading them.
std::string readWholeFile(const std::string& path, std::size_t maxBytes = std::size_t(4) << 30);

}  // namespace cs
