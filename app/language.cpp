#include "language.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
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

QMenu* createLanguageMenu(QWidget* parent) {
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
        QObject::connect(a, &QAction::triggered, menu, [code = c.code, parent] {
            if (code == kLanguage.get()) return;
            kLanguage.set(code);
            QMessageBox::information(
                parent, QApplication::translate("Language", "Language"),
                QApplication::translate("Language", "The new language is used from the next start of ConvStudio."));
        });
    }
    return menu;
}

}  // namespace cs::gui
