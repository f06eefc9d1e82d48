// TrainingUi, runs half: Start (fresh or continuing a checkpoint), the finished run's weights
// into the project, whether those weights still fit the graph, resuming an interrupted run,
// evaluating, and the data the Inspect page needs.
#include <QAction>
#include <QEventLoop>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <numeric>

#include "common/engine_message.h"
#include "designer/model_document.h"
#include "main_window.h"
#include "train/saved_evaluation.h"
#include "training/evaluation_panel.h"
#include "training/training_charts.h"
#include "training/training_log.h"
#include "training/training_panel.h"
#include "training/training_progress.h"
#include "training/training_settings_form.h"
#include "training_controller.h"
#include "training_ui.h"

namespace cs::gui {

namespace {

// The graph without designer positions: what decides whether weights still fit.
bool sameStructure(const GraphSpec& a, const GraphSpec& b) {
    if (a.nodes().size() != b.nodes().size()) return false;
    for (std::size_t i = 0; i < a.nodes().size(); ++i) {
        const NodeSpec &x = a.nodes()[i], &y = b.nodes()[i];
        if (x.id != y.id || x.kind != y.kind || x.name != y.name || x.options != y.options || x.inputs != y.inputs)
            return false;
    }
    return true;
}

}  // namespace

bool TrainingUi::begin(bool resume) {
    if (controller_->isBusy()) return false;
    if (!doc_.check().ok) {
        const QString problems =
            doc_.check().problems.empty() ? tr("the model is incomplete") : engineText(doc_.check().problems.front());
        panel_->log()->addLine(tr("The model cannot be trained: %1").arg(problems), TrainingLog::Kind::Error);
        window_.showPage(panel_);
        return false;
    }
    const QString problem = panel_->form()->problem();  // the form shows the project's settings
    if (!resume && !problem.isEmpty()) {
        panel_->log()->addLine(problem, TrainingLog::Kind::Error);
        return false;
    }
    TrainingController::StartOptions o;
    o.dataSource = dataSource();
    o.checkpointPath = checkpointPath();
    o.start = resume ? StartMode::Resume : continuesFromWeights() ? StartMode::FineTune : StartMode::Fresh;
    if (!resume) o.dataChanges = nextDataChanges_;
    runGraph_ = doc_.graph();
    detached_.reset();
    panel_->setContinueAvailable(false);
    window_.showPage(panel_);
    return controller_->start(doc_.file(), settings(), o);
}

void TrainingUi::start() {
    if (controller_->isBusy()) return;
    if (interactive_ && TrainingController::hasResumableCheckpoint(checkpointPath(), doc_.filePath())) {
        const auto [done, planned] = TrainingController::checkpointProgress(checkpointPath());
        QMessageBox box(QMessageBox::Question, tr("Start Training"),
                        tr("An unfinished run of this project stopped after %1 of %2 epochs. Continue it, or start a "
                           "new run (its checkpoint will be replaced)?")
                            .arg(done)
                            .arg(planned),
                        QMessageBox::Cancel, &window_);
        QPushButton* cont = box.addButton(tr("Continue"), QMessageBox::AcceptRole);
        QPushButton* fresh = box.addButton(tr("New Run"), QMessageBox::DestructiveRole);
        box.setDefaultButton(cont);
        box.exec();
        if (box.clickedButton() == static_cast<QAbstractButton*>(cont)) {
            begin(true);
            return;
        }
        if (box.clickedButton() != static_cast<QAbstractButton*>(fresh)) return;
    }
    if (!chooseStart()) return;
    begin(false);
}

void TrainingUi::startWithDataChanges(const DataChanges& changes) {
    if (controller_->isBusy() || !chooseStart()) return;
    nextDataChanges_ = changes;
    begin(false);
    nextDataChanges_.reset();
}

bool TrainingUi::chooseStart() {
    // Asked once per project, when it has weights that fit and never said how to start; the
    // answer is a training setting (saved with the project, undoable, shown in the form).
    if (!interactive_ || !weightsFitGraph() || doc_.hasStartChoice()) return true;
    QMessageBox box(QMessageBox::Question, tr("Start Training"),
                    tr("This project has trained weights. Continue training from them, or train from scratch "
                       "(random weights; the current weights stay in the project unless the new run is better)?"
                       "\n\nThe choice is remembered in the project (Training ▸ Start)."),
                    QMessageBox::Cancel, &window_);
    box.setObjectName(QStringLiteral("startChoiceDialog"));
    QPushButton* cont = box.addButton(tr("Continue Training"), QMessageBox::AcceptRole);
    cont->setObjectName(QStringLiteral("continueTraining"));
    QPushButton* scratch = box.addButton(tr("Train from Scratch"), QMessageBox::AcceptRole);
    scratch->setObjectName(QStringLiteral("trainFromScratch"));
    box.setDefaultButton(cont);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton*>(cont) &&
        box.clickedButton() != static_cast<QAbstractButton*>(scratch))
        return false;
    doc_.setContinueFromWeights(box.clickedButton() == static_cast<QAbstractButton*>(cont));
    return true;
}

