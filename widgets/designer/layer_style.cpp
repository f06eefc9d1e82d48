#include "designer/layer_style.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

inline void initConvstudioResources() { Q_INIT_RESOURCE(convstudio); }

namespace cs::gui {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }

QString num(const nlohmann::json& v) {
    if (v.is_number_integer()) return QString::number(v.get<int64_t>());
    if (v.is_number_float()) return QString::number(v.get<double>(), 'g', 4);
    if (v.is_boolean()) return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.is_string()) return qs(v.get<std::string>());
    return qs(v.dump());
}

}  // namespace

void initWidgetResources() {
    static const bool done = [] {
        initConvstudioResources();
        return true;
    }();
    (void)done;
}

QColor categoryColor(const QString& category) {
    static const QHash<QString, QColor> colors = {
        {QStringLiteral("Input"), QColor(0x3b, 0x7d, 0xd8)},
        {QStringLiteral("Convolution"), QColor(0xe0, 0x7a, 0x2e)},
        {QStringLiteral("Pooling"), QColor(0x1f, 0x9e, 0x96)},
        {QStringLiteral("Core"), QColor(0x7e, 0x57, 0xc2)},
        {QStringLiteral("Normalization"), QColor(0xc9, 0x9a, 0x10)},
        {QStringLiteral("Regularization"), QColor(0x6b, 0x7a, 0x8a)},
        {QStringLiteral("Activation"), QColor(0xd8, 0x4f, 0x8f)},
        {QStringLiteral("Merge"), QColor(0x3a, 0x9a, 0x4a)},
    };
    return colors.value(category, QColor(0x80, 0x80, 0x80));
}

QIcon categoryIcon(const QString& category) {
    initWidgetResources();
    const QString path = QStringLiteral(":/icons/category-%1.svg").arg(category.toLower());
    return QIcon(path);
}

QString categoryDisplayName(const QString& category) {
    static const char* const names[][2] = {
        {"Input", QT_TRANSLATE_NOOP("LayerStyle", "Input")},
        {"Convolution", QT_TRANSLATE_NOOP("LayerStyle", "Convolution")},
        {"Pooling", QT_TRANSLATE_NOOP("LayerStyle", "Pooling")},
        {"Core", QT_TRANSLATE_NOOP("LayerStyle", "Core")},
        {"Normalization", QT_TRANSLATE_NOOP("LayerStyle", "Normalization")},
        {"Regularization", QT_TRANSLATE_NOOP("LayerStyle", "Regularization")},
        {"Activation", QT_TRANSLATE_NOOP("LayerStyle", "Activation")},
        {"Merge", QT_TRANSLATE_NOOP("LayerStyle", "Merge")},
    };
    for (const auto& n : names)
        if (category == QLatin1String(n[0])) return QCoreApplication::translate("LayerStyle", n[1]);
    return category;
}

QString layerHelp(const std::string& kind, const std::string& help) {
    // The engine's help texts are translated in the "LayerHelp" context (layer_help_strings.cpp).
    const QString t = QCoreApplication::translate("LayerHelp", help.c_str());
    return t.isEmpty() ? qs(help) : t;
}

QString paramHelp(const std::string& help) {
    const QString t = QCoreApplication::translate("LayerHelp", help.c_str());
    return t.isEmpty() ? qs(help) : t;
}

