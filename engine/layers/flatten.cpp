#include "layers/flatten.h"

#include <cstring>

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
    if (inputs[0].rank() == 0) throw ShapeError(describeLayer(kind(), name_) + ": input has no shape");
    return Shape::flat(static_cast<int>(inputs[0].size()));
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
