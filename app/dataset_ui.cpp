#include "dataset_ui.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>

#include "common/engine_message.h"
#include "data/augment.h"
#include "data/data_source.h"
#include "data/dataset_project.h"
#include "dataset/augment_preview.h"
#include "dataset/dataset_browser.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_page.h"
#include "dataset/image_detail_dialog.h"
#include "dataset/split_editor.h"
#include "dataset_controller.h"
#include "dataset_move_command.h"
#include "dataset_session.h"
#include "designer/model_document.h"
#include "main_window.h"

namespace cs::gui {

namespace {
constexpr int kMaxRecent = 10;
const char* const kRecentKey = "dataset/recentSources";
QString qs(const std::string& s) { return QString::fromStdString(s); }
QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }

QStringList localPaths(const QMimeData* mime) {
    QStringList out;
    if (mime && mime->hasUrls())
        for (const QUrl& url : mime->urls())
            if (url.isLocalFile()) out << url.toLocalFile();
    return out;
}
}  // namespace

DatasetUi::DatasetUi(MainWindow& window, ModelDocument& doc, DatasetSession& session, QObject* parent)
    : QObject(parent), window_(window), doc_(&doc), session_(&session) {
    page_ = new DatasetPage;
    fileUndo_ = new QUndoStack(this);
    window_.addPage(page_, icon("dataset"), tr("Dataset"));
    page_->browser()->setFolderEditsEnabled(true);
    createActions();
    window_.installEventFilter(this);

    connect(window_.pages(), &QTabWidget::currentChanged, this, [this] {
        if (window_.pages()->currentWidget() == page_) ensureLoaded();
    });
    connect(doc_, &ModelDocument::datasetChanged, this, &DatasetUi::syncFromProject);
    connect(doc_, &ModelDocument::settingsChanged, this, &DatasetUi::syncFromProject);
    connect(doc_, &ModelDocument::documentReset, this, [this] {
        syncFromProject();
        refreshPredictions();
    });
    connect(doc_, &ModelDocument::weightsChanged, this, [this] {
        predictAction_->setEnabled(doc_->hasWeights());
        refreshPredictions();
    });

    connect(session_, &DatasetSession::loadProgress, this, [this](qint64 done, qint64 total) {
        if (!waitsForData()) return;
        page_->showProgress(tr("Loading"), done, total);
        window_.statusBar()->showMessage(tr("Loading dataset: %1 of %2 images").arg(done).arg(total), 1000);
    });
    connect(session_, &DatasetSession::loaded, this, &DatasetUi::onLoaded);
    connect(session_, &DatasetSession::loadFailed, this, [this](const QString& message) {
        if (!openingSource_.isEmpty()) {
            openingFailed(message);
            return;
        }
        if (!waitsForData()) return;
        loadingKey_.clear();
        page_->hideProgress();
        page_->setTitle(shownSource_.isEmpty() ? QString()
                                               : QStringLiteral("<b>%1</b>").arg(shownSource_.toHtmlEscaped()));
        report(tr("The dataset could not be loaded: %1").arg(message), true);
    });
    connect(session_, &DatasetSession::loadCancelled, this, [this] {
        if (!openingSource_.isEmpty()) openingSource_.clear();
        if (!waitsForData()) return;
        loadingKey_.clear();
        page_->hideProgress();
        page_->setTitle(shownSource_.isEmpty() ? QString()
                                               : QStringLiteral("<b>%1</b>").arg(shownSource_.toHtmlEscaped()));
        report(tr("Loading cancelled."), false);
    });
    connect(session_, &DatasetSession::predictProgress, this,
            [this](qint64 done, qint64 total) { page_->showProgress(tr("Predicting"), done, total); });
    connect(session_, &DatasetSession::predicted, this, [this](const SamplePredictions& p) {
        page_->hideProgress();
        if (!catalog_) return;
        catalog_->setPredictions(p);
        catalogChanged();
        std::size_t wrong = 0;
        for (std::size_t g = 0; g < catalog_->size(); ++g) wrong += catalog_->misclassified(g);
        const QLocale locale;
        report(tr("The trained model gets %1 of %2 images wrong.")
                   .arg(locale.toString(qulonglong(wrong)), locale.toString(qulonglong(catalog_->size()))),
               false);
        emit predictionsReady();
    });
    connect(session_, &DatasetSession::predictFailed, this, [this](const QString& message) {
        page_->hideProgress();
        report(tr("No predictions: %1").arg(message), true);
    });
    connect(page_, &DatasetPage::cancelRequested, this, [this] {
        if (session_->isLoading()) session_->cancelLoading();
        if (session_->isPredicting()) {
            session_->cancelPrediction();
            page_->hideProgress();
        }
    });

    DatasetBrowser* browser = page_->browser();
    connect(browser, &DatasetBrowser::excludeRequested, this, &DatasetUi::excludeSamples);
    connect(browser, &DatasetBrowser::moveRequested, this, &DatasetUi::moveSamples);
    connect(page_, &DatasetPage::probeRequested, this, [this](std::size_t g, const QImage&) { sendToProbe(g); });
    connect(browser, &DatasetBrowser::openRequested, this, &DatasetUi::openImage);
    connect(page_->splitEditor(), &SplitEditor::splitChanged, doc_, &ModelDocument::setValidationSplit);
    connect(page_->augmentPreview(), &AugmentPreview::optionsChanged, doc_, &ModelDocument::setAugmentation);
    connect(fileUndo_, &QUndoStack::indexChanged, this, [this] {
        if (!catalog_) return;
        catalogChanged();
        // Training and inspection see the images under their new classes too.
        if (session_->key() == shownKey_) session_->replaceData(catalog_->sharedData());
        // An excluded image that moved stays excluded under its new path.
        doc_->followMovedImages(catalog_->excludedPaths());
    });
    syncFromProject();
}

