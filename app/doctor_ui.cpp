#include "doctor_ui.h"

#include <QIcon>
#include <QLocale>
#include <QTabWidget>
#include <QUndoStack>

#include "common/engine_message.h"
#include "dataset/dataset_catalog.h"
#include "dataset_session.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "doctor/doctor_panel.h"
#include "doctor_controller.h"
#include "main_window.h"
#include "training_controller.h"
#include "training_ui.h"

namespace cs::gui {

bool DoctorUi::Fix::inEffect() const { return stack && stack->index() >= index; }

DoctorUi::DoctorUi(MainWindow& window, ModelDocument& doc, DatasetUi& dataset, TrainingUi& training, QObject* parent)
    : QObject(parent), window_(window), doc_(doc), dataset_(dataset), training_(training) {
    panel_ = new DoctorPanel;
    panel_->setObjectName(QStringLiteral("doctorPage"));
    controller_ = new DoctorController(this);
    window_.addPage(panel_, QIcon(QStringLiteral(":/icons/problems.svg")), tr("Doctor"));
    panel_->setNote(
        tr("The doctor looks for duplicate images, images shared by training and test, doubtful labels "
           "and odd images. With trained weights it uses the model's features, else the pixels."));

    connect(panel_, &DoctorPanel::runRequested, this, &DoctorUi::run);
    connect(panel_, &DoctorPanel::cancelRequested, this, &DoctorUi::cancel);
    connect(panel_, &DoctorPanel::retrainRequested, this, &DoctorUi::retrain);
    connect(panel_, &DoctorPanel::undoRequested, this, &DoctorUi::undoLastFix);
    connect(panel_, &DoctorPanel::excludeRequested, this, &DoctorUi::exclude);
    connect(panel_, &DoctorPanel::moveRequested, this, &DoctorUi::move);

    connect(controller_, &DoctorController::progress, this, [this](const QString& stage, double fraction) {
        panel_->setProgress(DoctorController::stageText(stage), fraction);
    });
    connect(controller_, &DoctorController::finished, this, [this](const DoctorReport& report) {
        panel_->setRunning(false);
        if (!runCatalog_ || dataset_.catalog() != runCatalog_) {  // another dataset came meanwhile
            panel_->setNote(tr("The dataset changed while the doctor ran; run it again."), true);
            return;
        }
        panel_->setReport(report, runCatalog_);
        const QLocale locale;
        QStringList lines;
        lines << tr("%1 training and %2 test images examined in %3 s: %4 duplicate groups (%5 across training and "
                    "test), %6 label suspects, %7 outliers.")
                     .arg(locale.toString(report.trainImages), locale.toString(report.testImages),
                          locale.toString(report.seconds, 'f', 1))
                     .arg(report.duplicates.size())
                     .arg(std::count_if(report.duplicates.begin(), report.duplicates.end(),
                                        [](const DuplicateGroup& g) { return g.spansSplits; }))
                     .arg(report.labelSuspects.size())
                     .arg(report.outliers.size());
        lines << (report.featureLayer.empty()
                      ? tr("Examined the pixels (no trained model).")
                      : tr("Examined the features of layer '%1'.").arg(QString::fromStdString(report.featureLayer)));
        if (!report.labelMethod.empty())
            lines << tr("Label suspects: %1.").arg(QString::fromStdString(report.labelMethod));
        for (const Message& note : report.notes) lines << engineText(note);
        panel_->setNote(lines.join(QLatin1Char('\n')));
    });
    connect(controller_, &DoctorController::failed, this, [this](const QString& message) {
        panel_->setRunning(false);
        panel_->setNote(tr("The doctor could not examine the dataset: %1").arg(message), true);
    });
    connect(controller_, &DoctorController::cancelled, this, [this] {
        panel_->setRunning(false);
        panel_->setNote(tr("The doctor was cancelled."));
    });

    // The data to examine, once the Dataset page has it.
    connect(&dataset_, &DatasetUi::catalogReady, this, [this] {
        if (waitingForData_) startWhenLoaded();
        catalogEdited();
    });
    connect(dataset_.session(), &DatasetSession::loadCancelled, this, [this] {
        if (waitingForData_) cancel();
    });
    connect(dataset_.session(), &DatasetSession::loadFailed, this, [this](const QString& message) {
        if (!waitingForData_) return;
        waitingForData_ = false;
        panel_->setRunning(false);
        panel_->setNote(tr("The dataset could not be loaded: %1").arg(message), true);
    });

    // Fixes and their undos, from here or anywhere else: tick the findings, count the fixes.
    connect(&doc_, &ModelDocument::datasetChanged, this, &DoctorUi::catalogEdited);
    connect(&doc_, &ModelDocument::documentReset, this, &DoctorUi::catalogEdited);
    connect(dataset_.fileUndoStack(), &QUndoStack::indexChanged, this, &DoctorUi::catalogEdited);
    connect(training_.controller(), &TrainingController::stateChanged, this, &DoctorUi::catalogEdited);
}

DoctorUi::~DoctorUi() = default;  // the window owns the page; the controller ends its run

void DoctorUi::run() {
    if (controller_->isRunning() || waitingForData_) return;
    panel_->setRunning(true);
    panel_->setProgress(tr("Loading the dataset"), 0);
    waitingForData_ = true;
    dataset_.ensureLoaded();  // shown already: nothing; else catalogReady starts the doctor once loaded
    if (waitingForData_ && !dataset_.session()->isLoading() && dataset_.catalog()) startWhenLoaded();
}

void DoctorUi::startWhenLoaded() {
    waitingForData_ = false;
    runCatalog_ = dataset_.catalog();
    if (!runCatalog_) {
        panel_->setRunning(false);
        return;
    }
    // The project's model, when it has weights for exactly these classes.
    std::shared_ptr<const ModelFile> model;
    const bool sameClasses = doc_.classNames() == runCatalog_->classNames();
    if (doc_.hasWeights() && sameClasses) {
        model = std::make_shared<ModelFile>(doc_.file());
        panel_->setNote(tr("Examining with the trained model's features…"));
    } else {
        panel_->setNote(doc_.hasWeights() ? tr("The trained model knows other classes than this dataset's: the doctor "
                                               "looks at the pixels only.")
                                          : tr("The model has no trained weights: the doctor looks at the pixels "
                                               "only. Train it first for sharper findings."));
    }
    DoctorOptions options;
    options.seed = 1;
    controller_->start(runCatalog_->sharedData(), model, doc_.file().preprocessing, options);
}

void DoctorUi::cancel() {
    if (waitingForData_) {
        waitingForData_ = false;
        panel_->setRunning(false);
        panel_->setNote(tr("The doctor was cancelled."));
    }
    controller_->cancel();
}

void DoctorUi::exclude(const std::vector<std::size_t>& samples) {
    const std::shared_ptr<DatasetCatalog> catalog = dataset_.catalog();
    if (!catalog || catalog != runCatalog_) return;
    std::size_t newly = 0;
    for (std::size_t g : samples) newly += g < catalog->size() && !catalog->excluded(g);
    QUndoStack* stack = doc_.undoStack();
    const int before = stack->index();
    dataset_.excludeSamples(samples, true);
    if (stack->index() != before) fixes_.push_back({stack, stack->index(), newly, 0});
    catalogEdited();
}

void DoctorUi::move(const std::vector<std::size_t>& samples, int classIndex) {
    const std::shared_ptr<DatasetCatalog> catalog = dataset_.catalog();
    if (!catalog || catalog != runCatalog_) return;
    std::size_t moving = 0;
    for (std::size_t g : samples) moving += g < catalog->size() && catalog->label(g) != classIndex;
    QUndoStack* stack = dataset_.fileUndoStack();
    const int before = stack->index();
    if (dataset_.moveSamples(samples, classIndex) && stack->index() != before)
        fixes_.push_back({stack, stack->index(), 0, moving});
    catalogEdited();
}

void DoctorUi::undoLastFix() {
    // Fixes undone elsewhere (the Edit menu, the Dataset page) are gone already.
    while (!fixes_.empty() && !fixes_.back().inEffect()) fixes_.pop_back();
    if (fixes_.empty()) {
        doc_.undoStack()->undo();  // nothing of ours: the page's Ctrl+Z is the studio's
        return;
    }
    const Fix fix = fixes_.back();
    fixes_.pop_back();
    // Only when the fix is still the stack's last step; else undo would take another edit.
    if (fix.stack->index() == fix.index) fix.stack->undo();
}

std::size_t DoctorUi::excludedByFixes() const {
    std::size_t n = 0;
    for (const Fix& f : fixes_) n += f.inEffect() ? f.excluded : 0;
    return n;
}

std::size_t DoctorUi::movedByFixes() const {
    std::size_t n = 0;
    for (const Fix& f : fixes_) n += f.inEffect() ? f.moved : 0;
    return n;
}

void DoctorUi::catalogEdited() {
    if (runCatalog_ && dataset_.catalog() != runCatalog_) {  // another dataset: the findings are about the old one
        runCatalog_.reset();
        fixes_.clear();
        panel_->clearReport();
    }
    panel_->catalogChanged();
    const std::size_t excluded = excludedByFixes(), moved = movedByFixes();
    const bool any = excluded + moved > 0;
    panel_->setRetrainText(any ? tr("Retrain with Fixes (%1 excluded, %2 moved)").arg(excluded).arg(moved)
                               : tr("Retrain with Fixes"));
    panel_->setRetrainEnabled(any && !training_.controller()->isBusy());
}

void DoctorUi::retrain() {
    const std::size_t excluded = excludedByFixes(), moved = movedByFixes();
    if (excluded + moved == 0 || training_.controller()->isBusy()) return;
    training_.startWithDataChanges(DataChanges{"data doctor", excluded, moved});
    if (training_.controller()->isBusy()) fixes_.clear();  // this run holds them now
    catalogEdited();
}

}  // namespace cs::gui
