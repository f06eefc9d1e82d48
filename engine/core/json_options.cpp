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
