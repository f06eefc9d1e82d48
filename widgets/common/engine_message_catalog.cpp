// The English templates of every coded engine message (engine/core/message.h), listed so that
// lupdate puts them in translations/*.ts under the context "EngineMessage". A test checks that
// each msg(code, template) in engine/ appears here. Keep one line per template, grouped by area.
#include <QtGlobal>

namespace cs::gui {

[[maybe_unused]] static const char* const kEngineMessageTemplates[] = {
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: {reason}"),
};

}  // namespace cs::gui
