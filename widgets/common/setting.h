#pragma once
// A typed QSettings entry declared next to its use:
//   inline const Setting<int> kBatchSize{"training/batchSize", 64};
#include <QSettings>
#include <QString>
#include <QVariant>

namespace cs::gui {

template <typename T>
class Setting {
public:
    Setting(const char* key, T defaultValue) : key_(QString::fromLatin1(key)), default_(std::move(defaultValue)) {}

    T get() const {
        QSettings s;
        const QVariant v = s.value(key_);
        return v.isValid() && v.template canConvert<T>() ? v.template value<T>() : default_;
    }
    void set(const T& value) const {
        QSettings s;
        s.setValue(key_, QVariant::fromValue(value));
    }
    const QString& key() const { return key_; }
    const T& defaultValue() const { return default_; }

private:
    QString key_;
    T default_;
};

}  // namespace cs::gui
