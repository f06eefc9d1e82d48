#include "model_source.h"

#include "io/presets.h"

namespace cs::cli {

ModelSource loadModelSource(const CliArgs& args) {
    const bool preset = args.has("preset"), model = args.has("model");
    if (preset == model) throw UsageError("give either --preset NAME or --model FILE");
    if (preset) return {loadPreset(args.get("preset")), "preset " + args.get("preset")};
    return {loadModelFile(args.get("model")), args.get("model")};
}

}  // namespace cs::cli
