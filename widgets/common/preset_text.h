#pragma once
// A preset's description in the user's language. The presets (resources/presets/*.json) keep
// their English description; preset_text.cpp lists each one for lupdate under the context
// "Preset" (a test checks that every preset's description is listed).
#include <QString>
#include <string>

namespace cs::gui {

QString presetDescriptionText(const std::string& presetName);

}  // namespace cs::gui