bool TrainingUi::confirmClose(const QString& action) {
    stoppedForClose_ = false;
    if (!controller_->isBusy()) return true;
    if (interactive_ && controller_->isRunning()) {
        QMessageBox box(QMessageBox::Warning, action,
                        tr("%1: a training run is in progress (%2).\n\nStop it first? Its checkpoint keeps the "
                           "position, so Train ▸ Continue Interrupted Run can go on later.")
                            .arg(action, progress_->text()),
                        QMessageBox::NoButton, &window_);
        box.setObjectName(QStringLiteral("runGuardDialog"));
        QPushButton* stopIt = box.addButton(tr("Stop and Keep the Checkpoint"), QMessageBox::DestructiveRole);
        stopIt->setObjectName(QStringLiteral("stopAndKeep"));
        QPushButton* keep = box.addButton(tr("Keep Training"), QMessageBox::RejectRole);
        keep->setObjectName(QStringLiteral("keepTraining"));
        box.addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancel"));
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() != static_cast<QAbstractButton*>(stopIt)) return false;
    }
    // Wait for the run's end without blocking the window: its weights (or record) and the
    // checkpoint are in place before the project closes.
    const bool wasRunning = controller_->isRunning();
    QEventLoop wait;
    connect(controller_, &TrainingController::stateChanged, &wait, [&wait, this] {
        if (!controller_->isBusy()) wait.quit();
    });
    if (controller_->isLoading()) controller_->cancelLoading();
    controller_->stop();
    if (controller_->isBusy()) wait.exec(QEventLoop::ExcludeUserInputEvents);
    stoppedForClose_ = wasRunning;
    return true;
}

QString TrainingUi::unsavedRunNote() const {
    return stoppedForClose_ ? tr("They include the run just stopped: its record, and its weights if they are "
                                 "better than the project's.")
                            : QString();
}

void TrainingUi::continueRun() { begin(true); }
void TrainingUi::pause() { controller_->pause(); }
void TrainingUi::resume() { controller_->resume(); }
void TrainingUi::stop() { controller_->stop(); }

void TrainingUi::onFinished(const RunSummary& s, std::shared_ptr<const ModelFile> trained) {
    TrainingLog* log = panel_->log();
    if (s.failed) {
        log->addLine(tr("Training failed: %1").arg(s.error), TrainingLog::Kind::Error);
        progress_->finish(tr("Training failed"));
    } else if (s.stopReason == StopReason::Stopped) {
        log->addLine(tr("Training stopped after %n complete epoch(s); the checkpoint keeps the position.", nullptr,
                        s.epochsCompleted),
                     TrainingLog::Kind::Warning);
        progress_->finish(tr("Stopped after %1").arg(TrainingProgress::formatDuration(progress_->elapsedSeconds())));
    } else {
        log->addLine(tr("Training finished: %n epoch(s).", nullptr, s.epochsCompleted));
        progress_->finish(
            tr("Training finished in %1").arg(TrainingProgress::formatDuration(progress_->elapsedSeconds())));
    }
    if (const QVector<double>& epochs = progress_->epochSeconds(); !s.failed && !epochs.isEmpty())
        log->addLine(tr("Training time %1 (pauses left out), %2 per finished epoch on average.")
                         .arg(TrainingProgress::formatDuration(progress_->elapsedSeconds()))
                         .arg(TrainingProgress::formatDuration(std::accumulate(epochs.begin(), epochs.end(), 0.0) /
                                                               double(epochs.size()))));
    if (trained) {
        if (sameStructure(doc_.graph(), runGraph_)) {
            keepRun(trained);
        } else {
            detached_ = trained;
            log->addLine(tr("The model was changed during the run, so its weights were not stored in the project."),
                         TrainingLog::Kind::Warning);
        }
    }
    const auto [done, planned] = TrainingController::checkpointProgress(checkpointPath());
    if (done >= 0 && done < planned)
        panel_->setContinueAvailable(true, tr("Stopped after %1 of %2 epochs").arg(done).arg(planned));
    updateActions();
}

