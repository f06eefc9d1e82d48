#include "layers/dropout.h"

#include <algorithm>

#include "layers/param_specs.h"

namespace cs {

namespace {
enum : std::size_t { kMask = 0 };  // workspace buffer: the scaled mask; empty after Eval
}

DropoutOptions DropoutOptions::fromJson(const Options& j) {
    DropoutOptions o;
    o.rate = j.at("rate").get<double>();
    return o;
}

Options DropoutOptions::toJson() const { return {{"rate", rate}}; }

LayerInfo Dropout::info() {
    const DropoutOptions d;
    LayerInfo li;
    li.kind = "Dropout";
    li.category = "Regularization";
    li.help =
        "During training, randomly zeroes a fraction of the values so the network cannot rely "
        "on any single feature; does nothing at inference.";
    li.params = {
        spec::floatParam("rate", d.rate, 0.0, 0.95, "Fraction of the values dropped during training."),
    };
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<Dropout>(DropoutOptions::fromJson(o), name);
    };
    return li;
}

Dropout::Dropout(const DropoutOptions& options, std::string name) : Layer(std::move(name)), opt_(options) {}

void Dropout::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    Tensor& mask = a.ws.buffer(kMask);
    if (a.phase == Phase::Eval || opt_.rate <= 0.0) {
        mask.resize(0, x.sampleShape());  // tells backward to pass the gradient through
        a.output.array() = x.array();
        return;
    }
    const float keep = static_cast<float>(1.0 - opt_.rate);
    const float scale = 1.f / keep;
    mask.resize(x.batch(), x.sampleShape());
    // Each element keeps with probability `keep` (to 2^-32): a 32-bit hash of its index and one
    // draw from the workspace's generator (Wellons' lowbias32 finaliser), below keep * 2^32. The
    // loop vectorises; a Mersenne-twister draw and a double per element took 5 ns, more than the
    // batch normalization beside it.
    const uint64_t draw = a.ws.rng.next();
    const auto seedLo = static_cast<uint32_t>(draw), seedHi = static_cast<uint32_t>(draw >> 32);
    const auto threshold = static_cast<uint32_t>(std::min(4294967295.0, static_cast<double>(keep) * 4294967296.0));
    float* m = mask.data();
    const int64_t n = mask.size();
    for (int64_t i = 0; i < n; ++i) {
        uint32_t h = (static_cast<uint32_t>(i) ^ seedLo) * 0x9E3779B9u + seedHi;
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        m[i] = h < threshold ? scale : 0.f;
    }
    a.output.array() = x.array() * mask.array();
}

void Dropout::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    const Tensor& mask = a.ws.buffer(kMask);
    dx->resize(a.outputGrad.batch(), a.outputGrad.sampleShape());
    if (mask.empty())
        dx->array() = a.outputGrad.array();
    else
        dx->array() = a.outputGrad.array() * mask.array();
}

}  // namespace cs
