#include "inspect/probe_capture.h"

#include <algorithm>
#include <cmath>

#include "data/batcher.h"
#include "data/preprocessing.h"
#include "graph/model.h"

namespace cs::gui {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

ParamStats statsOf(const QString& name, const Tensor& t, int bins) {
    ParamStats s;
    s.name = name;
    s.count = t.size();
    if (s.count == 0) return s;
    const float* v = t.data();
    double sum = 0, sq = 0;
    float lo = v[0], hi = v[0];
    for (int64_t i = 0; i < s.count; ++i) {
        sum += v[i];
        sq += double(v[i]) * v[i];
        lo = std::min(lo, v[i]);
        hi = std::max(hi, v[i]);
    }
    s.mean = sum / s.count;
    s.stdev = std::sqrt(std::max(0.0, sq / s.count - s.mean * s.mean));
    s.min = lo;
    s.max = hi;
    s.histogram.assign(std::max(1, bins), 0);
    const double width = hi > lo ? (double(hi) - lo) / s.histogram.size() : 1.0;
    for (int64_t i = 0; i < s.count; ++i) {
        const int b = std::clamp(static_cast<int>((v[i] - lo) / width), 0, static_cast<int>(s.histogram.size()) - 1);
        ++s.histogram[b];
    }
    return s;
}

}  // namespace

ProbeImage probeFromDataset(const Dataset& data, std::size_t index) {
    ProbeImage p;
    if (index >= data.size()) return p;
    p.height = data.height;
    p.width = data.width;
    p.channels = data.channels;
    p.pixels.assign(data.image(index), data.image(index) + data.imageBytes());
    p.label = data.labels[index];
    if (p.label >= 0 && p.label < data.classCount()) p.labelName = data.classNames[std::size_t(p.label)];
    p.sample = data.sourceOf(index);
    p.source = QString::fromStdString(p.sample);
    return p;
}

Tensor probeInput(const Preprocessing& pre, const ProbeImage& image) {
    std::vector<uint8_t> converted;
    const uint8_t* hwc = image.pixels.data();
    if (image.height != pre.height || image.width != pre.width || image.channels != pre.channels) {
        convertImage(hwc, image.height, image.width, image.channels, pre.height, pre.width, pre.channels, converted);
        hwc = converted.data();
    }
    Tensor input(1, pre.inputShape());
    pre.toFloat(hwc, input.data());
    return input;
}

ProbeResult captureProbe(const Model& model, Executor& executor, const Preprocessing& pre, const ProbeImage& image) {
    ProbeResult r;
    r.image = image;
    if (!image.isValid()) return r;
    const Tensor input = probeInput(pre, image);
    const Tensor& out = model.forward(executor, input, Phase::Eval);

    const auto& nodes = model.nodes();
    r.layers.reserve(nodes.size());
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const Tensor& a = executor.activation(i);
        LayerActivation l;
        l.name = qs(nodes[i].layer->name());
        l.kind = qs(nodes[i].layer->kind());
        const Shape& s = nodes[i].outputShape;
        l.channels = s.channels();
        l.height = s.height();
        l.width = s.width();
        l.values.assign(a.data(), a.data() + std::min<int64_t>(a.sampleSize(), s.size()));
        r.layers.push_back(std::move(l));
    }

    r.probabilities = model.probabilities(out.data());
    r.params = weightStatistics(model);
    r.firstConv = firstConvKernels(model);
    return r;
}

std::vector<ParamStats> weightStatistics(const Model& model, int bins) {
    std::vector<ParamStats> out;
    for (const auto& node : model.nodes()) {
        const QString layer = qs(node.layer->name());
        for (const Param& p : node.layer->params()) out.push_back(statsOf(layer + '/' + qs(p.name), p.value, bins));
    }
    return out;
}

KernelSet firstConvKernels(const Model& model) {
    KernelSet k;
    for (const auto& node : model.nodes()) {
        if (node.layer->kind() != "Conv2D" || node.layer->params().empty()) continue;
        const Tensor& t = node.layer->params().front().value;
        const Shape& s = t.sampleShape();
        if (!s.isImage()) continue;
        k.layer = qs(node.layer->name());
        k.filters = t.batch();
        k.channels = s.channels();
        k.kh = s.height();
        k.kw = s.width();
        k.values.assign(t.data(), t.data() + t.size());
        break;
    }
    return k;
}

}  // namespace cs::gui
