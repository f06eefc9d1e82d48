#include "io/parity.h"

#include <algorithm>
#include <cmath>

#include <opencv2/dnn.hpp>

#include "core/errors.h"
#include "graph/model.h"

namespace cs {

namespace {

Tensor runEngine(const Model& model, const Tensor& input, int batchSize) {
    auto ex = model.makeExecutor();
    Tensor out(input.batch(), model.outputShape());
    Tensor chunk;
    for (int first = 0; first < input.batch(); first += batchSize) {
        const int n = std::min(batchSize, input.batch() - first);
        chunk.copySamplesFrom(input, first, n);
        const Tensor& y = model.forward(*ex, chunk, Phase::Eval);
        std::copy(y.data(), y.data() + y.size(), out.sample(first));
    }
    return out;
}

}  // namespace

nlohmann::json ParityReport::toJson() const {
    return {{"samples", samples},
            {"max_abs_diff", maxAbsDiff},
            {"mean_abs_diff", meanAbsDiff},
            {"max_output_diff", maxOutputDiff},
            {"top1_agreements", top1Agreements},
            {"all_top1_agree", allTop1Agree()},
            {"disagreements", disagreements}};
}

Tensor runOpenCvDnn(const std::string& onnxBytes, const Tensor& input) {
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnxBytes.data(), onnxBytes.size());
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        const Shape& s = input.sampleShape();
        std::vector<int> dims{input.batch()};
        for (int i = 0; i < s.rank(); ++i) dims.push_back(s[i]);
        // OpenCV reads the blob during forward() only; const_cast does not let it write.
        cv::Mat blob(static_cast<int>(dims.size()), dims.data(), CV_32F, const_cast<float*>(input.data()));
        net.setInput(blob);
        cv::Mat out = net.forward();
        if (out.total() == 0 || out.total() % static_cast<size_t>(input.batch()) != 0)
            throw Error(msg("parity.dnn_value_count", "OpenCV DNN returned {values} values for a batch of {batch}",
                            {{"values", std::to_string(out.total())}, {"batch", std::to_string(input.batch())}}));
        const int perSample = static_cast<int>(out.total() / input.batch());
        Tensor result(input.batch(), Shape::flat(perSample));
        cv::Mat cont = out.isContinuous() ? out : out.clone();
        std::copy(cont.ptr<float>(), cont.ptr<float>() + out.total(), result.data());
        return result;
    } catch (const cv::Exception& e) {
        throw Error(
            msg("parity.dnn_failed", "OpenCV DNN could not run the ONNX model: {reason}", {{"reason", e.what()}}));
    }
}

ParityReport compareWithOpenCv(const ModelFile& file, const std::string& onnxBytes, const Tensor& engineInput,
                               const Tensor& onnxInput) {
    if (!file.hasWeights()) throw Error(msg("parity.no_weights", "parity check: the model has no trained weights"));
    Model model(file.graph, file.seed);
    applyWeights(file, model);
    const Tensor ours = runEngine(model, engineInput, 32);
    const Tensor theirs = runOpenCvDnn(onnxBytes, onnxInput);
    if (theirs.size() != ours.size())
        throw Error(
            msg("parity.output_count", "parity check: OpenCV DNN gives {theirs} outputs per image, the engine {ours}",
                {{"theirs", std::to_string(theirs.sampleSize())}, {"ours", std::to_string(ours.sampleSize())}}));
    const int classes = static_cast<int>(ours.sampleSize());
    ParityReport r;
    r.samples = ours.batch();
    double sum = 0;
    for (int i = 0; i < r.samples; ++i) {
        for (int c = 0; c < classes; ++c)
            r.maxOutputDiff = std::max(r.maxOutputDiff, double(std::fabs(ours.sample(i)[c] - theirs.sample(i)[c])));
        const auto a = model.probabilities(ours.sample(i));
        const auto b = model.probabilities(theirs.sample(i));
        for (int c = 0; c < classes; ++c) {
            const double d = std::fabs(double(a[c]) - double(b[c]));
            r.maxAbsDiff = std::max(r.maxAbsDiff, d);
            sum += d;
        }
        const auto ta = std::max_element(a.begin(), a.end()) - a.begin();
        const auto tb = std::max_element(b.begin(), b.end()) - b.begin();
        if (ta == tb)
            ++r.top1Agreements;
        else
            r.disagreements.push_back(i);
    }
    r.meanAbsDiff = r.samples ? sum / (double(r.samples) * classes) : 0;
    return r;
}

ParityReport checkParity(const ModelFile& file, const Dataset& data, const ParityOptions& options) {
    const Preprocessing& pre = file.preprocessing;
    if (data.size() == 0) throw Error(msg("parity.empty_dataset", "parity check: the dataset is empty"));
    if (data.height != pre.height || data.width != pre.width || data.channels != pre.channels)
        throw Error(msg("parity.image_size", "parity check: the images are {images} but the model takes {input}",
                        {{"images", std::to_string(data.width) + "x" + std::to_string(data.height) + "x" +
                                        std::to_string(data.channels)},
                         {"input", std::to_string(pre.width) + "x" + std::to_string(pre.height) + "x" +
                                       std::to_string(pre.channels)}}));
    const int n = std::clamp(options.count, 1, static_cast<int>(std::min<size_t>(data.size(), 1 << 20)));
    const Shape shape = pre.inputShape();
    Tensor engineInput(n, shape), rawInput;
    const bool baked = options.exportOptions.bakePreprocessing;
    if (baked) rawInput.resize(n, shape);
    const int plane = pre.height * pre.width;
    for (int i = 0; i < n; ++i) {
        const size_t index = static_cast<size_t>(i) * data.size() / n;
        const uint8_t* hwc = data.image(index);
        pre.toFloat(hwc, engineInput.sample(i));
        if (baked) {
            float* chw = rawInput.sample(i);
            for (int c = 0; c < pre.channels; ++c)
                for (int p = 0; p < plane; ++p) chw[c * plane + p] = hwc[p * pre.channels + c];
        }
    }
    const std::string onnx = exportOnnx(file, options.exportOptions);
    return compareWithOpenCv(file, onnx, engineInput, baked ? rawInput : engineInput);
}

}  // namespace cs
