#include "inference/classifier.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"

namespace cs {

Classifier::Classifier(const ModelFile& file) : file_(file) {
    if (!file_.hasWeights())
        throw FileError(msg("model.no_weights", "the model has no trained weights; train it first"));
    model_ = std::make_unique<Model>(file_.graph, file_.seed);
    applyWeights(file_, *model_);
    executor_ = model_->makeExecutor();
    if (model_->inputShape() != file_.preprocessing.inputShape())
        throw FileError(msg(
            "model.input_preprocessing_mismatch",
            "the model's input {input} does not match its preprocessing {prepared}",
            {{"input", model_->inputShape().toString()}, {"prepared", file_.preprocessing.inputShape().toString()}}));
}

Classifier::~Classifier() = default;

std::string Classifier::className(int index) const {
    if (index >= 0 && index < static_cast<int>(file_.classNames.size())) return file_.classNames[index];
    return std::to_string(index);
}

void Classifier::prepare(const cv::Mat& image, float* chw) const {
    const cv::Mat sized = toModelImage(image, file_.preprocessing);
    file_.preprocessing.toFloat(sized.data, chw);
}

cv::Mat toModelImage(const cv::Mat& image, const Preprocessing& pre) {
    if (image.empty()) throw Error(msg("classify.empty_image", "cannot classify an empty image"));
    if (image.depth() != CV_8U)
        throw Error(msg("classify.not_8bit", "only 8-bit images can be classified, got OpenCV depth {depth}",
                        {{"depth", std::to_string(image.depth())}}));
    cv::Mat converted;
    const int c = image.channels();
    if (pre.channels == 1) {
        if (c == 1)
            converted = image;
        else
            cv::cvtColor(image, converted, c == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    } else {
        if (c == 1)
            cv::cvtColor(image, converted, cv::COLOR_GRAY2RGB);
        else
            cv::cvtColor(image, converted, c == 4 ? cv::COLOR_BGRA2RGB : cv::COLOR_BGR2RGB);
    }
    cv::Mat sized;
    if (converted.rows != pre.height || converted.cols != pre.width)
        cv::resize(converted, sized, cv::Size(pre.width, pre.height), 0, 0, cv::INTER_AREA);
    else
        sized = converted;
    if (!sized.isContinuous()) sized = sized.clone();
    return sized;
}

std::vector<float> Classifier::probabilitiesOf(const Tensor& input) {
    return model_->probabilities(model_->forward(*executor_, input, Phase::Eval).data());
}

std::vector<float> Classifier::probabilities(const cv::Mat& image) {
    input_.resize(1, model_->inputShape());
    prepare(image, input_.data());
    return probabilitiesOf(input_);
}

std::vector<ClassScore> Classifier::topK(const cv::Mat& image, int k) {
    const std::vector<float> p = probabilities(image);
    std::vector<int> order(p.size());
    std::iota(order.begin(), order.end(), 0);
    k = std::clamp(k, 1, static_cast<int>(p.size()));
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) { return p[a] > p[b]; });
    std::vector<ClassScore> out;
    for (int i = 0; i < k; ++i) out.push_back({order[i], className(order[i]), p[order[i]]});
    return out;
}

cv::Mat readImageFile(const std::string& path) {
    // imdecode from our own read: clear errors for folders, missing and huge files.
    const std::string bytes = readWholeFile(path, std::size_t(512) << 20);
    cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
    cv::Mat image;
    try {
        image = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw FileError(
            msg("image.decode_failed", "cannot decode '{file}': {reason}", {{"file", path}, {"reason", e.what()}}));
    }
    if (image.empty())
        throw FileError(msg("image.not_an_image", "cannot decode '{file}': not an image OpenCV can read, or corrupt",
                            {{"file", path}}));
    if (image.depth() == CV_16U) image.convertTo(image, CV_8U, 1.0 / 257.0);
    return image;
}

}  // namespace cs
