#pragma once
// How layers look in the studio: a colour and an icon per category, the short "key options"
// line of a card ("32 × 3×3, relu"), and number formats shared by cards, status bar and editor.
#include <QColor>
#include <QIcon>
#include <QString>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/shape.h"

namespace cs::gui {

QColor categoryColor(const QString& category);
QIcon categoryIcon(const QString& category);
QString categoryDisplayName(const QString& category);  // translated
// A layer kind's help text, translated when a translation exists.
QString layerHelp(const std::string& kind, const std::string& help);
QString paramHelp(const std::string& help);

// The options worth showing on a card, from validated options (defaults filled in).
QString keyOptionsText(const std::string& kind, const nlohmann::json& options);

QString formatCount(int64_t n);       // "93,322"
QString formatCompact(double n);      // "2.4 M", "394 K", "812"
QString formatBytes(double bytes);    // "3.1 MB"
QString formatShape(const Shape& s);  // "26 × 26 × 32" (H × W × C, like Keras)

// Loads the icons and presets compiled into the widgets library (idempotent).
void initWidgetResources();

}  // namespace cs::gui
