// The ConvStudio desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QStyleFactory>

#include "language.h"
#include "main_window.h"
#include "studio.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ConvStudio"));
    QApplication::setApplicationName(QStringLiteral("ConvStudio"));
    QApplication::setApplicationVersion(QStringLiteral(CONVSTUDIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("convstudio"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    cs::gui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Design, train and inspect CNNs for image recognition."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Project or model file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    cs::gui::Studio studio;
    const QStringList files = parser.positionalArguments();
    studio.openInitial(files.isEmpty() ? QString() : files.front());
    studio.window()->show();
    return QApplication::exec();
}
