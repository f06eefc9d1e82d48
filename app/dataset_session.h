#pragma once
// The studio's one dataset: loaded once per source and input size, on a thread, and shared
// read-only by every page that needs images (the dataset browser, training, inspect,
// evaluation) and by the worker threads. Whoever needs the project's data asks ensure(); a
// load that is running or done is not started again. Loading reports progress and can be
// cancelled; a request for other data replaces the running load. Predictions of a trained
// model for every image run on their own thread. Results arrive on the GUI thread as signals
// carrying values. Teardown: cancel, wait.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <vector>

#include "data/preprocessing.h"
#include "data/statistics.h"
#include "dataset/dataset_catalog.h"
#include "io/model_file.h"
#include "training/training_types.h"

class QThread;

namespace cs::gui {

class DatasetSession : public QObject {
    Q_OBJECT
public:
    explicit DatasetSession(QObject* parent = nullptr);
    ~DatasetSession() override;

    // What names loaded data: the source, plus the input size for the formats resized when they
    // load (image folders, the built-in set); IDX and CIFAR files keep their own size.
    static QString keyOf(const QString& source, const Preprocessing& pre);

    // Makes `source` at `pre`'s size and channels (exactly as training prepares it) the
    // session's data: nothing when it is loading already; when it is loaded, a load of other
    // data in progress is dropped (loaded() says this data is the one); else a load on a
    // thread, replacing the running one. Returns true when a load started.
    bool ensure(const QString& source, const Preprocessing& pre);
    // Loads from disk even when loaded (the Dataset page's Reload).
    void reload(const QString& source, const Preprocessing& pre);
    void cancelLoading();  // emits loadCancelled when a load was running
    bool isLoading() const { return loader_ != nullptr; }
    QString loadingSource() const { return loadingSource_; }
    QString loadingKey() const { return loadingKey_; }

    // The loaded data (null before the first load) and what it is.
    std::shared_ptr<const DataSplits> data() const { return data_; }
    QString source() const { return source_; }
    QString key() const { return key_; }
    const std::vector<DatasetStats>& stats() const { return stats_; }  // train, validation, test
    // True when the data is `source` at `pre`'s size and no other load is on its way.
    bool hasDataFor(const QString& source, const Preprocessing& pre) const;
    // Files of `source` changed on disk (captures saved into it): the next ensure() loads again.
    void markStale(const QString& source);
    // The Dataset page moved images between class folders: the same images, relabelled.
    void replaceData(std::shared_ptr<const DataSplits> data);
    // Loads started in this session (tests: the dataset is loaded once).
    int loadCount() const { return loads_; }

    // Evaluates `model` (which must have weights) on every sample of `catalog` as it is now.
    void predict(const ModelFile& model, const DatasetCatalog& catalog);
    void cancelPrediction();
    bool isPredicting() const { return predictor_ != nullptr; }

    // Blocks until the running tasks end and their signals were emitted (tests).
    bool waitForIdle(int timeoutMs = 60000);

signals:
    void loadProgress(qint64 done, qint64 total);
    void loaded(std::shared_ptr<const cs::DataSplits> data, QString source);
    void loadFailed(const QString& message);
    void loadCancelled();
    void changedOnDisk(const QString& source);  // the loaded source's files changed (markStale)
    void predictProgress(qint64 done, qint64 total);
    void predicted(cs::gui::SamplePredictions predictions);
    void predictFailed(const QString& message);

private:
    struct LoadJob;
    struct PredictJob;
    void startLoad(const QString& source, const Preprocessing& pre);
    bool stopLoader();  // true when one was running
    void finishLoad(QThread* thread, quint64 serial);
    void finishPredict(QThread* thread, quint64 serial);

    quint64 loadSerial_ = 0, predictSerial_ = 0;
    int loads_ = 0;
    QThread* loader_ = nullptr;
    std::shared_ptr<LoadJob> loadJob_;
    QString loadingSource_, loadingKey_;
    std::shared_ptr<const DataSplits> data_;
    std::vector<DatasetStats> stats_;
    QString source_, key_;
    bool stale_ = false;
    QThread* predictor_ = nullptr;
    std::shared_ptr<PredictJob> predictJob_;
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::gui::SamplePredictions)
