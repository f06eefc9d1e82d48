#include "common/engine_message.h"

#include <QCoreApplication>
#include <new>

#include "core/errors.h"

namespace cs::gui {

QString engineText(const cs::Message& message) {
    if (message.code.empty()) return QString::fromStdString(message.english());
    const QString translated = QCoreApplication::translate("EngineMessage", message.text.c_str());
    // Fill in the values the same way the engine does, on the translated template. An {owner}
    // is one of the engine's own words ("optimizer", "schedule"), translated like the template.
    std::vector<cs::MessageArg> args = message.args;
    for (cs::MessageArg& arg : args)
        if (arg.message)
            arg.value = engineText(*arg.message).toStdString();
        else if (arg.name == "owner")
            arg.value = QCoreApplication::translate("EngineMessage", arg.value.c_str()).toStdString();
    return QString::fromStdString(cs::fillMessageTemplate(translated.toStdString(), args));
}

QString engineText(const std::exception& error) {
    if (const auto* engineError = dynamic_cast<const cs::Error*>(&error)) return engineText(engineError->message());
    if (dynamic_cast<const std::bad_alloc*>(&error))
        return QCoreApplication::translate("EngineMessage",
                                           "not enough memory: the input is larger than this machine can hold, or "
                                           "damaged");
    return QString::fromLocal8Bit(error.what());
}

QString currentExceptionText(const QString& subject) {
    QString text;
    bool named = true;
    try {
        throw;
    } catch (const cs::Error& e) {
        text = engineText(e);
    } catch (const std::exception& e) {
        text = engineText(e);
        named = false;
    } catch (...) {
        text = QCoreApplication::translate("EngineMessage", "internal error (an unknown exception)");
        named = false;
    }
    if (named || subject.isEmpty() || text.contains(subject)) return text;
    return QCoreApplication::translate("EngineMessage", "%1: %2").arg(subject, text);
}

}  // namespace cs::gui
