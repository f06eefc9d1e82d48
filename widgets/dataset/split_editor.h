#pragma once
// The validation split: its fraction and seed (the trainer's, stored with the training
// settings) and the per-class counts it gives in training, validation and test.
#include <QWidget>
#include <cstdint>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace cs::gui {

class DatasetCatalog;

class SplitEditor : public QWidget {
    Q_OBJECT
public:
    explicit SplitEditor(QWidget* parent = nullptr);

    // Shows the values without emitting splitChanged.
    void setSplit(double fraction, uint64_t seed);
    double fraction() const;
    uint64_t seed() const;
    // Recounts from the catalog (after it applied the split).
    void showCounts(const DatasetCatalog* catalog);
    QTableWidget* table() const { return table_; }

signals:
    void splitChanged(double fraction, uint64_t seed);

private:
    QDoubleSpinBox* fraction_;
    QSpinBox* seed_;
    QLabel* note_;
    QTableWidget* table_;
    bool updating_ = false;
};

}  // namespace cs::gui
