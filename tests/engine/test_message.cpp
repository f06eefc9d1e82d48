// Engine messages: templates are filled in by name, and errors carry their message.
#include <QtTest>

#include "core/errors.h"
#include "core/message.h"

class TestMessage : public QObject {
    Q_OBJECT
private slots:
    void fillsPlaceholdersByName() {
        const cs::Message m =
            cs::msg("graph.kernel", "{layer} '{name}': kernel {kernel} is larger than its {input} input",
                    {{"layer", "Conv2D"}, {"name", "conv2"}, {"kernel", "5x5"}, {"input", "3x3"}});
        QCOMPARE(QString::fromStdString(m.english()),
                 QStringLiteral("Conv2D 'conv2': kernel 5x5 is larger than its 3x3 input"));
    }
    void unknownPlaceholdersAndBracesStay() {
        QCOMPARE(QString::fromStdString(cs::fillMessageTemplate("{a} {b} {", {{"a", "1"}})), QStringLiteral("1 {b} {"));
        QCOMPARE(QString::fromStdString(cs::fillMessageTemplate("no braces", {})), QStringLiteral("no braces"));
    }
    void errorsCarryTheirMessage() {
        try {
            throw cs::ShapeError(cs::msg("x.y", "{n} bad", {{"n", "7"}}), 3);
        } catch (const cs::Error& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("7 bad"));
            QCOMPARE(QString::fromStdString(e.message().code), QStringLiteral("x.y"));
            QCOMPARE(QString::fromStdString(e.message().text), QStringLiteral("{n} bad"));
        }
        const cs::FileError plain("plain text");
        QVERIFY(plain.message().code.empty());
        QCOMPARE(QString::fromStdString(plain.message().english()), QStringLiteral("plain text"));
    }
};

QTEST_APPLESS_MAIN(TestMessage)
#include "test_message.moc"
