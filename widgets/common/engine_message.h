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

// An exception's message: translated for cs::Error, a sentence for running out of memory,
// what() for anything else.
QString engineText(const std::exception& error);

// Inside a catch block: the exception being handled, as engineText() says it; a sentence for
// one that is no std::exception. `subject` (a file, a folder) is put in front when the message
// would not name what the work was on (out of memory, internal errors). Workers end with this
// instead of letting an exception escape their thread.
QString currentExceptionText(const QString& subject = {});

}  // namespace cs::gui
