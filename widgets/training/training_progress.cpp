#include "training/training_progress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <cmath>

namespace cs::gui {

TrainingProgress::TrainingProgress(QWidget* parent) : QWidget(parent) {
    label_ = new QLabel;
    bar_ = new QProgressBar;
    bar_->setRange(0, 1000);
    bar_->setTextVisible(false);
    bar_->setFixedWidth(160);
    bar_->setMaximumHeight(14);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    hide();
}

QString TrainingProgress::formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
    const qint64 s = std::llround(seconds);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void TrainingProgress::beginRun(int epochs) {
    epochs_ = std::max(1, epochs);
    paused_ = false;
    recentSeconds_.clear();
    recentSum_ = 0;
    secondsLeft_ = -1;
    batchEpoch_ = -1;
    batchSecondsInEpoch_ = 0;
    recentOverheads_.clear();
    lastEpochCounted_ = false;
    epochSeconds_.clear();
    finishedSeconds_ = 0;
    closedEpoch_ = -1;
    setToolTip({});
    bar_->setValue(0);
    label_->setText(tr("Starting…"));
    show();
}

namespace {
// Enough batches to smooth out their jitter, few enough to follow a change of pace (other
// work on the machine, live probes switched on).
constexpr std::size_t kRecentBatches = 50;
// Epoch-end work varies less than a batch; a few epochs follow a change (validation grows
// slower when the machine is busy).
constexpr std::size_t kRecentEpochs = 5;
}  // namespace

void TrainingProgress::recordBatch(const BatchStats& b) {
    if (b.epoch != batchEpoch_) {
        batchEpoch_ = b.epoch;
        batchSecondsInEpoch_ = 0;
    }
    if (b.seconds <= 0) return;
    batchSecondsInEpoch_ += b.seconds;
    recentSeconds_.push_back(b.seconds);
    recentSum_ += b.seconds;
    if (recentSeconds_.size() > kRecentBatches) {
        recentSum_ -= recentSeconds_.front();
        recentSeconds_.pop_front();
    }
}

double TrainingProgress::epochOverhead() const {
    if (recentOverheads_.empty()) return 0;
    double sum = 0;
    for (double s : recentOverheads_) sum += s;
    return sum / double(recentOverheads_.size());
}

void TrainingProgress::setBatch(const BatchStats& b, int batchSize) {
    recordBatch(b);
    showBatch(b, batchSize);
}

void TrainingProgress::addBatches(const QVector<BatchStats>& batches, int batchSize) {
    if (batches.isEmpty()) return;
    for (const BatchStats& b : batches) recordBatch(b);
    showBatch(batches.back(), batchSize);
}

double TrainingProgress::elapsedSeconds() const {
    return finishedSeconds_ + (batchEpoch_ > closedEpoch_ ? batchSecondsInEpoch_ : 0.0);
}

void TrainingProgress::updateToolTip() {
    constexpr int kListedEpochs = 12;  // the latest; a long run's tooltip stays readable
    QStringList lines;
    const int first = std::max(0, int(epochSeconds_.size()) - kListedEpochs);
    if (first > 0) lines << QStringLiteral("…");
    for (int i = first; i < epochSeconds_.size(); ++i)
        lines << tr("Epoch %1: %2").arg(i + 1).arg(formatDuration(epochSeconds_[i]));
    lines << tr("Elapsed: %1 (pauses left out)").arg(formatDuration(elapsedSeconds()));
    setToolTip(lines.join(QLatin1Char('\n')));
}

void TrainingProgress::addEpoch(const EpochStats& e) {
    // Every epoch counts for the time elapsed, a resumed run's earlier ones too.
    epochSeconds_.push_back(std::max(0.0, e.seconds));
    finishedSeconds_ += std::max(0.0, e.seconds);
    closedEpoch_ = std::max(closedEpoch_, e.epoch);
    updateToolTip();
    // The epoch's time (pauses left out) beyond the batch periods it was seen to spend; an
    // epoch whose batches were not all seen here (a resumed run's first) tells nothing.
    lastEpochCounted_ = e.epoch == batchEpoch_ && e.seconds > 0;
    if (!lastEpochCounted_) return;
    recentOverheads_.push_back(std::max(0.0, e.seconds - batchSecondsInEpoch_));
    if (recentOverheads_.size() > kRecentEpochs) recentOverheads_.pop_front();
}

void TrainingProgress::addBetweenEpochs(double seconds) {
    if (seconds > 0 && !epochSeconds_.isEmpty()) {  // the checkpoint after the last epoch
        epochSeconds_.back() += seconds;
        finishedSeconds_ += seconds;
    }
    if (lastEpochCounted_ && seconds > 0) recentOverheads_.back() += seconds;
    lastEpochCounted_ = false;
}

void TrainingProgress::showBatch(const BatchStats& b, int batchSize) {
    const int64_t total = int64_t(b.batchesPerEpoch) * epochs_;
    const int64_t done = int64_t(b.epoch) * b.batchesPerEpoch + b.batch + 1;
    bar_->setValue(total > 0 ? int(1000 * done / total) : 0);
    const double period = recentSeconds_.empty() ? 0 : recentSum_ / double(recentSeconds_.size());
    // This batch's epoch still has its end to do, then every later epoch.
    const int epochsLeft = std::max(0, epochs_ - b.epoch);
    secondsLeft_ = period > 0 ? double(std::max<int64_t>(0, total - done)) * period + epochsLeft * epochOverhead() : -1;
    const double sps = b.samplesPerSecond > 0 ? b.samplesPerSecond : period > 0 ? batchSize / period : 0;
    label_->setText(tr("%1Epoch %2/%3 · batch %4/%5 · %6 samples/s · %7 elapsed · ETA %8")
                        .arg(paused_ ? tr("Paused · ") : QString())
                        .arg(b.epoch + 1)
                        .arg(epochs_)
                        .arg(b.batch + 1)
                        .arg(b.batchesPerEpoch)
                        .arg(QLocale().toString(qRound(sps)))
                        .arg(formatDuration(elapsedSeconds()))
                        .arg(formatDuration(secondsLeft_)));
    updateToolTip();
    show();
}

void TrainingProgress::setLoading(qint64 done, qint64 total) {
    show();
    bar_->setValue(total > 0 ? int(1000 * done / total) : 0);
    label_->setText(total > 0 ? tr("Loading the dataset… %1%").arg(100 * done / total) : tr("Loading the dataset…"));
}

void TrainingProgress::setPaused(bool paused) {
    paused_ = paused;
    if (paused && !label_->text().startsWith(tr("Paused · "))) label_->setText(tr("Paused · ") + label_->text());
    if (!paused && label_->text().startsWith(tr("Paused · ")))
        label_->setText(label_->text().mid(tr("Paused · ").size()));
}

void TrainingProgress::finish(const QString& text) {
    label_->setText(text);
    show();
}

QString TrainingProgress::text() const { return label_->text(); }

}  // namespace cs::gui
