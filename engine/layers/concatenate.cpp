#include "layers/concatenate.h"

#include <limits>

#include <cstring>

#include "core/errors.h"

namespace cs {

LayerInfo Concatenate::info() {
    LayerInfo li;
    li.kind = "Concatenate";
    li.category = "Merge";
    li.help =
        "Stacks its inputs: feature maps along the channel axis (same height and width), "
        "or flat vectors end to end.";
    li.minInputs = 2;
    li.maxInputs = -1;
    li.create = [](const Options&, const std::string& name) { return std::make_unique<Concatenate>(name); };
    return li;
}

Shape Concatenate::outputShape(std::span<const Shape> inputs) const {
    const std::string who = describeLayer(kind(), name_);
    if (inputs.size() < 2)
        throw ShapeError(msg("layer.merge_too_few_inputs", "{layer}: needs at least 2 inputs, got {count}",
                             {{"layer", who}, {"count", std::to_string(inputs.size())}}));
    const Shape& first = inputs[0];
    if (!first.isImage() && !first.isFlat())
        throw ShapeError(msg("layer.concat_expects_image_or_flat", "{layer}: expects image or flat inputs, got {shape}",
                             {{"layer", who}, {"shape", first.toString()}}));
    int total = first[0];
    for (std::size_t i = 1; i < inputs.size(); ++i) {
        const Shape& s = inputs[i];
        const bool fits = s.rank() == first.rank() &&
                          (first.isFlat() || (s.height() == first.height() && s.width() == first.width()));
        if (!fits) {
            const std::vector<MessageArg> args{
                {"layer", who}, {"first", first.toString()}, {"other", s.toString()}, {"input", std::to_string(i + 1)}};
            if (first.isImage())
                throw ShapeError(msg("layer.concat_image_sizes_differ",
                                     "{layer}: image inputs must have the same height and width, got {first} and "
                                     "{other} (input {input})",
                                     args));
            throw ShapeError(
                msg("layer.concat_flat_with_image",
                    "{layer}: cannot join a flat input with an image, got {first} and {other} (input {input})", args));
        }
        if (__builtin_add_overflow(total, s[0], &total))
            throw ShapeError(msg("graph.size_overflow", "{layer}: its output would hold more than {max} values",
                                 {{"layer", who}, {"max", std::to_string(std::numeric_limits<int>::max())}}));
    }
    return first.isImage() ? Shape::image(total, first.height(), first.width()) : Shape::flat(total);
}

// In NCHW memory each input's sample is one contiguous block, and the output sample is those
// blocks one after another, for channels and flat features alike.
void Concatenate::forward(const ForwardArgs& a) {
    for (int n = 0; n < a.output.batch(); ++n) {
        float* dst = a.output.sample(n);
        for (const Tensor* x : a.inputs) {
            std::memcpy(dst, x->sample(n), sizeof(float) * x->sampleSize());
            dst += x->sampleSize();
        }
    }
}

void Concatenate::backward(const BackwardArgs& a) {
    int64_t offset = 0;
    for (std::size_t i = 0; i < a.inputs.size(); ++i) {
        const Tensor& x = *a.inputs[i];
        Tensor* dx = i < a.inputGrads.size() ? a.inputGrads[i] : nullptr;
        if (dx) {
            dx->resize(x.batch(), x.sampleShape());
            for (int n = 0; n < x.batch(); ++n)
                std::memcpy(dx->sample(n), a.outputGrad.sample(n) + offset, sizeof(float) * x.sampleSize());
        }
        offset += x.sampleSize();
    }
}

}  // namespace cs
