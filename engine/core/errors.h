#pragma once
// Engine errors. The engine never aborts: every problem is an exception whose message names
// the thing at fault and the bad value, so the GUI and the CLI can show it where it happened.
#include <stdexcept>
#include <string>

namespace cs {

// Base of every engine error.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A graph or layer whose shapes do not fit ("Conv2D 'conv2': kernel 5x5 is larger than its 3x3 input").
// nodeId names the node at fault (-1 when no single node is).
class ShapeError : public Error {
public:
    ShapeError(const std::string& message, int nodeId = -1) : Error(message), nodeId_(nodeId) {}
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