void TrainingUi::keepRun(std::shared_ptr<const ModelFile> trained) {
    TrainingLog* log = panel_->log();
    std::optional<RunRecord> run;
    try {
        if (trained->history.is_array() && !trained->history.empty())
            run = RunRecord::fromJson(trained->history.back());
    } catch (const std::exception&) {
    }
    const std::optional<RunRecord> current = doc_.weightsRun();
    if (!run || replacesProjectWeights(*run, current ? &*current : nullptr, weightsFitGraph())) {
        // The Evaluation page shows this run's evaluation already (evaluated came first).
        if (!trained->evaluation.is_null()) shownEvaluation_ = trained->evaluation;
        doc_.applyTrained(*trained);  // one undoable step: Undo brings back the weights before it
        QString kept;
        if (run && run->bestEpoch && *run->bestEpoch + 1 < int(run->epochs.size()))
            kept = tr(" This run kept its best epoch, %1 of %2 (validation accuracy %3%).")
                       .arg(*run->bestEpoch + 1)
                       .arg(run->epochs.size())
                       .arg(run->epochs[std::size_t(*run->bestEpoch)].valAccuracy * 100, 0, 'f', 1);
        log->addLine(tr("The trained weights are now part of the project (not saved yet; Edit ▸ Undo brings back the "
                        "previous weights). Editing the graph makes them outdated.") +
                     kept);
        return;
    }
    // A better model is never replaced silently: the run joins the history, the weights stay,
    // and so does their evaluation (the page showed the run's: weightsChanged shows it again).
    shownEvaluation_ = trained->evaluation;
    doc_.recordRun(*trained);
    const std::optional<double> theirs = current ? keptValidationAccuracy(*current) : std::nullopt;
    const std::optional<double> mine = keptValidationAccuracy(*run);
    const QString project = theirs ? tr("the weights of run %1 (validation accuracy %2%)")
                                         .arg(doc_.weightsRunIndex() + 1)
                                         .arg(*theirs * 100, 0, 'f', 1)
                                   : tr("its current weights");
    const QString why = mine ? tr("this run reached %1%").arg(*mine * 100, 0, 'f', 1)
                             : tr("this run was stopped before it could be measured");
    log->addLine(tr("The project keeps %1: %2. Runs ▸ Use Best Weights puts this run's weights in.").arg(project, why),
                 TrainingLog::Kind::Warning);
}

void TrainingUi::useRunWeights(int index, bool last) {
    if (controller_->isBusy() || !doc_.hasRunWeights(index)) return;
    doc_.useRunWeights(index, last);
    panel_->log()->addLine(
        last ? tr("The project now uses the last weights of run %1 (Edit ▸ Undo takes them back).").arg(index + 1)
             : tr("The project now uses the best weights of run %1 (Edit ▸ Undo takes them back).").arg(index + 1));
}

void TrainingUi::showHistory() {
    panel_->setHistory(doc_.runs(), doc_.weightsRunIndex());
    QList<int> available, distinctLast;
    for (int i = 0; i < int(doc_.runCount()); ++i) {
        if (doc_.hasRunWeights(i)) available << i;
        if (doc_.hasDistinctLastWeights(i)) distinctLast << i;
    }
    panel_->setRunWeightsAvailable(available, distinctLast, doc_.usesLastWeights());
}

