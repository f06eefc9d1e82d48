#include "training/training_panel.h"

#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/errors.h"
#include "train/run_record.h"
#include "training/run_comparison.h"
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
    runs_->setTextElideMode(Qt::ElideRight);
    bottom_ = new QTabWidget;
    bottom_->setDocumentMode(true);
    bottom_->addTab(log_, tr("Log"));
    useRun_ = new QPushButton(tr("Use Best Weights"));
    useRun_->setObjectName(QStringLiteral("useRunButton"));
    useRun_->setToolTip(tr("Put the selected run's best weights into the project (Edit ▸ Undo takes them back)"));
    useLast_ = new QPushButton(tr("Use Last Weights"));
    useLast_->setObjectName(QStringLiteral("useLastButton"));
    auto* runsNote = new QLabel(
        tr("The project keeps the best weights (by validation accuracy) unless you pick another run. The last %n "
           "run(s) keep their best and last weights in the project file; older runs keep their record and curves.",
           nullptr, kRunsWithWeights));
    runsNote->setWordWrap(true);
    auto* runsPage = new QWidget;
    auto* rl = new QVBoxLayout(runsPage);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(runs_, 1);
    auto* runsBar = new QHBoxLayout;
    runsBar->addWidget(useRun_);
    runsBar->addWidget(useLast_);
    runsBar->addWidget(runsNote, 1);
    rl->addLayout(runsBar);
    bottom_->addTab(runsPage, tr("Runs"));
    comparison_ = new RunComparison;
    bottom_->addTab(comparison_, tr("Compare"));

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
        compareTickedRuns();
    });
    connect(runs_, &QListWidget::currentRowChanged, this, &TrainingPanel::updateButtons);
    connect(useRun_, &QPushButton::clicked, this, [this] {
        if (const int run = selectedRun(); run >= 0) emit useRunWeightsRequested(run, false);
    });
    connect(useLast_, &QPushButton::clicked, this, [this] {
        if (const int run = selectedRun(); run >= 0) emit useRunWeightsRequested(run, true);
    });
    setWeightsState(tr("Weights: <b>not trained</b> — the model starts from random weights."));
    updateButtons();
}

QString TrainingPanel::runLabel(const nlohmann::json& run) {
    RunRecord r;
    try {
        r = RunRecord::fromJson(run);
    } catch (const Error&) {
        return {};
    }
    QString text = tr("%1 epochs, %2, lr %3, batch %4")
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

void TrainingPanel::setHistory(const nlohmann::json& history, int weightsRun) {
    weightsRun_ = weightsRun;
    QList<int> ticked;
    for (int r = 0; r < runs_->count(); ++r)
        if (runs_->item(r)->checkState() == Qt::Checked) ticked << runs_->item(r)->data(Qt::UserRole).toInt();
    history_ = history.is_array() ? history : nlohmann::json::array();
    const QSignalBlocker block(runs_);
    runs_->clear();
    charts_->clearOverlays();
    for (int i = int(history_.size()) - 1; i >= 0; --i) {
        // Two lines, what matters first: which run and what the project keeps of it, then its
        // settings and figures (long; cut at the list's edge, whole in the tooltip).
        QString status = tr("Run %1").arg(i + 1);
        if (i == weightsRun) status += tr(" — weights in use");
        if (runsWithWeights_.contains(i))
            status += distinctLast_.contains(i) ? tr(" · best and last weights kept") : tr(" · weights kept");
        const QString details = runLabel(history_[i]);
        const QString label = details.isEmpty() ? status : status + QLatin1Char('\n') + details;
        auto* item = new QListWidgetItem(label, runs_);
        item->setToolTip(label);
        if (i == weightsRun) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        item->setData(Qt::UserRole, i);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool on = ticked.contains(i);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        if (on) charts_->setOverlay(i, RunCurves::fromHistory(history_[i], tr("Run %1").arg(i + 1)), true);
    }
    bottom_->setTabText(1, history_.empty() ? tr("Runs") : tr("Runs (%1)").arg(history_.size()));
    compareTickedRuns();
    updateButtons();
}

void TrainingPanel::compareTickedRuns() {
    QList<int> ticked;
    for (int r = runs_->count() - 1; r >= 0; --r)  // oldest first
        if (runs_->item(r)->checkState() == Qt::Checked) ticked << runs_->item(r)->data(Qt::UserRole).toInt();
    comparison_->setRuns(history_, ticked);
}

void TrainingPanel::showRunCurves(int index) {
    for (int r = 0; r < runs_->count(); ++r)
        if (runs_->item(r)->data(Qt::UserRole).toInt() == index) runs_->item(r)->setCheckState(Qt::Checked);
}

void TrainingPanel::setRunWeightsAvailable(const QList<int>& runs, const QList<int>& distinctLast, bool inUseIsLast) {
    const bool changed = runs != runsWithWeights_ || distinctLast != distinctLast_;
    runsWithWeights_ = runs;
    distinctLast_ = distinctLast;
    inUseIsLast_ = inUseIsLast;
    if (changed) setHistory(history_, weightsRun_);  // the labels say which runs keep weights
    updateButtons();
}

int TrainingPanel::selectedRun() const {
    const QListWidgetItem* item = runs_->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : -1;
}

void TrainingPanel::setStartsFromWeights(bool fromWeights, bool hasWeights) {
    start_->setText(!hasWeights ? tr("Train") : fromWeights ? tr("Continue Training") : tr("Train from Scratch"));
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
    const int run = selectedRun();
    const bool kept = run >= 0 && runsWithWeights_.contains(run);
    const bool inUse = run >= 0 && run == weightsRun_;
    useRun_->setEnabled(idle && kept && !(inUse && !inUseIsLast_));
    useRun_->setToolTip(
        run >= 0 && !kept
            ? tr("This run's weights are no longer kept (only the last %n runs keep theirs)", nullptr, kRunsWithWeights)
            : tr("Put the selected run's best weights into the project (Edit ▸ Undo takes them back)"));
    useLast_->setEnabled(idle && kept && distinctLast_.contains(run) && !(inUse && inUseIsLast_));
    useLast_->setToolTip(
        run >= 0 && !kept
            ? tr("This run's weights are no longer kept (only the last %n runs keep theirs)", nullptr, kRunsWithWeights)
        : kept && !distinctLast_.contains(run)
            ? tr("This run's last weights are its best: its last epoch measured best (or nothing was measured)")
            : tr("Put the selected run's weights after its last batch into the project (Edit ▸ Undo takes them "
                 "back)"));
}

}  // namespace cs::gui
