#pragma once
// The object that lives on the TrainingController's thread and runs the engine's Trainer (and
// evaluations and idle probes). The controller reaches it only through queued invocations that
// carry values, plus the thread-safe requestStop/setPaused/requestProbe below; it answers with
// queued signals carrying values.
#include <QObject>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>

#include "io/model_file.h"
#include "train/train_settings.h"
#include "training/training_types.h"

namespace cs {
class Executor;
class Model;
class Trainer;
}  // namespace cs

namespace cs::gui {

// Everything one run needs, copied at Start: later edits of the project do not reach it.
struct TrainingJob {
    ModelFile project;  // graph, preprocessing, weights (when continuing)
    TrainSettings settings;
    std::shared_ptr<const DataSplits> data;  // as loaded; the worker carves the validation split
    std::string checkpointPath;              // empty: no checkpoints
    bool resume = false;                     // continue the checkpoint at checkpointPath
    bool fromWeights = false;                // start from project.weights instead of the seed
    bool evaluateAfter = true;               // evaluate on the test set when the run completes
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    TrainingWorker();
    ~TrainingWorker() override;

    // Thread-safe; honoured between batches.
    void requestStop();
    void setPaused(bool paused);
    // Thread-safe: the next pause between batches answers with probeReady for this image.
    void requestProbe(const ProbeImage& image);
    bool probePending() const { return probeRequested_.load(); }

public slots:
    void run(cs::gui::TrainingJob job);
    // Evaluates `project`'s weights on `data` (test set, else validation) and probes `image`.
    void evaluate(std::shared_ptr<const cs::ModelFile> project, std::shared_ptr<const cs::DataSplits> data);
    void probeIdle(std::shared_ptr<const cs::ModelFile> project, cs::gui::ProbeImage image);

signals:
    void dataPrepared(std::shared_ptr<const cs::DataSplits> data);  // after the validation split
    void batches(QVector<cs::BatchStats> stats);                    // a few per second
    void epochFinished(cs::EpochStats stats);
    void message(QString text, bool warning);
    void probeReady(cs::gui::ProbeResult probe);
    // The trained model (weights, settings and this run's history); null when it failed.
    void finished(cs::gui::RunSummary summary, std::shared_ptr<const cs::ModelFile> trained);
    void evaluated(cs::gui::EvalReport report);
    void evaluationFailed(QString error);

private:
    void flushBatches(bool force);
    void answerProbe(const Model& model);

    std::mutex mutex_;            // guards trainer_, paused_ and probeImage_
    Trainer* trainer_ = nullptr;  // the running trainer (owned by run())
    bool paused_ = false;
    std::atomic<bool> stop_{false};
    ProbeImage probeImage_;
    std::atomic<bool> probeRequested_{false};

    // Training-thread only.
    std::unique_ptr<Executor> probeExecutor_;
    const Preprocessing* pre_ = nullptr;
    std::vector<std::string> classNames_;
    int epoch_ = 0;
    QVector<BatchStats> pending_;
    std::chrono::steady_clock::time_point lastFlush_{};
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::gui::TrainingJob)
