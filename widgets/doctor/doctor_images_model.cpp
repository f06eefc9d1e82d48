#include "doctor/doctor_images_model.h"

#include "dataset/class_colors.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_list_model.h"

namespace cs::gui {

DoctorImagesModel::DoctorImagesModel(QObject* parent) : QAbstractListModel(parent) {}

void DoctorImagesModel::setCatalog(std::shared_ptr<const DatasetCatalog> catalog) {
    beginResetModel();
    catalog_ = std::move(catalog);
    samples_.clear();
    endResetModel();
}

void DoctorImagesModel::setSamples(std::vector<std::size_t> samples) {
    beginResetModel();
    samples_ = std::move(samples);
    if (catalog_) std::erase_if(samples_, [this](std::size_t g) { return g >= catalog_->size(); });
    endResetModel();
}

void DoctorImagesModel::refresh() {
    if (!samples_.empty()) emit dataChanged(index(0), index(rowCount() - 1));
}

int DoctorImagesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !catalog_ ? 0 : int(samples_.size());
}

QVariant DoctorImagesModel::data(const QModelIndex& index, int role) const {
    if (!catalog_ || !index.isValid() || index.row() >= rowCount()) return {};
    const std::size_t g = samples_[std::size_t(index.row())];
    const int label = catalog_->label(g);
    switch (role) {
        case Qt::DecorationRole: {
            const QImage image = catalog_->imageOf(g);
            // Small images grow by whole pixels (crisp), large ones shrink smoothly.
            return image.width() < thumbSize_
                       ? image.scaled(thumbSize_, thumbSize_, Qt::KeepAspectRatio, Qt::FastTransformation)
                       : image.scaled(thumbSize_, thumbSize_, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return catalog_->displayName(g);
        case DatasetListModel::GlobalIndexRole:
            return qulonglong(g);
        case DatasetListModel::LabelRole:
            return label;
        case DatasetListModel::ClassNameRole:
            return label >= 0 && label < catalog_->classCount()
                       ? QString::fromStdString(catalog_->classNames()[std::size_t(label)])
                       : QString();
        case DatasetListModel::ClassColorRole:
            return classColor(label);
        case DatasetListModel::ExcludedRole:
            return catalog_->excluded(g);
        case DatasetListModel::PredictedRole:
            return -1;
        default:
            return {};
    }
}

}  // namespace cs::gui
