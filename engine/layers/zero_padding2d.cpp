#include "layers/zero_padding2d.h"

#include <algorithm>

#include "core/errors.h"
#include "layers/param_specs.h"

namespace cs {

ZeroPadding2DOptions ZeroPadding2DOptions::fromJson(const Options& j) {
    ZeroPadding2DOptions o;
    o.top = j.at("top").get<int>();
    o.bottom = j.at("bottom").get<int>();
    o.left = j.at("left").get<int>();
    o.right = j.at("right").get<int>();
    return o;
}

Options ZeroPadding2DOptions::toJson() const {
    return {{"top", top}, {"bottom", bottom}, {"left", left}, {"right", right}};
}

LayerInfo ZeroPadding2D::info() {
    const ZeroPadding2DOptions d;
    LayerInfo li;
    li.kind = "ZeroPadding2D";
    li.category = "Convolution";
    li.help = "Adds rows and columns of zeros around every feature map, a number for each side.";
    li.params = {spec::intParam("top", d.top, 0, 1024, "Rows of zeros added above."),
                 spec::intParam("bottom", d.bottom, 0, 1024, "Rows of zeros added below."),
                 spec::intParam("left", d.left, 0, 1024, "Columns of zeros added on the left."),
                 spec::intParam("right", d.right, 0, 1024, "Columns of zeros added on the right.")};
    li.create = [](const Options& o, const std::string& name) {
        return std::make_unique<ZeroPadding2D>(ZeroPadding2DOptions::fromJson(o), name);
    };
    return li;
}

Shape ZeroPadding2D::outputShape(std::span<const Shape> inputs) const {
    const Shape& s = inputs[0];
    if (!s.isImage())
        throw ShapeError(msg("layer.expects_image",
                             "{layer}: expects an image input (channels x height x width), got {shape}",
                             {{"layer", describeLayer(kind(), name_)}, {"shape", s.toString()}}));
    return Shape::image(s.channels(), s.height() + opt_.top + opt_.bottom, s.width() + opt_.left + opt_.right);
}

void ZeroPadding2D::forward(const ForwardArgs& a) {
    const Tensor& x = *a.inputs[0];
    const Shape& in = x.sampleShape();
    const Shape& out = a.output.sampleShape();
    a.output.setZero();
    for (int n = 0; n < x.batch(); ++n)
        for (int c = 0; c < in.channels(); ++c)
            for (int y = 0; y < in.height(); ++y) {
                const float* src = x.sample(n) + (int64_t(c) * in.height() + y) * in.width();
                float* dst = a.output.sample(n) + (int64_t(c) * out.height() + y + opt_.top) * out.width() + opt_.left;
                std::copy(src, src + in.width(), dst);
            }
}

void ZeroPadding2D::backward(const BackwardArgs& a) {
    Tensor* dx = a.inputGrads.empty() ? nullptr : a.inputGrads[0];
    if (!dx) return;
    const Shape& in = a.inputs[0]->sampleShape();
    const Shape& out = a.outputGrad.sampleShape();
    dx->resize(a.outputGrad.batch(), in);
    for (int n = 0; n < dx->batch(); ++n)
        for (int c = 0; c < in.channels(); ++c)
            for (int y = 0; y < in.height(); ++y) {
                const float* src =
                    a.outputGrad.sample(n) + (int64_t(c) * out.height() + y + opt_.top) * out.width() + opt_.left;
                std::copy(src, src + in.width(), dx->sample(n) + (int64_t(c) * in.height() + y) * in.width());
            }
}

}  // namespace cs
