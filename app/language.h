#pragma once
// The user interface language: the system's by default, or the one chosen in
// View ▸ Language (stored in QSettings, applied at the next start).
#include <QString>

class QApplication;
class QMenu;
class QWidget;

namespace cs::gui {

// "zh_CN", "en" or empty (follow the system).
QString languageSetting();
// Installs Qt's and ConvStudio's translators for the chosen or system language.
// Returns the language in use ("zh_CN", "en").
QString installTranslations(QApplication& app);
// The View ▸ Language submenu.
QMenu* createLanguageMenu(QWidget* parent);

}  // namespace cs::gui
