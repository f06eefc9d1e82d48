#include "core/json_options.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "core/errors.h"

namespace cs {

std::string shortestDecimal(float v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

double tidyFloat(float v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    double d = 0;
    std::from_chars(buf, r.ptr, d);
    return d;
}

void throwOptionError(const std::string& owner, const std::string& key, const std::string& what,
                      const std::string& received) {
    // One whole sentence per condition, so each translates as a sentence.
    const std::vector<MessageArg> args{{"owner", owner}, {"option", key}, {"value", received}};
    if (what == "must be > 0")
        throw OptionError(
            msg("options.not_positive", "{owner} option '{option}' must be > 0; received: {value}", args));
    if (what == "must be >= 0")
        throw OptionError(msg("options.negative", "{owner} option '{option}' must be >= 0; received: {value}", args));
    if (what == "must be >= 0 (0 turns clipping off)")
        throw OptionError(msg("options.negative_clip",
                              "{owner} option '{option}' must be >= 0 (0 turns clipping off); received: {value}",
                              args));
    if (what == "must be >= 1")
        throw OptionError(msg("options.below_one", "{owner} option '{option}' must be >= 1; received: {value}", args));
    if (what == "must be a finite float")
        throw OptionError(
            msg("options.not_finite", "{owner} option '{option}' must be a finite float; received: {value}", args));
    if (what == "must be a number")
        throw OptionError(
            msg("options.not_number", "{owner} option '{option}' must be a number; received: {value}", args));
    if (what == "must be a string")
        throw OptionError(
            msg("options.not_string", "{owner} option '{option}' must be a string; received: {value}", args));
    if (what == "must be a whole number")
        throw OptionError(
            msg("options.not_whole", "{owner} option '{option}' must be a whole number; received: {value}", args));
    if (what == "must be below 1 for 'plateau' (1 would never reduce the rate)")
        throw OptionError(
            msg("options.plateau_factor",
                "{owner} option '{option}' must be below 1 for 'plateau' (1 would never reduce the rate); "
                "received: {value}",
                args));
    if (what == "must be in (0, 1]")
        throw OptionError(
            msg("options.not_in_open_unit", "{owner} option '{option}' must be in (0, 1]; received: {value}", args));
    if (what == "must be in [0, 1)")
        throw OptionError(
            msg("options.not_in_unit", "{owner} option '{option}' must be in [0, 1); received: {value}", args));
    if (what == "must be true or false")
        throw OptionError(
            msg("options.not_bool", "{owner} option '{option}' must be true or false; received: {value}", args));
    throw OptionError(owner + " option '" + key + "' " + what + "; received: " + received);
}

float readFloatOption(const nlohmann::json& j, const char* key, float fallback, const std::string& owner) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number()) throwOptionError(owner, key, "must be a number", it->dump());
    const auto v = static_cast<float>(it->get<double>());
    if (!std::isfinite(v)) throwOptionError(owner, key, "must be a finite float", it->dump());
    return v;
}

int readIntOption(const nlohmann::json& j, const char* key, int fallback, const std::string& owner) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number()) throwOptionError(owner, key, "must be a whole number", it->dump());
    const double v = it->get<double>();
    if (v != std::floor(v) || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        throwOptionError(owner, key, "must be a whole number", it->dump());
    return static_cast<int>(v);
}

std::string jsonText(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace cs
