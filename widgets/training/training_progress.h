#pragma once
// The status bar's view of a run: epoch, batch, samples per second and the time left, with a
// progress bar over the whole run; also dataset loading progress. The time left is the mean
// period of the recent batches (as the trainer measured them, pauses left out) times the
// batches left, so neither a pause nor a burst of queued messages skews it, plus the recent
// epochs' own work beyond their batches (the validation pass, and the checkpoint written between
// epochs) times the epochs left: with small epochs that work dominates. The time elapsed is the
// finished epochs' times plus the current epoch's batch periods (pauses left out, as the trainer
// measures them); the tooltip lists each finished epoch's time.
#include <QVector>
#include <QWidget>
#include <deque>

#include "train/trainer.h"

class QLabel;
class QProgressBar;

namespace cs::gui {

class TrainingProgress : public QWidget {
    Q_OBJECT
public:
    explicit TrainingProgress(QWidget* parent = nullptr);

    void beginRun(int epochs);
    void setBatch(const BatchStats& b, int batchSize);
    void addBatches(const QVector<BatchStats>& batches, int batchSize);  // the label once, at the last
    void addEpoch(const EpochStats& e);
    // Time spent after the last epoch's stats and before the next epoch's first batch (writing
    // the checkpoint): part of that epoch's work beyond its batches.
    void addBetweenEpochs(double seconds);
    void setLoading(qint64 done, qint64 total);
    void setPaused(bool paused);
    void finish(const QString& text);  // shown until the next run
    QString text() const;
    double secondsLeft() const { return secondsLeft_; }  // -1: not known yet
    double epochOverhead() const;                        // mean seconds an epoch spends beyond its batches
    double elapsedSeconds() const;                       // the run's time so far, pauses left out
    const QVector<double>& epochSeconds() const { return epochSeconds_; }  // each finished epoch's

    static QString formatDuration(double seconds);

private:
    void recordBatch(const BatchStats& b);
    void showBatch(const BatchStats& b, int batchSize);
    void updateToolTip();

    QLabel* label_;
    QProgressBar* bar_;
    int epochs_ = 1;
    bool paused_ = false;
    std::deque<double> recentSeconds_;  // the last kRecentBatches batch periods
    double recentSum_ = 0;
    double secondsLeft_ = -1;
    int batchEpoch_ = -1;  // the epoch whose batch periods batchSecondsInEpoch_ sums
    double batchSecondsInEpoch_ = 0;
    std::deque<double> recentOverheads_;  // the last kRecentEpochs epochs' time beyond their batches
    bool lastEpochCounted_ = false;       // recentOverheads_.back() is the last epoch's
    QVector<double> epochSeconds_;        // each finished epoch's time and the checkpoint after it
    double finishedSeconds_ = 0;          // their sum
    int closedEpoch_ = -1;                // the last epoch addEpoch() closed
};

}  // namespace cs::gui
