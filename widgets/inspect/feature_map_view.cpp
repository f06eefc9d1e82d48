#include "inspect/feature_map_view.h"

#include <QComboBox>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

namespace cs::gui {

FeatureMapView::FeatureMapView(QWidget* parent) : QWidget(parent) {
    canvas_ = new FeatureMapCanvas;
    canvas_->setObjectName(QStringLiteral("featureMapCanvas"));
    scroll_ = new QScrollArea;
    scroll_->setWidget(canvas_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);

    colorMap_ = new QComboBox;
    colorMap_->addItem(tr("Viridis"), int(ColorMap::Viridis));
    colorMap_->addItem(tr("Inferno"), int(ColorMap::Inferno));
    colorMap_->addItem(tr("Gray"), int(ColorMap::Gray));
    colorMap_->addItem(tr("Diverging"), int(ColorMap::Diverging));
    colorMap_->setToolTip(tr("Colour map"));
    normalization_ = new QComboBox;
    normalization_->addItem(tr("Each map on its own scale"), int(FeatureMapCanvas::Normalization::PerMap));
    normalization_->addItem(tr("One scale per layer"), int(FeatureMapCanvas::Normalization::PerLayer));
    tileSize_ = new QSlider(Qt::Horizontal);
    tileSize_->setRange(16, 160);
    tileSize_->setValue(canvas_->tileSize());
    tileSize_->setMaximumWidth(140);
    tileSize_->setToolTip(tr("Size of each map"));
    caption_ = new QLabel;
    caption_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Colours:")));
    bar->addWidget(colorMap_);
    bar->addWidget(normalization_);
    bar->addWidget(new QLabel(tr("Size:")));
    bar->addWidget(tileSize_);
    bar->addStretch();
    bar->addWidget(caption_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(scroll_, 1);

    connect(colorMap_, &QComboBox::currentIndexChanged, this, [this] {
        canvas_->setColorMap(ColorMap(colorMap_->currentData().toInt()));
        refreshEnlarged();
    });
    connect(normalization_, &QComboBox::currentIndexChanged, this, [this] {
        canvas_->setNormalization(FeatureMapCanvas::Normalization(normalization_->currentData().toInt()));
        refreshEnlarged();
    });
    connect(tileSize_, &QSlider::valueChanged, canvas_, &FeatureMapCanvas::setTileSize);
    connect(canvas_, &FeatureMapCanvas::mapClicked, this, &FeatureMapView::enlarge);
}

void FeatureMapView::setProbe(const ProbeResult& probe) {
    canvas_->setProbe(probe);
    ++updates_;
    caption_->setText(probe.step < 0 ? tr("untrained weights")
                                     : tr("epoch %1 · step %2").arg(probe.epoch + 1).arg(probe.step));
    refreshEnlarged();
}

void FeatureMapView::enlarge(int layer, int channel) {
    if (!dialog_) {
        dialog_ = new QDialog(this);
        dialog_->setObjectName(QStringLiteral("enlargedMap"));
        bigImage_ = new QLabel;
        bigImage_->setAlignment(Qt::AlignCenter);
        bigImage_->setMinimumSize(256, 256);
        bigCaption_ = new QLabel;
        bigCaption_->setAlignment(Qt::AlignCenter);
        auto* l = new QVBoxLayout(dialog_);
        l->addWidget(bigImage_, 1);
        l->addWidget(bigCaption_);
    }
    bigLayer_ = layer;
    bigChannel_ = channel;
    refreshEnlarged();
    dialog_->show();
    dialog_->raise();
}

void FeatureMapView::refreshEnlarged() {
    if (!dialog_ || bigLayer_ < 0 || bigLayer_ >= canvas_->layerCount() || bigChannel_ >= canvas_->mapCount(bigLayer_))
        return;
    const QImage img = canvas_->mapImage(bigLayer_, bigChannel_);
    const int scale = std::max(1, 320 / std::max(1, std::max(img.width(), img.height())));
    bigImage_->setPixmap(
        QPixmap::fromImage(img.scaled(img.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)));
    const LayerActivation* a = canvas_->activation(bigLayer_);
    float lo = 0, hi = 0;
    if (a && a->isImage())
        valueRange(a->map(bigChannel_), a->height * a->width, lo, hi);
    else if (a)
        valueRange(a->values.data(), int(a->values.size()), lo, hi);
    const QString which = a && a->isImage() ? tr("map %1").arg(bigChannel_) : tr("all units");
    bigCaption_->setText(tr("%1 — %2 — values %3 … %4")
                             .arg(canvas_->layerCaption(bigLayer_), which)
                             .arg(double(lo), 0, 'g', 4)
                             .arg(double(hi), 0, 'g', 4));
    dialog_->setWindowTitle(tr("Feature map: %1").arg(a ? a->name : QString()));
}

}  // namespace cs::gui
