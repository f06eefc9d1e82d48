#pragma once
// Composes training into the studio: the Training, Inspect and Evaluation pages, the Train
// menu and toolbar actions, the progress in the status bar, and the glue between them, the
// document and the TrainingController. Data flows one way:
//   - a settings edit in the form becomes an undoable document edit; the document's
//     settingsChanged refreshes the form (the form never writes what the document told it);
//   - Start snapshots the model and the document's settings (including whether it continues
//     from the project's weights: fine-tuning) and locks editing until it ends;
//   - the finished run's weights and run record go into the project as one undoable step
//     (unsaved, clearly marked); editing the graph afterwards marks them outdated;
//   - opening a project with an unfinished checkpoint asks "Resume training?";
//   - the Inspect page shows the feature maps of a probe image (picked there, or sent by the
//     dataset page or the camera through inspectImage()); probes, evaluations and the data
//     (the studio's shared DatasetSession) go through the controller.
// The runs half (start, finish, resume, evaluate) is in training_runs.cpp.
#include <QObject>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "graph/graph_spec.h"
#include "train/run_record.h"
#include "train/train_settings.h"
#include "training/training_types.h"

class QAction;
class QTimer;

namespace cs::gui {

class DatasetSession;
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
    TrainingUi(MainWindow& window, ModelDocument& doc, DatasetSession& data, DesignerController* designer,
               QObject* parent = nullptr);
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
    // The project's training settings (what Start trains with and the form shows).
    TrainSettings settings() const;

    // Before the project closes for `action` (quit, open another, new): a running job asks
    // "Stop and keep the checkpoint / Keep training / Cancel". True when nothing runs (any
    // more): a stop waits for the run to end, its weights or record in the project. Without
    // dialogs (setInteractive(false)) a run is stopped.
    bool confirmClose(const QString& action);
    // For the unsaved-changes question after such a stop: what the stopped run left, or empty.
    QString unsavedRunNote() const;

public slots:
    void start();
    // A new run (never a resume) whose record says what was changed in the data for it (the
    // data doctor's "Retrain with fixes").
    void startWithDataChanges(const cs::DataChanges& changes);
    void pause();
    void resume();
    void stop();
    void continueRun();
    void evaluate();
    void checkForInterruptedRun();
    // The kept weights of run `index` (its best, or its last) into the project: one undoable step.
    void useRunWeights(int index, bool last);
    // Shows the feature maps of an image from elsewhere (the dataset page, the camera).
    void inspectImage(const cs::gui::ProbeImage& image);

private:
    void createActions();
    void connectController();
    void connectDocument();
    void showSettings();    // document -> form
    void settingsEdited();  // form -> document
    void updateActions();
    void updateWeightsState();
    // Hands the project's weights to the Inspect page's explanations (none while the graph has errors).
    void updateExplainedModel();
    void showHistory();                             // the runs, which holds the project's weights, which can be used
    void showProjectRuns();                         // a project just opened: its runs, the curves of the one in use
    void showRunBatches(int index);                 // the saved per-batch curves of run `index` as the charts' run
    void showSavedEvaluation();                     // a project just opened: its last evaluation on the Evaluation page
    void keepEvaluation(const EvalReport& report);  // an Evaluate's result into the project
    bool weightsFitGraph() const;                   // the project's weights exist and fit its graph
    bool continuesFromWeights() const;              // Start fine-tunes: chosen in the settings, and weights that fit
    void onFinished(const RunSummary& summary, std::shared_ptr<const ModelFile> trained);
    // The run's weights into the project, unless the project holds better ones (then only its record).
    void keepRun(std::shared_ptr<const ModelFile> trained);
    void ensureData();
    void endLoading(const QString& message);  // a dataset load ended (loaded or cancelled)
    bool begin(bool resume);
    bool chooseStart();  // false: the user cancelled

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
    QTimer* idleProbeTimer_;  // maps of the project's weights, a moment after the model changed
    bool interactive_ = true;
    bool stoppedForClose_ = false;  // confirmClose stopped a run: the unsaved changes include it
    int batchSize_ = 64;
    GraphSpec runGraph_;                          // the model a run trains (snapshot at Start)
    GraphSpec trainedGraph_;                      // the model the project's weights belong to
    std::shared_ptr<const ModelFile> detached_;   // trained weights the changed project could not take
    nlohmann::json shownEvaluation_;              // the project evaluation the Evaluation page shows
    std::optional<DataChanges> nextDataChanges_;  // for the run begin() starts (startWithDataChanges)
};

}  // namespace cs::gui
