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
    stepsPerSecond_ = 0;
    lastStep_ = -1;
    clock_.start();
    lastMs_ = 0;
    bar_->setValue(0);
    label_->setText(tr("Starting…"));
    show();
}

void TrainingProgress::setBatch(const BatchStats& b, int batchSize) {
    const qint64 now = clock_.elapsed();
    if (lastStep_ >= 0 && b.step > lastStep_ && now > lastMs_) {
        const double rate = double(b.step - lastStep_) * 1000.0 / double(now - lastMs_);
        stepsPerSecond_ = stepsPerSecond_ > 0 ? 0.8 * stepsPerSecond_ + 0.2 * rate : rate;
    }
    if (lastStep_ < 0 || now - lastMs_ > 250) {  // rates over a quarter second, not per message
        lastStep_ = b.step;
        lastMs_ = now;
    }
    const int64_t total = int64_t(b.batchesPerEpoch) * epochs_;
    const int64_t done = int64_t(b.epoch) * b.batchesPerEpoch + b.batch + 1;
    bar_->setValue(total > 0 ? int(1000 * done / total) : 0);
    const double sps = b.samplesPerSecond > 0 ? b.samplesPerSecond : stepsPerSecond_ * batchSize;
    const double eta = stepsPerSecond_ > 0 ? double(total - done) / stepsPerSecond_ : -1;
    label_->setText(tr("%1Epoch %2/%3 · batch %4/%5 · %6 samples/s · ETA %7")
                        .arg(paused_ ? tr("Paused · ") : QString())
                        .arg(b.epoch + 1)
                        .arg(epochs_)
                        .arg(b.batch + 1)
                        .arg(b.batchesPerEpoch)
                        .arg(QLocale().toString(qRound(sps)))
                        .arg(formatDuration(eta)));
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
