#include "dataset/dataset_catalog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "data/dataset_project.h"
#include "data/split.h"

namespace cs::gui {

DatasetCatalog::DatasetCatalog(DataSplits data, std::string source)
    : DatasetCatalog(std::make_shared<const DataSplits>(std::move(data)), std::move(source)) {}

DatasetCatalog::DatasetCatalog(std::shared_ptr<const DataSplits> data, std::string source)
    : data_(std::move(data)), source_(std::move(source)) {
    offsets_[1] = data_->train.size();
    offsets_[2] = offsets_[1] + data_->validation.size();
    offsets_[3] = offsets_[2] + data_->test.size();
    split_.assign(size(), uint8_t(SampleSplit::Train));
    excluded_.assign(size(), 0);
    setValidationSplit(0.0, 42);
}

const Dataset& DatasetCatalog::first() const {
    if (!data_->train.labels.empty() || (data_->validation.labels.empty() && data_->test.labels.empty()))
        return data_->train;
    return data_->validation.labels.empty() ? data_->test : data_->validation;
}

bool DatasetCatalog::isImageFolder() const { return !first().sources.empty(); }

int DatasetCatalog::partOf(std::size_t g) const { return g < offsets_[1] ? 0 : g < offsets_[2] ? 1 : 2; }

const Dataset& DatasetCatalog::part(int p) const {
    return p == 0 ? data_->train : p == 1 ? data_->validation : data_->test;
}

Dataset& DatasetCatalog::mutablePart(int p) {
    // Others (the session, a worker) may hold these images: change a copy of our own. Once the
    // copy is ours alone, the rest of a multi-image move changes it in place.
    if (data_.use_count() != 1 || !ownsData_) {
        data_ = std::make_shared<DataSplits>(*data_);
        ownsData_ = true;
    }
    auto& data = const_cast<DataSplits&>(*data_);  // made non-const just above
    return p == 0 ? data.train : p == 1 ? data.validation : data.test;
}

int DatasetCatalog::label(std::size_t g) const { return part(partOf(g)).labels[localIndex(g)]; }

const uint8_t* DatasetCatalog::image(std::size_t g) const { return part(partOf(g)).image(localIndex(g)); }

std::string DatasetCatalog::sourceOf(std::size_t g) const { return part(partOf(g)).sourceOf(localIndex(g)); }

std::string DatasetCatalog::relativeSource(std::size_t g) const { return relativeToRoot(source_, sourceOf(g)); }

QImage DatasetCatalog::imageOf(std::size_t g) const {
    const int h = height(), w = width(), c = channels();
    if (g >= size() || h <= 0 || w <= 0) return {};
    const QImage::Format format = c == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    QImage out(w, h, format);
    const uint8_t* src = image(g);
    for (int y = 0; y < h; ++y) {
        uchar* row = out.scanLine(y);
        const uint8_t* in = src + std::size_t(y) * w * c;
        if (c == 1 || c == 3) {
            std::copy(in, in + std::size_t(w) * c, row);
        } else {  // other channel counts: show the first channel as gray
            for (int x = 0; x < w; ++x) row[x] = in[std::size_t(x) * c];
        }
    }
    if (c != 1 && c != 3) return out.convertToFormat(QImage::Format_Grayscale8);
    return out;
}

QString DatasetCatalog::displayName(std::size_t g) const {
    const Dataset& d = part(partOf(g));
    if (!d.sources.empty()) return QFileInfo(QString::fromStdString(sourceOf(g))).fileName();
    // Whole phrases, so a translation never mixes an English part name into its own words.
    static const char* const kPart[] = {QT_TRANSLATE_NOOP("DatasetCatalog", "training image #%1"),
                                        QT_TRANSLATE_NOOP("DatasetCatalog", "validation image #%1"),
                                        QT_TRANSLATE_NOOP("DatasetCatalog", "test image #%1")};
    return QCoreApplication::translate("DatasetCatalog", kPart[partOf(g)]).arg(localIndex(g));
}

void DatasetCatalog::setValidationSplit(double fraction, uint64_t seed) {
    fraction_ = std::clamp(fraction, 0.0, 0.95);
    seed_ = seed;
    for (std::size_t g = 0; g < size(); ++g)
        split_[g] = uint8_t(partOf(g) == 0   ? SampleSplit::Train
                            : partOf(g) == 1 ? SampleSplit::Validation
                                             : SampleSplit::Test);
    // The trainer carves only when the source has no validation set, after removing excluded images.
    if (!data_->validation.labels.empty() || fraction_ <= 0.0 || data_->train.labels.empty()) return;
    std::vector<uint32_t> kept;
    std::vector<int32_t> labels;
    kept.reserve(offsets_[1]);
    labels.reserve(offsets_[1]);
    for (std::size_t i = 0; i < offsets_[1]; ++i) {
        if (excluded_[i]) continue;
        kept.push_back(uint32_t(i));
        labels.push_back(data_->train.labels[i]);
    }
    if (labels.empty()) return;
    const IndexSplit s = stratifiedSplit(labels, data_->train.classCount(), fraction_, seed_);
    for (uint32_t k : s.validation) split_[kept[k]] = uint8_t(SampleSplit::Validation);
}

void DatasetCatalog::setExcluded(const std::vector<std::string>& relativePaths) {
    std::fill(excluded_.begin(), excluded_.end(), 0);
    if (isImageFolder() && !relativePaths.empty()) {
        const std::unordered_set<std::string> set(relativePaths.begin(), relativePaths.end());
        for (std::size_t g = 0; g < size(); ++g)
            if (set.count(relativeSource(g))) excluded_[g] = 1;
    }
    setValidationSplit(fraction_, seed_);
}

std::vector<std::string> DatasetCatalog::excludedPaths() const {
    std::vector<std::string> out;
    for (std::size_t g = 0; g < size(); ++g)
        if (excluded_[g]) out.push_back(relativeSource(g));
    return out;
}

std::size_t DatasetCatalog::excludedCount() const {
    return std::size_t(std::count(excluded_.begin(), excluded_.end(), 1));
}

void DatasetCatalog::setPredictions(SamplePredictions p) {
    if (p.predicted.size() != size()) {
        predictions_ = {};
        return;
    }
    predictions_ = std::move(p);
}

std::vector<float> DatasetCatalog::probabilities(std::size_t g) const {
    const int k = predictions_.classes;
    if (!hasPredictions() || k <= 0 || predictions_.predicted[g] < 0) return {};
    const float* p = predictions_.probabilities.data() + g * std::size_t(k);
    return std::vector<float>(p, p + k);
}

std::vector<std::size_t> DatasetCatalog::classCounts(SampleSplit s) const {
    std::vector<std::size_t> counts(std::max(0, classCount()), 0);
    for (std::size_t g = 0; g < size(); ++g) {
        if (split_[g] != uint8_t(s) || excluded_[g]) continue;
        const int l = label(g);
        if (l >= 0 && l < int(counts.size())) ++counts[l];
    }
    return counts;
}

std::size_t DatasetCatalog::splitCount(SampleSplit s) const {
    std::size_t n = 0;
    for (std::size_t g = 0; g < size(); ++g) n += split_[g] == uint8_t(s) && !excluded_[g];
    return n;
}

void DatasetCatalog::relabel(std::size_t g, int newLabel, const std::string& path) {
    Dataset& d = mutablePart(partOf(g));
    const uint32_t i = localIndex(g);
    d.labels[i] = newLabel;
    if (i < d.sources.size()) d.sources[i] = path;
    if (hasPredictions()) {
        const int k = predictions_.classes;
        if (newLabel >= 0 && newLabel < k && predictions_.predicted[g] >= 0)
            predictions_.loss[g] =
                -std::log(std::max(predictions_.probabilities[g * std::size_t(k) + newLabel], 1e-7f));
    }
    setValidationSplit(fraction_, seed_);
}

long long DatasetCatalog::findSource(const std::string& path) const {
    for (std::size_t g = 0; g < size(); ++g)
        if (sourceOf(g) == path) return (long long)g;
    return -1;
}

ProbeImage probeFromCatalog(const DatasetCatalog& catalog, std::size_t g) {
    ProbeImage probe;
    probe.height = catalog.height();
    probe.width = catalog.width();
    probe.channels = catalog.channels();
    const uint8_t* pixels = catalog.image(g);
    probe.pixels.assign(pixels, pixels + std::size_t(probe.height) * probe.width * probe.channels);
    probe.label = catalog.label(g);
    if (probe.label >= 0 && probe.label < catalog.classCount())
        probe.labelName = catalog.classNames()[std::size_t(probe.label)];
    probe.sample = catalog.sourceOf(g);  // the Inspect page's picker finds it by this name
    probe.source = QString::fromStdString(probe.sample);
    return probe;
}

}  // namespace cs::gui
