// Engine messages shown in another language: the template is translated and the values filled in,
// and an {owner} word of the engine's own ("optimizer", "schedule") is translated too, so a
// Chinese screen shows no English word inside the sentence (issue 18).
#include <QTranslator>
#include <QtTest>

#include "common/engine_message.h"
#include "core/errors.h"
#include "data/data_source.h"
#include "train/optimizer.h"

namespace {

// A translator with a few fixed Chinese entries in the context "EngineMessage".
class FixedTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override {
        if (QLatin1String(context) != QLatin1String("EngineMessage")) return {};
        const QString s = QString::fromUtf8(source);
        if (s == QLatin1String("optimizer")) return QStringLiteral("优化器");
        if (s == QLatin1String("{owner} option '{option}' must be a number; received: {value}"))
            return QStringLiteral("{owner}选项“{option}”必须是数字；收到：{value}");
        if (s == QLatin1String("{file}: does not exist (and is not 'builtin' or 'builtin:shapes')"))
            return QStringLiteral("{file}：不存在");
        if (s == QLatin1String("{file}: {node}: {reason}")) return QStringLiteral("{file}：{node}：{reason}");
        if (s == QLatin1String("unsupported op '{op}'; ConvStudio imports Conv"))
            return QStringLiteral("不支持的算子“{op}”");
        return {};
    }
    bool isEmpty() const override { return false; }
};

template <typename F>
QString messageOf(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return cs::gui::engineText(e);
    }
    return {};
}

}  // namespace

class TestEngineMessage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(QCoreApplication::installTranslator(&translator_)); }
    void cleanupTestCase() { QCoreApplication::removeTranslator(&translator_); }

    void ownerWordIsTranslated() {
        const QString text = messageOf([] { cs::OptimizerOptions::fromJson(nlohmann::json{{"momentum", "fast"}}); });
        QCOMPARE(text, QStringLiteral("优化器选项“momentum”必须是数字；收到：\"fast\""));
        QVERIFY(!text.contains(QLatin1String("optimizer")));
    }

    // A data loader's error arrives coded, so the studio shows it translated with its path.
    void dataErrorIsTranslated() {
        const QString text = messageOf([] { cs::loadDataSource("/nonexistent/convstudio-data"); });
        QCOMPARE(text, QStringLiteral("/nonexistent/convstudio-data：不存在"));
    }

    // The ONNX importer wraps each node's reason in "{file}: {node}: {reason}": both the wrapper
    // and the nested reason are translated, and the English stays what it was.
    void nestedReasonIsTranslated() {
        const cs::FileError error(
            cs::msg("onnx_import.node_error", "{file}: {node}: {reason}",
                    {{"file", "'m.onnx'"},
                     {"node", "Foo 'f'"},
                     {"reason", cs::msg("onnx_import.unsupported_op", "unsupported op '{op}'; ConvStudio imports Conv",
                                        {{"op", "Foo"}})}}));
        QCOMPARE(QString::fromUtf8(error.what()),
                 QStringLiteral("'m.onnx': Foo 'f': unsupported op 'Foo'; ConvStudio imports Conv"));
        QCOMPARE(cs::gui::engineText(error), QStringLiteral("'m.onnx'：Foo 'f'：不支持的算子“Foo”"));
    }

private:
    FixedTranslator translator_;
};

QTEST_GUILESS_MAIN(TestEngineMessage)
#include "test_engine_message.moc"
