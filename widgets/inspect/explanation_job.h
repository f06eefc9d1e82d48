#pragma once
// One explanation of a probe image, computed away from the GUI thread: the project's model with
// its weights, the probe prepared by the model's preprocessing, engine/explain's heat map and
// the QImage the views draw. Values in, values out, so QtConcurrent can run it.
#include <QImage>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "explain/explanation.h"
#include "training/training_types.h"

namespace cs {
struct ModelFile;
}

namespace cs::gui {

struct ExplanationRequest {
    std::shared_ptr<const ModelFile> project;  // must hold weights
    ProbeImage image;
    ExplainOptions options;
    bool occlusionWithoutSpatialLayer = false;  // Grad-CAM asked of a model without one: occlusion
};

struct ExplanationOutcome {
    Explanation explanation;
    QImage heatMap;          // the heat map's colours (RGB888, the model input's size)
    QStringList layers;      // the layers Grad-CAM can use, in node order
    QStringList classNames;  // the model's classes
    QString error;           // set (translated) when nothing could be computed
    bool ok() const { return error.isEmpty(); }
};

// Runs on any thread; never throws (errors come back in `error`).
ExplanationOutcome computeExplanation(const ExplanationRequest& request);
// The same image explained for each class of `targets` (-1: the predicted one) with one model:
// "why this, not that" shows the predicted and the true class side by side.
std::vector<ExplanationOutcome> computeExplanations(const ExplanationRequest& request, const std::vector<int>& targets);

// The engine's coloured heat map (JET, as the CLI's overlays) as an RGB QImage.
QImage heatMapImage(const Explanation& explanation);

}  // namespace cs::gui
