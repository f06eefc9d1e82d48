#pragma once
// The weights as they evolve: the first convolution's kernels as small images (blue negative,
// red positive, one scale for all), and for every parameter tensor its mean, standard
// deviation, range and histogram, plus each kernel's standard deviation over the run.
#include <QImage>
#include <QWidget>

#include "training/training_types.h"

class QLabel;
class QTableWidget;

namespace cs::gui {

class LiveChart;

class KernelGrid : public QWidget {
    Q_OBJECT
public:
    explicit KernelGrid(QWidget* parent = nullptr);
    void setKernels(const KernelSet& kernels);
    int tileCount() const { return static_cast<int>(tiles_.size()); }
    QImage tile(int i) const { return tiles_.at(i); }
    // A kernel (filters x channels x kh x kw) as an image: RGB when it has 3 input channels, else
    // its first input channel; values mapped symmetrically around 0 with `scale` = largest |w|.
    static QImage kernelImage(const KernelSet& k, int filter, float scale);
    QSize sizeHint() const override;
    int heightForWidth(int w) const override;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    std::vector<QImage> tiles_;
    int tile_ = 40;
};

class FilterView : public QWidget {
    Q_OBJECT
public:
    explicit FilterView(QWidget* parent = nullptr);
    void setProbe(const ProbeResult& probe);
    void clearHistory();  // a new run starts
    KernelGrid* kernels() const { return grid_; }
    QTableWidget* table() const { return table_; }
    LiveChart* spreadChart() const { return spread_; }
    static QPixmap histogramPixmap(const std::vector<int>& bins, QSize size, const QColor& color);

private:
    KernelGrid* grid_;
    QLabel* kernelCaption_;
    QTableWidget* table_;
    LiveChart* spread_;
    QStringList spreadNames_;
    int64_t lastStep_ = -1;
};

}  // namespace cs::gui
