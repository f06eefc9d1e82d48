#pragma once
// The dataset page: the info panel (classes, balance chart, statistics, problems) on the left,
// the thumbnail grid in the middle, and on the right the selected image, the augmentation
// preview and the split editor. A tool bar on top takes the controller's actions; a progress
// bar with a Cancel button shows while data loads or a model predicts. It shows a catalog and
// forwards requests; the controller (app/) does the loading, saving and file edits.
#include <QImage>
#include <QWidget>
#include <memory>
#include <vector>

#include "data/augment.h"
#include "data/statistics.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QToolBar;

namespace cs::gui {

class AugmentPreview;
class DatasetBrowser;
class DatasetCatalog;
class DatasetInfoPanel;
class ImageDetailView;
class SplitEditor;

class DatasetPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPage(QWidget* parent = nullptr);

    void setCatalog(std::shared_ptr<DatasetCatalog> catalog, const std::vector<DatasetStats>& partStats);
    const std::shared_ptr<DatasetCatalog>& catalog() const { return catalog_; }
    // The catalog's split, exclusions or predictions changed.
    void catalogChanged();
    // One sample's label or file changed (after a move).
    void sampleChanged(std::size_t globalIndex);

    // A running task: `total` 0 = unknown length. The Cancel button emits cancelRequested.
    void showProgress(const QString& text, qint64 done, qint64 total);
    void hideProgress();
    // The heading next to the tool bar (what is shown or loading).
    void setTitle(const QString& text);
    // A line under the tool bar (errors, hints); empty hides it.
    void showMessage(const QString& text, bool error = false);
    QString message() const;  // the line shown (empty: none)

    QToolBar* toolBar() const { return toolBar_; }
    DatasetBrowser* browser() const { return browser_; }
    DatasetInfoPanel* infoPanel() const { return info_; }
    ImageDetailView* detailView() const { return detail_; }
    AugmentPreview* augmentPreview() const { return augment_; }
    SplitEditor* splitEditor() const { return split_; }
    QTabWidget* sideTabs() const { return tabs_; }
    QProgressBar* progressBar() const { return progress_; }

signals:
    void cancelRequested();
    void probeRequested(std::size_t globalIndex, const QImage& image);

private:
    void showCurrent(long long globalIndex);

    std::shared_ptr<DatasetCatalog> catalog_;
    QToolBar* toolBar_;
    QLabel* title_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* message_;
    QSplitter* splitter_;
    DatasetInfoPanel* info_;
    DatasetBrowser* browser_;
    QTabWidget* tabs_;
    ImageDetailView* detail_;
    AugmentPreview* augment_;
    SplitEditor* split_;
};

}  // namespace cs::gui
