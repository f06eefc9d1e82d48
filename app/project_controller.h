#pragma once
// Projects: New, Open, Open Recent, Save, Save As, Export, Quit, presets, the window title,
// the unsaved-changes question, and files given on the command line or dropped on the window.
// A project is one model file (.csmodel): graph, weights if trained, preprocessing, dataset,
// training settings and history. Files are written atomically (the engine's writeFileAtomically).
#include <QObject>
#include <QStringList>
#include <functional>

#include "io/model_file.h"

class QAction;
class QMenu;

namespace cs::gui {

class MainWindow;
class ModelDocument;

class ProjectController : public QObject {
    Q_OBJECT
public:
    ProjectController(MainWindow* window, ModelDocument* doc, QObject* parent = nullptr);

    // Off: errors go to the `error` signal only and no dialog ever opens (tests).
    void setInteractive(bool on) { interactive_ = on; }
    QMenu* exportMenu() const { return exportMenu_; }
    QStringList recentFiles() const;

    static ModelFile readProject(const QString& path);                     // throws cs::Error
    static void writeProject(const QString& path, const ModelFile& file);  // throws cs::Error
    static QString fileFilter();

    // Asked first whenever the project is about to close (New, Open, Quit) with what is about to
    // happen ("quit"): false keeps it open. The studio's training asks here about a running job.
    void setRunGuard(std::function<bool(const QString& action)> guard) { runGuard_ = std::move(guard); }
    // A line the unsaved-changes question adds (what a stopped run left in the project), or empty.
    void setUnsavedNote(std::function<QString()> note) { unsavedNote_ = std::move(note); }

public slots:
    void newEmpty();
    void newFromPreset(const QString& name);
    bool openFile(const QString& path);
    void openDialog();
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    bool maybeSave();  // true: go on (saved, discarded or unchanged)
    // The run guard, then maybeSave(): true when the project may close for `action`.
    bool maybeClose(const QString& action);
    void openDropped(const QStringList& paths);

signals:
    void error(const QString& message);
    void recentFilesChanged();

private:
    void createActions();
    void updateTitle();
    void addRecent(const QString& path);
    void fillRecentMenu();
    void fillPresetMenu(QMenu* menu);
    void reportError(const QString& title, const QString& message);
    void exportSummary();
    void exportGraphJson();
    QString dialogDir() const;

    MainWindow* window_;
    ModelDocument* doc_;
    bool interactive_ = true;
    std::function<bool(const QString&)> runGuard_;
    std::function<QString()> unsavedNote_;
    QMenu* recentMenu_ = nullptr;
    QMenu* exportMenu_ = nullptr;
};

}  // namespace cs::gui