bool TrainingUi::weightsFitGraph() const { return doc_.hasWeights() && sameStructure(doc_.graph(), trainedGraph_); }

bool TrainingUi::continuesFromWeights() const { return settings().continueFromWeights && weightsFitGraph(); }

void TrainingUi::updateWeightsState() {
    panel_->setStartsFromWeights(continuesFromWeights(), weightsFitGraph());
    startAct_->setText(!weightsFitGraph()       ? tr("&Start Training")
                       : continuesFromWeights() ? tr("&Start Training (Continue from the Weights)")
                                                : tr("&Start Training (from Scratch)"));
    panel_->form()->setWeightsAvailable(weightsFitGraph(),
                                        !doc_.hasWeights()
                                            ? tr("The project has no weights yet: train it once from scratch.")
                                            : tr("The weights no longer fit the graph, which changed after training."));
    if (controller_->state() == TrainingController::State::Paused) {
        panel_->setWeightsState(
            tr("Weights: <b>paused</b> — Resume (F6) goes on. The model cannot be edited until the run stops."));
        return;
    }
    if (controller_->isRunning()) {
        panel_->setWeightsState(tr("Weights: <b>training…</b> The model cannot be edited until the run stops."));
        return;
    }
    if (!doc_.hasWeights()) {
        panel_->setWeightsState(tr("Weights: <b>not trained</b> — the model starts from random weights."));
        return;
    }
    if (!sameStructure(doc_.graph(), trainedGraph_)) {
        panel_->setWeightsState(
            tr("Weights: <b style='color:#c0392b'>outdated</b> — the graph changed after "
               "training; train again."));
        return;
    }
    QString text = tr("Weights: <b style='color:#1e8449'>trained</b>");
    if (doc_.weightsRunIndex() >= 0)
        text += doc_.usesLastWeights() ? tr(" (run %1, last weights)").arg(doc_.weightsRunIndex() + 1)
                                       : tr(" (run %1)").arg(doc_.weightsRunIndex() + 1);
    text += tr(" — editing the graph makes them outdated.");
    panel_->setWeightsState(text);
}

void TrainingUi::updateActions() {
    using S = TrainingController::State;
    const S s = controller_->state();
    startAct_->setEnabled(s == S::Idle);
    pauseAct_->setEnabled(s == S::Training || s == S::Paused);
    pauseAct_->setText(s == S::Paused ? tr("&Resume") : tr("&Pause"));
    stopAct_->setEnabled(controller_->isRunning() || s == S::Loading);
    continueAct_->setEnabled(s == S::Idle && TrainingController::hasResumableCheckpoint(checkpointPath()));
    evaluateAct_->setEnabled(s == S::Idle);
}

void TrainingUi::checkForInterruptedRun() {
    if (controller_->isBusy()) return;
    const QString path = checkpointPath();
    if (!TrainingController::hasResumableCheckpoint(path, doc_.filePath())) {
        panel_->setContinueAvailable(false);
        updateActions();
        return;
    }
    // An untitled project's checkpoint is only offered for the same model.
    try {
        if (doc_.filePath().isEmpty() &&
            !sameStructure(loadModelFileDescription(path.toStdString()).graph, doc_.graph()))
            return;
    } catch (const std::exception&) {
        return;
    }
    const auto [done, planned] = TrainingController::checkpointProgress(path);
    const QString when = QFileInfo(path).lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    panel_->setContinueAvailable(true, tr("Interrupted after %1 of %2 epochs (%3)").arg(done).arg(planned).arg(when));
    updateActions();
    if (!interactive_) return;
    const auto answer = QMessageBox::question(
        &window_, tr("Resume training?"),
        tr("This project has an unfinished training run: it stopped after %1 of %2 epochs (checkpoint of %3).\n\n"
           "Continue it now?")
            .arg(done)
            .arg(planned)
            .arg(when),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) continueRun();
}

// ---- Evaluation and data ----