DatasetUi::~DatasetUi() { window_.removeEventFilter(this); }

void DatasetUi::createActions() {
    QMenu* file = window_.menu(MainWindow::Menu::File);
    // After the project's Open entries, before the first separator.
    QAction* before = nullptr;
    for (QAction* a : file->actions())
        if (a->isSeparator()) {
            before = a;
            break;
        }
    auto* openFolder = new QAction(icon("dataset"), tr("Open &Dataset Folder…"), this);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    openFolder->setStatusTip(tr("Show a dataset: image folders (one sub-folder per class), IDX or CIFAR-10 files"));
    connect(openFolder, &QAction::triggered, this, &DatasetUi::openFolderDialog);
    auto* openFile = new QAction(tr("Open Dataset &File…"), this);
    openFile->setStatusTip(tr("Show an IDX image file or a CIFAR-10 batch"));
    connect(openFile, &QAction::triggered, this, &DatasetUi::openFileDialog);
    recentMenu_ = new QMenu(tr("Recent Data&sets"), &window_);
    file->insertAction(before, openFolder);
    file->insertAction(before, openFile);
    file->insertMenu(before, recentMenu_);
    fillRecentMenu();

    QToolBar* bar = page_->toolBar();
    bar->addAction(openFolder);
    QAction* reloadAction = bar->addAction(tr("Reload"), this, &DatasetUi::reload);
    reloadAction->setToolTip(tr("Load the dataset again from disk"));
    predictAction_ = bar->addAction(icon("train"), tr("Predict"), this, &DatasetUi::predict);
    predictAction_->setToolTip(tr("Run the trained model on every image to find the ones it gets wrong"));
    bar->addSeparator();
    QAction* undo = fileUndo_->createUndoAction(this, tr("Undo"));
    undo->setIcon(icon("undo"));
    QAction* redo = fileUndo_->createRedoAction(this, tr("Redo"));
    redo->setIcon(icon("redo"));
    bar->addAction(undo);
    bar->addAction(redo);
}

QStringList DatasetUi::recentSources() { return QSettings().value(QLatin1String(kRecentKey)).toStringList(); }

void DatasetUi::addRecent(const QString& source) {
    QStringList list = recentSources();
    list.removeAll(source);
    list.prepend(source);
    while (list.size() > kMaxRecent) list.removeLast();
    QSettings().setValue(QLatin1String(kRecentKey), list);
    fillRecentMenu();
}

void DatasetUi::fillRecentMenu() {
    recentMenu_->clear();
    const QString fashion = DatasetController::fashionMnistDir();
    if (!fashion.isEmpty()) recentMenu_->addAction(tr("Fashion-MNIST"), this, [this, fashion] { openSource(fashion); });
    recentMenu_->addAction(tr("Built-in Shapes (generated)"), this, [this] { openSource(QStringLiteral("builtin")); });
    const QStringList list = recentSources();
    bool separated = false;
    for (const QString& source : list) {
        if (source == fashion || source.startsWith(QLatin1String("builtin"))) continue;
        if (!separated) recentMenu_->addSeparator();
        separated = true;
        QAction* a =
            recentMenu_->addAction(QDir::toNativeSeparators(source), this, [this, source] { openSource(source); });
        a->setEnabled(QFileInfo::exists(source));
    }
}

