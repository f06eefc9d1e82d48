#pragma once
// The status bar's view of a run: epoch, batch, samples per second and the time left, with a
// progress bar over the whole run; also dataset loading progress.
#include <QElapsedTimer>
#include <QWidget>

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
    void setLoading(qint64 done, qint64 total);
    void setPaused(bool paused);
    void finish(const QString& text);  // shown until the next run
    QString text() const;

    static QString formatDuration(double seconds);

private:
    QLabel* label_;
    QProgressBar* bar_;
    int epochs_ = 1;
    bool paused_ = false;
    double stepsPerSecond_ = 0;
    int64_t lastStep_ = -1;
    QElapsedTimer clock_;
    qint64 lastMs_ = 0;
};

}  // namespace cs::gui
