#pragma once
// Reading and writing option objects (optimizer, schedule, ...) with errors that name the owner,
// the key and the value received: "optimizer option 'momentum' must be in [0, 1); received: 1.5".
#include <string>

#include <nlohmann/json.hpp>

namespace cs {

// The float as the shortest decimal that reads back as the same float ("0.001", not
// "0.0010000000474974513"), as text and as the double a JSON file should store.
std::string shortestDecimal(float v);
double tidyFloat(float v);

// `owner` is one of the engine's own English words ("optimizer", "schedule"): the studio
// translates it with the message (it is listed in its catalog), so a new owner needs an entry there.
[[noreturn]] void throwOptionError(const std::string& owner, const std::string& key, const std::string& what,
                                   const std::string& received);

// j[key] as a finite float / a whole number, or `fallback` when absent or null; throws
// OptionError (via throwOptionError) for anything else.
float readFloatOption(const nlohmann::json& j, const char* key, float fallback, const std::string& owner);
int readIntOption(const nlohmann::json& j, const char* key, int fallback, const std::string& owner);

// JSON text that cannot fail on a string that is not UTF-8 (a path in another encoding): such
// bytes are written as U+FFFD instead of throwing, so a report or a finished run is never lost
// over a file name.
std::string jsonText(const nlohmann::json& j, int indent = -1);

}  // namespace cs
