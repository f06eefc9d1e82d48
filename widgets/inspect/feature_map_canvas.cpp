#include "inspect/feature_map_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace cs::gui {

namespace {
constexpr int kMargin = 8;
constexpr int kGap = 3;
constexpr int kStripColumns = 64;
constexpr int kCell = 8;

QString shapeText(const LayerActivation& l) {
    if (l.isImage()) return QStringLiteral("%1×%2×%3").arg(l.channels).arg(l.height).arg(l.width);
    return QString::number(l.channels * l.height * l.width);
}
}  // namespace

FeatureMapCanvas::FeatureMapCanvas(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void FeatureMapCanvas::setProbe(const ProbeResult& probe) {
    bool sameShapes = probe.layers.size() == layers_.size();
    for (std::size_t i = 0; sameShapes && i < layers_.size(); ++i) {
        const auto& a = layers_[i].data;
        const auto& b = probe.layers[i];
        sameShapes = a.name == b.name && a.channels == b.channels && a.height == b.height && a.width == b.width;
    }
    if (!sameShapes) layers_.assign(probe.layers.size(), Layer{});
    for (std::size_t i = 0; i < probe.layers.size(); ++i) layers_[i].data = probe.layers[i];
    rebuildImages();
    if (!sameShapes) {
        contentHeight_ = layout(width(), true);
        updateGeometry();
    }
    update();
}

void FeatureMapCanvas::setColorMap(ColorMap map) {
    map_ = map;
    rebuildImages();
    update();
}

void FeatureMapCanvas::setNormalization(Normalization n) {
    norm_ = n;
    rebuildImages();
    update();
}

void FeatureMapCanvas::setTileSize(int pixels) {
    tile_ = std::clamp(pixels, 12, 256);
    contentHeight_ = layout(width(), true);
    updateGeometry();
    update();
}

void FeatureMapCanvas::rebuildImages() {
    for (Layer& l : layers_) {
        const LayerActivation& a = l.data;
        l.tiles.clear();
        if (a.values.empty()) continue;
        float lo = 0, hi = 0;
        valueRange(a.values.data(), static_cast<int>(a.values.size()), lo, hi);
        if (a.isImage()) {
            for (int c = 0; c < a.channels; ++c)
                l.tiles.push_back(norm_ == Normalization::PerMap
                                      ? valuesToImage(a.map(c), a.height, a.width, map_)
                                      : valuesToImage(a.map(c), a.height, a.width, map_, lo, hi));
        } else {
            const int n = static_cast<int>(a.values.size());
            const int cols = std::min(n, kStripColumns);
            const int rows = (n + cols - 1) / cols;
            std::vector<float> padded(static_cast<std::size_t>(rows) * cols, lo);
            std::copy(a.values.begin(), a.values.end(), padded.begin());
            l.tiles.push_back(valuesToImage(padded.data(), rows, cols, map_, lo, hi));
        }
    }
}

int FeatureMapCanvas::layout(int width, bool apply) {
    const int usable = std::max(tile_, width - 2 * kMargin);
    const int captionHeight = fontMetrics().height() + 6;
    int y = kMargin;
    for (Layer& l : layers_) {
        const LayerActivation& a = l.data;
        QRect caption(kMargin, y, usable, captionHeight);
        y += captionHeight;
        std::vector<QRect> rects;
        if (a.isImage()) {
            const int tw = tile_;
            const int th = std::max(4, tile_ * a.height / std::max(1, a.width));
            const int cols = std::max(1, (usable + kGap) / (tw + kGap));
            for (int c = 0; c < a.channels; ++c)
                rects.emplace_back(kMargin + (c % cols) * (tw + kGap), y + (c / cols) * (th + kGap), tw, th);
            y += ((a.channels + cols - 1) / cols) * (th + kGap);
        } else {
            const int n = std::max(1, a.channels * a.height * a.width);
            const int cols = std::min(n, kStripColumns);
            const int rows = (n + cols - 1) / cols;
            const int cell = std::max(2, std::min(kCell, usable / cols));
            rects.emplace_back(kMargin, y, cols * cell, rows * cell);
            y += rows * cell + kGap;
        }
        y += kGap * 2;
        if (apply) {
            l.caption = caption;
            l.rects = std::move(rects);
        }
    }
    return y + kMargin;
}

int FeatureMapCanvas::heightForWidth(int w) const { return const_cast<FeatureMapCanvas*>(this)->layout(w, false); }

QSize FeatureMapCanvas::sizeHint() const { return {600, contentHeight_}; }

void FeatureMapCanvas::resizeEvent(QResizeEvent*) {
    const int h = layout(width(), true);
    if (h != contentHeight_) {
        contentHeight_ = h;
        updateGeometry();
    }
}

void FeatureMapCanvas::paintEvent(QPaintEvent* e) {
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    if (layers_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Pick a probe image: the activations of every layer appear here, live while training."));
        return;
    }
    QFont bold = font();
    bold.setBold(true);
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        const Layer& l = layers_[i];
        if (!l.caption.intersects(e->rect()) && (l.rects.empty() || l.rects.back().bottom() < e->rect().top()) &&
            l.caption.top() > e->rect().bottom())
            continue;
        p.setFont(bold);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(l.caption, Qt::AlignLeft | Qt::AlignVCenter, l.data.name);
        const int nameWidth = QFontMetrics(bold).horizontalAdvance(l.data.name);
        p.setFont(font());
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(l.caption.adjusted(nameWidth + 8, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 · %2").arg(l.data.kind, shapeText(l.data)));
        for (std::size_t c = 0; c < l.rects.size() && c < l.tiles.size(); ++c) {
            if (!l.rects[c].intersects(e->rect())) continue;
            p.drawImage(l.rects[c], l.tiles[c]);
        }
    }
}

void FeatureMapCanvas::mousePressEvent(QMouseEvent* e) {
    const QPoint pos = e->position().toPoint();
    for (int i = 0; i < layerCount(); ++i) {
        const Layer& l = layers_[i];
        for (int c = 0; c < static_cast<int>(l.rects.size()); ++c)
            if (l.rects[c].contains(pos)) {
                emit mapClicked(i, c);
                return;
            }
    }
}

int FeatureMapCanvas::mapCount(int layer) const { return static_cast<int>(layers_.at(layer).tiles.size()); }

QImage FeatureMapCanvas::mapImage(int layer, int channel) const { return layers_.at(layer).tiles.at(channel); }

QRect FeatureMapCanvas::tileRect(int layer, int channel) const { return layers_.at(layer).rects.at(channel); }

QString FeatureMapCanvas::layerCaption(int layer) const {
    const auto& a = layers_.at(layer).data;
    return QStringLiteral("%1 · %2 · %3").arg(a.name, a.kind, shapeText(a));
}

const LayerActivation* FeatureMapCanvas::activation(int layer) const {
    return layer >= 0 && layer < layerCount() ? &layers_[layer].data : nullptr;
}

}  // namespace cs::gui
