#pragma once
// The start page: begin with an empty model or a preset (name and description from the
// engine), or reopen a recent project.
#include <QWidget>

class QListWidget;

namespace cs::gui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);
    void setRecentFiles(const QStringList& paths);

signals:
    void emptyRequested();
    void presetRequested(const QString& name);
    void openRequested(const QString& path);  // empty: ask with a dialog

private:
    QListWidget* recent_;
};

}  // namespace cs::gui
