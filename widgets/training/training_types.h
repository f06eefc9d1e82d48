#pragma once
// Values that cross from the training thread to the GUI thread in queued signals. Each is a
// plain copyable value (or a shared pointer to data that is immutable once published), so the
// GUI never touches anything the worker is still writing.
#include <QMetaType>
#include <QString>
#include <QVector>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "io/model_file.h"
#include "train/evaluator.h"
#include "train/trainer.h"

namespace cs::gui {

// One image to probe, HWC uint8 as the dataset keeps it (a dataset sample or a webcam frame).
struct ProbeImage {
    std::vector<uint8_t> pixels;
    int height = 0, width = 0, channels = 0;
    int label = -1;         // the true class when known, in its dataset's classes
    std::string labelName;  // that class's name: the model's classes may be named otherwise
    QString source;         // where it came from, for the caption
    // A dataset sample's name (Dataset::sourceOf: its file, or container#item), which finds it
    // again in another load or split of that dataset; empty for camera frames and other images.
    std::string sample;

    bool isValid() const { return height > 0 && width > 0 && channels > 0 && !pixels.empty(); }
};

// One node's output for the probe image: channels x height x width floats (a flat output has
// height = width = 1).
struct LayerActivation {
    QString name;
    QString kind;
    int channels = 0, height = 0, width = 0;
    std::vector<float> values;

    bool isImage() const { return height > 1 || width > 1; }
    const float* map(int c) const { return values.data() + static_cast<std::size_t>(c) * height * width; }
};

// Summary of one parameter tensor ("conv2d/kernel").
struct ParamStats {
    QString name;
    int64_t count = 0;
    double mean = 0, stdev = 0, min = 0, max = 0;
    std::vector<int> histogram;  // equal-width bins over [min, max]
};

// The first convolution's kernels, filters x channels x kh x kw.
struct KernelSet {
    QString layer;
    int filters = 0, channels = 0, kh = 0, kw = 0;
    std::vector<float> values;
    bool isEmpty() const { return values.empty(); }
};

// What one probe answers: every layer's activation, the prediction and the weights' state.
struct ProbeResult {
    int64_t step = -1;  // global training step the weights belong to (-1: untrained)
    int epoch = 0;
    ProbeImage image;
    std::vector<LayerActivation> layers;
    std::vector<float> probabilities;  // the output, softmaxed when the model ends linearly
    std::vector<std::string> classNames;
    std::vector<ParamStats> params;
    KernelSet firstConv;
};

// An evaluation with the data it was made on (for the confusion matrix and the gallery).
struct EvalReport {
    EvalResult result;
    std::shared_ptr<const Dataset> data;
    QString setName;  // "test", "validation", or "training" when nothing was held out
    int64_t step = 0;
    // Reopened from the project (SavedEvaluation): `data` and the predictions hold its kept
    // mistakes only, not the correctly classified images.
    bool mistakesOnly = false;
};

// How a run ended, for the log and the status bar (the project's history keeps its RunRecord).
struct RunSummary {
    bool failed = false;                            // it threw; `error` says why
    StopReason stopReason = StopReason::Completed;  // when it did not fail
    int epochsCompleted = 0;
    std::vector<EpochStats> history;
    QString error;
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::BatchStats)
Q_DECLARE_METATYPE(cs::EpochStats)
Q_DECLARE_METATYPE(QVector<cs::BatchStats>)
Q_DECLARE_METATYPE(cs::gui::ProbeImage)
Q_DECLARE_METATYPE(cs::gui::ProbeResult)
Q_DECLARE_METATYPE(cs::gui::EvalReport)
Q_DECLARE_METATYPE(cs::gui::RunSummary)
Q_DECLARE_METATYPE(std::shared_ptr<const cs::ModelFile>)
Q_DECLARE_METATYPE(std::shared_ptr<const cs::DataSplits>)
