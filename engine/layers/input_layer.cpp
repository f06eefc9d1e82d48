#include "layers/input_layer.h"

#include "layers/param_specs.h"

namespace cs {

InputOptions InputOptions::fromJson(const Options& j) {
    InputOptions o;
    o.height = j.at("height").get<int>();
    o.width = j.at("width").get<int>();
    o.channels = j.at("channels").get<int>();
    return o;
}

Options InputOptions::toJson() const { return {{"height", height}, {"width", width}, {"channels", channels}}; }

LayerInfo InputLayer::info() {
    const InputOptions d;
    LayerInfo li;
    li.kind = "Input";
    li.category = "Input";
    li.help =
        "The images the model sees: their height, width and number of channels "
        "(1 for grayscale, 3 for colour). Every model starts with exactly one.";
    li.params = {
        spec::intParam("height", d.height, 1, 4096, "Image height in pixels."),
        spec::intParam("width", d.width, 1, 4096, "Image width in pixels."),
        spec::intParam("channels", d.channels, 1, 512, "Channels per pixel: 1 for grayscale, 3 for RGB."),
    };
    li.minInputs = 0;
    li.maxInputs = 0;
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<InputLayer>(InputOptions::fromJson(o), name);
    };
    return li;
}

InputLayer::InputLayer(const InputOptions& options, std::string name) : Layer(std::move(name)), opt_(options) {}

Shape InputLayer::outputShape(std::span<const Shape>) const {
    return Shape::image(opt_.channels, opt_.height, opt_.width);
}

void InputLayer::forward(const ForwardArgs& a) {
    if (!a.inputs.empty() && a.inputs[0] != &a.output) a.output = *a.inputs[0];
}

// Nothing upstream to pass a gradient to: the input images are data, not parameters.
void InputLayer::backward(const BackwardArgs&) {}

}  // namespace cs
