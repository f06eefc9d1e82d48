#pragma once
// Engine errors. The engine never aborts: every problem is an exception whose message names
// the thing at fault and the bad value, so the GUI and the CLI can show it where it happened.
#include <stdexcept>
#include <string>

#include "core/message.h"

namespace cs {

// Base of every engine error. It carries its message as a code, an English template and values
// (core/message.h) so the studio can show it translated; what() is the English text.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& plain) : std::runtime_error(plain), message_{{}, plain, {}} {}
    explicit Error(const char* plain) : Error(std::string(plain)) {}
    explicit Error(Message message) : std::runtime_error(message.english()), message_(std::move(message)) {}

    const Message& message() const { return message_; }

private:
    Message message_;
};

// A graph or layer whose shapes do not fit ("Conv2D 'conv2': kernel 5x5 is larger than its 3x3 input").
// nodeId names the node at fault (-1 when no single node is).
class ShapeError : public Error {
public:
    ShapeError(const std::string& message, int nodeId = -1) : Error(message), nodeId_(nodeId) {}
    ShapeError(Message message, int nodeId = -1) : Error(std::move(message)), nodeId_(nodeId) {}
    int nodeId() const { return nodeId_; }
    void setNodeId(int id) { nodeId_ = id; }

private:
    int nodeId_;
};

// An option outside its schema (wrong type, out of range, unknown name).
class OptionError : public Error {
public:
    using Error::Error;
};

// A file that cannot be read or written, or whose content is malformed.
class FileError : public Error {
public:
    using Error::Error;
};

// Training that cannot go on (NaN loss, empty dataset, ...).
class TrainingError : public Error {
public:
    using Error::Error;
};

}  // namespace cs
