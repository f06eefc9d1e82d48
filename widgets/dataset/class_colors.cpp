#include "dataset/class_colors.h"

#include <array>

namespace cs::gui {

QColor classColor(int classIndex) {
    static constexpr std::array<QRgb, 10> kPalette = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                                      0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    if (classIndex < 0) return QColor(0x60, 0x60, 0x60);
    if (classIndex < int(kPalette.size())) return QColor(kPalette[classIndex]);
    // Golden-angle steps keep neighbouring classes apart.
    const int hue = int((classIndex * 137.508)) % 360;
    return QColor::fromHsv(hue, 170, 200);
}

}  // namespace cs::gui
