#pragma once
// The one list of layer kinds: for each, its category, help text, parameter schema, how many
// inputs it takes, and a factory. The designer's palette and property editor, the model-file
// reader and the CLI all read it.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layers/layer.h"

namespace cs {

enum class ParamType { Int, Float, Bool, Choice };

struct ParamSpec {
    std::string name;  // JSON key, Keras's name: "filters", "kernel_size", ...
    ParamType type = ParamType::Int;
    nlohmann::json defaultValue;  // of the matching JSON type
    double min = 0;               // inclusive range for Int and Float
    double max = 0;
    std::vector<std::string> choices;  // for Choice
    std::string help;                  // one sentence, shown as a tooltip
};

struct LayerInfo {
    std::string kind;      // "Conv2D"
    std::string category;  // "Input", "Convolution", "Pooling", "Core", "Normalization",
                           // "Regularization", "Activation", "Merge"
    std::string help;      // one or two sentences
    std::vector<ParamSpec> params;
    int minInputs = 1;
    int maxInputs = 1;  // -1: any number (Add, Concatenate)
    std::function<std::unique_ptr<Layer>(const Options& validated, const std::string& name)> create;

    const ParamSpec* param(const std::string& name) const;
};

class LayerRegistry {
public:
    void add(LayerInfo info);

    // Throws OptionError("unknown layer kind 'Conv3D'; known kinds: Activation, Add, ...").
    const LayerInfo& info(const std::string& kind) const;
    bool contains(const std::string& kind) const { return byKind_.count(kind) != 0; }
    std::vector<std::string> kinds() const;              // sorted
    const std::vector<std::string>& categories() const;  // in palette order

    // Fills defaults and checks every option against the schema: unknown keys, wrong types and
    // out-of-range values throw OptionError naming the layer, the option and the value.
    Options validate(const std::string& kind, const Options& options, const std::string& layerName = {}) const;

    std::unique_ptr<Layer> create(const std::string& kind, const Options& options, const std::string& name) const;

    // The registry with every built-in layer kind (created once, thread-safe).
    static const LayerRegistry& builtin();

private:
    std::map<std::string, LayerInfo> byKind_;
};

// The explicit list of built-in kinds (one call, no static self-registration).
void registerBuiltinLayers(LayerRegistry& registry);

}  // namespace cs
