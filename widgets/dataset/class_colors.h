#pragma once
// The colour of each class, shared by the thumbnail tiles, the class list and the balance chart.
#include <QColor>

namespace cs::gui {

// Ten hand-picked, distinguishable colours; further classes continue around the hue circle.
QColor classColor(int classIndex);

}  // namespace cs::gui
