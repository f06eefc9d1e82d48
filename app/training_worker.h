#pragma once
// The object that lives on the TrainingController's thread and runs the engine's training
// session (and evaluations and idle probes). It is the studio's adapter around
// cs::TrainingSession: the session prepares the data, trains, evaluates and records the run
// exactly as `convstudio-cli train` does; the worker turns its callbacks into queued signals
// carrying values, a few batches at a time. The controller reaches it only through queued
// invocations that carry values, plus the thread-safe requestStop/setPaused/requestProbe below.
#include <QObject>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

#include "io/model_file.h"
#include "train/run_record.h"
#include "train/train_settings.h"
#include "train/training_session.h"
#include "training/training_types.h"

namespace cs {
class Executor;
class Model;
}  // namespace cs

namespace cs::gui {

// Everything one run needs, copied at Start: later edits of the project do not reach it.
struct TrainingJob {
    ModelFile project;                       // graph, preprocessing, dataset reference and exclusions, weights
    TrainSettings settings;                  // ignored on Resume: the checkpoint's are used
    std::shared_ptr<const DataSplits> data;  // as loaded; the session leaves exclusions out and carves validation
    std::string dataSource;                  // what `data` was loaded from
    std::string checkpointPath;              // empty: no checkpoints
    StartMode start = StartMode::Fresh;      // Resume continues the checkpoint at checkpointPath
    bool evaluateAfter = true;               // evaluate on the held-out data when the run completes
    std::optional<DataChanges> dataChanges;  // the data doctor's fixes, for the run record
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    TrainingWorker();
    ~TrainingWorker() override;

    // Batch stats are sent at most this often (and at each epoch's end, a message, the end of
    // the run): whatever the batch rate, the GUI thread gets about ten signals a second.
    static constexpr auto kBatchInterval = std::chrono::milliseconds(100);

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
    void dataPrepared(std::shared_ptr<const cs::DataSplits> data);  // after exclusions and the validation split
    void batches(QVector<cs::BatchStats> stats);                    // every batch, kBatchInterval apart
    void epochFinished(cs::EpochStats stats);
    // The wall time from an epoch's end to the next epoch's first batch that no stats count
    // (writing the checkpoint), for the time left; not sent when a pause fell in between.
    void betweenEpochs(double seconds);
    void message(QString text, bool warning);
    void probeReady(cs::gui::ProbeResult probe);
    // The trained model (weights, settings and this run's history); null when it failed.
    void finished(cs::gui::RunSummary summary, std::shared_ptr<const cs::ModelFile> trained);
    void evaluated(cs::gui::EvalReport report);
    void evaluationFailed(QString error);

private:
    SessionCallbacks callbacks();
    void reportPrepared(const PreparedRun& run);
    void flushBatches(bool force);
    void answerProbe(const Model& model);

    TrainingSession session_;  // its stop and pause requests are thread-safe
    std::mutex probeMutex_;    // guards probeImage_
    ProbeImage probeImage_;
    std::atomic<bool> probeRequested_{false};
    std::atomic<bool> paused_{false};
    std::atomic<bool> pausedSinceEpoch_{false};  // a pause was asked for since the last epoch ended

    // Training-thread only.
    std::unique_ptr<Executor> probeExecutor_;
    const Preprocessing* pre_ = nullptr;
    std::vector<std::string> classNames_;
    int epoch_ = 0;
    int64_t step_ = -1;  // the global step the weights belong to
    QVector<BatchStats> pending_;
    std::chrono::steady_clock::time_point lastFlush_{};
    std::optional<std::chrono::steady_clock::time_point> epochEnded_;  // when onEpoch was last called
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::gui::TrainingJob)
