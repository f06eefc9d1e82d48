#pragma once
// A model's class probabilities for one image as labelled horizontal bars, the true class
// marked and the predicted one highlighted.
#include <QStringList>
#include <QWidget>
#include <vector>

namespace cs::gui {

class ProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget* parent = nullptr);

    // Empty probabilities: shows `emptyText` instead.
    void setProbabilities(const QStringList& classNames, const std::vector<float>& probabilities, int trueClass);
    void setEmptyText(const QString& text);
    const std::vector<float>& probabilities() const { return p_; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QStringList names_;
    std::vector<float> p_;
    int trueClass_ = -1;
    QString empty_;
};

}  // namespace cs::gui
