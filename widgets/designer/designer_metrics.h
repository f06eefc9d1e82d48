#pragma once
// Geometry shared by the cards, the auto-layout and the commands that place new layers.
namespace cs::gui::metrics {

inline constexpr double kCardWidth = 256;
inline constexpr double kCardHeight = 68;
inline constexpr double kRowGap = 42;  // vertical space between a card and the next row
inline constexpr double kColGap = 40;  // horizontal space between cards of one row
inline constexpr double kRowStep = kCardHeight + kRowGap;
inline constexpr double kColStep = kCardWidth + kColGap;
inline constexpr double kPortRadius = 6;

}  // namespace cs::gui::metrics
