#pragma once
// Everything the dataset browser shows, in one place: the splits as the engine loaded them,
// which training samples the validation split takes, which images are excluded from training,
// and each sample's prediction once a trained model was evaluated.
// A sample is named by its global index: the source's training set first, then its own
// validation set, then its test set. GUI thread only. The images are shared, read-only, with
// the studio's dataset session (and the worker threads): relabelling copies them first.
#include <QImage>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "training/training_types.h"

namespace cs::gui {

enum class SampleSplit : uint8_t { Train = 0, Validation = 1, Test = 2 };

// Per global index (sized like the catalog); predicted = -1 where nothing was evaluated.
struct SamplePredictions {
    int classes = 0;
    std::vector<int32_t> predicted;
    std::vector<float> confidence;     // probability of the predicted class
    std::vector<float> loss;           // -log p(true class)
    std::vector<float> probabilities;  // size x classes
};

class DatasetCatalog {
public:
    DatasetCatalog() = default;
    // `source` is the string the data was loaded from (a folder for image folders).
    DatasetCatalog(std::shared_ptr<const DataSplits> data, std::string source);
    DatasetCatalog(DataSplits data, std::string source);

    const DataSplits& data() const { return *data_; }
    // The same images, to share with worker threads (after relabel(): the relabelled copy).
    const std::shared_ptr<const DataSplits>& sharedData() const { return data_; }
    const std::string& source() const { return source_; }
    bool isImageFolder() const;  // samples are files that can be excluded or moved
    std::size_t size() const { return offsets_[3]; }
    bool empty() const { return size() == 0; }
    int height() const { return first().height; }
    int width() const { return first().width; }
    int channels() const { return first().channels; }
    int classCount() const { return int(first().classNames.size()); }
    const std::vector<std::string>& classNames() const { return first().classNames; }

    // The engine's part (0 train, 1 own validation, 2 test) and index there.
    int partOf(std::size_t g) const;
    uint32_t localIndex(std::size_t g) const { return uint32_t(g - offsets_[partOf(g)]); }
    const Dataset& part(int p) const;
    std::size_t partOffset(int p) const { return offsets_[p]; }

    int label(std::size_t g) const;
    const uint8_t* image(std::size_t g) const;
    std::string sourceOf(std::size_t g) const;
    std::string relativeSource(std::size_t g) const;  // relative to the source folder
    QImage imageOf(std::size_t g) const;              // a deep copy (Grayscale8 or RGB888)
    QString displayName(std::size_t g) const;         // "train #12" or the file name

    SampleSplit split(std::size_t g) const { return SampleSplit(split_[g]); }
    // The validation the trainer will carve from the training part (minus excluded images);
    // ignored when the source has its own validation set.
    void setValidationSplit(double fraction, uint64_t seed);
    double validationFraction() const { return fraction_; }
    uint64_t splitSeed() const { return seed_; }

    bool excluded(std::size_t g) const { return excluded_[g] != 0; }
    // Paths relative to the source folder, as the project stores them. Re-applies the split.
    void setExcluded(const std::vector<std::string>& relativePaths);
    std::vector<std::string> excludedPaths() const;
    std::size_t excludedCount() const;

    bool hasPredictions() const { return !predictions_.predicted.empty(); }
    void setPredictions(SamplePredictions p);
    void clearPredictions() { predictions_ = {}; }
    const SamplePredictions& predictions() const { return predictions_; }
    int predicted(std::size_t g) const { return hasPredictions() ? predictions_.predicted[g] : -1; }
    float confidence(std::size_t g) const { return hasPredictions() ? predictions_.confidence[g] : 0.f; }
    float loss(std::size_t g) const { return hasPredictions() ? predictions_.loss[g] : 0.f; }
    bool misclassified(std::size_t g) const { return predicted(g) >= 0 && predicted(g) != label(g); }
    std::vector<float> probabilities(std::size_t g) const;

    // Samples per class in one split (excluded images not counted).
    std::vector<std::size_t> classCounts(SampleSplit s) const;
    std::size_t splitCount(SampleSplit s) const;

    // After a file move: sample g now lives at `path` with label `newLabel`.
    void relabel(std::size_t g, int newLabel, const std::string& path);
    // The global index of the sample loaded from `path`, or -1.
    long long findSource(const std::string& path) const;

private:
    const Dataset& first() const;
    Dataset& mutablePart(int p);  // copies shared images first

    std::shared_ptr<const DataSplits> data_;
    bool ownsData_ = false;  // data_ was copied here (not a const object made elsewhere)
    std::string source_;
    std::size_t offsets_[4] = {0, 0, 0, 0};
    std::vector<uint8_t> split_;
    std::vector<uint8_t> excluded_;
    double fraction_ = 0.0;
    uint64_t seed_ = 42;
    SamplePredictions predictions_;
};

// Sample `g` as a probe image (pixels, true class and its name, source): what the Inspect page
// and the explanations of one image take.
ProbeImage probeFromCatalog(const DatasetCatalog& catalog, std::size_t g);

}  // namespace cs::gui
