#include <iostream>

#include "cli_args.h"
#include "commands.h"
#include "core/json_options.h"
#include "graph/model.h"
#include "io/presets.h"
#include "model_source.h"

namespace cs::cli {

int runSummary(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"preset", "model"}, {"json"});
    ModelSource src = loadModelSource(args);
    Model model(src.file.graph, src.file.seed);
    if (!args.has("json")) {
        out << "Model: " << src.label << "\n" << model.summary();
        return 0;
    }
    nlohmann::json layers = nlohmann::json::array();
    int64_t total = 0;
    for (const auto& node : model.nodes()) {
        nlohmann::json inputs = nlohmann::json::array();
        for (int in : node.inputs) inputs.push_back(model.nodes()[in].layer->name());
        int64_t s = 0;
        for (const auto& p : node.layer->state()) s += p.value.size();
        total += node.layer->paramCount() + s;
        std::vector<int> shape;
        for (int i = 0; i < node.outputShape.rank(); ++i) shape.push_back(node.outputShape[i]);
        layers.push_back({{"name", node.layer->name()},
                          {"kind", node.layer->kind()},
                          {"options", node.layer->options()},
                          {"inputs", inputs},
                          {"output_shape", shape},
                          {"params", node.layer->paramCount() + s},
                          {"trainable", node.trainable},
                          {"macs", node.macs}});
    }
    out << jsonText(nlohmann::json{{"model", src.label},
                                   {"layers", layers},
                                   {"total_params", total},
                                   {"trainable_params", model.trainableParamCount()},
                                   {"non_trainable_params", total - model.trainableParamCount()},
                                   {"macs", model.macs()}},
                    2)
        << "\n";
    return 0;
}

int runPresets(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {}, {"json"});
    nlohmann::json list = nlohmann::json::array();
    for (const auto& name : presetNames()) {
        if (args.has("json"))
            list.push_back({{"name", name}, {"description", presetDescription(name)}});
        else
            out << name << "\n    " << presetDescription(name) << "\n";
    }
    if (args.has("json")) out << jsonText(list, 2) << "\n";
    return 0;
}

}  // namespace cs::cli
