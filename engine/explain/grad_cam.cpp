#include "explain/grad_cam.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "explain/class_score_gradient.h"
#include "graph/model.h"

namespace cs {

GradCamMaps gradCam(const Model& model, Executor& ex, const Tensor& input, int layer, int targetClass,
                    Tensor& outputGrad, bool forwardDone) {
    classScoreGradient(model, ex, input, targetClass, layer, outputGrad, forwardDone);
    const Tensor& a = ex.activation(layer);
    const Tensor& g = ex.gradient(layer);
    const Shape& s = a.sampleShape();
    const int channels = s.channels(), h = s.height(), w = s.width();
    const int64_t plane = int64_t(h) * w;
    GradCamMaps maps;
    maps.weights.resize(static_cast<std::size_t>(channels));
    maps.layerMap = cv::Mat::zeros(h, w, CV_32F);
    auto* sum = maps.layerMap.ptr<float>();
    for (int c = 0; c < channels; ++c) {
        const float weight = ConstArrMap(g.data() + c * plane, plane).mean();
        maps.weights[static_cast<std::size_t>(c)] = weight;
        ArrMap(sum, plane) += weight * ConstArrMap(a.data() + c * plane, plane);
    }
    ArrMap(sum, plane) = ArrMap(sum, plane).max(0.f);
    const Shape& in = model.inputShape();
    cv::resize(maps.layerMap, maps.inputMap, cv::Size(in.width(), in.height()), 0, 0, cv::INTER_LINEAR);
    return maps;
}

}  // namespace cs