bool DatasetUi::looksLikeDataset(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir()) return true;
    const QString name = info.fileName().toLower();
    return info.isFile() && (name.contains(QLatin1String("-ubyte")) || name.endsWith(QLatin1String(".bin")));
}

bool DatasetUi::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &window_ && (event->type() == QEvent::DragEnter || event->type() == QEvent::Drop)) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = localPaths(drop->mimeData());
        if (!paths.isEmpty() && looksLikeDataset(paths.front())) {
            drop->acceptProposedAction();
            if (event->type() == QEvent::Drop) openSource(paths.front());
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void DatasetUi::openFolderDialog() {
    if (!interactive_) return;
    const QString start = shownSource_.startsWith(QLatin1String("builtin")) ? QDir::homePath() : shownSource_;
    const QString dir = QFileDialog::getExistingDirectory(&window_, tr("Open Dataset Folder"), start);
    if (!dir.isEmpty()) openSource(dir);
}

void DatasetUi::openFileDialog() {
    if (!interactive_) return;
    const QString path = QFileDialog::getOpenFileName(
        &window_, tr("Open Dataset File"), QFileInfo(shownSource_).absolutePath(),
        tr("IDX and CIFAR-10 files (*-ubyte *-ubyte.gz *.bin)") + QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty()) openSource(path);
}

void DatasetUi::openSource(const QString& source) {
    if (source == qs(doc_->datasetSource())) {
        ensureLoaded();
        window_.showPage(page_);
        return;
    }
    // The project's dataset changes once the new one has loaded: a damaged or unreadable dataset
    // is reported and the project (dataset, exclusions, undo history, saved state) stays as it was.
    openingSource_ = source;
    loadingKey_.clear();
    report(QString(), false);
    page_->setTitle(tr("Loading %1…").arg(QDir::toNativeSeparators(source)));
    page_->showProgress(tr("Loading"), 0, 0);
    session_->ensure(source, doc_->file().preprocessing);
    window_.showPage(page_);
    // Loaded already (the session had it): show it now.
    if (!openingSource_.isEmpty() && session_->hasDataFor(source, doc_->file().preprocessing))
        onLoaded(session_->data(), source);
}

void DatasetUi::openingFailed(const QString& message) {
    const QString source = std::exchange(openingSource_, QString());
    page_->hideProgress();
    page_->setTitle(shownSource_.isEmpty() ? QString() : QStringLiteral("<b>%1</b>").arg(shownSource_.toHtmlEscaped()));
    report(
        message.isEmpty() ? QString() : tr("%1 could not be opened: %2").arg(QDir::toNativeSeparators(source), message),
        true);
}

QString DatasetUi::loadKey() const {
    return DatasetSession::keyOf(qs(doc_->datasetSource()), doc_->file().preprocessing);
}

bool DatasetUi::waitsForData() const {
    return !loadingKey_.isEmpty() || !openingSource_.isEmpty() || window_.pages()->currentWidget() == page_;
}

void DatasetUi::ensureLoaded() {
    if (!openingSource_.isEmpty()) return;  // another dataset is on its way in
    const QString key = loadKey();
    const QString source = qs(doc_->datasetSource());
    const Preprocessing& pre = doc_->file().preprocessing;
    if (key == loadingKey_) return;
    // Shown already, unless the session says those files changed on disk since.
    if (key == shownKey_ && (session_->key() != key || session_->hasDataFor(source, pre))) return;
    loadingKey_ = key;
    if (session_->hasDataFor(source, pre)) {  // loaded for another page already
        onLoaded(session_->data(), source);
        return;
    }
    report(QString(), false);
    page_->setTitle(tr("Loading %1…").arg(QDir::toNativeSeparators(source)));
    page_->showProgress(tr("Loading"), 0, 0);
    session_->ensure(source, pre);
}

void DatasetUi::reload() {
    shownKey_.clear();
    loadingKey_ = loadKey();
    page_->showProgress(tr("Loading"), 0, 0);
    session_->reload(qs(doc_->datasetSource()), doc_->file().preprocessing);
}

void DatasetUi::onLoaded(std::shared_ptr<const DataSplits> data, const QString& source) {
    if (!openingSource_.isEmpty()) {
        if (source != openingSource_) return;
        openingSource_.clear();
        // One undoable step; the project's change shows the data (syncFromProject finds it loaded).
        doc_->setDatasetSource(source.toStdString());
        if (shownKey_ == loadKey()) return;
    }
    // The session's data is shown when this page asked for it, or shows data already (it
    // follows the project's dataset); a load for another page is not shown unasked.
    const QString key = DatasetSession::keyOf(source, doc_->file().preprocessing);
    if (key != loadKey() || !(catalog_ || waitsForData())) return;
    page_->hideProgress();
    auto catalog = std::make_shared<DatasetCatalog>(std::move(data), source.toStdString());
    const DatasetProject p = doc_->dataset();
    catalog->setExcluded(p.excluded);
    catalog->setValidationSplit(p.validationFraction, p.seed);
    catalog_ = std::move(catalog);
    stats_ = session_->stats();
    shownSource_ = source;
    shownKey_ = key;
    loadingKey_.clear();
    fileUndo_->clear();
    page_->splitEditor()->setSplit(p.validationFraction, p.seed);
    page_->setCatalog(catalog_, stats_);
    addRecent(shownSource_);
    const std::size_t problems = catalog_->data().problems.size();
    report(problems ? tr("Loaded, with problems (%1): see the list on the left.").arg(problems) : QString(),
           problems > 0);
    window_.statusBar()->showMessage(tr("%1 images loaded").arg(QLocale().toString(qulonglong(catalog_->size()))),
                                     4000);
    if (imageDialog_) {
        imageDialog_->setCatalog(catalog_);  // the images it named are gone
        imageDialog_->hide();
    }
    emit catalogReady();
    if (doc_->hasWeights()) predict();
    runPendingAction();
}

void DatasetUi::refreshPredictions() {
    if (catalog_ && doc_->hasWeights())
        predict();
    else if (catalog_ && catalog_->hasPredictions()) {
        catalog_->clearPredictions();
        page_->catalogChanged();
    }
}

void DatasetUi::syncFromProject() {
    const DatasetProject p = doc_->dataset();
    try {
        const nlohmann::json augment = doc_->trainingSettings().augment;
        const AugmentOptions options =
            augment.is_object() && !augment.empty() ? AugmentOptions::fromJson(augment) : AugmentOptions{};
        if (!(options == page_->augmentPreview()->options())) page_->augmentPreview()->setOptions(options);
    } catch (const std::exception& e) {
        report(tr("The augmentation settings are malformed: %1").arg(engineText(e)), true);
    }
    page_->splitEditor()->setSplit(p.validationFraction, p.seed);
    predictAction_->setEnabled(doc_->hasWeights());
    if (catalog_) {
        const bool splitChanged =
            p.validationFraction != catalog_->validationFraction() || p.seed != catalog_->splitSeed();
        const bool excludedChanged = p.excluded != catalog_->excludedPaths();
        if (excludedChanged) catalog_->setExcluded(p.excluded);
        if (splitChanged) catalog_->setValidationSplit(p.validationFraction, p.seed);
        if (splitChanged || excludedChanged) catalogChanged();
    }
    // A different dataset: load it now if the page was ever shown, else when it is.
    if ((catalog_ || waitsForData()) && loadKey() != shownKey_) ensureLoaded();
}

void DatasetUi::predict() { predictWith(doc_->file()); }

void DatasetUi::predictWith(const ModelFile& model) {
    if (!catalog_) return;
    if (!model.hasWeights()) {
        report(tr("The model has no trained weights yet: train it first."), false);
        return;
    }
    // A model trained on other classes would "predict" meaningless indices here.
    if (!model.classNames.empty() && model.classNames != catalog_->classNames()) {
        if (catalog_->hasPredictions()) {
            catalog_->clearPredictions();
            page_->catalogChanged();
        }
        report(tr("The trained model knows other classes than this dataset's; train it on this dataset to see its "
                  "predictions here."),
               false);
        return;
    }
    page_->showProgress(tr("Predicting"), 0, qint64(catalog_->size()));
    session_->predict(model, *catalog_);
}

void DatasetUi::excludeSamples(const std::vector<std::size_t>& samples, bool exclude) {
    if (!catalog_ || !catalog_->isImageFolder()) return;
    std::vector<std::string> paths = catalog_->excludedPaths();
    for (std::size_t g : samples) {
        if (g >= catalog_->size()) continue;
        const std::string rel = catalog_->relativeSource(g);
        const auto it = std::find(paths.begin(), paths.end(), rel);
        if (exclude && it == paths.end()) paths.push_back(rel);
        if (!exclude && it != paths.end()) paths.erase(it);
    }
    std::sort(paths.begin(), paths.end());
    doc_->setExcludedImages(std::move(paths));
}

bool DatasetUi::moveSamples(const std::vector<std::size_t>& samples, int classIndex) {
    if (!catalog_ || !catalog_->isImageFolder() || classIndex < 0 || classIndex >= catalog_->classCount()) return false;
    std::vector<DatasetMoveCommand::Move> moves = DatasetMoveCommand::plan(*catalog_, samples, classIndex);
    if (moves.empty()) return false;
    const std::shared_ptr<DatasetCatalog> catalog = catalog_;
    auto apply = [this, catalog](std::size_t g, int label, const QString& path) {
        catalog->relabel(g, label, path.toStdString());
        if (catalog == catalog_) page_->sampleChanged(g);
    };
    auto error = [this](const QString& message) { report(message, true); };
    const QString className = qs(catalog_->classNames()[std::size_t(classIndex)]);
    const QString text = moves.size() == 1
                             ? tr("Move %1 to %2").arg(QFileInfo(moves.front().from).fileName(), className)
                             : tr("Move %1 images to %2").arg(moves.size()).arg(className);
    fileUndo_->push(new DatasetMoveCommand(std::move(moves), apply, error, text));
    return true;
}

void DatasetUi::catalogChanged() {
    page_->catalogChanged();
    if (imageDialog_ && imageDialog_->isVisible()) imageDialog_->refresh();
}

void DatasetUi::sendToProbe(std::size_t g) {
    if (!catalog_ || g >= catalog_->size()) return;
    const ProbeImage probe = probeFromCatalog(*catalog_, g);
    window_.statusBar()->showMessage(tr("%1 sent to the feature-map view").arg(catalog_->displayName(g)), 3000);
    emit probeRequested(probe);  // the studio shows it on the Inspect page
}

void DatasetUi::openImage(std::size_t g) {
    if (!catalog_ || g >= catalog_->size()) return;
    if (!imageDialog_) {
        imageDialog_ = new ImageDetailDialog(&window_);
        connect(imageDialog_, &ImageDetailDialog::probeRequested, this, &DatasetUi::sendToProbe);
        connect(imageDialog_, &ImageDetailDialog::showInDatasetRequested, this, &DatasetUi::showInDataset);
        connect(imageDialog_, &ImageDetailDialog::excludeRequested, this, &DatasetUi::excludeSamples);
        connect(imageDialog_, &ImageDetailDialog::moveRequested, this, &DatasetUi::moveSamples);
    }
    imageDialog_->setCatalog(catalog_);
    imageDialog_->setExplainedModel(
        doc_->file().hasWeights() && doc_->check().ok ? std::make_shared<const ModelFile>(doc_->file()) : nullptr);
    imageDialog_->showSample(g);
    imageDialog_->show();
    imageDialog_->raise();
    imageDialog_->activateWindow();
}

void DatasetUi::showInDataset(std::size_t g) {
    if (!catalog_ || g >= catalog_->size()) return;
    window_.showPage(page_);
    DatasetBrowser* browser = page_->browser();
    if (browser->model()->rowOf(g) < 0) browser->setFilter({});  // a filter hides it: show everything
    browser->selectSample(g);
}

void DatasetUi::actOnImage(const std::string& source, ImageAction action, int classIndex) {
    pending_ = PendingAction{source, action, classIndex};
    if (catalog_ && shownKey_ == loadKey()) {
        runPendingAction();
        return;
    }
    ensureLoaded();  // the project's dataset, even with the page hidden; onLoaded() runs the action
    if (!session_->isLoading()) runPendingAction();
}

void DatasetUi::runPendingAction() {
    if (!pending_ || !catalog_) return;
    const PendingAction a = *pending_;
    pending_.reset();
    const long long found = catalog_->findSource(a.source);
    if (found < 0) {
        report(tr("The image %1 is not in the project's dataset.").arg(QDir::toNativeSeparators(qs(a.source))), true);
        return;
    }
    const std::size_t g = std::size_t(found);
    const bool files = catalog_->isImageFolder();
    if (!files &&
        (a.action == ImageAction::Exclude || a.action == ImageAction::Include || a.action == ImageAction::Move)) {
        report(tr("Only images of an image folder can be excluded or moved."), true);
        return;
    }
    switch (a.action) {
        case ImageAction::Open:
            openImage(g);
            break;
        case ImageAction::Probe:
            sendToProbe(g);
            break;
        case ImageAction::ShowInDataset:
            showInDataset(g);
            break;
        case ImageAction::Exclude:
        case ImageAction::Include:
            excludeSamples({g}, a.action == ImageAction::Exclude);
            break;
        case ImageAction::Move:
            moveSamples({g}, a.classIndex);
            break;
    }
}

void DatasetUi::report(const QString& message, bool error) {
    page_->showMessage(message, error);
    if (!message.isEmpty()) window_.statusBar()->showMessage(message, 6000);
}

}  // namespace cs::gui
