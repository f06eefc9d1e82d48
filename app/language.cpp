#include "language.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTranslator>

#include "common/setting.h"

namespace cs::gui {

namespace {
inline const Setting<QString> kLanguage{"ui/language", QString()};
}

QString languageSetting() { return kLanguage.get(); }

QString installTranslations(QApplication& app) {
    QString lang = kLanguage.get();
    QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    if (lang.isEmpty()) lang = locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    if (lang == QLatin1String("en")) return lang;
    QLocale::setDefault(locale);
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/convstudio_%1.qm").arg(lang))) QApplication::installTranslator(own);
    return lang;
}

namespace {
void offerRestart(QWidget* parent, const std::function<QStringList()>& restartArguments) {
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("restartForLanguage"));
    box.setIcon(QMessageBox::Information);
    box.setWindowTitle(QApplication::translate("Language", "Language"));
    box.setText(QApplication::translate("Language", "ConvStudio shows the new language after a restart."));
    box.setInformativeText(QApplication::translate(
        "Language", "Restart now? You are asked first about unsaved changes and a running training."));
    QPushButton* now = box.addButton(QApplication::translate("Language", "Restart Now"), QMessageBox::AcceptRole);
    box.addButton(QApplication::translate("Language", "Later"), QMessageBox::RejectRole);
    box.setDefaultButton(now);
    box.exec();
    if (box.clickedButton() != now) return;
    QWidget* window = parent ? parent->window() : nullptr;
    if (window && !window->close()) return;  // the user kept the window (cancelled a question)
    const QStringList args = restartArguments ? restartArguments() : QCoreApplication::arguments().mid(1);
    QProcess::startDetached(QCoreApplication::applicationFilePath(), args);
    QCoreApplication::quit();
}
}  // namespace

QMenu* createLanguageMenu(QWidget* parent, std::function<QStringList()> restartArguments) {
    auto* menu = new QMenu(QApplication::translate("Language", "&Language"), parent);
    auto* group = new QActionGroup(menu);
    const QString current = kLanguage.get();
    const struct {
        QString code;
        QString name;
    } choices[] = {
        {QString(), QApplication::translate("Language", "System Default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
    for (const auto& c : choices) {
        QAction* a = menu->addAction(c.name);
        a->setCheckable(true);
        a->setChecked(c.code == current);
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, menu, [code = c.code, parent, restartArguments] {
            if (code == kLanguage.get()) return;
            kLanguage.set(code);
            offerRestart(parent, restartArguments);
        });
    }
    return menu;
}

}  // namespace cs::gui
