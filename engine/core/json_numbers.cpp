#include "core/json_numbers.h"

namespace cs::json_numbers_detail {

void throwNotWhole(const nlohmann::json& v) {
    throw nlohmann::json::type_error::create(302, "expected a whole number, got " + v.dump(), &v);
}

void throwOutOfRange(const nlohmann::json& v, const std::string& low, const std::string& high) {
    throw nlohmann::json::out_of_range::create(406, "number " + v.dump() + " is outside " + low + ".." + high, &v);
}

}  // namespace cs::json_numbers_detail
