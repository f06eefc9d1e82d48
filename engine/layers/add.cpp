#include "layers/add.h"

#include "core/errors.h"

namespace cs {

LayerInfo Add::info() {
    LayerInfo li;
    li.kind = "Add";
    li.category = "Merge";
    li.help =
        "Adds its inputs element by element, e.g. to build a residual (skip) connection. "
        "All inputs must have the same shape.";
    li.minInputs = 2;
    li.maxInputs = -1;
    li.create = [](const Options&, const std::string& name) { return std::make_unique<Add>(name); };
    return li;
}

Shape Add::outputShape(std::span<const Shape> inputs) const {
    if (inputs.size() < 2)
        throw ShapeError(msg("layer.merge_too_few_inputs", "{layer}: needs at least 2 inputs, got {count}",
                             {{"layer", describeLayer(kind(), name_)}, {"count", std::to_string(inputs.size())}}));
    for (std::size_t i = 1; i < inputs.size(); ++i)
        if (inputs[i] != inputs[0])
            throw ShapeError(msg("layer.add_shapes_differ",
                                 "{layer}: inputs must have the same shape, got {first} and {other} (input {input})",
                                 {{"layer", describeLayer(kind(), name_)},
                                  {"first", inputs[0].toString()},
                                  {"other", inputs[i].toString()},
                                  {"input", std::to_string(i + 1)}}));
    return inputs[0];
}

void Add::forward(const ForwardArgs& a) {
    a.output.array() = a.inputs[0]->array();
    for (std::size_t i = 1; i < a.inputs.size(); ++i) a.output.array() += a.inputs[i]->array();
}

void Add::backward(const BackwardArgs& a) {
    for (Tensor* dx : a.inputGrads) {
        if (!dx) continue;
        dx->resize(a.outputGrad.batch(), a.outputGrad.sampleShape());
        dx->array() = a.outputGrad.array();
    }
}

int64_t Add::macs(std::span<const Shape> inputs, const Shape& output) const {
    return output.size() * static_cast<int64_t>(inputs.size() - 1);
}

}  // namespace cs
