// TrainingUi, runs half: Start (fresh or continuing a checkpoint), the finished run's weights
// into the project, whether those weights still fit the graph, resuming an interrupted run,
// evaluating, and the data the Inspect page needs.
#include <QAction>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "common/engine_message.h"
#include "designer/model_document.h"
#include "main_window.h"
#include "training/evaluation_panel.h"
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
    begin(false);
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
        progress_->finish(tr("Stopped"));
    } else {
        log->addLine(tr("Training finished: %n epoch(s).", nullptr, s.epochsCompleted));
        progress_->finish(tr("Training finished"));
    }
    if (trained) {
        if (sameStructure(doc_.graph(), runGraph_)) {
            doc_.applyTrained(*trained);  // one undoable step: Undo brings back the weights before it
            log->addLine(
                tr("The trained weights are now part of the project (not saved yet; Edit ▸ Undo brings back the "
                   "previous weights). Editing the graph makes them outdated."));
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

bool TrainingUi::weightsFitGraph() const { return doc_.hasWeights() && sameStructure(doc_.graph(), trainedGraph_); }

bool TrainingUi::continuesFromWeights() const { return settings().continueFromWeights && weightsFitGraph(); }

void TrainingUi::updateWeightsState() {
    panel_->form()->setWeightsAvailable(weightsFitGraph(),
                                        !doc_.hasWeights()
                                            ? tr("The project has no weights yet: train it once from scratch.")
                                            : tr("The weights no longer fit the graph, which changed after training."));
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
    if (doc_.runCount() > 0) text += tr(" (run %1)").arg(doc_.runCount());
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
