#include "inspect/filter_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "inspect/color_map.h"
#include "training/live_chart.h"

namespace cs::gui {

namespace {
constexpr int kGap = 3;
const QColor kSeriesColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f)};
}  // namespace

KernelGrid::KernelGrid(QWidget* parent) : QWidget(parent) {}

QImage KernelGrid::kernelImage(const KernelSet& k, int filter, float scale) {
    QImage img(k.kw, k.kh, QImage::Format_RGB32);
    const std::size_t plane = std::size_t(k.kh) * k.kw;
    const float* w = k.values.data() + std::size_t(filter) * k.channels * plane;
    const float s = scale > 0 ? scale : 1.f;
    for (int y = 0; y < k.kh; ++y)
        for (int x = 0; x < k.kw; ++x) {
            const std::size_t i = std::size_t(y) * k.kw + x;
            if (k.channels == 3) {
                auto c = [&](int ch) {
                    return int(std::lround(std::clamp((w[ch * plane + i] / s + 1) / 2, 0.f, 1.f) * 255));
                };
                img.setPixel(x, y, qRgb(c(0), c(1), c(2)));
            } else {
                img.setPixel(x, y, colorAt(ColorMap::Diverging, (w[i] / s + 1) / 2));
            }
        }
    return img;
}

void KernelGrid::setKernels(const KernelSet& k) {
    const bool resized = int(tiles_.size()) != k.filters;
    tiles_.clear();
    float scale = 0;
    for (float v : k.values) scale = std::max(scale, std::abs(v));
    for (int f = 0; f < k.filters; ++f) tiles_.push_back(kernelImage(k, f, scale));
    if (resized) updateGeometry();
    update();
}

int KernelGrid::heightForWidth(int w) const {
    if (tiles_.empty()) return tile_;
    const int cols = std::max(1, (w + kGap) / (tile_ + kGap));
    return int((tiles_.size() + cols - 1) / cols) * (tile_ + kGap);
}

QSize KernelGrid::sizeHint() const { return {400, std::min(240, heightForWidth(400))}; }

void KernelGrid::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    // The largest tile (up to 48 px) at which every kernel fits.
    const int n = int(tiles_.size());
    int tile = 48;
    for (; tile > 6; --tile) {
        const int c = std::max(1, (width() + kGap) / (tile + kGap));
        if (((n + c - 1) / c) * (tile + kGap) <= height()) break;
    }
    const int cols = std::max(1, (width() + kGap) / (tile + kGap));
    for (int i = 0; i < n; ++i)
        p.drawImage(QRect((i % cols) * (tile + kGap), (i / cols) * (tile + kGap), tile, tile), tiles_[i]);
}

QPixmap FilterView::histogramPixmap(const std::vector<int>& bins, QSize size, const QColor& color) {
    QPixmap pm(size);
    pm.fill(Qt::transparent);
    if (bins.empty()) return pm;
    QPainter p(&pm);
    const int top = std::max(1, *std::max_element(bins.begin(), bins.end()));
    const double w = double(size.width()) / bins.size();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const double h = double(size.height()) * bins[i] / top;
        p.drawRect(QRectF(i * w, size.height() - h, std::max(1.0, w - 0.5), h));
    }
    return pm;
}

FilterView::FilterView(QWidget* parent) : QWidget(parent) {
    grid_ = new KernelGrid;
    kernelCaption_ = new QLabel(tr("The model has no convolution."));
    table_ = new QTableWidget(0, 7);
    table_->setHorizontalHeaderLabels(
        {tr("Parameter"), tr("Count"), tr("Mean"), tr("Std"), tr("Min"), tr("Max"), tr("Histogram")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(6, QHeaderView::Stretch);
    table_->setIconSize(QSize(120, 18));
    spread_ = new LiveChart(tr("Kernel spread"), tr("step"), tr("std"), this);
    spread_->setYFloor(0);
    spread_->setAxisTitlesVisible(false);

    auto* top = new QWidget;
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(4, 4, 4, 4);
    tl->addWidget(kernelCaption_);
    tl->addWidget(grid_, 1);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(table_);
    split->addWidget(spread_);
    split->setSizes({180, 260, 260});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void FilterView::clearHistory() {
    for (int i = 0; i < spread_->seriesCount(); ++i) spread_->clearData(i);
    lastStep_ = -1;
}

void FilterView::setProbe(const ProbeResult& probe) {
    const KernelSet& k = probe.firstConv;
    if (!k.isEmpty()) {
        grid_->setKernels(k);
        kernelCaption_->setText(
            k.channels == 3 ? tr("%1: %2 kernels of %3×%4 (RGB)").arg(k.layer).arg(k.filters).arg(k.kh).arg(k.kw)
                            : tr("%1: %2 kernels of %3×%4 (input channel 1 of %5; blue < 0 < red)")
                                  .arg(k.layer)
                                  .arg(k.filters)
                                  .arg(k.kh)
                                  .arg(k.kw)
                                  .arg(k.channels));
    }
    table_->setRowCount(int(probe.params.size()));
    const QColor barColor = palette().color(QPalette::Highlight);
    for (int r = 0; r < int(probe.params.size()); ++r) {
        const ParamStats& s = probe.params[r];
        const QStringList cells = {s.name,
                                   QString::number(s.count),
                                   QString::number(s.mean, 'g', 4),
                                   QString::number(s.stdev, 'g', 4),
                                   QString::number(s.min, 'g', 4),
                                   QString::number(s.max, 'g', 4)};
        for (int c = 0; c < cells.size(); ++c) {
            QTableWidgetItem* item = table_->item(r, c);
            if (!item) table_->setItem(r, c, item = new QTableWidgetItem);
            item->setText(cells[c]);
            if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        QTableWidgetItem* hist = table_->item(r, 6);
        if (!hist) table_->setItem(r, 6, hist = new QTableWidgetItem);
        hist->setIcon(QIcon(histogramPixmap(s.histogram, table_->iconSize(), barColor)));
        hist->setToolTip(tr("%1 … %2").arg(s.min, 0, 'g', 4).arg(s.max, 0, 'g', 4));
    }
    if (probe.step >= 0 && probe.step != lastStep_) {
        lastStep_ = probe.step;
        for (const ParamStats& s : probe.params) {
            if (!s.name.endsWith(QLatin1String("/kernel"))) continue;
            int id = int(spreadNames_.indexOf(s.name));
            if (id < 0) {
                id = spread_->addSeries(s.name, kSeriesColors[spreadNames_.size() % std::size(kSeriesColors)]);
                spreadNames_ << s.name;
            }
            if (!spread_->data(id).isEmpty() && spread_->data(id).back().x() >= double(probe.step))
                spread_->clearData(id);
            spread_->append(id, double(probe.step), s.stdev);
        }
    }
}

}  // namespace cs::gui
