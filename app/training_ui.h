#pragma once
// Composes training into the studio: the Training, Inspect and Evaluation pages, the Train
// menu and toolbar actions, the progress in the status bar, and the glue between them, the
// document and the TrainingController:
//   - the settings form mirrors the project's training settings (both ways, undoable), including
//     whether Start continues from the project's weights (fine-tuning);
//   - Start snapshots the model and locks editing until the run ends;
//   - the finished run's weights and history go into the project (unsaved, clearly marked);
//     editing the graph afterwards marks them outdated;
//   - opening a project with an unfinished checkpoint asks "Resume training?";
//   - probes and evaluations go through the controller's worker thread.
#include <QObject>
#include <memory>

#include "graph/graph_spec.h"
#include "train/train_settings.h"
#include "training/training_types.h"

class QAction;
class QTimer;

namespace cs::gui {

class DesignerController;
class EvaluationPanel;
class InspectPanel;
class MainWindow;
class ModelDocument;
class TrainingController;
class TrainingEditLock;
class TrainingPanel;
class TrainingProgress;

class TrainingUi : public QObject {
    Q_OBJECT
public:
    TrainingUi(MainWindow& window, ModelDocument& doc, DesignerController* designer, QObject* parent = nullptr);
    ~TrainingUi() override;

    TrainingController* controller() const { return controller_; }
    TrainingPanel* panel() const { return panel_; }
    InspectPanel* inspect() const { return inspect_; }
    EvaluationPanel* evaluation() const { return evaluation_; }
    TrainingProgress* progress() const { return progress_; }
    TrainingEditLock* editLock() const { return lock_; }
    QAction* startAction() const { return startAct_; }
    QAction* pauseAction() const { return pauseAct_; }
    QAction* stopAction() const { return stopAct_; }

    // Off: no dialogs (tests); questions take their default answer (do not resume).
    void setInteractive(bool on) { interactive_ = on; }
    QString checkpointPath() const;
    QString dataSource() const;
    // The project's settings as the form shows them (with the preset's defaults filled in).
    TrainSettings settings() const;

public slots:
    void start();
    void pause();
    void resume();
    void stop();
    void continueRun();
    void evaluate();
    void checkForInterruptedRun();

private:
    void createActions();
    void connectController();
    void loadSettingsFromDocument();
    void writeSettingsToDocument();
    void updateActions();
    void updateWeightsState();
    bool weightsFitGraph() const;       // the project's weights exist and fit its graph
    bool continuesFromWeights() const;  // Start fine-tunes: chosen in the settings, and weights that fit
    void onFinished(const RunSummary& summary, std::shared_ptr<const ModelFile> trained);
    void applyTrained(const ModelFile& trained);
    void onGraphEdited();
    void ensureData();
    void endLoading(const QString& message);  // a dataset load ended (loaded or cancelled)
    bool begin(bool resume);

    MainWindow& window_;
    ModelDocument& doc_;
    TrainingController* controller_;
    TrainingPanel* panel_;
    InspectPanel* inspect_;
    EvaluationPanel* evaluation_;
    TrainingProgress* progress_;
    TrainingEditLock* lock_;
    QAction* startAct_ = nullptr;
    QAction* pauseAct_ = nullptr;
    QAction* stopAct_ = nullptr;
    QAction* continueAct_ = nullptr;
    QAction* evaluateAct_ = nullptr;
    QTimer* settingsTimer_;
    QTimer* idleProbeTimer_;
    bool interactive_ = true;
    bool syncing_ = false;
    bool applyingTrained_ = false;
    bool ownProbe_ = false;
    bool pendingEvaluate_ = false;
    bool editedDuringRun_ = false;
    int batchSize_ = 64;
    GraphSpec runGraph_;                         // the model a run trains (snapshot at Start)
    GraphSpec trainedGraph_;                     // the model the project's weights belong to
    std::shared_ptr<const ModelFile> detached_;  // trained weights the changed project could not take
};

// Adds the training UI to the studio; the returned controller lives as long as the window.
TrainingController* installTrainingUi(MainWindow& window, ModelDocument& doc, DesignerController* designer = nullptr);

}  // namespace cs::gui
