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
    void setHistory(const nlohmann::json& history);

    TrainingSettingsForm* form() const { return form_; }
    TrainingCharts* charts() const { return charts_; }
    TrainingLog* log() const { return log_; }
    QListWidget* runs() const { return runs_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* continueButton() const { return continue_; }
    QTabWidget* bottomTabs() const { return bottom_; }

    static QString runLabel(const nlohmann::json& run, int index);

signals:
    void startRequested();
    void pauseRequested();
    void resumeRequested();
    void stopRequested();
    void continueRequested();

private:
    void updateButtons();

    TrainingSettingsForm* form_;
    TrainingCharts* charts_;
    TrainingLog* log_;
    QListWidget* runs_;
    QTabWidget* bottom_;
    QPushButton* start_;
    QPushButton* pause_;
    QPushButton* stop_;
    QPushButton* continue_;
    QLabel* weights_;
    QLabel* continueNote_;
    Mode mode_ = Mode::Idle;
    bool continueAvailable_ = false;
    nlohmann::json history_ = nlohmann::json::array();
};

}  // namespace cs::gui
