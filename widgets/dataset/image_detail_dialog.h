#pragma once
// One image of the dataset in a window of its own, opened from any thumbnail (dataset grid,
// misclassified gallery): the image at full size with its label and the model's probabilities
// (an ImageDetailView), with a model: where it looks for the predicted and the true class
// (WhyView); and what can be done with it: use as probe, show in the dataset,
// exclude from training, move to another class. The dialog only asks (signals); the dataset
// page does the edits through its undoable commands and calls refresh() afterwards.
#include <QDialog>
#include <memory>
#include <vector>

class QPushButton;
class QToolButton;

namespace cs {
struct ModelFile;
}

namespace cs::gui {

class DatasetCatalog;
class ImageDetailView;
class WhyView;

class ImageDetailDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImageDetailDialog(QWidget* parent = nullptr);

    void setCatalog(std::shared_ptr<DatasetCatalog> catalog);
    void showSample(std::size_t globalIndex);
    long long sample() const;
    // After an edit of the catalog (exclusion, move, predictions).
    void refresh();
    // The model whose "why this, not that" heat maps the dialog shows (null: none, hidden).
    void setExplainedModel(std::shared_ptr<const ModelFile> project);

    ImageDetailView* detailView() const { return view_; }
    WhyView* whyView() const { return why_; }
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
    void updateWhy();

    ImageDetailView* view_;
    WhyView* why_;
    bool explaining_ = false;
    QPushButton* show_;
    QPushButton* exclude_;
    QToolButton* move_;
};

}  // namespace cs::gui
