#pragma once
// One image of the dataset in a window of its own, opened from any thumbnail (dataset grid,
// misclassified gallery): the image at full size with its label and the model's probabilities
// (an ImageDetailView), and what can be done with it: use as probe, show in the dataset,
// exclude from training, move to another class. The dialog only asks (signals); the dataset
// page does the edits through its undoable commands and calls refresh() afterwards.
#include <QDialog>
#include <memory>
#include <vector>

class QPushButton;
class QToolButton;

namespace cs::gui {

class DatasetCatalog;
class ImageDetailView;

class ImageDetailDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImageDetailDialog(QWidget* parent = nullptr);

    void setCatalog(std::shared_ptr<DatasetCatalog> catalog);
    void showSample(std::size_t globalIndex);
    long long sample() const;
    // After an edit of the catalog (exclusion, move, predictions).
    void refresh();

    ImageDetailView* detailView() const { return view_; }
    QPushButton* showInDatasetButton() const { return show_; }
    QPushButton* excludeButton() const { return exclude_; }
    QToolButton* moveButton() const { return move_; }

signals:
    void probeRequested(std::size_t globalIndex);
    void showInDatasetRequested(std::size_t globalIndex);
    void excludeRequested(const std::vector<std::size_t>& samples, bool exclude);
    void moveRequested(const std::vector<std::size_t>& samples, int classIndex);

private:
    void updateActions();

    std::shared_ptr<DatasetCatalog> catalog_;
    ImageDetailView* view_;
    QPushButton* show_;
    QPushButton* exclude_;
    QToolButton* move_;
};

}  // namespace cs::gui
