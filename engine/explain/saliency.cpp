#include "explain/saliency.h"

#include <cmath>

#include "explain/class_score_gradient.h"
#include "graph/model.h"

namespace cs {

cv::Mat saliency(const Model& model, Executor& ex, const Tensor& input, int targetClass, Tensor& outputGrad,
                 bool forwardDone) {
    classScoreGradient(model, ex, input, targetClass, 0, outputGrad, forwardDone);
    const Tensor& g = ex.gradient(0);
    const Shape& s = model.inputShape();
    const int64_t plane = int64_t(s.height()) * s.width();
    cv::Mat map = cv::Mat::zeros(s.height(), s.width(), CV_32F);
    ArrMap out(map.ptr<float>(), plane);
    for (int c = 0; c < s.channels(); ++c) out = out.max(ConstArrMap(g.data() + c * plane, plane).abs());
    return map;
}

}  // namespace cs
