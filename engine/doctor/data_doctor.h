#pragma once
// The data doctor: finds exact and near-duplicate images (and duplicates that span the training
// and the test split: leakage), likely label errors and outliers in a dataset, optionally with a
// trained model's features, and places every image on a 2-D map. The CLI's `dataset doctor` and
// the studio's Doctor page both call runDataDoctor; its report is what they show.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.h"
#include "data/dataset.h"
#include "data/preprocessing.h"

namespace cs {

class Model;
struct ModelFile;

enum class DoctorSplit : uint8_t { Train, Test };

// One image of the examined data: sample `index` of the training or the test Dataset given.
struct DoctorImage {
    DoctorSplit split = DoctorSplit::Train;
    uint32_t index = 0;
    bool operator==(const DoctorImage&) const = default;
};

// Images that are the same picture (identical pixels) or nearly so (perceptual hash within a
// few bits, or with a model, penultimate features closer than the threshold).
struct DuplicateGroup {
    std::vector<DoctorImage> images;  // at least two; the first is the group's representative
    bool exact = false;               // every member has identical pixels
    bool spansSplits = false;         // members in both the training and the test split (leakage)
    float distance = 0;               // the largest distance inside the group (0 for exact)
};

// An image whose out-of-sample prediction disagrees with its given label.
struct LabelSuspect {
    DoctorImage image;
    int givenClass = 0;
    int suggestedClass = 0;
    float givenProbability = 0;      // out-of-sample probability of the given label
    float suggestedProbability = 0;  // ... and of the suggested class
    float score = 0;                 // higher = more likely wrong; suspects are sorted by it
};

enum class OutlierKind : uint8_t {
    Blank,           // (nearly) one value everywhere
    Saturated,       // most pixels at 0 or 255
    LowContrast,     // almost no spread of values
    FarFromClasses,  // far from every class in feature space
};

struct Outlier {
    DoctorImage image;
    OutlierKind kind = OutlierKind::Blank;
    float score = 0;  // higher = more unusual; outliers are sorted by it
};

// One image on the 2-D map (t-SNE of the model's features, or of the pixels without a model).
struct MapPoint {
    DoctorImage image;
    float x = 0, y = 0;
    int label = 0;
};

struct DoctorOptions {
    int folds = 5;     // cross-validation folds for the out-of-sample predictions
    int hashBits = 4;  // near duplicates: perceptual hashes at most this many bits apart per 64 bits (of 256)
    bool featureDuplicates = true;  // with a model: also group by feature distance
    // ... at most this far apart once scaled to unit length (0..2; see feature_duplicates.h).
    float featureDistance = 0.01f;
    int pixelComponents = 50;  // without a model: principal components of the pixels examined
    bool map = true;           // compute the 2-D map
    int mapMaxPoints = 20000;  // a deterministic sample above this many images
    int threads = 2;
    uint64_t seed = 1;
};

// Progress: the current stage's name (English, for logs) and its fraction done.
struct DoctorProgress {
    std::function<void(const std::string& stage, double fraction)> report;
    const std::atomic<bool>* cancel = nullptr;  // when it becomes true, the doctor throws DoctorCancelled
};

class DoctorCancelled : public Error {
public:
    DoctorCancelled();
};

struct DoctorReport {
    int trainImages = 0, testImages = 0;
    std::vector<DuplicateGroup> duplicates;   // leakage groups first, then by size
    std::vector<LabelSuspect> labelSuspects;  // by score, highest first
    std::vector<Outlier> outliers;            // by score, highest first
    std::vector<MapPoint> map;
    // How the out-of-sample predictions were made, e.g. "5-fold cross-validated softmax
    // regression on the features of layer 'dense'" (shown to the user and in the JSON).
    std::string labelMethod;
    std::string featureLayer;  // empty without a model
    double seconds = 0;
    // What the doctor left out and why (a one-class dataset gets no label analysis, ...).
    std::vector<Message> notes;
    // The space the images were examined in, one row of featureDim values per image (the
    // training images, then the test images; featureRow gives the row): the model's penultimate
    // features, or without a model a PCA of the pixels. The 2-D map is computed from these.
    std::vector<float> features;
    int featureDim = 0;
    // Seconds spent in each stage, in order ("hashes", "features", ...), for logs and benchmarks.
    std::vector<std::pair<std::string, double>> stageSeconds;

    int64_t featureRow(DoctorImage image) const {
        return image.split == DoctorSplit::Train ? image.index : int64_t(trainImages) + image.index;
    }
};

// Throws Error (doctor.untrained_model) naming `name` when `file` holds no trained weights: the
// features of an untrained model are noise, so the doctor does not use them.
void requireTrainedModel(const ModelFile& file, const std::string& name);

// Examines `train` and `test` (which may be empty). `model` may be null (pixels only: hashes,
// pixel statistics and predictions of a model-free classifier); with a model its input must fit
// `pre`, else an Error names both shapes. Throws DoctorCancelled when cancelled.
DoctorReport runDataDoctor(const Dataset& train, const Dataset& test, const Model* model, const Preprocessing& pre,
                           const DoctorOptions& options, const DoctorProgress& progress = {});

}  // namespace cs
