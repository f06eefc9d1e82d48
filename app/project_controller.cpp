#include "project_controller.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <algorithm>

#include "common/engine_message.h"
#include "core/errors.h"
#include "core/json_options.h"
#include "designer/model_document.h"
#include "designer/summary_view.h"
#include "io/atomic_file.h"
#include "io/presets.h"
#include "main_window.h"

namespace cs::gui {

namespace {
constexpr int kMaxRecent = 10;
constexpr std::size_t kLargestProject = std::size_t(2) << 30;
const char* const kRecentKey = "project/recentFiles";
const char* const kLastDirKey = "project/lastDir";
QString qs(const std::string& s) { return QString::fromStdString(s); }
QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }
}  // namespace

ProjectController::ProjectController(MainWindow* window, ModelDocument* doc, QObject* parent)
    : QObject(parent), window_(window), doc_(doc) {
    createActions();
    connect(doc_, &ModelDocument::modifiedChanged, this, &ProjectController::updateTitle);
    connect(doc_, &ModelDocument::filePathChanged, this, &ProjectController::updateTitle);
    connect(doc_, &ModelDocument::documentReset, this, &ProjectController::updateTitle);
    connect(window_, &MainWindow::filesDropped, this, &ProjectController::openDropped);
    window_->setCloseGuard([this] { return maybeClose(tr("Quit")); });
    updateTitle();
}

QString ProjectController::fileFilter() {
    return tr("ConvStudio projects (*.csmodel)") + QStringLiteral(";;") + tr("Model JSON (*.json)") +
           QStringLiteral(";;") + tr("All files (*)");
}

void ProjectController::createActions() {
    QMenu* file = window_->menu(MainWindow::Menu::File);
    QToolBar* bar = window_->mainToolBar();

    auto* newAct = file->addAction(icon("new"), tr("&New"), this, &ProjectController::newEmpty);
    newAct->setShortcut(QKeySequence::New);
    newAct->setStatusTip(tr("Start an empty model"));
    QMenu* fromPreset = file->addMenu(icon("layers"), tr("New from &Preset"));
    fillPresetMenu(fromPreset);
    auto* openAct = file->addAction(icon("open"), tr("&Open…"), this, &ProjectController::openDialog);
    openAct->setShortcut(QKeySequence::Open);
    openAct->setStatusTip(tr("Open a project or model file"));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    fillRecentMenu();
    connect(this, &ProjectController::recentFilesChanged, this, &ProjectController::fillRecentMenu);
    file->addSeparator();
    auto* saveAct = file->addAction(icon("save"), tr("&Save"), this, &ProjectController::save);
    saveAct->setShortcut(QKeySequence::Save);
    auto* saveAsAct = file->addAction(tr("Save &As…"), this, &ProjectController::saveAs);
    saveAsAct->setShortcut(QKeySequence::SaveAs);
    exportMenu_ = file->addMenu(tr("&Export"));
    exportMenu_->addAction(tr("Model &Summary (Text)…"), this, &ProjectController::exportSummary);
    exportMenu_->addAction(tr("&Graph (JSON)…"), this, &ProjectController::exportGraphJson);
    file->addSeparator();
    auto* quitAct = file->addAction(tr("&Quit"), window_, &QWidget::close);
    quitAct->setShortcut(QKeySequence::Quit);
    quitAct->setMenuRole(QAction::QuitRole);

    fillPresetMenu(window_->menu(MainWindow::Menu::Model)->addMenu(icon("layers"), tr("Load &Preset")));

    bar->addAction(newAct);
    bar->addAction(openAct);
    bar->addAction(saveAct);
    bar->addSeparator();
}

void ProjectController::fillPresetMenu(QMenu* menu) {
    for (const std::string& name : presetNames()) {
        QAction* a = menu->addAction(qs(name), this, [this, n = qs(name)] { newFromPreset(n); });
        a->setStatusTip(qs(presetDescription(name)));
        a->setToolTip(qs(presetDescription(name)));
    }
    menu->setToolTipsVisible(true);
}

void ProjectController::updateTitle() {
    const QString path = doc_->filePath();
    QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    if (path.isEmpty() && !doc_->presetName().empty()) name = tr("%1 (preset)").arg(qs(doc_->presetName()));
    window_->setWindowFilePath(path);
    window_->setWindowTitle(QStringLiteral("%1[*] — ConvStudio").arg(name));
    window_->setWindowModified(doc_->isModified());
}

// ---- Files ----

ModelFile ProjectController::readProject(const QString& path) {
    const std::string what = QDir::toNativeSeparators(path).toStdString();
    // The engine's reader: regular files only (a FIFO would block the window), size checked first.
    const std::string bytes = readWholeFile(path.toStdString(), kLargestProject);
    if (bytes.rfind("CSMODEL", 0) == 0) return parseModelFile(bytes, what);
    // A model document in JSON, as presets are written: graph, preprocessing, class names, training.
    // The engine parses it as it parses a model file's description: depth limited, errors by line.
    const nlohmann::json j = parseDescription(bytes.data(), bytes.data() + bytes.size(), what);
    try {
        ModelFile file;
        file.graph = GraphSpec::fromJson(j.contains("graph") ? j.at("graph") : j);
        if (j.contains("preprocessing")) file.preprocessing = Preprocessing::fromJson(j.at("preprocessing"));
        file.classNames = j.value("class_names", std::vector<std::string>{});
        file.training = j.value("training", nlohmann::json::object());
        file.project = j.value("project", nlohmann::json::object());
        return file;
    } catch (const nlohmann::json::exception&) {
        throw FileError(msg("project.not_model", "{file} is JSON but not a ConvStudio project", {{"file", what}}));
    }
}

