#include "dataset/dataset_list_model.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QImageReader>
#include <QThread>
#include <algorithm>
#include <numeric>

#include "dataset/class_colors.h"

namespace cs::gui {

namespace {
constexpr int kCacheKilobytes = 96 * 1024;
}

DatasetListModel::DatasetListModel(QObject* parent) : QAbstractListModel(parent) {
    thumbs_.setMaxCost(kCacheKilobytes);
    pool_.setMaxThreadCount(2);
}

DatasetListModel::~DatasetListModel() {
    pool_.clear();
    pool_.waitForDone();
}

void DatasetListModel::setFileThumbnails(bool on) {
    if (on == fileThumbs_) return;
    fileThumbs_ = on;
    refresh();
}

void DatasetListModel::setCatalog(std::shared_ptr<DatasetCatalog> catalog) {
    catalog_ = std::move(catalog);
    thumbs_.clear();
    pending_.clear();
    pool_.clear();
    ++generation_;
    refresh();
}

void DatasetListModel::setFilter(const DatasetFilter& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    beginResetModel();
    rows_ = catalog_ ? filterRows(*catalog_, filter_) : std::vector<uint32_t>{};
    rowOfGlobal_.clear();
    endResetModel();
}

void DatasetListModel::refresh() {
    beginResetModel();
    rows_ = catalog_ ? filterRows(*catalog_, filter_) : std::vector<uint32_t>{};
    rowOfGlobal_.clear();
    endResetModel();
}

void DatasetListModel::sampleChanged(std::size_t g) {
    thumbs_.remove(uint32_t(g));
    const int row = rowOf(g);
    if (row >= 0) emit dataChanged(index(row), index(row));
}

void DatasetListModel::setThumbnailSize(int size) {
    size = std::clamp(size, 16, 512);
    if (size == thumbSize_) return;
    thumbSize_ = size;
    thumbs_.clear();
    pending_.clear();
    pool_.clear();
    ++generation_;
    if (!rows_.empty())
        emit dataChanged(index(0), index(int(rows_.size()) - 1), {Qt::DecorationRole, Qt::SizeHintRole});
}

QImage DatasetListModel::thumbnail(std::size_t g) const {
    if (!catalog_ || g >= catalog_->size()) return {};
    if (const QImage* cached = thumbs_.object(uint32_t(g))) return *cached;
    // Files decode in the background; the loaded copy stands in (uncached) until then.
    const bool fromFile = fileThumbs_ && catalog_->isImageFolder();
    if (fromFile) requestFileThumbnail(uint32_t(g));
    const QImage full = catalog_->imageOf(g);
    if (full.isNull()) return {};
    // Small images are enlarged without smoothing so their pixels stay sharp; photos are shrunk smoothly.
    const bool enlarge = full.width() < thumbSize_ && full.height() < thumbSize_;
    const QImage scaled = full.scaled(thumbSize_, thumbSize_, Qt::KeepAspectRatio,
                                      enlarge ? Qt::FastTransformation : Qt::SmoothTransformation);
    if (fromFile) return scaled;
    ++thumbnailsMade_;
    thumbs_.insert(uint32_t(g), new QImage(scaled), std::max<qsizetype>(1, scaled.sizeInBytes() / 1024));
    return scaled;
}

void DatasetListModel::requestFileThumbnail(uint32_t g) const {
    if (pending_.contains(g)) return;
    pending_.insert(g);
    const QString path = QString::fromStdString(catalog_->sourceOf(g));
    const int size = thumbSize_, generation = generation_;
    auto* self = const_cast<DatasetListModel*>(this);
    // The pool is this model's and is drained in its destructor, so `self` outlives the task.
    pool_.start([self, path, size, generation, g] {
        QImage image;
        try {
            QImageReader reader(path);
            reader.setAutoTransform(true);
            const QSize original = reader.size();
            if (original.isValid() && (original.width() > size || original.height() > size))
                reader.setScaledSize(original.scaled(size, size, Qt::KeepAspectRatio));
            image = reader.read();
            if (!image.isNull() && (image.width() > size || image.height() > size))
                image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            else if (!image.isNull() && image.width() < size && image.height() < size)
                image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::FastTransformation);  // sharp pixels
        } catch (...) {
            image = QImage();  // out of memory on a damaged file: the loaded copy stays its tile
        }
        QMetaObject::invokeMethod(
            self, [self, g, generation, image] { self->fileThumbnailReady(g, generation, image); },
            Qt::QueuedConnection);
    });
}

void DatasetListModel::fileThumbnailReady(uint32_t g, int generation, const QImage& image) {
    if (generation != generation_) return;
    pending_.remove(g);
    ++thumbnailsMade_;
    // An unreadable file keeps the loaded copy as its tile.
    const QImage tile =
        image.isNull() ? catalog_->imageOf(g).scaled(thumbSize_, thumbSize_, Qt::KeepAspectRatio) : image;
    thumbs_.insert(g, new QImage(tile), std::max<qsizetype>(1, tile.sizeInBytes() / 1024));
    const int row = rowOf(g);
    if (row >= 0) emit dataChanged(index(row), index(row), {Qt::DecorationRole});
}

