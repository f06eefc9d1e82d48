#pragma once
// The thumbnail grid's model: one row per visible sample of a DatasetCatalog. Filtering and
// sorting work on a vector of global indices (no QVariant per row), so 70,000 samples filter
// at once. Thumbnails are made only when a view asks for one (DecorationRole) and kept in a
// QCache, so a 60,000-image set never has 60,000 QImages. For image folders the tile shows the
// file itself (decoded at tile size on a small thread pool, the loaded copy standing in
// meanwhile), so photos are seen in colour and detail rather than at the model's input size.
#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <QSet>
#include <QString>
#include <QThreadPool>
#include <memory>
#include <vector>

#include "dataset/dataset_catalog.h"

namespace cs::gui {

enum class DatasetSort { Index, Class, Confidence, Loss };

struct DatasetFilter {
    int classIndex = -1;  // -1: every class
    int split = -1;       // SampleSplit, -1: every split
    bool misclassifiedOnly = false;
    float minConfidence = 0.f;  // applied only once predictions exist
    float maxConfidence = 1.f;
    QString search;  // a number matches that index; text a part of the file name
    DatasetSort sort = DatasetSort::Index;
    bool descending = false;
    bool operator==(const DatasetFilter&) const = default;
};

class DatasetListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        GlobalIndexRole = Qt::UserRole + 1,
        LabelRole,
        ClassNameRole,
        ClassColorRole,
        SplitRole,
        ExcludedRole,
        PredictedRole,  // -1 when there is no prediction
        PredictedNameRole,
        ConfidenceRole,
        MisclassifiedRole,
        LossRole,
        SourceRole,
    };

    explicit DatasetListModel(QObject* parent = nullptr);
    ~DatasetListModel() override;

    // The catalog is shared with the rest of the browser; call refresh() after changing it.
    void setCatalog(std::shared_ptr<DatasetCatalog> catalog);
    const std::shared_ptr<DatasetCatalog>& catalog() const { return catalog_; }
    void setFilter(const DatasetFilter& filter);
    const DatasetFilter& filter() const { return filter_; }
    // Rebuilds the visible rows (split, predictions or labels changed); cached tiles stay.
    void refresh();
    // Repaints the given samples (their label or exclusion changed), keeping the rows.
    void sampleChanged(std::size_t globalIndex);

    // Thumbnails are scaled to fit size x size pixels.
    void setThumbnailSize(int size);
    int thumbnailSize() const { return thumbSize_; }
    QImage thumbnail(std::size_t globalIndex) const;
    // How many thumbnails were made so far (tests check that only visible ones are).
    int thumbnailsMade() const { return thumbnailsMade_; }
    // Image folders: tiles from the files (on) or from the loaded copies (off). On by default.
    void setFileThumbnails(bool on);
    bool waitForThumbnails(int timeoutMs = 5000);  // tests

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    std::size_t globalIndex(int row) const { return rows_[std::size_t(row)]; }
    int rowOf(std::size_t globalIndex) const;  // -1 when filtered out
    const std::vector<uint32_t>& rows() const { return rows_; }

    // The filter and sort as a pure function, for the model and its tests.
    static std::vector<uint32_t> filterRows(const DatasetCatalog& catalog, const DatasetFilter& filter);

private:
    void requestFileThumbnail(uint32_t globalIndex) const;
    void fileThumbnailReady(uint32_t globalIndex, int generation, const QImage& image);

    std::shared_ptr<DatasetCatalog> catalog_;
    DatasetFilter filter_;
    std::vector<uint32_t> rows_;
    std::vector<int> rowOfGlobal_;  // inverse of rows_, built lazily
    int thumbSize_ = 64;
    mutable QCache<uint32_t, QImage> thumbs_;
    mutable int thumbnailsMade_ = 0;
    bool fileThumbs_ = true;
    int generation_ = 0;  // bumped when cached tiles become stale
    mutable QSet<uint32_t> pending_;
    mutable QThreadPool pool_;
};

}  // namespace cs::gui
