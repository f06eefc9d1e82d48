#include "training_ui.h"

#include <QAction>
#include <QDateTime>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

#include "core/errors.h"
#include "dataset_controller.h"
#include "designer/model_document.h"
#include "inspect/inspect_panel.h"
#include "inspect/probe_picker.h"
#include "main_window.h"
#include "training/evaluation_panel.h"
#include "training/training_charts.h"
#include "training/training_log.h"
#include "training/training_panel.h"
#include "training/training_progress.h"
#include "training/training_settings_form.h"
#include "training_controller.h"
#include "training_edit_lock.h"

namespace cs::gui {

namespace {

QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }

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

TrainingUi::TrainingUi(MainWindow& window, ModelDocument& doc, DesignerController* designer, QObject* parent)
    : QObject(parent),
      window_(window),
      doc_(doc),
      controller_(new TrainingController(this)),
      settingsTimer_(new QTimer(this)),
      idleProbeTimer_(new QTimer(this)) {
    panel_ = new TrainingPanel;
    panel_->setObjectName(QStringLiteral("trainingPage"));
    inspect_ = new InspectPanel;
    inspect_->setObjectName(QStringLiteral("inspectPage"));
    evaluation_ = new EvaluationPanel;
    evaluation_->setObjectName(QStringLiteral("evaluationPage"));
    window_.addPage(panel_, icon("train"), tr("Training"));
    window_.addPage(inspect_, icon("layers"), tr("Inspect"));
    window_.addPage(evaluation_, icon("summary"), tr("Evaluation"));
    progress_ = new TrainingProgress;
    window_.statusBar()->addPermanentWidget(progress_);
    lock_ = new TrainingEditLock(window_, designer, this);

    settingsTimer_->setSingleShot(true);
    settingsTimer_->setInterval(600);
    connect(settingsTimer_, &QTimer::timeout, this, &TrainingUi::writeSettingsToDocument);
    idleProbeTimer_->setSingleShot(true);
    idleProbeTimer_->setInterval(300);
    connect(idleProbeTimer_, &QTimer::timeout, this, [this] {
        if (!controller_->isBusy() && doc_.check().ok) controller_->probeIdle(doc_.file());
    });

    createActions();
    connectController();

    connect(panel_, &TrainingPanel::startRequested, this, &TrainingUi::start);
    connect(panel_, &TrainingPanel::pauseRequested, this, &TrainingUi::pause);
    connect(panel_, &TrainingPanel::resumeRequested, this, &TrainingUi::resume);
    connect(panel_, &TrainingPanel::stopRequested, this, &TrainingUi::stop);
    connect(panel_, &TrainingPanel::continueRequested, this, &TrainingUi::continueRun);
    connect(panel_->form(), &TrainingSettingsForm::changed, this, [this] {
        if (!syncing_) settingsTimer_->start();
    });
    connect(evaluation_, &EvaluationPanel::evaluateRequested, this, &TrainingUi::evaluate);
    connect(inspect_, &InspectPanel::probeImageChanged, this, [this](const ProbeImage& image) {
        ownProbe_ = true;
        controller_->setProbeImage(image);
        ownProbe_ = false;
        idleProbeTimer_->start(0);
    });
    connect(window_.pages(), &QTabWidget::currentChanged, this, [this] {
        if (window_.pages()->currentWidget() == inspect_) ensureData();
    });

    connect(&doc_, &ModelDocument::documentReset, this, [this] {
        trainedGraph_ = doc_.graph();
        loadSettingsFromDocument();
        panel_->setHistory(doc_.file().history);
        updateWeightsState();
        idleProbeTimer_->start();
        if (!applyingTrained_) QTimer::singleShot(0, this, &TrainingUi::checkForInterruptedRun);
    });
    connect(&doc_, &ModelDocument::projectChanged, this, [this] {
        if (!syncing_) loadSettingsFromDocument();
        panel_->setHistory(doc_.file().history);
    });
    for (auto signal : {&ModelDocument::nodeAdded, &ModelDocument::nodeRemoved, &ModelDocument::nodeChanged,
                        &ModelDocument::inputsChanged})
        connect(&doc_, signal, this, &TrainingUi::onGraphEdited);

    trainedGraph_ = doc_.graph();
    loadSettingsFromDocument();
    panel_->setHistory(doc_.file().history);
    updateWeightsState();
    updateActions();
}

TrainingUi::~TrainingUi() {
    // The pages are gone already (the window deletes its widgets first); the controller's
    // teardown must not reach them.
    controller_->disconnect(this);
}

void TrainingUi::createActions() {
    QMenu* menu = window_.menu(MainWindow::Menu::Train);
    menu->clear();  // the window's placeholders
    startAct_ = menu->addAction(icon("train"), tr("&Start Training"), this, &TrainingUi::start);
    startAct_->setShortcut(QKeySequence(Qt::Key_F5));
    startAct_->setStatusTip(tr("Train the model with the settings of the Training page"));
    pauseAct_ = menu->addAction(tr("&Pause"), this, [this] {
        if (controller_->state() == TrainingController::State::Paused)
            resume();
        else
            pause();
    });
    pauseAct_->setShortcut(QKeySequence(Qt::Key_F6));
    pauseAct_->setIcon(window_.style()->standardIcon(QStyle::SP_MediaPause));
    stopAct_ = menu->addAction(tr("S&top Training"), this, &TrainingUi::stop);
    stopAct_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    stopAct_->setIcon(window_.style()->standardIcon(QStyle::SP_MediaStop));
    continueAct_ = menu->addAction(tr("&Continue Interrupted Run"), this, &TrainingUi::continueRun);
    menu->addSeparator();
    evaluateAct_ = menu->addAction(icon("summary"), tr("&Evaluate"), this, &TrainingUi::evaluate);
    evaluateAct_->setShortcut(QKeySequence(Qt::Key_F7));
    evaluateAct_->setStatusTip(tr("Measure the trained weights on the test set"));
    menu->addSeparator();
    menu->addAction(tr("Show T&raining"), this, [this] { window_.showPage(panel_); });
    menu->addAction(tr("Show &Feature Maps"), this, [this] { window_.showPage(inspect_); });
    menu->addAction(tr("Show E&valuation"), this, [this] { window_.showPage(evaluation_); });

    QToolBar* bar = window_.mainToolBar();
    bar->addSeparator();
    bar->addAction(startAct_);
    bar->addAction(pauseAct_);
    bar->addAction(stopAct_);
}

void TrainingUi::connectController() {
    TrainingController* c = controller_;
    connect(c, &TrainingController::stateChanged, this, [this, c](TrainingController::State s) {
        using S = TrainingController::State;
        const TrainingPanel::Mode mode = s == S::Loading    ? TrainingPanel::Mode::Loading
                                         : s == S::Training ? TrainingPanel::Mode::Running
                                         : s == S::Paused   ? TrainingPanel::Mode::Paused
                                         : s == S::Stopping ? TrainingPanel::Mode::Stopping
                                                            : TrainingPanel::Mode::Idle;
        if (s == S::Paused) panel_->log()->addLine(tr("Paused."));
        if (s == S::Training && panel_->mode() == TrainingPanel::Mode::Paused) panel_->log()->addLine(tr("Resumed."));
        if (s == S::Stopping) panel_->log()->addLine(tr("Stopping after the current batch…"));
        panel_->setMode(mode);
        progress_->setPaused(s == S::Paused);
        evaluation_->setBusy(s == S::Evaluating);
        evaluation_->evaluateButton()->setEnabled(s == S::Idle);
        const bool running = c->isRunning() || s == S::Loading;
        lock_->setLocked(running,
                         tr("The model is training: it cannot be edited until the run stops (Stop or Shift+F5)."));
        updateActions();
        updateWeightsState();
    });
    connect(c, &TrainingController::loadProgress, progress_, &TrainingProgress::setLoading);
    connect(c, &TrainingController::dataLoaded, this,
            [this](std::shared_ptr<const DataSplits> data, const QString& source) {
                panel_->log()->addLine(tr("Dataset %1: %2 training, %3 validation and %4 test images, %5 classes.")
                                           .arg(source)
                                           .arg(data->train.size())
                                           .arg(data->validation.size())
                                           .arg(data->test.size())
                                           .arg(data->train.classCount()));
                for (const LoadProblem& p : data->problems)
                    panel_->log()->addLine(QString::fromStdString(p.path + ": " + p.message),
                                           TrainingLog::Kind::Warning);
                inspect_->setData(data);
                endLoading(tr("Dataset loaded"));
                if (pendingEvaluate_) {
                    pendingEvaluate_ = false;
                    evaluate();
                }
            });
    connect(c, &TrainingController::loadCancelled, this, [this] { endLoading(tr("Loading cancelled.")); });
    connect(c, &TrainingController::dataFailed, this, [this](const QString& m) {
        panel_->log()->addLine(tr("The dataset could not be loaded: %1").arg(m), TrainingLog::Kind::Error);
        progress_->finish(tr("Dataset not loaded"));
        pendingEvaluate_ = false;
    });
    connect(c, &TrainingController::runStarted, this, [this](const TrainSettings& s, bool resumed) {
        batchSize_ = s.batchSize;
        panel_->charts()->beginRun(resumed);
        inspect_->beginRun();
        progress_->beginRun(s.epochs);
        panel_->log()->addLine(resumed ? tr("Continuing the interrupted run (%1 epochs, batch %2, %3, lr %4).")
                                             .arg(s.epochs)
                                             .arg(s.batchSize)
                                             .arg(QString::fromStdString(s.optimizer.kind))
                                             .arg(double(s.optimizer.learningRate))
                                       : tr("Training started: %1 epochs, batch %2, %3, lr %4, seed %5.")
                                             .arg(s.epochs)
                                             .arg(s.batchSize)
                                             .arg(QString::fromStdString(s.optimizer.kind))
                                             .arg(double(s.optimizer.learningRate))
                                             .arg(s.seed));
    });
    connect(c, &TrainingController::runDataPrepared, inspect_, &InspectPanel::setData);
    connect(c, &TrainingController::batches, this, [this](const QVector<BatchStats>& b) {
        panel_->charts()->addBatches(b);
        if (!b.isEmpty()) progress_->setBatch(b.back(), batchSize_);
    });
    connect(c, &TrainingController::epochFinished, this, [this](const EpochStats& e) {
        panel_->charts()->addEpoch(e);
        panel_->log()->addEpoch(e);
    });
    connect(c, &TrainingController::message, this, [this](const QString& m, bool warning) {
        panel_->log()->addLine(m, warning ? TrainingLog::Kind::Warning : TrainingLog::Kind::Info);
    });
    connect(c, &TrainingController::probeReady, inspect_, &InspectPanel::setProbe);
    connect(c, &TrainingController::probeImageSet, this, [this](const ProbeImage& image) {
        if (ownProbe_) return;
        // From the dataset page or the camera: show it here.
        const QSignalBlocker block(inspect_);
        inspect_->picker()->setExternalImage(image);
        window_.showPage(inspect_);
    });
    connect(c, &TrainingController::finished, this, &TrainingUi::onFinished);
    connect(c, &TrainingController::evaluated, this, [this](const EvalReport& r) {
        evaluation_->setReport(r);
        panel_->log()->addLine(tr("Evaluation on the %1 set: accuracy %2%, loss %3 (%4 images).")
                                   .arg(r.setName == QLatin1String("test")         ? tr("test")
                                        : r.setName == QLatin1String("validation") ? tr("validation")
                                                                                   : tr("training"))
                                   .arg(r.result.accuracy * 100, 0, 'f', 2)
                                   .arg(r.result.loss, 0, 'f', 4)
                                   .arg(r.result.samples));
        window_.statusBar()->showMessage(
            tr("Evaluation ready: %1% accuracy — see the Evaluation page").arg(r.result.accuracy * 100, 0, 'f', 1),
            8000);
    });
    connect(c, &TrainingController::evaluationFailed, this,
            [this](const QString& m) { evaluation_->setMessage(tr("The evaluation failed: %1").arg(m)); });
    connect(c, &TrainingController::error, this, [this](const QString& m) {
        panel_->log()->addLine(m, TrainingLog::Kind::Error);
        window_.statusBar()->showMessage(m, 8000);
    });
}

// ---- Settings ----

TrainSettings TrainingUi::settings() const { return panel_->form()->settings(); }

void TrainingUi::loadSettingsFromDocument() {
    TrainSettings s;
    const nlohmann::json& t = doc_.file().training;
    try {
        if (t.is_object() && !t.empty()) s = TrainSettings::fromJson(t);
    } catch (const Error& e) {
        panel_->log()->addLine(tr("The project's training settings are not valid (%1); the defaults are shown.")
                                   .arg(QString::fromStdString(e.what())),
                               TrainingLog::Kind::Warning);
    }
    // A validation split makes the live validation curves possible; presets often leave it 0.
    if (s.validationSplit == 0.f && doc_.file().history.empty()) s.validationSplit = 0.1f;
    syncing_ = true;
    panel_->form()->setSettings(s);
    const auto& p = doc_.file().project;
    panel_->form()->setCheckpointFolder(
        p.is_object() ? QString::fromStdString(p.value("checkpoint_folder", std::string())) : QString());
    syncing_ = false;
}

void TrainingUi::writeSettingsToDocument() {
    settingsTimer_->stop();
    if (controller_->isRunning()) return;
    const nlohmann::json wanted = settings().toJson();
    const nlohmann::json& have = doc_.file().training.is_object() ? doc_.file().training : nlohmann::json::object();
    std::vector<std::string> changed;
    for (const auto& [key, value] : wanted.items())
        if (!have.contains(key) || have[key] != value) changed.push_back(key);
    const std::string folder = panel_->form()->checkpointFolder().toStdString();
    const auto& p = doc_.file().project;
    const bool folderChanged = (p.is_object() ? p.value("checkpoint_folder", std::string()) : std::string()) != folder;
    if (changed.empty() && !folderChanged) return;
    syncing_ = true;
    doc_.undoStack()->beginMacro(tr("Change training settings"));
    for (const std::string& key : changed) doc_.setTrainingValue(key, wanted[key]);
    if (folderChanged) doc_.setProjectValue("checkpoint_folder", folder);
    doc_.undoStack()->endMacro();
    syncing_ = false;
}

QString TrainingUi::dataSource() const {
    const auto& p = doc_.file().project;
    if (p.is_object() && p.contains("dataset") && p["dataset"].is_string())
        return QString::fromStdString(p["dataset"].get<std::string>());
    return DatasetController::defaultSource();
}

QString TrainingUi::checkpointPath() const {
    return TrainingController::checkpointPathFor(doc_.filePath(), panel_->form()->checkpointFolder());
}

// ---- Runs ----

bool TrainingUi::begin(bool resume) {
    if (controller_->isBusy()) return false;
    if (!doc_.check().ok) {
        const QString problems = doc_.check().problems.empty() ? tr("the model is incomplete")
                                                               : QString::fromStdString(doc_.check().problems.front());
        panel_->log()->addLine(tr("The model cannot be trained: %1").arg(problems), TrainingLog::Kind::Error);
        window_.showPage(panel_);
        return false;
    }
    const QString problem = panel_->form()->problem();
    if (!resume && !problem.isEmpty()) {
        panel_->log()->addLine(problem, TrainingLog::Kind::Error);
        return false;
    }
    writeSettingsToDocument();
    TrainingController::StartOptions o;
    o.dataSource = dataSource();
    o.checkpointPath = checkpointPath();
    o.start = resume ? StartMode::Resume : continuesFromWeights() ? StartMode::FineTune : StartMode::Fresh;
    runGraph_ = doc_.graph();
    editedDuringRun_ = false;
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
            applyTrained(*trained);
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

void TrainingUi::applyTrained(const ModelFile& trained) {
    // ModelDocument offers no undoable primitive for weights: the project is replaced as a whole
    // (file path kept, marked modified), which clears the undo history. The log says so.
    ModelFile f = doc_.file();
    f.weights = trained.weights;
    f.classNames = trained.classNames;
    if (!trained.history.empty()) f.history.push_back(trained.history.back());
    f.checkpoint = nlohmann::json::object();
    QWidget* page = window_.pages()->currentWidget();
    const QString path = doc_.filePath();
    applyingTrained_ = true;  // our own reset: no "Resume training?" for the run that just ended
    syncing_ = true;
    doc_.reset(std::move(f), path);
    doc_.setProjectValue("trained", {{"run", doc_.file().history.size()},
                                     {"at", QDateTime::currentDateTime().toString(Qt::ISODate).toStdString()}});
    syncing_ = false;
    applyingTrained_ = false;
    window_.showPage(page);
    trainedGraph_ = doc_.graph();
    panel_->log()->addLine(
        tr("The trained weights are now part of the project (not saved yet; the undo history was "
           "cleared). Editing the graph makes them outdated."));
    updateWeightsState();
}

void TrainingUi::onGraphEdited() {
    if (controller_->isRunning() && !editedDuringRun_ && !sameStructure(doc_.graph(), runGraph_)) {
        editedDuringRun_ = true;
        panel_->log()->addLine(tr("The model was changed while it trains; the run goes on with the model as it was at "
                                  "Start."),
                               TrainingLog::Kind::Warning);
    }
    updateWeightsState();
    idleProbeTimer_->start();
}

bool TrainingUi::weightsFitGraph() const {
    return doc_.file().hasWeights() && sameStructure(doc_.graph(), trainedGraph_);
}

bool TrainingUi::continuesFromWeights() const { return settings().continueFromWeights && weightsFitGraph(); }

void TrainingUi::updateWeightsState() {
    panel_->form()->setWeightsAvailable(weightsFitGraph(),
                                        !doc_.file().hasWeights()
                                            ? tr("The project has no weights yet: train it once from scratch.")
                                            : tr("The weights no longer fit the graph, which changed after training."));
    if (controller_->isRunning()) {
        panel_->setWeightsState(tr("Weights: <b>training…</b> The model cannot be edited until the run stops."));
        return;
    }
    if (!doc_.file().hasWeights()) {
        panel_->setWeightsState(tr("Weights: <b>not trained</b> — the model starts from random weights."));
        return;
    }
    if (!sameStructure(doc_.graph(), trainedGraph_)) {
        panel_->setWeightsState(
            tr("Weights: <b style='color:#c0392b'>outdated</b> — the graph changed after "
               "training; train again."));
        return;
    }
    const auto& history = doc_.file().history;
    QString text = tr("Weights: <b style='color:#1e8449'>trained</b>");
    if (!history.empty()) text += tr(" (run %1)").arg(history.size());
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
    if (!doc_.file().hasWeights()) {
        evaluation_->setMessage(tr("The model has no trained weights yet: train it first."));
        return;
    }
    if (!controller_->hasDataFor(dataSource(), doc_.file().preprocessing)) {
        pendingEvaluate_ = true;
        evaluation_->setMessage(tr("Loading the dataset…"));
        controller_->loadData(dataSource(), doc_.file().preprocessing);
        return;
    }
    controller_->evaluate(doc_.file());
}

TrainingController* installTrainingUi(MainWindow& window, ModelDocument& doc, DesignerController* designer) {
    auto* ui = new TrainingUi(window, doc, designer, &window);
    return ui->controller();
}

}  // namespace cs::gui