bool DatasetListModel::waitForThumbnails(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!pending_.isEmpty() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return pending_.isEmpty();
}

int DatasetListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

Qt::ItemFlags DatasetListModel::flags(const QModelIndex& index) const {
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren : Qt::NoItemFlags;
}

QVariant DatasetListModel::data(const QModelIndex& index, int role) const {
    if (!catalog_ || !index.isValid() || index.row() >= int(rows_.size())) return {};
    const std::size_t g = rows_[std::size_t(index.row())];
    const DatasetCatalog& c = *catalog_;
    const auto className = [&c](int k) {
        return k >= 0 && k < c.classCount() ? QString::fromStdString(c.classNames()[std::size_t(k)])
                                            : QString::number(k);
    };
    switch (role) {
        case Qt::DisplayRole:
            return c.displayName(g);
        case Qt::DecorationRole:
            return thumbnail(g);
        case Qt::ToolTipRole: {
            QString tip = QStringLiteral("%1\n%2").arg(c.displayName(g), className(c.label(g)));
            if (c.predicted(g) >= 0)
                tip += QStringLiteral("\n→ %1 (%2%)")
                           .arg(className(c.predicted(g)))
                           .arg(double(c.confidence(g)) * 100.0, 0, 'f', 1);
            return tip;
        }
        case GlobalIndexRole:
            return qulonglong(g);
        case LabelRole:
            return c.label(g);
        case ClassNameRole:
            return className(c.label(g));
        case ClassColorRole:
            return classColor(c.label(g));
        case SplitRole:
            return int(c.split(g));
        case ExcludedRole:
            return c.excluded(g);
        case PredictedRole:
            return c.predicted(g);
        case PredictedNameRole:
            return c.predicted(g) >= 0 ? className(c.predicted(g)) : QString();
        case ConfidenceRole:
            return double(c.confidence(g));
        case MisclassifiedRole:
            return c.misclassified(g);
        case LossRole:
            return double(c.loss(g));
        case SourceRole:
            return QString::fromStdString(c.sourceOf(g));
        default:
            return {};
    }
}

int DatasetListModel::rowOf(std::size_t g) const {
    if (!catalog_ || g >= catalog_->size()) return -1;
    if (rowOfGlobal_.size() != catalog_->size()) {
        auto& inverse = const_cast<std::vector<int>&>(rowOfGlobal_);
        inverse.assign(catalog_->size(), -1);
        for (std::size_t r = 0; r < rows_.size(); ++r) inverse[rows_[r]] = int(r);
    }
    return rowOfGlobal_[g];
}

std::vector<uint32_t> DatasetListModel::filterRows(const DatasetCatalog& c, const DatasetFilter& f) {
    std::vector<uint32_t> rows;
    rows.reserve(c.size());
    const QString search = f.search.trimmed();
    bool isNumber = false;
    const qulonglong number = search.toULongLong(&isNumber);
    const std::string needle = search.toLower().toStdString();
    const bool predictions = c.hasPredictions();
    const bool files = c.isImageFolder();
    for (std::size_t g = 0; g < c.size(); ++g) {
        if (f.classIndex >= 0 && c.label(g) != f.classIndex) continue;
        if (f.split >= 0 && int(c.split(g)) != f.split) continue;
        if (predictions) {
            if (f.misclassifiedOnly && !c.misclassified(g)) continue;
            const float conf = c.confidence(g);
            if (conf < f.minConfidence || conf > f.maxConfidence) continue;
        } else if (f.misclassifiedOnly) {
            continue;
        }
        if (!search.isEmpty()) {
            bool match = isNumber && c.localIndex(g) == number;
            if (!match && (files || !isNumber)) {
                std::string name = files ? c.relativeSource(g) : c.displayName(g).toStdString();
                std::transform(name.begin(), name.end(), name.begin(),
                               [](unsigned char ch) { return char(std::tolower(ch)); });
                match = name.find(needle) != std::string::npos;
            }
            if (!match) continue;
        }
        rows.push_back(uint32_t(g));
    }
    const auto by = [&](auto key) {
        std::stable_sort(rows.begin(), rows.end(),
                         [&](uint32_t a, uint32_t b) { return f.descending ? key(b) < key(a) : key(a) < key(b); });
    };
    switch (f.sort) {
        case DatasetSort::Index:
            if (f.descending) std::reverse(rows.begin(), rows.end());
            break;
        case DatasetSort::Class:
            by([&](uint32_t g) { return c.label(g); });
            break;
        case DatasetSort::Confidence:
            by([&](uint32_t g) { return c.confidence(g); });
            break;
        case DatasetSort::Loss:
            by([&](uint32_t g) { return c.loss(g); });
            break;
    }
    return rows;
}

}  // namespace cs::gui
