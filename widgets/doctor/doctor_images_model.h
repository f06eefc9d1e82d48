#pragma once
// The images of one data-doctor finding (a duplicate group, a label suspect, a lasso on the
// map) as a list model for the dataset's ThumbnailDelegate: the same tiles as the Dataset page,
// excluded images dimmed. Rows are global sample indices of a DatasetCatalog shared with the
// Dataset page; call refresh() after the catalog changed (an exclusion, a move). GUI thread.
#include <QAbstractListModel>
#include <memory>
#include <vector>

namespace cs::gui {

class DatasetCatalog;

class DoctorImagesModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit DoctorImagesModel(QObject* parent = nullptr);

    void setCatalog(std::shared_ptr<const DatasetCatalog> catalog);
    void setSamples(std::vector<std::size_t> samples);
    const std::vector<std::size_t>& samples() const { return samples_; }
    void setThumbnailSize(int size) { thumbSize_ = size; }
    void refresh();  // labels or exclusions changed: repaint every tile

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const DatasetCatalog> catalog_;
    std::vector<std::size_t> samples_;
    int thumbSize_ = 72;
};

}  // namespace cs::gui
