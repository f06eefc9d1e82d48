#pragma once
// The run's log: one line per epoch and every note or warning (NaN loss, stopped early,
// checkpoint written), time-stamped; warnings stand out.
#include <QPlainTextEdit>

#include "train/trainer.h"

namespace cs::gui {

class TrainingLog : public QPlainTextEdit {
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };
    explicit TrainingLog(QWidget* parent = nullptr);

    void addLine(const QString& text, Kind kind = Kind::Info);
    void addEpoch(const EpochStats& e);
    static QString epochLine(const EpochStats& e);
    int lineCount() const { return document()->blockCount(); }
};

}  // namespace cs::gui
