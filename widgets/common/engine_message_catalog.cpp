// The English templates of every coded engine message (engine/core/message.h), listed so that
// lupdate puts them in translations/*.ts under the context "EngineMessage". A test checks that
// each msg(code, template) in engine/ appears here. Keep one line per template, grouped by area.
#include <QtGlobal>

namespace cs::gui {

[[maybe_unused]] static const char* const kEngineMessageTemplates[] = {
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: {reason}"),
    // Hostile inputs (issue 19): readers refuse what a header or a file promises before the work.
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: file does not exist"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: is {kind}, expected a regular file"),
    QT_TRANSLATE_NOOP("EngineMessage", "'{file}' is not a regular file (a named pipe, device or socket)"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: reading failed after {bytes} bytes ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: corrupt gzip data after {bytes} bytes ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "{file}: truncated {what}: expected {expected} bytes at offset {offset}, got {got}"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: data continues after the {expected} its header announces"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "{file}: the gzip stream is cut short (no complete trailer after {bytes} compressed bytes)"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: bytes that are not gzip data follow the compressed stream"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "{file}: header claims {claim} = {bytes} bytes, more than the limit of {limit} bytes"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "{file}: {bytes} bytes is not a whole number of CIFAR-10 records of {record} bytes"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: {bytes} bytes of data, more than the limit of {limit} bytes"),
    QT_TRANSLATE_NOOP("EngineMessage", "{folder}: the class folder name is not valid UTF-8; rename the folder"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: the description nests deeper than {limit} levels"),
    // Run weights a project kept that no longer fit its graph (issue 18).
    QT_TRANSLATE_NOOP("EngineMessage",
                      "The weights of {count} run(s) were left out: the graph does not compile ({error})"),
    QT_TRANSLATE_NOOP(
        "EngineMessage",
        "The weights of run {run} were left out: they do not fit the graph, which changed after that run"),
    QT_TRANSLATE_NOOP("EngineMessage", "The saved evaluation was left out: {reason}"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "{file}: the preprocessing gives {prepared} inputs, the graph's Input '{layer}' takes {input}"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: tensor '{tensor}' ({batch} x {shape}) holds more values than the file"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "a constant of shape {shape} has a negative dimension or more than {limit} values"),
    QT_TRANSLATE_NOOP("EngineMessage", "shape {shape} holds more than 2^63 values"),
    QT_TRANSLATE_NOOP("EngineMessage", "tensor shape {shape} has a negative dimension"),
    QT_TRANSLATE_NOOP("EngineMessage", "a tensor of {batch} x {shape} is too large to allocate"),
    QT_TRANSLATE_NOOP("EngineMessage", "{layer}: its output would hold more than {max} values"),
    QT_TRANSLATE_NOOP("EngineMessage", "epoch statistics: epoch {epoch} is outside 1..{max}"),
    QT_TRANSLATE_NOOP("EngineMessage", "checkpoint: {count} best-weights tensors, but the model has {expected}"),
    QT_TRANSLATE_NOOP("EngineMessage",
                      "checkpoint: best-weights tensor {index} is {got} but the model's tensor there is {expected}"),
    QT_TRANSLATE_NOOP("EngineMessage", "checkpoint: position epoch {epoch}, batch {batch} is invalid"),
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
    QT_TRANSLATE_NOOP("EngineMessage", "{file}: the description is not valid JSON (line {line})"),
    QT_TRANSLATE_NOOP("EngineMessage", "{file} is JSON but not a ConvStudio project"),
};

}  // namespace cs::gui
