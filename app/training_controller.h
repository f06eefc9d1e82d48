#pragma once
// Runs trainings for the studio. Owns a QThread on which a TrainingWorker runs the engine's
// Trainer; everything the worker reports arrives here as queued signals carrying values and is
// re-emitted on the GUI thread. The GUI thread never waits on the worker, except in the
// destructor (teardown: request stop, quit, wait). The data comes from the studio's
// DatasetSession (loaded once, shared with the other pages), which loads on its own thread
// with progress and cancel. Feature-map probes are requested at most a few times a second.
#include <QObject>
#include <QString>
#include <memory>

#include "io/model_file.h"
#include "train/run_record.h"
#include "train/train_settings.h"
#include "training/training_types.h"

class QThread;
class QTimer;

namespace cs::gui {

class DatasetSession;
class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Loading, Training, Paused, Stopping, Evaluating };
    Q_ENUM(State)

    struct StartOptions {
        QString dataSource = QStringLiteral("builtin");  // loadDataSource's path
        QString checkpointPath;                          // empty: no checkpoints
        // Fresh, FineTune (from the project's weights) or Resume (the checkpoint at checkpointPath).
        StartMode start = StartMode::Fresh;
        bool evaluateAfter = true;
        std::optional<DataChanges> dataChanges;  // the data doctor's fixes: the run record says them
    };

    // `data` is the studio's dataset session; without one the controller loads into its own.
    explicit TrainingController(DatasetSession* data = nullptr, QObject* parent = nullptr);
    ~TrainingController() override;

    State state() const { return state_; }
    bool isBusy() const { return state_ != State::Idle; }
    bool isRunning() const { return state_ == State::Training || state_ == State::Paused || state_ == State::Stopping; }

    // ---- Data (the session's) ----
    // Makes `source` at the project's input size the session's data, unless it is loaded or
    // loading already. Emits loadProgress, then dataLoaded or dataFailed (or loadCancelled).
    void loadData(const QString& source, const Preprocessing& pre);
    void cancelLoading();  // emits loadCancelled when a load was running
    bool isLoading() const;
    std::shared_ptr<const DataSplits> data() const;                         // as loaded
    std::shared_ptr<const DataSplits> runData() const { return runData_; }  // as the last run split it
    QString dataSource() const;
    // True when the loaded data is `source` prepared at `pre`'s input size (no load running).
    bool hasDataFor(const QString& source, const Preprocessing& pre) const;
    DatasetSession* dataSession() const { return data_; }

    // ---- Runs ----
    // Snapshots `project` and starts (after loading the data when needed). Returns false and
    // emits error() when busy or the settings are invalid.
    bool start(const ModelFile& project, const TrainSettings& settings, const StartOptions& options);
    void pause();
    void resume();
    void stop();
    // Evaluates the project's trained weights on the loaded data's test set (else validation).
    bool evaluate(const ModelFile& project);
    // The same on `source`, loading it first when needed (the evaluation waits for it).
    bool evaluate(const ModelFile& project, const QString& source);

    // ---- Probes ----
    // The image the feature maps show. While training it is probed every probeInterval ms
    // while live probes are wanted; when idle, probeIdle() answers once with `project`'s weights.
    void setProbeImage(const ProbeImage& image);
    const ProbeImage& probeImage() const { return probeImage_; }
    void setProbeInterval(int ms);  // 0: no live probes
    int probeInterval() const;
    // Whether anyone looks at the live probes (the studio: the Inspect page is shown). A probe
    // runs on the training thread and its maps are drawn on the GUI thread, so none is made
    // while nobody looks; turned on during a run, the next probe is asked for at once. On by default.
    void setLiveProbesWanted(bool wanted);
    bool liveProbesWanted() const { return liveProbesWanted_; }
    void probeIdle(const ModelFile& project);

    // ---- Checkpoints ----
    // Where a project's checkpoint goes: `folder`/<name>.checkpoint.csmodel, next to the
    // project when folder is empty, or in the application's data folder for an unsaved project.
    static QString checkpointPathFor(const QString& projectPath, const QString& folder = {});
    // True when `checkpointPath` holds an unfinished run newer than the project file.
    static bool hasResumableCheckpoint(const QString& checkpointPath, const QString& projectPath = {});
    // The checkpoint's position: epochs done and planned (-1 when unreadable).
    static std::pair<int, int> checkpointProgress(const QString& checkpointPath);

signals:
    void stateChanged(cs::gui::TrainingController::State state);
    void loadProgress(qint64 done, qint64 total);
    void dataLoaded(std::shared_ptr<const cs::DataSplits> data, QString source);
    void dataFailed(QString message);
    void loadCancelled();  // by cancelLoading() or stop(); not when another load replaces it
    void runStarted(cs::TrainSettings settings, bool resumed);
    void runDataPrepared(std::shared_ptr<const cs::DataSplits> data);
    void batches(QVector<cs::BatchStats> stats);
    void epochFinished(cs::EpochStats stats);
    void betweenEpochs(double seconds);  // TrainingWorker::betweenEpochs
    void message(QString text, bool warning);
    void probeReady(cs::gui::ProbeResult probe);
    void finished(cs::gui::RunSummary summary, std::shared_ptr<const cs::ModelFile> trained);
    void evaluated(cs::gui::EvalReport report);
    void evaluationFailed(QString message);
    void error(QString message);

private:
    struct PendingRun;
    void setState(State s);
    void dropPending();  // a run or an evaluation waiting for data does not happen
    void dispatch(PendingRun run);
    void onLoaded();
    void onLoadEnded(const QString& error);  // failed (error) or cancelled
    void pollProbe();

    QThread* thread_;
    TrainingWorker* worker_;
    QTimer* probeTimer_;
    State state_ = State::Idle;

    DatasetSession* data_;
    std::unique_ptr<PendingRun> pending_;                 // a run waiting for its data
    std::shared_ptr<const ModelFile> pendingEvaluation_;  // an evaluation waiting for its data
    QString pendingKey_;                                  // the data they wait for
    std::shared_ptr<const DataSplits> runData_;
    QString runDataKey_;  // the session data runData_ was split from
    ProbeImage probeImage_;
    bool liveProbesWanted_ = true;
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::TrainSettings)
