#include "training/run_comparison.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <optional>
#include <set>

#include "core/errors.h"
#include "train/run_record.h"
#include "training/training_progress.h"

namespace cs::gui {

namespace {

QString percent(double v) { return QStringLiteral("%1%").arg(v * 100, 0, 'f', 1); }

QTableWidget* table() {
    auto* t = new QTableWidget;
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells) {
    for (int c = 0; c < cells.size(); ++c) t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

}  // namespace

RunComparison::RunComparison(QWidget* parent) : QWidget(parent) {
    metrics_ = table();
    metrics_->setObjectName(QStringLiteral("runMetrics"));
    diff_ = table();
    diff_->setObjectName(QStringLiteral("runSettingsDiff"));
    note_ = new QLabel;
    note_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(metrics_, 1);
    layout->addWidget(note_);
    layout->addWidget(diff_, 1);
}

QList<QPair<QString, QStringList>> RunComparison::differingSettings(const QList<nlohmann::json>& settings) {
    std::vector<nlohmann::json> flat;
    std::set<std::string> keys;
    for (const nlohmann::json& s : settings) {
        flat.push_back(s.is_object() ? s.flatten() : nlohmann::json::object());
        for (const auto& [key, value] : flat.back().items()) keys.insert(key);
    }
    QList<QPair<QString, QStringList>> rows;
    for (const std::string& key : keys) {
        QStringList values;
        bool differ = false;
        for (const nlohmann::json& f : flat) {
            values << (f.contains(key) ? QString::fromStdString(f[key].dump()) : QStringLiteral("–"));
            differ = differ || values.back() != values.front();
        }
        if (differ)
            rows.append({QString::fromStdString(key.substr(1)), values});  // "/optimizer/kind" -> "optimizer/kind"
    }
    return rows;
}

void RunComparison::setRuns(const nlohmann::json& history, const QList<int>& runs) {
    metrics_->clear();
    metrics_->setColumnCount(8);
    metrics_->setHorizontalHeaderLabels({tr("Run"), tr("Epochs"), tr("Loss"), tr("Accuracy"), tr("Best val. accuracy"),
                                         tr("Evaluation"), tr("Ended"), tr("Time")});
    metrics_->setRowCount(int(runs.size()));
    QList<nlohmann::json> settings;
    QStringList names;
    for (int row = 0; row < runs.size(); ++row) {
        const int i = runs[row];
        const QString name = tr("Run %1").arg(i + 1);
        names << name;
        RunRecord r;
        try {
            r = RunRecord::fromJson(history.at(std::size_t(i)));
        } catch (const std::exception&) {
            setRow(metrics_, row, {name, tr("unreadable")});
            settings << nlohmann::json::object();
            continue;
        }
        settings << r.settings.toJson();
        double seconds = 0;
        for (const EpochStats& e : r.epochs) seconds += e.seconds;
        const std::optional<double> best = keptValidationAccuracy(r);
        const QString ended = r.stopReason == StopReason::Stopped        ? tr("stopped")
                              : r.stopReason == StopReason::EarlyStopped ? tr("stopped early")
                                                                         : tr("completed");
        setRow(metrics_, row,
               {name, QString::number(r.epochs.size()),
                r.epochs.empty() ? QStringLiteral("–") : QString::number(r.epochs.back().loss, 'f', 4),
                r.epochs.empty() ? QStringLiteral("–") : percent(r.epochs.back().accuracy),
                best ? tr("%1 (epoch %2)").arg(percent(*best)).arg(*r.bestEpoch + 1) : QStringLiteral("–"),
                r.evaluation ? percent(r.evaluation->accuracy) : QStringLiteral("–"), ended,
                TrainingProgress::formatDuration(seconds)});
    }
    const auto rows = differingSettings(settings);
    diff_->clear();
    diff_->setColumnCount(int(runs.size()) + 1);
    diff_->setHorizontalHeaderLabels(QStringList{tr("Setting")} + names);
    diff_->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) setRow(diff_, r, QStringList{rows[r].first} + rows[r].second);
    note_->setText(runs.size() < 2  ? tr("Tick two or more runs to compare their settings.")
                   : rows.isEmpty() ? tr("The runs used the same settings.")
                                    : tr("Settings that differ:"));
}

}  // namespace cs::gui
