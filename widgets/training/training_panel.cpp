#include "training/training_panel.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/errors.h"
#include "train/run_record.h"
#include "training/training_charts.h"
#include "training/training_log.h"
#include "training/training_settings_form.h"

namespace cs::gui {

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent) {
    form_ = new TrainingSettingsForm;
    auto* scroll = new QScrollArea;
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    start_ = new QPushButton(QIcon(QStringLiteral(":/icons/train.svg")), tr("Train"));
    start_->setObjectName(QStringLiteral("trainButton"));
    start_->setToolTip(tr("Start a new run with these settings (F5)"));
    pause_ = new QPushButton(tr("Pause"));
    pause_->setObjectName(QStringLiteral("pauseButton"));
    stop_ = new QPushButton(tr("Stop"));
    stop_->setObjectName(QStringLiteral("stopButton"));
    stop_->setToolTip(tr("Stop after the current batch; a checkpoint keeps the position"));
    continue_ = new QPushButton(tr("Continue"));
    continue_->setObjectName(QStringLiteral("continueButton"));
    continue_->setToolTip(tr("Continue the stopped or interrupted run from its checkpoint"));
    continueNote_ = new QLabel;
    continueNote_->setWordWrap(true);
    weights_ = new QLabel;
    weights_->setWordWrap(true);
    weights_->setTextFormat(Qt::RichText);

    auto* buttons = new QGridLayout;
    buttons->addWidget(start_, 0, 0);
    buttons->addWidget(pause_, 0, 1);
    buttons->addWidget(stop_, 0, 2);
    buttons->addWidget(continue_, 1, 0);
    buttons->addWidget(continueNote_, 1, 1, 1, 2);

    auto* left = new QWidget;
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(6, 6, 6, 6);
    ll->addWidget(weights_);
    ll->addLayout(buttons);
    ll->addWidget(scroll, 1);
    left->setMinimumWidth(330);
    left->setMaximumWidth(460);

    charts_ = new TrainingCharts;
    log_ = new TrainingLog;
    runs_ = new QListWidget;
    runs_->setToolTip(tr("Tick a run to overlay its curves on the charts"));
    bottom_ = new QTabWidget;
    bottom_->setDocumentMode(true);
    bottom_->addTab(log_, tr("Log"));
    bottom_->addTab(runs_, tr("Runs"));

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(charts_);
    right->addWidget(bottom_);
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(start_, &QPushButton::clicked, this, &TrainingPanel::startRequested);
    connect(pause_, &QPushButton::clicked, this, [this] {
        if (mode_ == Mode::Paused)
            emit resumeRequested();
        else
            emit pauseRequested();
    });
    connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stopRequested);
    connect(continue_, &QPushButton::clicked, this, &TrainingPanel::continueRequested);
    connect(form_, &TrainingSettingsForm::changed, this, &TrainingPanel::updateButtons);
    connect(runs_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const int i = item->data(Qt::UserRole).toInt();
        if (i < 0 || i >= int(history_.size())) return;
        charts_->setOverlay(i, RunCurves::fromHistory(history_[i], tr("Run %1").arg(i + 1)),
                            item->checkState() == Qt::Checked);
    });
    setWeightsState(tr("Weights: <b>not trained</b> — the model starts from random weights."));
    updateButtons();
}

QString TrainingPanel::runLabel(const nlohmann::json& run, int index) {
    QString text = tr("Run %1").arg(index + 1);
    RunRecord r;
    try {
        r = RunRecord::fromJson(run);
    } catch (const Error&) {
        return text;
    }
    text += tr(" — %1 epochs, %2, lr %3, batch %4")
                .arg(r.epochs.size())
                .arg(QString::fromStdString(r.settings.optimizer.kind))
                .arg(double(r.settings.optimizer.learningRate), 0, 'g', 3)
                .arg(r.settings.batchSize);
    if (r.start == StartMode::FineTune) text += tr(", fine-tuned");
    if (!r.epochs.empty() && r.epochs.back().hasValidation)
        text += tr(", val. accuracy %1%").arg(r.epochs.back().valAccuracy * 100, 0, 'f', 1);
    if (r.evaluation && r.evaluation->set == EvalSet::Test)
        text += tr(", test %1%").arg(r.evaluation->accuracy * 100, 0, 'f', 1);
    if (r.stopReason == StopReason::Stopped) text += tr(" (stopped)");
    if (r.stopReason == StopReason::EarlyStopped) text += tr(" (stopped early)");
    return text;
}

void TrainingPanel::setHistory(const nlohmann::json& history) {
    QList<int> ticked;
    for (int r = 0; r < runs_->count(); ++r)
        if (runs_->item(r)->checkState() == Qt::Checked) ticked << runs_->item(r)->data(Qt::UserRole).toInt();
    history_ = history.is_array() ? history : nlohmann::json::array();
    const QSignalBlocker block(runs_);
    runs_->clear();
    charts_->clearOverlays();
    for (int i = int(history_.size()) - 1; i >= 0; --i) {
        auto* item = new QListWidgetItem(runLabel(history_[i], i), runs_);
        item->setData(Qt::UserRole, i);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool on = ticked.contains(i);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        if (on) charts_->setOverlay(i, RunCurves::fromHistory(history_[i], tr("Run %1").arg(i + 1)), true);
    }
    bottom_->setTabText(1, history_.empty() ? tr("Runs") : tr("Runs (%1)").arg(history_.size()));
}

void TrainingPanel::setMode(Mode mode) {
    mode_ = mode;
    form_->setLocked(mode != Mode::Idle);
    updateButtons();
}

void TrainingPanel::setContinueAvailable(bool available, const QString& text) {
    continueAvailable_ = available;
    continueNote_->setText(available ? text : QString());
    updateButtons();
}

void TrainingPanel::setWeightsState(const QString& html) { weights_->setText(html); }
QString TrainingPanel::weightsState() const { return weights_->text(); }

void TrainingPanel::updateButtons() {
    const bool idle = mode_ == Mode::Idle;
    const QString problem = form_->problem();
    start_->setEnabled(idle && problem.isEmpty());
    start_->setToolTip(problem.isEmpty() ? tr("Start a new run with these settings (F5)") : problem);
    pause_->setEnabled(mode_ == Mode::Running || mode_ == Mode::Paused);
    pause_->setText(mode_ == Mode::Paused ? tr("Resume") : tr("Pause"));
    stop_->setEnabled(mode_ == Mode::Running || mode_ == Mode::Paused || mode_ == Mode::Loading);
    continue_->setVisible(continueAvailable_);
    continueNote_->setVisible(continueAvailable_);
    continue_->setEnabled(idle && continueAvailable_);
}

}  // namespace cs::gui
