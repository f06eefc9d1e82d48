#pragma once
// Runs side by side: a table of each run's final figures (epochs, last training loss and
// accuracy, best validation accuracy, evaluation, how it ended, time) and the settings that
// differ between them. Reads the project's run history (RunRecord JSON); shows, never edits.
#include <QWidget>

#include <nlohmann/json.hpp>

class QTableWidget;
class QLabel;

namespace cs::gui {

class RunComparison : public QWidget {
    Q_OBJECT
public:
    explicit RunComparison(QWidget* parent = nullptr);

    // `runs` are indices into `history` (0-based), shown in that order.
    void setRuns(const nlohmann::json& history, const QList<int>& runs);

    QTableWidget* metrics() const { return metrics_; }
    QTableWidget* settingsDiff() const { return diff_; }

    // The settings that differ between runs, as "key" -> one value per run (JSON text).
    static QList<QPair<QString, QStringList>> differingSettings(const QList<nlohmann::json>& settings);

private:
    QTableWidget* metrics_;
    QTableWidget* diff_;
    QLabel* note_;
};

}  // namespace cs::gui
