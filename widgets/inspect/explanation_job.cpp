#include "inspect/explanation_job.h"

#include <QCoreApplication>

#include "common/engine_message.h"
#include "explain/heat_map_overlay.h"
#include "graph/model.h"
#include "inspect/probe_capture.h"
#include "io/model_file.h"

namespace cs::gui {

QImage heatMapImage(const Explanation& explanation) {
    const cv::Mat bgr = heatMapColours(explanation);
    QImage image(bgr.cols, bgr.rows, QImage::Format_RGB888);
    for (int r = 0; r < bgr.rows; ++r) {
        const auto* src = bgr.ptr<cv::Vec3b>(r);
        uchar* dst = image.scanLine(r);
        for (int c = 0; c < bgr.cols; ++c) {
            dst[3 * c + 0] = src[c][2];
            dst[3 * c + 1] = src[c][1];
            dst[3 * c + 2] = src[c][0];
        }
    }
    return image;
}

ExplanationOutcome computeExplanation(const ExplanationRequest& request) {
    return computeExplanations(request, {request.options.targetClass}).front();
}

std::vector<ExplanationOutcome> computeExplanations(const ExplanationRequest& request,
                                                    const std::vector<int>& targets) {
    ExplanationOutcome common;
    std::vector<ExplanationOutcome> out;
    try {
        const ModelFile& project = *request.project;
        Model model(project.graph, project.seed);
        applyWeights(project, model);
        for (int i : spatialLayers(model))
            common.layers << QString::fromStdString(model.nodes()[static_cast<std::size_t>(i)].layer->name());
        const int classes = static_cast<int>(model.outputShape().size());
        for (int c = 0; c < classes; ++c)
            common.classNames << (c < int(project.classNames.size())
                                      ? QString::fromStdString(project.classNames[c])
                                      : QCoreApplication::translate("ExplanationView", "class %1").arg(c));
        const Tensor input = probeInput(project.preprocessing, request.image);
        Explainer explainer(model);
        for (int target : targets) {
            ExplanationOutcome one = common;
            ExplainOptions o = request.options;
            o.targetClass = target;
            if (request.occlusionWithoutSpatialLayer && o.method == ExplainMethod::GradCam &&
                defaultGradCamLayer(model) < 0)
                o.method = ExplainMethod::Occlusion;
            try {
                one.explanation = explainer.explain(input, o);
                one.heatMap = heatMapImage(one.explanation);
            } catch (const std::exception& e) {
                one.error = engineText(e);
            }
            out.push_back(std::move(one));
        }
    } catch (const std::exception& e) {
        common.error = engineText(e);
        out.assign(targets.size(), common);
    }
    return out;
}

}  // namespace cs::gui
