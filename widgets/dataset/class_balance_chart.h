#pragma once
// Samples per class as stacked bars (training, validation, test), drawn with Qt Charts.
#include <QChartView>
#include <cstddef>
#include <string>
#include <vector>

class QBarSet;

namespace cs::gui {

class ClassBalanceChart : public QChartView {
    Q_OBJECT
public:
    explicit ClassBalanceChart(QWidget* parent = nullptr);

    // One count per class in each list (validation or test may be empty: all zero).
    void setCounts(const std::vector<std::string>& classNames, const std::vector<std::size_t>& train,
                   const std::vector<std::size_t>& validation, const std::vector<std::size_t>& test);
    // The bars as drawn: set 0 training, 1 validation, 2 test; one value per class.
    std::vector<double> values(int set) const;
    QStringList categories() const;

private:
    QBarSet* sets_[3] = {};
};

}  // namespace cs::gui
