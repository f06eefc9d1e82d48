#pragma once
// UTF-8 checks for names that come from the file system (folder and file names are bytes on
// Linux) before they reach JSON, which only holds valid UTF-8.
#include <string>
#include <string_view>

namespace cs {

bool isValidUtf8(std::string_view text);

// The text with every byte that is not part of a valid UTF-8 sequence written as \xNN, for
// messages that name such a thing.
std::string escapeInvalidUtf8(std::string_view text);

}  // namespace cs
