#pragma once
// A user-facing engine message the studio can translate. The engine has no Qt, so it renders the
// English text itself (what() of an Error, the CLI's output); the studio looks the English template
// up in its translations (context "EngineMessage") and fills in the same values. A stable code
// names the message for tests and scripts; an empty code marks a message with no template yet.
#include <memory>
#include <string>
#include <vector>

namespace cs {

struct Message;

struct MessageArg {
    MessageArg(std::string name, std::string value) : name(std::move(name)), value(std::move(value)) {}
    // A value that is itself a message (the reason of a wrapper such as "{file}: {node}: {reason}"):
    // rendered in English here, translated on its own by the studio.
    MessageArg(std::string name, const Message& message);

    std::string name;                        // placeholder name, without braces: "layer"
    std::string value;                       // the value, already formatted: "conv2", "5x5"
    std::shared_ptr<const Message> message;  // set when the value is a message of its own
};

struct Message {
    std::string code;  // "graph.kernel_larger_than_input"; empty when the text is plain English
    std::string text;  // English template: "{layer} '{name}': kernel {kernel} is larger than its {input} input"
    std::vector<MessageArg> args;

    // The template with every {name} replaced by its value; unknown placeholders stay as written.
    std::string english() const;
};

// Replaces each {name} in text by the value of the argument of that name.
std::string fillMessageTemplate(const std::string& text, const std::vector<MessageArg>& args);

// Shorthand for throw sites: throw FileError(msg("idx.truncated", "{file}: ...", {{"file", path}})).
Message msg(std::string code, std::string text, std::vector<MessageArg> args = {});

}  // namespace cs
