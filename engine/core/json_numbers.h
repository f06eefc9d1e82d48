#pragma once
// Whole numbers read from files (model files, run records, checkpoints, settings). nlohmann's
// get<int>() and value("key", 0) convert a float such as 1e300 or -1.5 to an integer with undefined
// behaviour (fuzz_model_file found one in a tensor's shape). These accept integers and whole
// floats (3.0: some JSON writers emit them) that fit T, and otherwise throw the library's own
// type_error / out_of_range, so each reader's conversion of nlohmann errors to its FileError or
// OptionError names the file and the value as before.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

namespace cs {

namespace json_numbers_detail {
[[noreturn]] void throwNotWhole(const nlohmann::json& v);
[[noreturn]] void throwOutOfRange(const nlohmann::json& v, const std::string& low, const std::string& high);
}  // namespace json_numbers_detail

template <typename T>
T wholeNumber(const nlohmann::json& v) {
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
    using Limits = std::numeric_limits<T>;
    const auto outOfRange = [&] {
        json_numbers_detail::throwOutOfRange(v, std::to_string(Limits::min()), std::to_string(Limits::max()));
    };
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(Limits::max())) outOfRange();
        return static_cast<T>(u);
    }
    if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        if (i < 0 ? (!Limits::is_signed || i < static_cast<std::int64_t>(Limits::min()))
                  : static_cast<std::uint64_t>(i) > static_cast<std::uint64_t>(Limits::max()))
            outOfRange();
        return static_cast<T>(i);
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!std::isfinite(d) || d != std::floor(d)) json_numbers_detail::throwNotWhole(v);
        // [min, 2^digits): both bounds exact in a double, so the cast below is defined.
        if (d < static_cast<double>(Limits::min()) || d >= std::ldexp(1.0, Limits::digits)) outOfRange();
        return static_cast<T>(d);
    }
    json_numbers_detail::throwNotWhole(v);
}

// object[key] as a whole number, or `fallback` when the key is absent; like nlohmann's value(),
// a type_error when `object` is not an object (find() alone would return the fallback).
template <typename T>
T wholeNumberOr(const nlohmann::json& object, const char* key, T fallback) {
    if (!object.is_object())
        throw nlohmann::json::type_error::create(
            306, "cannot read '" + std::string(key) + "' from " + std::string(object.type_name()), &object);
    const auto it = object.find(key);
    return it == object.end() ? fallback : wholeNumber<T>(*it);
}

// A list of whole numbers (a shape, a confusion-matrix row).
template <typename T>
std::vector<T> wholeNumbers(const nlohmann::json& list) {
    if (!list.is_array())
        throw nlohmann::json::type_error::create(302, "type must be array, but is " + std::string(list.type_name()),
                                                 &list);
    std::vector<T> out;
    out.reserve(list.size());
    for (const auto& v : list) out.push_back(wholeNumber<T>(v));
    return out;
}

}  // namespace cs
