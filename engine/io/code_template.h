#pragma once
// Engine-internal: the code-export templates, real Python (and Markdown) files in
// resources/codegen compiled into the engine (embed_files.cmake), and their placeholders.
//
// A placeholder is __KEY__ (capitals, digits, underscores), a Python name, so every template is
// valid Python that linters and py_compile read. Alone on its line (after indentation) it stands
// for whole lines: that line is replaced by the value, which brings its own indentation and line
// ends and may be empty. Anywhere else it is replaced in place.
#include <string>
#include <utility>
#include <vector>

namespace cs::codegen {

using TemplateValues = std::vector<std::pair<std::string, std::string>>;  // KEY -> value

// The text of resources/codegen/<name>, e.g. "pytorch_train.py". Throws Error for an unknown name.
const std::string& codeTemplate(const std::string& name);

// `text` with every placeholder replaced; values are inserted as they are (never scanned for
// placeholders themselves). Throws Error naming `what` when a placeholder has no value or a value
// no placeholder (a bug).
std::string fillPlaceholders(const std::string& text, const TemplateValues& values, const std::string& what = "text");

// fillPlaceholders(codeTemplate(name), values).
std::string fillTemplate(const std::string& name, const TemplateValues& values);

}  // namespace cs::codegen
