#include "designer/option_labels.h"

#include <QCoreApplication>
#include <cstring>

namespace cs::gui {

namespace {
struct OptionLabel {
    const char* key;
    const char* label;
};
// One entry per option key of LayerRegistry::builtin().
const OptionLabel kLabels[] = {
    {"activation", QT_TRANSLATE_NOOP("LayerOption", "Activation")},
    {"axis", QT_TRANSLATE_NOOP("LayerOption", "Axis")},
    {"center", QT_TRANSLATE_NOOP("LayerOption", "Learn shift")},
    {"channels", QT_TRANSLATE_NOOP("LayerOption", "Channels")},
    {"depth_multiplier", QT_TRANSLATE_NOOP("LayerOption", "Depth multiplier")},
    {"dilation_rate", QT_TRANSLATE_NOOP("LayerOption", "Dilation")},
    {"epsilon", QT_TRANSLATE_NOOP("LayerOption", "Epsilon")},
    {"filters", QT_TRANSLATE_NOOP("LayerOption", "Filters")},
    {"groups", QT_TRANSLATE_NOOP("LayerOption", "Groups")},
    {"height", QT_TRANSLATE_NOOP("LayerOption", "Height")},
    {"kernel_size", QT_TRANSLATE_NOOP("LayerOption", "Kernel size")},
    {"momentum", QT_TRANSLATE_NOOP("LayerOption", "Momentum")},
    {"pad_bottom", QT_TRANSLATE_NOOP("LayerOption", "Pad bottom")},
    {"pad_left", QT_TRANSLATE_NOOP("LayerOption", "Pad left")},
    {"pad_right", QT_TRANSLATE_NOOP("LayerOption", "Pad right")},
    {"pad_top", QT_TRANSLATE_NOOP("LayerOption", "Pad top")},
    {"padding", QT_TRANSLATE_NOOP("LayerOption", "Padding")},
    {"pool_size", QT_TRANSLATE_NOOP("LayerOption", "Pool size")},
    {"rate", QT_TRANSLATE_NOOP("LayerOption", "Drop rate")},
    {"scale", QT_TRANSLATE_NOOP("LayerOption", "Learn scale")},
    {"strides", QT_TRANSLATE_NOOP("LayerOption", "Stride")},
    {"units", QT_TRANSLATE_NOOP("LayerOption", "Units")},
    {"use_bias", QT_TRANSLATE_NOOP("LayerOption", "Use bias")},
    {"width", QT_TRANSLATE_NOOP("LayerOption", "Width")},
    // ZeroPadding2D, ChannelShuffle, ChannelSlice (issue 15)
    {"top", QT_TRANSLATE_NOOP("LayerOption", "Top")},
    {"bottom", QT_TRANSLATE_NOOP("LayerOption", "Bottom")},
    {"left", QT_TRANSLATE_NOOP("LayerOption", "Left")},
    {"right", QT_TRANSLATE_NOOP("LayerOption", "Right")},
    {"groups", QT_TRANSLATE_NOOP("LayerOption", "Groups")},
    {"start", QT_TRANSLATE_NOOP("LayerOption", "First channel")},
    {"stop", QT_TRANSLATE_NOOP("LayerOption", "End channel")},
};
}  // namespace

QString optionLabel(const std::string& key) {
    for (const OptionLabel& l : kLabels)
        if (key == l.key) return QCoreApplication::translate("LayerOption", l.label);
    return QString::fromStdString(key);
}

}  // namespace cs::gui
