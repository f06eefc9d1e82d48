#include "training_ui.h"

#include <QAction>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include "common/engine_message.h"
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
}  // namespace

TrainingUi::TrainingUi(MainWindow& window, ModelDocument& doc, DatasetSession& data, DesignerController* designer,
                       QObject* parent)
    : QObject(parent),
      window_(window),
      doc_(doc),
      controller_(new TrainingController(&data, this)),
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

    idleProbeTimer_->setSingleShot(true);
    idleProbeTimer_->setInterval(300);
    connect(idleProbeTimer_, &QTimer::timeout, this, [this] {
        if (!controller_->isBusy() && doc_.check().ok) controller_->probeIdle(doc_.file());
    });

    createActions();
    connectController();
    connectDocument();

    connect(panel_, &TrainingPanel::startRequested, this, &TrainingUi::start);
    connect(panel_, &TrainingPanel::pauseRequested, this, &TrainingUi::pause);
    connect(panel_, &TrainingPanel::resumeRequested, this, &TrainingUi::resume);
    connect(panel_, &TrainingPanel::stopRequested, this, &TrainingUi::stop);
    connect(panel_, &TrainingPanel::continueRequested, this, &TrainingUi::continueRun);
    connect(panel_, &TrainingPanel::useRunWeightsRequested, this, &TrainingUi::useRunWeights);
    connect(panel_->form(), &TrainingSettingsForm::edited, this, &TrainingUi::settingsEdited);
    connect(evaluation_, &EvaluationPanel::evaluateRequested, this, &TrainingUi::evaluate);
    // Picked on the Inspect page, or sent from elsewhere (inspectImage): the maps follow.
    connect(inspect_, &InspectPanel::probeImageChanged, this, [this](const ProbeImage& image) {
        controller_->setProbeImage(image);
        idleProbeTimer_->start(0);
    });
    // Live feature maps cost the training thread a probe and the GUI thread their drawing:
    // made only while the Inspect page shows them (bench_studio measures what they cost).
    const auto inspectShown = [this] { return window_.pages()->currentWidget() == inspect_; };
    controller_->setLiveProbesWanted(inspectShown());
    connect(window_.pages(), &QTabWidget::currentChanged, this, [this, inspectShown] {
        controller_->setLiveProbesWanted(inspectShown());
        if (inspectShown()) ensureData();
    });

    trainedGraph_ = doc_.graph();
    showSettings();
    showProjectRuns();
    updateWeightsState();
    updateExplainedModel();
    updateActions();
}

void TrainingUi::updateExplainedModel() {
    const bool usable = doc_.file().hasWeights() && doc_.check().ok;
    inspect_->setProject(usable ? std::make_shared<const ModelFile>(doc_.file()) : nullptr);
}

TrainingUi::~TrainingUi() {
    // The controller's teardown must not reach the pages (which may be gone first).
    controller_->disconnect(this);
}

void TrainingUi::connectDocument() {
    connect(&doc_, &ModelDocument::documentReset, this, [this] {
        trainedGraph_ = doc_.graph();
        showSettings();
        showProjectRuns();
        for (const Message& note : doc_.loadNotes())
            panel_->log()->addLine(engineText(note), TrainingLog::Kind::Warning);
        updateWeightsState();
        updateExplainedModel();
        idleProbeTimer_->start();
        QTimer::singleShot(0, this, &TrainingUi::checkForInterruptedRun);
    });
    connect(&doc_, &ModelDocument::settingsChanged, this, [this] {
        showSettings();
        updateWeightsState();  // whether Train continues from the weights
    });
    // The weights the project holds now: applied by a run, or brought back by Undo.
    connect(&doc_, &ModelDocument::weightsChanged, this, [this] {
        trainedGraph_ = doc_.graph();
        showHistory();
        // Other weights (Use Best / Last Weights, Undo, Redo) bring their own evaluation, or
        // the same one marked outdated: the page follows the document.
        if (doc_.lastEvaluation() != shownEvaluation_) showSavedEvaluation();
        updateWeightsState();
        updateExplainedModel();
        idleProbeTimer_->start();
    });
    connect(&doc_, &ModelDocument::graphChanged, this, [this] {
        updateWeightsState();
        updateExplainedModel();
        idleProbeTimer_->start();
    });
}

