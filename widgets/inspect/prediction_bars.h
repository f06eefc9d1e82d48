#pragma once
// The prediction for the probe image: one horizontal bar per class with its probability; the
// predicted class is highlighted, the true class (when known) is marked.
#include <QWidget>
#include <string>
#include <vector>

namespace cs::gui {

class PredictionBars : public QWidget {
    Q_OBJECT
public:
    explicit PredictionBars(QWidget* parent = nullptr);

    void setPrediction(std::vector<float> probabilities, std::vector<std::string> classNames, int trueLabel);
    int predicted() const;                        // -1 when empty
    int trueLabel() const { return trueLabel_; }  // the class marked as the true one, or -1
    const std::vector<float>& probabilities() const { return probabilities_; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QString className(int i) const;
    std::vector<float> probabilities_;
    std::vector<std::string> names_;
    int trueLabel_ = -1;
};

}  // namespace cs::gui
