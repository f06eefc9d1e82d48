// Every coded engine message can be translated: each msg("code", "template") in engine/ (and
// the studio's own coded messages in app/) has its template in the catalog that lupdate reads
// (widgets/common/engine_message_catalog.cpp), word for word. A template missing there would
// stay English on a Chinese screen.
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>
#include <set>

#include "layers/layer_registry.h"

namespace {

// The text of a run of adjacent C++ string literals ("a" "b" -> ab); escapes kept as written.
QString joinLiterals(const QString& run) {
    static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QString out;
    for (auto it = literal.globalMatch(run); it.hasNext();) out += it.next().captured(1);
    return out;
}

const QString kLiterals = QStringLiteral("((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)");

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace

class TestMessageCatalog : public QObject {
    Q_OBJECT
private slots:
    void everyTemplateIsInTheCatalog() {
        const QString catalogText =
            readAll(QStringLiteral(CONVSTUDIO_SOURCE_DIR "/widgets/common/engine_message_catalog.cpp"));
        QVERIFY(!catalogText.isEmpty());
        std::set<QString> catalog;
        const QRegularExpression entry(QStringLiteral("QT_TRANSLATE_NOOP\\(\\s*\"EngineMessage\"\\s*,\\s*") +
                                       kLiterals);
        for (auto it = entry.globalMatch(catalogText); it.hasNext();)
            catalog.insert(joinLiterals(it.next().captured(1)));
        QVERIFY(catalog.size() > 10);

        const QRegularExpression call(QStringLiteral("\\bmsg\\(\\s*\"([a-z0-9_.]+)\"\\s*,\\s*") + kLiterals);
        QStringList missing;
        int found = 0;
        for (const char* dir : {"/engine", "/app"}) {
            QDirIterator files(QStringLiteral(CONVSTUDIO_SOURCE_DIR) + QLatin1String(dir), {QStringLiteral("*.cpp")},
                               QDir::Files, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                const QString text = readAll(path);
                for (auto it = call.globalMatch(text); it.hasNext();) {
                    const QRegularExpressionMatch m = it.next();
                    ++found;
                    const QString tmpl = joinLiterals(m.captured(2));
                    if (!catalog.count(tmpl))
                        missing << QStringLiteral("%1: %2 \"%3\"").arg(QFileInfo(path).fileName(), m.captured(1), tmpl);
                }
            }
        }
        QVERIFY(found > 10);  // the scan sees the coded messages at all
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in engine_message_catalog.cpp:\n") + missing.join('\n')));
    }

    // Every option of every layer kind has a label in the property editor's table.
    void everyLayerOptionHasALabel() {
        const QString table = readAll(QStringLiteral(CONVSTUDIO_SOURCE_DIR "/widgets/designer/option_labels.cpp"));
        std::set<std::string> labelled;
        const QRegularExpression entry(QStringLiteral("\\{\"([a-z_]+)\",\\s*QT_TRANSLATE_NOOP\\(\\s*\"LayerOption\""));
        for (auto it = entry.globalMatch(table); it.hasNext();) labelled.insert(it.next().captured(1).toStdString());
        const cs::LayerRegistry& registry = cs::LayerRegistry::builtin();
        QStringList missing;
        for (const std::string& kind : registry.kinds())
            for (const cs::ParamSpec& p : registry.info(kind).params)
                if (!labelled.count(p.name)) missing << QString::fromStdString(kind + "." + p.name);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
    }

    // Every preset's description is listed for translation, word for word.
    void everyPresetDescriptionIsListed() {
        const QString table = readAll(QStringLiteral(CONVSTUDIO_SOURCE_DIR "/widgets/common/preset_text.cpp"));
        std::set<QString> listed;
        const QRegularExpression entry(QStringLiteral("QT_TRANSLATE_NOOP\\(\\s*\"Preset\"\\s*,\\s*") + kLiterals);
        for (auto it = entry.globalMatch(table); it.hasNext();) listed.insert(joinLiterals(it.next().captured(1)));
        QDirIterator files(QStringLiteral(CONVSTUDIO_SOURCE_DIR "/resources/presets"), {QStringLiteral("*.json")});
        int presets = 0;
        while (files.hasNext()) {
            const QJsonObject preset = QJsonDocument::fromJson(readAll(files.next()).toUtf8()).object();
            ++presets;
            const QString description = preset.value(QLatin1String("description")).toString();
            QVERIFY2(listed.count(description), qPrintable(files.fileName() + QStringLiteral(": ") + description));
        }
        QVERIFY(presets >= 4);
    }
};

QTEST_GUILESS_MAIN(TestMessageCatalog)
#include "test_message_catalog.moc"
