#include "common/engine_message.h"

#include <QCoreApplication>

#include "core/errors.h"

namespace cs::gui {

QString engineText(const cs::Message& message) {
    if (message.code.empty()) return QString::fromStdString(message.english());
    const QString translated = QCoreApplication::translate("EngineMessage", message.text.c_str());
    // Fill in the values the same way the engine does, on the translated template.
    return QString::fromStdString(cs::fillMessageTemplate(translated.toStdString(), message.args));
}

QString engineText(const std::exception& error) {
    if (const auto* engineError = dynamic_cast<const cs::Error*>(&error)) return engineText(engineError->message());
    return QString::fromLocal8Bit(error.what());
}

}  // namespace cs::gui
