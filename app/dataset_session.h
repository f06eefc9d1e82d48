#pragma once
// Loads the browser's dataset and computes the trained model's predictions for it, each on its
// own thread, so the window stays responsive. Loading reports progress and can be cancelled;
// a new request replaces the running one. Results arrive on the GUI thread as signals carrying
// values. Teardown: cancel, wait.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <vector>

#include "data/preprocessing.h"
#include "data/statistics.h"
#include "dataset/dataset_catalog.h"
#include "io/model_file.h"

class QThread;

namespace cs::gui {

class DatasetSession : public QObject {
    Q_OBJECT
public:
    explicit DatasetSession(QObject* parent = nullptr);
    ~DatasetSession() override;

    // Loads `source` (any loadDataSource path or "builtin") with image folders resized to
    // `pre`'s size and channels, exactly as training loads it.
    void load(const QString& source, const Preprocessing& pre);
    void cancelLoading();  // emits loadCancelled when a load was running
    bool isLoading() const { return loader_ != nullptr; }
    QString loadingSource() const { return loadingSource_; }

    // Evaluates `model` (which must have weights) on every sample of `catalog` as it is now.
    void predict(const ModelFile& model, const DatasetCatalog& catalog);
    void cancelPrediction();
    bool isPredicting() const { return predictor_ != nullptr; }

    // Blocks until the running tasks end and their signals were emitted (tests).
    bool waitForIdle(int timeoutMs = 60000);

signals:
    void loadProgress(qint64 done, qint64 total);
    void loaded(std::shared_ptr<cs::gui::DatasetCatalog> catalog, std::vector<cs::DatasetStats> partStats);
    void loadFailed(const QString& message);
    void loadCancelled();
    void predictProgress(qint64 done, qint64 total);
    void predicted(cs::gui::SamplePredictions predictions);
    void predictFailed(const QString& message);

private:
    struct LoadJob;
    struct PredictJob;
    bool stopLoader();  // true when one was running
    void finishLoad(QThread* thread, quint64 serial);
    void finishPredict(QThread* thread, quint64 serial);

    quint64 loadSerial_ = 0, predictSerial_ = 0;
    QThread* loader_ = nullptr;
    std::shared_ptr<LoadJob> loadJob_;
    QString loadingSource_;
    QThread* predictor_ = nullptr;
    std::shared_ptr<PredictJob> predictJob_;
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(std::shared_ptr<cs::gui::DatasetCatalog>)
Q_DECLARE_METATYPE(std::vector<cs::DatasetStats>)
Q_DECLARE_METATYPE(cs::gui::SamplePredictions)
