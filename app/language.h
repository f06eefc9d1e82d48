#pragma once
// The user interface language: the system's by default, or the one chosen in
// View ▸ Language (stored in QSettings, applied at the next start; the menu offers to restart
// at once).
#include <QString>
#include <QStringList>
#include <functional>

class QApplication;
class QMenu;
class QWidget;

namespace cs::gui {

// "zh_CN", "en" or empty (follow the system).
QString languageSetting();
// Installs Qt's and ConvStudio's translators for the chosen or system language.
// Returns the language in use ("zh_CN", "en").
QString installTranslations(QApplication& app);
// The View ▸ Language submenu. After a change it offers "Restart Now": the main window
// (`parent`'s window) is closed through its own guards (save changes?, running training), and
// only when it closed is the same program started again with `restartArguments()` (asked
// after the close, so a project saved on the way is reopened).
QMenu* createLanguageMenu(QWidget* parent, std::function<QStringList()> restartArguments = {});

}  // namespace cs::gui
