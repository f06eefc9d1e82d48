// The English templates of every coded engine message (engine/core/message.h), listed so that
// lupdate puts them in translations/*.ts under the context "EngineMessage". A test checks that
// each msg(code, template) in engine/ appears here. Keep one line per template, grouped by area.
#include <QtGlobal>

namespace cs::gui {

[[maybe_unused]] static const char* const kEngineMessageTemplates[] = {
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: {reason}"),
    // graph/graph_check.cpp, graph/model.cpp
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: has no input; connect a layer to it"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: needs at least {min} inputs, has {count}"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: takes 1 input, has {count}"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: takes {max} inputs, has {count}"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: its input #{input} does not exist"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: is connected to itself"),
    QT_TRANSLATE_NOOP("EngineMessage", "the model is empty; add an Input layer"),
    QT_TRANSLATE_NOOP("EngineMessage", "the model has no Input layer; add one at the top"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: a model has one Input layer; this is a second one"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: is part of a cycle"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: is not connected to the Input layer"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "{layer}: its output is not used; a model has one output (outputs now: {outputs})"),
    QT_TRANSLATE_NOOP("EngineMessage", "the model has only an Input layer; add layers below it"),
    QT_TRANSLATE_NOOP("EngineMessage", "the model is not valid"),
    // layers/window_geometry.cpp
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: kernel {window} is larger than its {input} input"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: pool {window} is larger than its {input} input"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: window {window} is larger than its {input} input"),
    // app/project_controller.cpp (the studio's project loading)
    QT_TRANSLATE_NOOP("EngineMessage", "Project file {file} is not valid JSON (line {line})"),
    QT_TRANSLATE_NOOP("EngineMessage", "Project file {file} is not valid JSON"),
    QT_TRANSLATE_NOOP("EngineMessage", "Project file {file} cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file} is JSON but not a ConvStudio project"),
};

}  // namespace cs::gui
