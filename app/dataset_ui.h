#pragma once
// The dataset browser in the studio: a "Dataset" page, File-menu actions (open a dataset folder
// or file, recent datasets, Fashion-MNIST, the built-in set), folders dropped on the window,
// and the glue between the page, the project and the engine:
//   the document's dataset source names what is shown (the same data training uses), its
//   excluded images are left out of training, and its training settings hold the split and the
//   augmentation the page edits (see engine/data/dataset_project.h).
// The data comes from the studio's DatasetSession (shared with training, inspection and
// evaluation), loaded when the page is first shown or the project's dataset changes;
// predictions are computed when the project has trained weights. Moving images between class
// folders is undoable on the page's own undo stack (file operations, not model edits).
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>

#include "data/statistics.h"
#include "dataset/image_action.h"
#include "training/training_types.h"

class QAction;
class QMenu;
class QUndoStack;

namespace cs {
struct ModelFile;
}

namespace cs::gui {

class DatasetCatalog;
class DatasetPage;
class ImageDetailDialog;
class DatasetSession;
class MainWindow;
class ModelDocument;

class DatasetUi : public QObject {
    Q_OBJECT
public:
    DatasetUi(MainWindow& window, ModelDocument& doc, DatasetSession& session, QObject* parent = nullptr);
    ~DatasetUi() override;

    DatasetPage* page() const { return page_; }
    DatasetSession* session() const { return session_; }
    QUndoStack* fileUndoStack() const { return fileUndo_; }
    const std::shared_ptr<DatasetCatalog>& catalog() const { return catalog_; }
    QString shownSource() const { return shownSource_; }
    // Off: no dialogs (tests); messages go to the page only.
    void setInteractive(bool on) { interactive_ = on; }

    static QStringList recentSources();
    // A path dropped or chosen that is a dataset (folder, IDX file, CIFAR batch).
    static bool looksLikeDataset(const QString& path);

public slots:
    // Loads `source`; once it has loaded, makes it the project's dataset (one undoable step) and
    // shows it. A dataset that fails to load is reported on the page and changes nothing.
    void openSource(const QString& source);
    void openFolderDialog();
    void openFileDialog();
    // Loads the project's dataset unless it is shown or loading already.
    void ensureLoaded();
    void reload();
    // Predictions of the document's trained model (or `model`) for every image shown.
    void predict();
    void predictWith(const cs::ModelFile& model);
    void excludeSamples(const std::vector<std::size_t>& samples, bool exclude);
    bool moveSamples(const std::vector<std::size_t>& samples, int classIndex);
    // The detail view of one image (one window, reused), from any thumbnail.
    void openImage(std::size_t globalIndex);
    void showInDataset(std::size_t globalIndex);
    void sendToProbe(std::size_t globalIndex);
    // An action asked elsewhere (the misclassified gallery) on the image loaded from `source`
    // (Dataset::sourceOf): done once the project's dataset is shown (loaded first if needed).
    void actOnImage(const std::string& source, cs::gui::ImageAction action, int classIndex);

public:
    ImageDetailDialog* imageDialog() const { return imageDialog_; }  // null until first opened

signals:
    // "Use as probe": the image as the model sees it (the studio shows its feature maps).
    void probeRequested(const cs::gui::ProbeImage& image);
    void catalogReady();
    void predictionsReady();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void fillRecentMenu();
    void addRecent(const QString& source);
    void syncFromProject();
    void refreshPredictions();  // after the weights changed
    void onLoaded(std::shared_ptr<const DataSplits> data, const QString& source);
    void openingFailed(const QString& message);
    bool waitsForData() const;  // this page asked for data, or is shown
    void report(const QString& message, bool error);
    QString loadKey() const;
    void catalogChanged();  // the page and the open image follow an edit of the catalog
    void runPendingAction();

    struct PendingAction {
        std::string source;
        ImageAction action = ImageAction::Open;
        int classIndex = -1;
    };

    MainWindow& window_;
    ModelDocument* doc_;
    DatasetPage* page_;
    DatasetSession* session_;
    QUndoStack* fileUndo_;
    QMenu* recentMenu_ = nullptr;
    QAction* predictAction_ = nullptr;
    std::shared_ptr<DatasetCatalog> catalog_;
    std::vector<DatasetStats> stats_;
    QString shownSource_;
    QString shownKey_;
    QString loadingKey_;
    QString openingSource_;  // being loaded by openSource(), not yet the project's
    bool interactive_ = true;
    ImageDetailDialog* imageDialog_ = nullptr;
    std::optional<PendingAction> pending_;
};

}  // namespace cs::gui
