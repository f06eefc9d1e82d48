#pragma once
// Short constructors for ParamSpec, so each layer's schema reads as one line per option.
// Defaults come from the layer's options struct, so the schema and the struct cannot disagree.
#include <string>
#include <vector>

#include "layers/activation.h"
#include "layers/layer_registry.h"

namespace cs::spec {

inline ParamSpec intParam(std::string name, int def, int min, int max, std::string help) {
    return ParamSpec{std::move(name), ParamType::Int, def, double(min), double(max), {}, std::move(help)};
}

inline ParamSpec floatParam(std::string name, double def, double min, double max, std::string help) {
    return ParamSpec{std::move(name), ParamType::Float, def, min, max, {}, std::move(help)};
}

inline ParamSpec boolParam(std::string name, bool def, std::string help) {
    return ParamSpec{std::move(name), ParamType::Bool, def, 0, 0, {}, std::move(help)};
}

inline ParamSpec choiceParam(std::string name, std::string def, std::vector<std::string> choices, std::string help) {
    return ParamSpec{std::move(name), ParamType::Choice, std::move(def), 0, 0, std::move(choices), std::move(help)};
}

inline ParamSpec activationParam(std::string def, std::string help) {
    return choiceParam("activation", std::move(def), activationNames(), std::move(help));
}

}  // namespace cs::spec
