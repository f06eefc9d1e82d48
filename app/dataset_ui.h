#pragma once
// The dataset browser in the studio: a "Dataset" page, File-menu actions (open a dataset folder
// or file, recent datasets, Fashion-MNIST, the built-in set), folders dropped on the window,
// and the glue between the page, the project and the engine:
//   project["dataset"] names what is shown (the same path training loads), project["excluded"]
//   the images left out of training, training["validation_split"/"seed"/"augment"] the split
//   and the augmentation the page edits (see engine/data/dataset_project.h).
// Data loads on a thread when the page is first shown or the project's dataset changes;
// predictions are computed when the project has trained weights. Moving images between class
// folders is undoable on the page's own undo stack (file operations, not model edits).
#include <QObject>
#include <QStringList>
#include <memory>

#include "data/statistics.h"
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
class DatasetSession;
class MainWindow;
class ModelDocument;

class DatasetUi : public QObject {
    Q_OBJECT
public:
    DatasetUi(MainWindow& window, ModelDocument* doc, QObject* parent = nullptr);
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
    // Makes `source` the project's dataset (one undoable step) and shows it.
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

signals:
    // "Use as probe": the image as the model sees it. It also goes to the window's
    // TrainingController (setProbeImage) when there is one; its Inspect page shows the maps.
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
    void onLoaded(std::shared_ptr<DatasetCatalog> catalog, const std::vector<DatasetStats>& stats);
    void report(const QString& message, bool error);
    QString loadKey() const;

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
    bool interactive_ = true;
    bool applying_ = false;  // writing to the project: ignore the echo
};

}  // namespace cs::gui