void TrainingUi::showRunBatches(int index) {
    RunRecord run;
    try {
        run = RunRecord::fromJson(doc_.runs()[std::size_t(index)]);
    } catch (const std::exception&) {
        return;  // a damaged record: its epochs' overlay is all there is
    }
    if (run.batches.empty()) return;
    QVector<BatchStats> batches;
    for (const BatchPoint& p : run.batches) {
        BatchStats b;
        b.epoch = p.epoch;
        b.batch = p.batch;
        b.batchesPerEpoch = p.batchesPerEpoch;
        b.loss = p.loss;
        b.accuracy = p.accuracy;
        b.learningRate = p.learningRate;
        batches << b;
    }
    panel_->charts()->addBatches(batches);
    for (const EpochStats& e : run.epochs) panel_->charts()->addEpoch(e);
}

void TrainingUi::showSavedEvaluation() {
    shownEvaluation_ = doc_.lastEvaluation();
    if (doc_.lastEvaluation().is_null()) {
        evaluation_->clear();
        return;
    }
    try {
        SavedEvaluation saved = SavedEvaluation::fromJson(doc_.lastEvaluation());
        EvalReport report;
        report.result = std::move(saved.result);
        report.data = std::make_shared<const Dataset>(std::move(saved.mistakes));
        report.setName = QString::fromStdString(std::string(evalSetName(saved.set)));
        report.mistakesOnly = true;
        evaluation_->setReport(report);
        if (saved.outdated)
            evaluation_->setNote(tr("Outdated: these figures measured the weights the project used before Use Best / "
                                    "Use Last Weights. Press Evaluate to measure the weights in use."),
                                 true);
        else if (saved.totalMistakes > int(report.data->size()))
            evaluation_->setNote(tr("Saved with the project: the gallery holds the %1 most confident of %2 mistakes; "
                                    "Evaluate measures again.")
                                     .arg(report.data->size())
                                     .arg(saved.totalMistakes));
        else
            evaluation_->setNote(tr("Saved with the project; Evaluate measures again."));
    } catch (const std::exception& e) {
        evaluation_->clear();
        panel_->log()->addLine(tr("The project's saved evaluation cannot be shown: %1").arg(engineText(e)),
                               TrainingLog::Kind::Warning);
    }
}

void TrainingUi::keepEvaluation(const EvalReport& report) {
    if (!report.data) return;
    try {
        const HeldOutEvaluation held{evalSetFromName(report.setName.toStdString()), report.data, report.result};
        doc_.setLastEvaluation(savedEvaluation(held).toJson());
        shownEvaluation_ = doc_.lastEvaluation();
    } catch (const std::exception& e) {
        panel_->log()->addLine(tr("The evaluation could not be kept in the project: %1").arg(engineText(e)),
                               TrainingLog::Kind::Warning);
    }
}

void TrainingUi::endLoading(const QString& message) {
    // The status bar's progress belongs to runs: a load's percentage must not outlive it (a run
    // that waited for the data shows its own progress next). A short note says how it ended,
    // unless the status bar is telling something else.
    progress_->hide();
    if (window_.statusBar()->currentMessage().isEmpty()) window_.statusBar()->showMessage(message, 3000);
}

void TrainingUi::ensureData() {
    if (controller_->isBusy() || controller_->isLoading()) return;
    // Loaded data is reused only at the model's current input size (the Input layer may have
    // changed since).
    if (controller_->hasDataFor(dataSource(), doc_.file().preprocessing)) return;
    controller_->loadData(dataSource(), doc_.file().preprocessing);
}

void TrainingUi::evaluate() {
    window_.showPage(evaluation_);
    if (controller_->isBusy()) return;
    if (!doc_.hasWeights()) {
        evaluation_->setMessage(tr("The model has no trained weights yet: train it first."));
        return;
    }
    if (!controller_->hasDataFor(dataSource(), doc_.file().preprocessing))
        evaluation_->setMessage(tr("Loading the dataset…"));
    controller_->evaluate(doc_.file(), dataSource());  // after loading it, when needed
}

}  // namespace cs::gui
