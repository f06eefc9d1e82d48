#include "layers/multiply.h"

#include "core/errors.h"

namespace cs {

namespace {

// Which input is the per-channel gate when the shapes differ: 0 or 1, or -1 when they are equal.
int gateIndex(const Shape& a, const Shape& b) {
    if (a == b) return -1;
    if (a.isImage() && b.isFlat() && b.size() == a.channels()) return 1;
    if (b.isImage() && a.isFlat() && a.size() == b.channels()) return 0;
    return -2;
}

}  // namespace

LayerInfo Multiply::info() {
    LayerInfo li;
    li.kind = "Multiply";
    li.category = "Merge";
    li.help =
        "Multiplies its two inputs element by element. A feature map times one value per channel "
        "scales each channel: the gate of a squeeze-and-excitation block.";
    li.minInputs = 2;
    li.maxInputs = 2;
    li.create = [](const Options&, const std::string& name) { return std::make_unique<Multiply>(name); };
    return li;
}

Shape Multiply::outputShape(std::span<const Shape> inputs) const {
    if (inputs.size() != 2)
        throw ShapeError(msg("layer.multiply_two_inputs", "{layer}: multiplies exactly 2 inputs, got {count}",
                             {{"layer", describeLayer(kind(), name_)}, {"count", std::to_string(inputs.size())}}));
    const int gate = gateIndex(inputs[0], inputs[1]);
    if (gate == -2)
        throw ShapeError(msg("layer.multiply_shapes",
                             "{layer}: multiplies inputs of one shape, or a feature map by one value per channel; "
                             "got {first} and {second}",
                             {{"layer", describeLayer(kind(), name_)},
                              {"first", inputs[0].toString()},
                              {"second", inputs[1].toString()}}));
    return gate == 0 ? inputs[1] : inputs[0];
}

void Multiply::forward(const ForwardArgs& a) {
    const Tensor& x0 = *a.inputs[0];
    const Tensor& x1 = *a.inputs[1];
    const int gate = gateIndex(x0.sampleShape(), x1.sampleShape());
    if (gate < 0) {
        a.output.array() = x0.array() * x1.array();
        return;
    }
    const Tensor& map = gate == 1 ? x0 : x1;
    const Tensor& g = gate == 1 ? x1 : x0;
    const int C = map.sampleShape().channels();
    const int64_t P = int64_t(map.sampleShape().height()) * map.sampleShape().width();
    for (int n = 0; n < map.batch(); ++n)
        for (int c = 0; c < C; ++c)
            ArrMap(a.output.sample(n) + c * P, P) = ConstArrMap(map.sample(n) + c * P, P) * g.sample(n)[c];
}

void Multiply::backward(const BackwardArgs& a) {
    const Tensor& x0 = *a.inputs[0];
    const Tensor& x1 = *a.inputs[1];
    Tensor* d0 = a.inputGrads.size() > 0 ? a.inputGrads[0] : nullptr;
    Tensor* d1 = a.inputGrads.size() > 1 ? a.inputGrads[1] : nullptr;
    if (d0) d0->resize(x0.batch(), x0.sampleShape());
    if (d1) d1->resize(x1.batch(), x1.sampleShape());
    const int gate = gateIndex(x0.sampleShape(), x1.sampleShape());
    if (gate < 0) {
        if (d0) d0->array() = a.outputGrad.array() * x1.array();
        if (d1) d1->array() = a.outputGrad.array() * x0.array();
        return;
    }
    const Tensor& map = gate == 1 ? x0 : x1;
    const Tensor& g = gate == 1 ? x1 : x0;
    Tensor* dMap = gate == 1 ? d0 : d1;
    Tensor* dGate = gate == 1 ? d1 : d0;
    const int C = map.sampleShape().channels();
    const int64_t P = int64_t(map.sampleShape().height()) * map.sampleShape().width();
    for (int n = 0; n < map.batch(); ++n)
        for (int c = 0; c < C; ++c) {
            ConstArrMap dy(a.outputGrad.sample(n) + c * P, P);
            if (dMap) ArrMap(dMap->sample(n) + c * P, P) = dy * g.sample(n)[c];
            if (dGate) dGate->sample(n)[c] = (dy * ConstArrMap(map.sample(n) + c * P, P)).sum();
        }
}

}  // namespace cs
