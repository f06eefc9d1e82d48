#pragma once
// The side panel of the dataset page: where the data comes from, its size and channels, class
// names with counts per split, the class-balance chart, mean/std, content hashes, and the
// problems the loader found (unreadable files with their paths).
#include <QWidget>
#include <vector>

#include "data/statistics.h"

class QLabel;
class QListWidget;
class QTableWidget;

namespace cs::gui {

class ClassBalanceChart;
class DatasetCatalog;

class DatasetInfoPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetInfoPanel(QWidget* parent = nullptr);

    // `partStats` are the engine's statistics of the loaded parts (train, own validation, test;
    // empty parts have count 0), as computed at load time.
    void setData(const DatasetCatalog& catalog, const std::vector<DatasetStats>& partStats);
    // The split or exclusions changed: recount.
    void updateCounts(const DatasetCatalog& catalog);
    void clear();

    ClassBalanceChart* chart() const { return chart_; }
    QTableWidget* classTable() const { return classes_; }
    QListWidget* problems() const { return problems_; }

signals:
    void classActivated(int classIndex);
    void problemActivated(const QString& path);

private:
    QLabel* summary_;
    QTableWidget* classes_;
    ClassBalanceChart* chart_;
    QLabel* stats_;
    QLabel* problemsTitle_;
    QListWidget* problems_;
};

}  // namespace cs::gui
