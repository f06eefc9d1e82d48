#include "layers/flatten.h"

#include <cstring>
#include <limits>

#include "core/errors.h"

namespace cs {

LayerInfo Flatten::info() {
    LayerInfo li;
    li.kind = "Flatten";
    li.category = "Core";
    li.help =
        "Unrolls each feature map stack into one long vector, so Dense layers can follow "
        "convolutions. Has no weights.";
    li.create = [](const Options&, const std::string& name) { return std::make_unique<Flatten>(name); };
    return li;
}

Shape Flatten::outputShape(std::span<const Shape> inputs) const {
    if (inputs[0].rank() == 0)
        throw ShapeError(
            msg("layer.input_has_no_shape", "{layer}: input has no shape", {{"layer", describeLayer(kind(), name_)}}));
    const int64_t size = inputs[0].size();
    // A flat shape is one int: a larger input would wrap to a wrong (even negative) size.
    if (size > std::numeric_limits<int>::max())
        throw ShapeError(msg("graph.size_overflow", "{layer}: its output would hold more than {max} values",
                             {{"layer", describeLayer(kind(), name_) + " (" + inputs[0].toString() + " input)"},
                              {"max", std::to_string(std::numeric_limits<int>::max())}}));
    return Shape::flat(static_cast<int>(size));
}

void Flatten::forward(const ForwardArgs& a) {
    // NCHW memory is already C,H,W order per sample: only the shape changes.
    const Tensor& x = *a.inputs[0];
    std::memcpy(a.output.data(), x.data(), sizeof(float) * x.size());
}

void Flatten::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    dx->resize(a.inputs[0]->batch(), a.inputs[0]->sampleShape());
    std::memcpy(dx->data(), a.outputGrad.data(), sizeof(float) * dx->size());
}

}  // namespace cs
