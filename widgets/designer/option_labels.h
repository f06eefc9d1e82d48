#pragma once
// Layer option names as the property editor labels them: "kernel_size" reads "Kernel size"
// (translated, context "LayerOption"); the JSON key stays in the tooltip, since files, the
// CLI and exported code use it. A test checks that every registered option has a label.
#include <QString>
#include <string>

namespace cs::gui {

// The label of option `key`; the key itself when it has none.
QString optionLabel(const std::string& key);

}  // namespace cs::gui
