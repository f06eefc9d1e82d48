#pragma once
// Engine messages in the user's language. The engine (no Qt) carries each message as a code, an
// English template and values (engine/core/message.h); here the template is looked up in the
// translations under the context "EngineMessage" and the same values are filled in. Templates are
// listed for lupdate in engine_message_catalog.cpp.
#include <QString>
#include <exception>

#include "core/message.h"

namespace cs::gui {

// The message in the current language (English when no translation is loaded or known).
QString engineText(const cs::Message& message);

// An exception's message: translated for cs::Error, what() for anything else.
QString engineText(const std::exception& error);

}  // namespace cs::gui