void ProjectController::writeProject(const QString& path, const ModelFile& file) {
    // The engine's atomic writer, as the CLI saves: a killed save leaves the old file whole and
    // its temporary is removed by the next save or open of the same file.
    writeFileAtomically(path.toStdString(), serializeModelFile(file));
}

void ProjectController::reportError(const QString& title, const QString& message) {
    emit error(message);
    window_->statusBar()->showMessage(message, 8000);
    if (interactive_) QMessageBox::critical(window_, title, message);
}

bool ProjectController::maybeSave() {
    if (!doc_->isModified()) return true;
    if (!interactive_) return true;
    const QString name = doc_->filePath().isEmpty() ? tr("the model") : QFileInfo(doc_->filePath()).fileName();
    QString text = tr("Save the changes to %1 before closing it?").arg(name);
    if (const QString note = unsavedNote_ ? unsavedNote_() : QString(); !note.isEmpty())
        text += QStringLiteral("\n\n") + note;
    const auto answer =
        QMessageBox::warning(window_, tr("Unsaved changes"), text,
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

bool ProjectController::maybeClose(const QString& action) {
    if (runGuard_ && !runGuard_(action)) return false;
    return maybeSave();
}

void ProjectController::newEmpty() {
    if (!maybeClose(tr("New project"))) return;
    doc_->reset(ModelFile{});
}

void ProjectController::newFromPreset(const QString& name) {
    if (!maybeClose(tr("New project"))) return;
    try {
        doc_->reset(loadPreset(name.toStdString()));
    } catch (const std::exception& e) {
        reportError(tr("Preset"), engineText(e));
    }
}

bool ProjectController::openFile(const QString& path) {
    try {
        ModelFile file = readProject(path);
        doc_->reset(std::move(file), QFileInfo(path).absoluteFilePath());
        addRecent(QFileInfo(path).absoluteFilePath());
        window_->statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 4000);
        return true;
    } catch (...) {
        // Named here: not every reader's message names the file it read.
        reportError(tr("Open"),
                    tr("%1 could not be opened: %2").arg(QDir::toNativeSeparators(path), currentExceptionText()));
        return false;
    }
}

void ProjectController::openDialog() {
    if (!maybeClose(tr("Open another project"))) return;
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open Project"), dialogDir(), fileFilter());
    if (!path.isEmpty()) openFile(path);
}

void ProjectController::openDropped(const QStringList& paths) {
    if (paths.isEmpty() || !maybeClose(tr("Open another project"))) return;
    openFile(paths.front());
}

bool ProjectController::save() {
    if (doc_->filePath().isEmpty() || !doc_->filePath().endsWith(QStringLiteral(".csmodel"))) return saveAs();
    return saveTo(doc_->filePath());
}

bool ProjectController::saveAs() {
    if (!interactive_) return false;
    QString suggested = doc_->filePath();
    if (suggested.isEmpty()) suggested = dialogDir() + QStringLiteral("/model.csmodel");
    if (suggested.endsWith(QStringLiteral(".json"))) {
        suggested.chop(5);
        suggested += QStringLiteral(".csmodel");
    }
    QString path =
        QFileDialog::getSaveFileName(window_, tr("Save Project"), suggested, tr("ConvStudio projects (*.csmodel)"));
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csmodel");
    return saveTo(path);
}

bool ProjectController::saveTo(const QString& path) {
    try {
        writeProject(path, doc_->file());
    } catch (const std::exception& e) {
        reportError(tr("Save"), engineText(e));
        return false;
    }
    doc_->setFilePath(QFileInfo(path).absoluteFilePath());
    doc_->setClean();
    addRecent(QFileInfo(path).absoluteFilePath());
    updateTitle();
    window_->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

QString ProjectController::dialogDir() const {
    const QString last = QSettings().value(QLatin1String(kLastDirKey)).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir()) return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

// ---- Recent files ----

QStringList ProjectController::recentFiles() const {
    return QSettings().value(QLatin1String(kRecentKey)).toStringList();
}

void ProjectController::addRecent(const QString& path) {
    QStringList list = recentFiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent) list.removeLast();
    QSettings s;
    s.setValue(QLatin1String(kRecentKey), list);
    s.setValue(QLatin1String(kLastDirKey), QFileInfo(path).absolutePath());
    emit recentFilesChanged();
}

void ProjectController::fillRecentMenu() {
    recentMenu_->clear();
    const QStringList list = recentFiles();
    for (const QString& path : list) {
        QAction* a = recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeClose(tr("Open another project"))) openFile(path);
        });
        a->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (!list.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(QLatin1String(kRecentKey));
            emit recentFilesChanged();
        });
    }
    recentMenu_->setEnabled(!list.isEmpty());
}

// ---- Export ----

void ProjectController::exportSummary() {
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Export Model Summary"), dialogDir() + QStringLiteral("/summary.txt"), tr("Text files (*.txt)"));
    if (path.isEmpty()) return;
    QSaveFile out(path);
    const QByteArray text = SummaryView::summaryText(*doc_).toUtf8();
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
        reportError(tr("Export"), tr("%1: cannot be written (%2)").arg(path, out.errorString()));
}

void ProjectController::exportGraphJson() {
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Export Graph"), dialogDir() + QStringLiteral("/model.json"), tr("Model JSON (*.json)"));
    if (path.isEmpty()) return;
    const ModelFile& f = doc_->file();
    const nlohmann::json j = {{"graph", f.graph.toJson()},
                              {"preprocessing", f.preprocessing.toJson()},
                              {"class_names", f.classNames},
                              {"training", f.training}};
    const std::string s = jsonText(j, 2) + "\n";
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(s.data(), qint64(s.size())) != qint64(s.size()) || !out.commit())
        reportError(tr("Export"), tr("%1: cannot be written (%2)").arg(path, out.errorString()));
}

}  // namespace cs::gui
