#pragma once
// A confusion matrix as a heat map: rows are the true classes, columns the predicted ones,
// each cell shows its count and is shaded by its share of the row (the class's recall on the
// diagonal). Clicking a cell selects it (the gallery then lists those images).
#include <QWidget>
#include <string>
#include <vector>

namespace cs::gui {

class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setMatrix(std::vector<std::vector<int>> confusion, std::vector<std::string> classNames);
    const std::vector<std::vector<int>>& matrix() const { return matrix_; }
    int classCount() const { return static_cast<int>(matrix_.size()); }
    int count(int trueClass, int predicted) const { return matrix_.at(trueClass).at(predicted); }

    void setSelectedCell(int trueClass, int predicted);  // -1, -1: none
    QPoint selectedCell() const { return selected_; }    // x = predicted, y = true
    QRect cellRect(int trueClass, int predicted) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cellClicked(int trueClass, int predicted);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    bool event(QEvent* e) override;

private:
    struct Geometry {
        int left, top, cell;
    };
    Geometry geometry() const;
    QString name(int i) const;
    bool cellAt(QPoint pos, int& t, int& p) const;

    std::vector<std::vector<int>> matrix_;
    std::vector<std::string> names_;
    QPoint selected_{-1, -1};
};

}  // namespace cs::gui
