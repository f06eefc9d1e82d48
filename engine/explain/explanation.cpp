#include "explain/explanation.h"

#include <algorithm>

#include "core/errors.h"
#include "explain/grad_cam.h"
#include "explain/occlusion.h"
#include "explain/saliency.h"
#include "graph/model.h"

namespace cs {

namespace {

std::string layerList(const Model& model) {
    std::string names;
    for (int i : spatialLayers(model)) names += (names.empty() ? "" : ", ") + model.nodes()[i].layer->name();
    return names.empty() ? std::string("none") : names;
}

int gradCamLayer(const Model& model, const std::string& name) {
    if (name.empty()) {
        const int layer = defaultGradCamLayer(model);
        if (layer < 0)
            throw OptionError(msg("explain.no_spatial_layer",
                                  "Grad-CAM needs a layer with a spatial output and the model has none; use "
                                  "occlusion or saliency"));
        return layer;
    }
    const int layer = model.indexOfName(name);
    if (layer < 0)
        throw OptionError(msg("explain.unknown_layer",
                              "Grad-CAM: the model has no layer '{layer}' (choose one of: {layers})",
                              {{"layer", name}, {"layers", layerList(model)}}));
    const auto spatial = spatialLayers(model);
    if (std::find(spatial.begin(), spatial.end(), layer) == spatial.end())
        throw OptionError(msg("explain.layer_not_spatial",
                              "Grad-CAM: layer '{layer}' outputs {shape}, not an image larger than 1x1 inside the "
                              "model (choose one of: {layers})",
                              {{"layer", name},
                               {"shape", model.nodes()[static_cast<std::size_t>(layer)].outputShape.toString()},
                               {"layers", layerList(model)}}));
    return layer;
}

OcclusionOptions occlusionOptions(const ExplainOptions& o, const Shape& input) {
    const int side = std::min(input.height(), input.width());
    OcclusionOptions oo;
    oo.patch = o.patch > 0 ? o.patch : std::max(1, side / 4);
    oo.stride = o.stride > 0 ? o.stride : std::max(1, oo.patch / 2);
    oo.fill = o.fill;
    if (o.patch < 0 || oo.patch > side)
        throw OptionError(msg("explain.bad_patch",
                              "occlusion patch {patch} must be between 1 and {max} (the input is {size})",
                              {{"patch", std::to_string(o.patch)},
                               {"max", std::to_string(side)},
                               {"size", std::to_string(input.height()) + "x" + std::to_string(input.width())}}));
    if (o.stride < 0)
        throw OptionError(msg("explain.bad_stride", "occlusion stride {stride} must be at least 1",
                              {{"stride", std::to_string(o.stride)}}));
    return oo;
}

// Scales `map` to [0,1] by its maximum (all 0 stays all 0) and finds where that maximum is.
void setHeat(Explanation& e, const cv::Mat& map) {
    e.height = map.rows;
    e.width = map.cols;
    e.heat.assign(map.ptr<float>(), map.ptr<float>() + map.total());
    const auto top = std::max_element(e.heat.begin(), e.heat.end());
    const float peak = *top;
    const int at = static_cast<int>(top - e.heat.begin());
    e.maxRow = at / e.width;
    e.maxCol = at % e.width;
    if (peak > 0.f)
        for (float& v : e.heat) v /= peak;
}

}  // namespace

std::string explainMethodName(ExplainMethod method) {
    switch (method) {
        case ExplainMethod::GradCam:
            return "gradcam";
        case ExplainMethod::Occlusion:
            return "occlusion";
        case ExplainMethod::Saliency:
            return "saliency";
    }
    return "gradcam";
}

ExplainMethod explainMethodFromName(const std::string& name) {
    for (ExplainMethod m : {ExplainMethod::GradCam, ExplainMethod::Occlusion, ExplainMethod::Saliency})
        if (explainMethodName(m) == name) return m;
    throw OptionError(msg("explain.unknown_method",
                          "unknown explanation method '{method}' (choose gradcam, occlusion or saliency)",
                          {{"method", name}}));
}

std::vector<int> spatialLayers(const Model& model) {
    std::vector<int> layers;
    const int last = static_cast<int>(model.nodes().size()) - 1;
    for (int i = 1; i < last; ++i) {
        const Shape& s = model.nodes()[static_cast<std::size_t>(i)].outputShape;
        if (s.isImage() && s.height() > 1 && s.width() > 1) layers.push_back(i);
    }
    return layers;
}

int defaultGradCamLayer(const Model& model) {
    const auto layers = spatialLayers(model);
    return layers.empty() ? -1 : layers.back();
}

Explainer::Explainer(const Model& model) : model_(model), executor_(model.makeExecutor()) {}

Explainer::~Explainer() = default;

Explanation Explainer::explain(const Tensor& input, const ExplainOptions& options) {
    if (input.batch() != 1)
        throw OptionError(msg("explain.not_one_sample", "an explanation takes one image, got a batch of {batch}",
                              {{"batch", std::to_string(input.batch())}}));
    Explanation e;
    e.method = options.method;
    const Tensor& out = model_.forward(*executor_, input, Phase::Eval);
    e.probabilities = model_.probabilities(out.data());
    const int classes = static_cast<int>(e.probabilities.size());
    e.predicted =
        static_cast<int>(std::max_element(e.probabilities.begin(), e.probabilities.end()) - e.probabilities.begin());
    e.probability = e.probabilities[static_cast<std::size_t>(e.predicted)];
    e.target = options.targetClass < 0 ? e.predicted : options.targetClass;
    if (options.targetClass < -1 || e.target >= classes)
        throw OptionError(msg("explain.class_out_of_range",
                              "class {class} is out of range: the model has {classes} classes (0 to {last})",
                              {{"class", std::to_string(e.target)},
                               {"classes", std::to_string(classes)},
                               {"last", std::to_string(classes - 1)}}));
    switch (options.method) {
        case ExplainMethod::GradCam: {
            const int layer = gradCamLayer(model_, options.layer);
            e.layer = model_.nodes()[static_cast<std::size_t>(layer)].layer->name();
            setHeat(e, gradCam(model_, *executor_, input, layer, e.target, outputGrad_, true).inputMap);
            break;
        }
        case ExplainMethod::Saliency:
            setHeat(e, saliency(model_, *executor_, input, e.target, outputGrad_, true));
            break;
        case ExplainMethod::Occlusion: {
            const OcclusionOptions oo = occlusionOptions(options, input.sampleShape());
            const float p = e.probabilities[static_cast<std::size_t>(e.target)];
            setHeat(e, occlusion(model_, *executor_, input, e.target, p, oo, batch_));
            break;
        }
    }
    return e;
}

Explanation explain(const Model& model, const Tensor& input, const ExplainOptions& options) {
    return Explainer(model).explain(input, options);
}

}  // namespace cs