QString keyOptionsText(const std::string& kind, const nlohmann::json& o) {
    if (!o.is_object()) return {};
    const QString times = QStringLiteral(" × ");
    auto has = [&](const char* k) { return o.contains(k) && !o[k].is_null(); };
    auto get = [&](const char* k) { return num(o[k]); };
    QStringList parts;
    if (kind == "Input" && has("height") && has("width")) {
        const QString ch = has("channels") ? get("channels") : QStringLiteral("1");
        parts << QCoreApplication::translate("LayerStyle", "%1 × %2 pixels").arg(get("height"), get("width"))
              << (ch == QLatin1String("1")   ? QCoreApplication::translate("LayerStyle", "grayscale")
                  : ch == QLatin1String("3") ? QCoreApplication::translate("LayerStyle", "RGB")
                                             : QCoreApplication::translate("LayerStyle", "%1 channels").arg(ch));
    } else if (has("filters") && has("kernel_size")) {
        parts << get("filters") + times + get("kernel_size") + QStringLiteral("×") + get("kernel_size");
    } else if (has("kernel_size")) {
        parts << get("kernel_size") + QStringLiteral("×") + get("kernel_size");
    } else if (has("pool_size")) {
        parts << get("pool_size") + QStringLiteral("×") + get("pool_size");
    } else if (has("units")) {
        parts << QCoreApplication::translate("LayerStyle", "%1 units").arg(get("units"));
    } else if (has("rate")) {
        parts << QCoreApplication::translate("LayerStyle", "rate %1").arg(get("rate"));
    }
    if (has("strides")) {
        const QString s = get("strides");
        const bool implicit =
            s == QLatin1String("0") || s == QLatin1String("1") || (has("pool_size") && s == get("pool_size"));
        if (!implicit) parts << QCoreApplication::translate("LayerStyle", "stride %1").arg(s);
    }
    if (has("padding") && o["padding"] == "same") parts << QStringLiteral("same");
    if (has("padding") && o["padding"] == "explicit" && has("pad_top") && has("pad_bottom") && has("pad_left") &&
        has("pad_right"))
        parts << QCoreApplication::translate("LayerStyle", "pad %1/%2/%3/%4", "top/bottom/left/right")
                     .arg(get("pad_top"), get("pad_bottom"), get("pad_left"), get("pad_right"));
    if (has("dilation_rate") && get("dilation_rate") != QLatin1String("1"))
        parts << QCoreApplication::translate("LayerStyle", "dilation %1").arg(get("dilation_rate"));
    if (has("groups") && get("groups") != QLatin1String("1"))
        parts << QCoreApplication::translate("LayerStyle", "%1 groups").arg(get("groups"));
    if (has("depth_multiplier") && get("depth_multiplier") != QLatin1String("1"))
        parts << QCoreApplication::translate("LayerStyle", "%1 per channel").arg(get("depth_multiplier"));
    if (has("activation") && o["activation"] != "linear") parts << get("activation");
    if (parts.isEmpty() && kind != "Flatten" && kind != "Input") {
        // Anything else: the first couple of options by name.
        for (const auto& [key, value] : o.items()) {
            if (parts.size() == 2) break;
            parts << qs(key) + QStringLiteral(" ") + num(value);
        }
    }
    return parts.join(QCoreApplication::translate("LayerStyle", ", ", "separator of a card's options"));
}

QString formatCount(int64_t n) {
    QLocale l;
    if (l.language() == QLocale::C) l = QLocale(QLocale::English);
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(static_cast<qlonglong>(n));
}

QString formatCompact(double n) {
    if (n >= 1e9) return QString::number(n / 1e9, 'f', 2) + QStringLiteral(" G");
    if (n >= 1e6) return QString::number(n / 1e6, 'f', n >= 1e8 ? 0 : 1) + QStringLiteral(" M");
    if (n >= 1e4) return QString::number(n / 1e3, 'f', 0) + QStringLiteral(" K");
    return formatCount(static_cast<int64_t>(n));
}

QString formatBytes(double b) {
    if (b >= 1024.0 * 1024 * 1024) return QString::number(b / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral(" GB");
    if (b >= 1024.0 * 1024) return QString::number(b / (1024.0 * 1024), 'f', 1) + QStringLiteral(" MB");
    if (b >= 1024.0) return QString::number(b / 1024.0, 'f', 0) + QStringLiteral(" KB");
    return QString::number(b, 'f', 0) + QStringLiteral(" B");
}

QString formatShape(const Shape& s) {
    // Channels last, as Keras and the summary table print it.
    if (s.isImage()) return QStringLiteral("%1 × %2 × %3").arg(s.height()).arg(s.width()).arg(s.channels());
    QStringList d;
    for (int i = 0; i < s.rank(); ++i) d << QString::number(s[i]);
    return d.join(QStringLiteral(" × "));
}

}  // namespace cs::gui
