#pragma once
// Whole-file reads and atomic writes (temporary file in the same folder, fsync, rename), so a
// crash or a full disk never leaves a half-written model behind.
//
// The temporary file is `<path>.tmp-XXXXXX`; its writer holds an exclusive flock() on it until
// the rename, and the kernel drops that lock when the writer dies (kill -9, power loss aside).
// So a temporary whose lock can be taken was abandoned: the next write or read of the same path
// removes it, while another process's save in progress (locked) is left alone.
#include <string>

namespace cs {

// Throws FileError naming the path and the system's reason.
void writeFileAtomically(const std::string& path, const std::string& bytes);
// Throws FileError; reads regular files only (a FIFO or a device would block or never end) and
// refuses files larger than maxBytes before reading them. Removes abandoned temporaries of
// `path` first (see above).
std::string readWholeFile(const std::string& path, std::size_t maxBytes = std::size_t(4) << 30);

// Removes the abandoned `<path>.tmp-XXXXXX` files of earlier writes of `path` (ours only: the
// exact name pattern, regular files, not locked by a live writer). Returns how many it removed;
// never throws (a folder it may not write to keeps them).
int removeAbandonedTemporaries(const std::string& path);

}  // namespace cs
