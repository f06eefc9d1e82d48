#pragma once
// The "Training" page: the settings form with Start / Pause / Resume / Stop on the left, the
// live charts in the middle, and below them the log and the project's earlier runs (tick one
// to overlay it on the charts). A line above the buttons says what state the weights are in.
#include <QWidget>

#include "train/train_settings.h"
#include "training/training_types.h"

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace cs::gui {

class RunComparison;
class TrainingCharts;
class TrainingLog;
class TrainingSettingsForm;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Idle, Loading, Running, Paused, Stopping };
    explicit TrainingPanel(QWidget* parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    // Offers "Continue" for a stopped or interrupted run (text says which).
    void setContinueAvailable(bool available, const QString& text = {});
    void setWeightsState(const QString& html);
    QString weightsState() const;
    // The project's run history (ModelFile::history); runs keep their overlay ticks by index.
    // `weightsRun` is the run whose weights the project holds (-1: none), marked in the list.
    void setHistory(const nlohmann::json& history, int weightsRun = -1);
    // Ticks run `index` in the list: its curves are drawn on the charts (a project just opened).
    void showRunCurves(int index);
    // The runs that keep weights ("Use best / last weights" can put them into the project), and
    // those whose last weights differ from their best. The list says which runs keep weights.
    // `inUseIsLast`: the project holds the last (not the best) weights of its run in use.
    void setRunWeightsAvailable(const QList<int>& runs, const QList<int>& distinctLast = {}, bool inUseIsLast = false);
    // What Train does: continue from the project's weights, or start from scratch.
    void setStartsFromWeights(bool fromWeights, bool hasWeights);

    TrainingSettingsForm* form() const { return form_; }
    TrainingCharts* charts() const { return charts_; }
    TrainingLog* log() const { return log_; }
    QListWidget* runs() const { return runs_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* continueButton() const { return continue_; }
    QPushButton* useRunButton() const { return useRun_; }  // the selected run's best weights
    QPushButton* useLastButton() const { return useLast_; }
    QTabWidget* bottomTabs() const { return bottom_; }
    RunComparison* comparison() const { return comparison_; }

    // A run's settings and figures, one line ("5 epochs, adam, lr 0.001, batch 32, ..."); empty
    // for a record that cannot be read.
    static QString runLabel(const nlohmann::json& run);

signals:
    void startRequested();
    void pauseRequested();
    void resumeRequested();
    void stopRequested();
    void continueRequested();
    void useRunWeightsRequested(int run, bool last);  // 0-based index into the history; best or last

private:
    void updateButtons();
    int selectedRun() const;  // -1: none
    void compareTickedRuns();

    TrainingSettingsForm* form_;
    TrainingCharts* charts_;
    TrainingLog* log_;
    QListWidget* runs_;
    QTabWidget* bottom_;
    QPushButton* start_;
    QPushButton* pause_;
    QPushButton* stop_;
    QPushButton* continue_;
    QPushButton* useRun_;
    QPushButton* useLast_;
    RunComparison* comparison_;
    QList<int> runsWithWeights_;
    QList<int> distinctLast_;
    bool inUseIsLast_ = false;
    int weightsRun_ = -1;
    QLabel* weights_;
    QLabel* continueNote_;
    Mode mode_ = Mode::Idle;
    bool continueAvailable_ = false;
    nlohmann::json history_ = nlohmann::json::array();
};

}  // namespace cs::gui