void TrainingUi::showProjectRuns() {
    panel_->setHistory({});             // no ticks of another project's runs survive
    panel_->charts()->beginRun(false);  // nor its curves
    showHistory();
    // The curves of the run whose weights the project holds (else the last), drawn at once:
    // its epochs as an overlay, its saved batches as the charts' run.
    if (doc_.runCount() > 0) {
        const int shown = doc_.weightsRunIndex() >= 0 ? doc_.weightsRunIndex() : int(doc_.runCount()) - 1;
        panel_->showRunCurves(shown);
        showRunBatches(shown);
    }
    showSavedEvaluation();
}

void TrainingUi::createActions() {
    QMenu* menu = window_.menu(MainWindow::Menu::Train);
    startAct_ = menu->addAction(icon("train"), tr("&Start Training"), this, &TrainingUi::start);
    startAct_->setShortcut(QKeySequence(Qt::Key_F5));
    startAct_->setIconText(tr("Train"));  // the menu text says how it starts; the toolbar stays short
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
            });
    connect(c, &TrainingController::loadCancelled, this, [this] { endLoading(tr("Loading cancelled.")); });
    connect(c, &TrainingController::dataFailed, this, [this](const QString& m) {
        panel_->log()->addLine(tr("The dataset could not be loaded: %1").arg(m), TrainingLog::Kind::Error);
        progress_->finish(tr("Dataset not loaded"));
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
        progress_->addBatches(b, batchSize_);
    });
    connect(c, &TrainingController::epochFinished, this, [this](const EpochStats& e) {
        panel_->charts()->addEpoch(e);
        progress_->addEpoch(e);
        panel_->log()->addEpoch(e);
    });
    connect(c, &TrainingController::betweenEpochs, progress_, &TrainingProgress::addBetweenEpochs);
    connect(c, &TrainingController::message, this, [this](const QString& m, bool warning) {
        panel_->log()->addLine(m, warning ? TrainingLog::Kind::Warning : TrainingLog::Kind::Info);
    });
    connect(c, &TrainingController::probeReady, inspect_, &InspectPanel::setProbe);
    connect(c, &TrainingController::finished, this, &TrainingUi::onFinished);
    connect(c, &TrainingController::evaluated, this, [this, c](const EvalReport& r) {
        evaluation_->setReport(r);
        if (!c->isRunning()) keepEvaluation(r);  // a run's own evaluation comes with its weights
        // One whole sentence per set, so each translates as a sentence.
        const QString sentence = r.setName == QLatin1String("test")
                                     ? tr("Evaluation on the test set: accuracy %1%, loss %2 (%3 images).")
                                 : r.setName == QLatin1String("validation")
                                     ? tr("Evaluation on the validation set: accuracy %1%, loss %2 (%3 images).")
                                     : tr("Evaluation on the training set: accuracy %1%, loss %2 (%3 images).");
        panel_->log()->addLine(
            sentence.arg(r.result.accuracy * 100, 0, 'f', 2).arg(r.result.loss, 0, 'f', 4).arg(r.result.samples));
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

TrainSettings TrainingUi::settings() const { return doc_.trainingSettings(); }

void TrainingUi::showSettings() {
    std::string problem;
    const TrainSettings s = doc_.trainingSettings(&problem);
    if (!problem.empty())
        panel_->log()->addLine(tr("The project's training settings are not valid (%1); the defaults are shown.")
                                   .arg(QString::fromStdString(problem)),
                               TrainingLog::Kind::Warning);
    // Only what differs: the document's answer to an edit must not reset the field being typed in.
    TrainingSettingsForm* form = panel_->form();
    if (form->settings().toJson() != s.toJson()) form->setSettings(s);
    const QString folder = QString::fromStdString(doc_.checkpointFolder());
    if (form->checkpointFolder() != folder) form->setCheckpointFolder(folder);
}

void TrainingUi::settingsEdited() {
    // Each is one undoable step (none when nothing changed); edits of one field merge.
    doc_.setTrainingSettings(panel_->form()->settings());
    doc_.setCheckpointFolder(panel_->form()->checkpointFolder().toStdString());
}

QString TrainingUi::dataSource() const { return QString::fromStdString(doc_.datasetSource()); }

QString TrainingUi::checkpointPath() const {
    return TrainingController::checkpointPathFor(doc_.filePath(), QString::fromStdString(doc_.checkpointFolder()));
}

void TrainingUi::inspectImage(const ProbeImage& image) {
    inspect_->picker()->setExternalImage(image);  // the picker announces it: see probeImageChanged
    window_.showPage(inspect_);
}

}  // namespace cs::gui
