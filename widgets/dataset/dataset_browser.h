#pragma once
// The thumbnail grid with its filter bar: class, split, misclassified, confidence range, sort
// order, a search box for an index or file name, and the tile size. It shows a DatasetCatalog
// through a DatasetListModel and reports the current sample and requested edits; it changes
// nothing itself.
#include <QWidget>
#include <memory>
#include <vector>

#include "dataset/dataset_list_model.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QSlider;
class QToolButton;

namespace cs::gui {

class ThumbnailDelegate;

class DatasetBrowser : public QWidget {
    Q_OBJECT
public:
    explicit DatasetBrowser(QWidget* parent = nullptr);

    void setCatalog(std::shared_ptr<DatasetCatalog> catalog);
    // The catalog's split, exclusions or predictions changed: filter again, keep the selection.
    void refresh();
    void sampleChanged(std::size_t globalIndex);

    DatasetListModel* model() const { return model_; }
    QListView* view() const { return view_; }
    DatasetFilter filter() const { return model_->filter(); }
    void setFilter(const DatasetFilter& filter);  // updates the controls too
    void setThumbnailSize(int size);
    void setFolderEditsEnabled(bool on) { folderEdits_ = on; }

    long long currentSample() const;  // -1 when none
    std::vector<std::size_t> selectedSamples() const;
    void selectSample(std::size_t globalIndex);

signals:
    void currentSampleChanged(long long globalIndex);
    void excludeRequested(const std::vector<std::size_t>& samples, bool exclude);
    void moveRequested(const std::vector<std::size_t>& samples, int classIndex);
    void probeRequested(std::size_t globalIndex);
    // A double click or "Open Image": the image in its detail view.
    void openRequested(std::size_t globalIndex);

private:
    void applyControls();
    void fillClassCombo();
    void updateCount();
    void showContextMenu(const QPoint& pos);

    DatasetListModel* model_;
    ThumbnailDelegate* delegate_;
    QListView* view_;
    QLineEdit* search_;
    QComboBox* classCombo_;
    QComboBox* splitCombo_;
    QCheckBox* wrongOnly_;
    QDoubleSpinBox* minConf_;
    QDoubleSpinBox* maxConf_;
    QComboBox* sortCombo_;
    QToolButton* descending_;
    QSlider* sizeSlider_;
    QLabel* count_;
    bool folderEdits_ = false;
    bool updating_ = false;
};

}  // namespace cs::gui
