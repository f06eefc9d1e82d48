#include "layers/global_average_pooling2d.h"

#include "layers/window_geometry.h"

namespace cs {

LayerInfo GlobalAveragePooling2D::info() {
    LayerInfo li;
    li.kind = "GlobalAveragePooling2D";
    li.category = "Pooling";
    li.help =
        "Averages each whole feature map to a single number, giving one feature per channel. "
        "A weight-free alternative to Flatten before the classifier.";
    li.create = [](const Options&, const std::string& name) { return std::make_unique<GlobalAveragePooling2D>(name); };
    return li;
}

Shape GlobalAveragePooling2D::outputShape(std::span<const Shape> inputs) const {
    requireImage(inputs[0], describeLayer(kind(), name_));
    return Shape::flat(inputs[0].channels());
}

void GlobalAveragePooling2D::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const int64_t planes = a.output.size(), plane = x.sampleShape().height() * x.sampleShape().width();
    // Every (sample, channel) plane is one contiguous row: a row-wise mean.
    VecMap(a.output.data(), planes) = ConstMatMapU(x.data(), planes, plane).rowwise().mean();
}

void GlobalAveragePooling2D::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    const Tensor& x = *a.inputs[0];
    dx->resize(x.batch(), x.sampleShape());
    const int64_t planes = a.outputGrad.size(), plane = x.sampleShape().height() * x.sampleShape().width();
    MatMapU(dx->data(), planes, plane).colwise() = ConstVecMap(a.outputGrad.data(), planes) / static_cast<float>(plane);
}

}  // namespace cs
