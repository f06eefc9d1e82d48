#include "layers/layer_registry.h"

#include <cmath>
#include <cstdio>

#include "core/errors.h"

namespace cs {

namespace {

std::string formatNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
}

// Checks one option value and returns it in the schema's canonical JSON type (an int given
// for a float option becomes a float, so validated options compare equal after a round trip).
nlohmann::json checkValue(const ParamSpec& spec, const nlohmann::json& v, const std::string& who) {
    const auto args = [&](std::vector<MessageArg> more) {
        std::vector<MessageArg> all{{"layer", who}, {"option", spec.name}, {"value", v.dump()}};
        all.insert(all.end(), more.begin(), more.end());
        return all;
    };
    switch (spec.type) {
        case ParamType::Int: {
            // Integral floats (3.0) are accepted: some JSON writers emit them for whole numbers.
            const bool integral =
                v.is_number_integer() || (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
            if (!integral)
                throw OptionError(msg("layer.option_not_integer",
                                      "{layer}: option '{option}' must be an integer, got {value}", args({})));
            const double d = v.get<double>();
            if (d < spec.min || d > spec.max)
                throw OptionError(msg("layer.option_out_of_range",
                                      "{layer}: option '{option}' must be between {min} and {max}, got {value}",
                                      args({{"min", formatNumber(spec.min)}, {"max", formatNumber(spec.max)}})));
            return static_cast<int>(d);
        }
        case ParamType::Float: {
            if (!v.is_number())
                throw OptionError(msg("layer.option_not_number",
                                      "{layer}: option '{option}' must be a number, got {value}", args({})));
            const double d = v.get<double>();
            if (!(d >= spec.min && d <= spec.max))
                throw OptionError(msg("layer.option_out_of_range",
                                      "{layer}: option '{option}' must be between {min} and {max}, got {value}",
                                      args({{"min", formatNumber(spec.min)}, {"max", formatNumber(spec.max)}})));
            return d;
        }
        case ParamType::Bool:
            if (!v.is_boolean())
                throw OptionError(msg("layer.option_not_bool",
                                      "{layer}: option '{option}' must be true or false, got {value}", args({})));
            return v;
        case ParamType::Choice: {
            if (v.is_string())
                for (const std::string& c : spec.choices)
                    if (c == v.get<std::string>()) return v;
            throw OptionError(msg("layer.option_not_a_choice",
                                  "{layer}: option '{option}' must be one of {choices}; got {value}",
                                  args({{"choices", joined(spec.choices)}})));
        }
    }
    return v;
}

}  // namespace

const ParamSpec* LayerInfo::param(const std::string& name) const {
    for (const ParamSpec& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

void LayerRegistry::add(LayerInfo info) {
    if (byKind_.count(info.kind)) throw Error("layer kind '" + info.kind + "' is registered twice");
    std::string kind = info.kind;
    byKind_.emplace(std::move(kind), std::move(info));
}

const LayerInfo& LayerRegistry::info(const std::string& kind) const {
    auto it = byKind_.find(kind);
    if (it == byKind_.end())
        throw OptionError(msg("layer.unknown_kind", "unknown layer kind '{kind}'; known kinds: {known}",
                              {{"kind", kind}, {"known", joined(kinds())}}));
    return it->second;
}

std::vector<std::string> LayerRegistry::kinds() const {
    std::vector<std::string> k;
    for (const auto& [name, info] : byKind_) k.push_back(name);
    return k;  // std::map keeps them sorted
}

const std::vector<std::string>& LayerRegistry::categories() const {
    static const std::vector<std::string> order = {"Input",         "Convolution",    "Pooling",    "Core",
                                                   "Normalization", "Regularization", "Activation", "Merge"};
    return order;
}

Options LayerRegistry::validate(const std::string& kind, const Options& options, const std::string& layerName) const {
    const LayerInfo& li = info(kind);
    const std::string who = describeLayer(kind, layerName);
    if (!options.is_null() && !options.is_object())
        throw OptionError(msg("layer.options_not_object", "{layer}: options must be a JSON object, got {value}",
                              {{"layer", who}, {"value", options.dump()}}));

    Options out = Options::object();
    if (options.is_object()) {
        for (const auto& [key, value] : options.items()) {
            const ParamSpec* spec = li.param(key);
            if (!spec) {
                std::vector<std::string> known;
                for (const ParamSpec& p : li.params) known.push_back(p.name);
                if (known.empty())
                    throw OptionError(msg("layer.unknown_option_none",
                                          "{layer}: unknown option '{option}'; known options: none",
                                          {{"layer", who}, {"option", key}}));
                throw OptionError(msg("layer.unknown_option",
                                      "{layer}: unknown option '{option}'; known options: {known}",
                                      {{"layer", who}, {"option", key}, {"known", joined(known)}}));
            }
            out[key] = checkValue(*spec, value, who);
        }
    }
    for (const ParamSpec& p : li.params)
        if (!out.contains(p.name)) out[p.name] = p.defaultValue;
    return out;
}

std::unique_ptr<Layer> LayerRegistry::create(const std::string& kind, const Options& options,
                                             const std::string& name) const {
    return info(kind).create(validate(kind, options, name), name);
}

}  // namespace cs
