#include "doctor/data_doctor.h"

#include <algorithm>
#include <chrono>

#include "core/worker_pool.h"
#include "doctor/confident_learning.h"
#include "doctor/cross_validated_softmax.h"
#include "doctor/doctor_map.h"
#include "doctor/doctor_stage.h"
#include "doctor/duplicate_groups.h"
#include "doctor/feature_duplicates.h"
#include "doctor/hash_duplicates.h"
#include "doctor/image_hashes.h"
#include "doctor/model_features.h"
#include "doctor/outlier_finder.h"
#include "doctor/pixel_embedding.h"
#include "graph/model.h"
#include "io/model_file.h"

namespace cs {

namespace {

// Fewer images than this per fold and the cross-validated predictions say little.
constexpr int kMinImagesPerFold = 5;

std::string shapeOf(int height, int width, int channels) {
    return std::to_string(height) + "x" + std::to_string(width) + "x" + std::to_string(channels);
}

void checkInputs(const Dataset& train, const Dataset& test, const Model* model, const Preprocessing& pre) {
    if (train.size() && test.size() &&
        (train.height != test.height || train.width != test.width || train.channels != test.channels))
        throw Error(msg("doctor.split_shapes", "the training images are {train} but the test images are {test}",
                        {{"train", shapeOf(train.height, train.width, train.channels)},
                         {"test", shapeOf(test.height, test.width, test.channels)}}));
    if (train.size() + test.size() == 0)
        throw Error(msg("doctor.no_images", "the data doctor needs images; the dataset has none"));
    if (!model) return;
    const Dataset& d = train.size() ? train : test;
    const bool dataFits = d.height == pre.height && d.width == pre.width && d.channels == pre.channels;
    if (!dataFits || model->inputShape() != pre.inputShape())
        throw Error(msg("doctor.input_mismatch", "the model takes {model} images, but the dataset's images are {data}",
                        {{"model", shapeOf(pre.height, pre.width, pre.channels)},
                         {"data", shapeOf(d.height, d.width, d.channels)}}));
}

// The feature space: the model's penultimate layer, else a PCA of the pixels.
void computeFeatures(const DoctorData& data, const Model* model, const Preprocessing& pre, const DoctorOptions& options,
                     const DoctorProgress& progress, WorkerPool& pool, DoctorReport& report) {
    DoctorStage stage(progress, "features", &report.stageSeconds);
    const int node = model ? penultimateNode(*model) : -1;
    if (model && node < 0)
        report.notes.push_back(msg("doctor.no_penultimate",
                                   "the model has no layer before its classifier; the doctor examined the pixels "
                                   "instead of its features"));
    if (node >= 0) {
        ModelFeatures f = computeModelFeatures(*model, node, data, pre, pool, stage, options.seed);
        if (f.dim < f.layerDim)
            report.notes.push_back(
                msg("doctor.features_reduced", "the {dim} features of layer '{layer}' were reduced to {reduced} by PCA",
                    {{"dim", std::to_string(f.layerDim)}, {"layer", f.layer}, {"reduced", std::to_string(f.dim)}}));
        report.features = std::move(f.rows);
        report.featureDim = f.dim;
        report.featureLayer = f.layer;
    } else {
        PixelEmbedding e = embedPixels(data, options.pixelComponents, pool, stage, options.seed);
        report.features = std::move(e.rows);
        report.featureDim = e.dim;
    }
    stage.finish();
}

// The label suspects; returns the out-of-sample predicted class of each row (empty when skipped).
std::vector<int> findLabelErrors(const DoctorData& data, const DoctorOptions& options, const DoctorProgress& progress,
                                 WorkerPool& pool, DoctorReport& report) {
    const int classes = data.classCount();
    std::vector<int32_t> labels(std::size_t(data.size()));
    std::vector<int64_t> perClass(std::size_t(std::max(classes, 1)), 0);
    for (int64_t r = 0; r < data.size(); ++r) ++perClass[std::size_t(labels[std::size_t(r)] = data.label(r))];
    const auto present = std::count_if(perClass.begin(), perClass.end(), [](int64_t c) { return c > 0; });
    const int folds = std::clamp(options.folds, 2, 50);
    if (present < 2) {
        report.notes.push_back(msg("doctor.labels_one_class",
                                   "label errors were not searched: the images belong to only {count} class",
                                   {{"count", std::to_string(present)}}));
        return {};
    }
    if (data.size() < int64_t(folds) * kMinImagesPerFold) {
        report.notes.push_back(msg("doctor.labels_too_few",
                                   "label errors were not searched: {images} images are too few for {folds}-fold "
                                   "cross-validation (at least {min})",
                                   {{"images", std::to_string(data.size())},
                                    {"folds", std::to_string(folds)},
                                    {"min", std::to_string(folds * kMinImagesPerFold)}}));
        return {};
    }
    DoctorStage stage(progress, "cross-validation", &report.stageSeconds);
    std::vector<float> standardized = report.features;
    standardizeColumns(standardized, report.featureDim);
    const std::vector<float> probabilities =
        crossValidatedProbabilities(standardized, report.featureDim, labels, classes, folds, options.seed, pool, stage);
    report.labelSuspects = findLabelSuspects(data, probabilities, classes);
    report.labelMethod =
        std::to_string(folds) + "-fold cross-validated softmax regression on " +
        (report.featureLayer.empty() ? std::to_string(report.featureDim) + " principal components of the pixels"
                                     : "the features of layer '" + report.featureLayer + "'") +
        ", over the training and test images together; confident learning ranks by margin";
    if (!report.featureLayer.empty())
        report.labelMethod +=
            " (the model itself was trained on the training images, so their features are not "
            "out-of-sample)";
    std::vector<int> predicted(std::size_t(data.size()));
    for (int64_t r = 0; r < data.size(); ++r) {
        const float* p = &probabilities[std::size_t(r) * std::size_t(classes)];
        predicted[std::size_t(r)] = int(std::max_element(p, p + classes) - p);
    }
    stage.finish();
    return predicted;
}

}  // namespace

void requireTrainedModel(const ModelFile& file, const std::string& name) {
    if (!file.hasWeights())
        throw Error(msg("doctor.untrained_model",
                        "'{file}' has no trained weights: its features would be noise. Train it first, or run the "
                        "data doctor without a model",
                        {{"file", name}}));
}

DoctorReport runDataDoctor(const Dataset& train, const Dataset& test, const Model* model, const Preprocessing& pre,
                           const DoctorOptions& options, const DoctorProgress& progress) {
    const auto start = std::chrono::steady_clock::now();
    checkInputs(train, test, model, pre);
    const DoctorData data{train, test};
    DoctorReport report;
    report.trainImages = int(train.size());
    report.testImages = int(test.size());
    WorkerPool pool(WorkerPool::resolveThreads(options.threads));

    DoctorStage hashing(progress, "hashes", &report.stageSeconds);
    const ImageHashes hashes = hashImages(data, pool, hashing);
    hashing.finish();
    DoctorStage hashSearch(progress, "duplicates", &report.stageSeconds);
    std::vector<DuplicateEdge> edges =
        findHashDuplicates(data, hashes, options.hashBits * kHashWords, pool, hashSearch);
    hashSearch.finish();
    DoctorStage pixels(progress, "pixel statistics", &report.stageSeconds);
    report.outliers = findPixelOutliers(data, pool, pixels);
    pixels.finish();

    computeFeatures(data, model, pre, options, progress, pool, report);
    const std::vector<int> predicted = findLabelErrors(data, options, progress, pool, report);

    if (!report.featureLayer.empty() && options.featureDuplicates) {
        DoctorStage stage(progress, "feature duplicates", &report.stageSeconds);
        const auto near =
            findFeatureDuplicates(report.features, report.featureDim, predicted, options.featureDistance, pool, stage);
        edges.insert(edges.end(), near.begin(), near.end());
        stage.finish();
    }
    report.duplicates = groupDuplicates(data, edges);

    DoctorStage far(progress, "outliers", &report.stageSeconds);
    const auto distant = findFeatureOutliers(data, report.features, report.featureDim, far);
    report.outliers.insert(report.outliers.end(), distant.begin(), distant.end());
    std::stable_sort(report.outliers.begin(), report.outliers.end(),
                     [](const Outlier& a, const Outlier& b) { return a.score > b.score; });
    far.finish();
    if (options.map) {
        DoctorStage map(progress, "map", &report.stageSeconds);
        addDoctorMap(report, train, test, options, map);
        map.finish();
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace cs
