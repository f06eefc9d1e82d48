#include "dataset/augment_preview.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

namespace cs::gui {

namespace {
constexpr int kColumns = 4;
constexpr int kTile = 68;

QImage toImage(const std::vector<uint8_t>& hwc, int h, int w, int c) {
    QImage out(w, h, c == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        uchar* row = out.scanLine(y);
        const uint8_t* in = hwc.data() + std::size_t(y) * w * c;
        if (c == 1 || c == 3)
            std::copy(in, in + std::size_t(w) * c, row);
        else
            for (int x = 0; x < w; ++x) row[x] = in[std::size_t(x) * c];
    }
    return out;
}
}  // namespace

AugmentPreview::AugmentPreview(QWidget* parent) : QWidget(parent) {
    auto* settings = new QGroupBox(tr("Augmentation settings"), this);
    auto* form = new QGridLayout(settings);
    form->setHorizontalSpacing(8);
    form->setVerticalSpacing(2);
    form->addWidget(new QLabel(tr("Transform"), settings), 0, 0);
    form->addWidget(new QLabel(tr("Chance"), settings), 0, 1);
    form->addWidget(new QLabel(tr("Amount"), settings), 0, 2);
    int r = 1;
    addRow(form, r++, tr("Shift"), &AugmentOptions::shift, 0.5, 0.02, tr(" of size"),
           tr("Largest shift as a fraction of width and height"));
    addRow(form, r++, tr("Rotate"), &AugmentOptions::rotate, 180, 1, tr("°"),
           tr("Largest rotation in degrees, either way"));
    addRow(form, r++, tr("Zoom"), &AugmentOptions::zoom, 0.5, 0.02, QString(),
           tr("Scale drawn from 1 − amount to 1 + amount"));
    addRow(form, r++, tr("Flip left–right"), &AugmentOptions::hflip, 0, 0, QString(),
           tr("Mirror the image horizontally"));
    addRow(form, r++, tr("Flip up–down"), &AugmentOptions::vflip, 0, 0, QString(), tr("Mirror the image vertically"));
    addRow(form, r++, tr("Brightness"), &AugmentOptions::brightness, 1, 0.02, QString(),
           tr("Largest offset as a fraction of full brightness"));
    addRow(form, r++, tr("Contrast"), &AugmentOptions::contrast, 1, 0.02, QString(),
           tr("Factor drawn from 1 − amount to 1 + amount"));
    addRow(form, r++, tr("Noise"), &AugmentOptions::noise, 0.5, 0.01, QString(),
           tr("Gaussian noise, standard deviation as a fraction of full brightness"));
    addRow(form, r++, tr("Erase"), &AugmentOptions::erase, 0.5, 0.02, QString(),
           tr("Largest erased rectangle as a fraction of the image area"));
    addRow(form, r++, tr("Pad and crop"), &AugmentOptions::crop, 16, 1, tr(" px"),
           tr("Padding in pixels before a random crop of the original size"));

    grid_ = new QWidget(this);
    grid_->setObjectName(QStringLiteral("augmentVariants"));
    gridLayout_ = new QGridLayout(grid_);
    gridLayout_->setSpacing(4);
    gridLayout_->setContentsMargins(0, 0, 0, 0);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* rerollButton = new QPushButton(tr("Re-roll"), this);
    rerollButton->setObjectName(QStringLiteral("rerollAugment"));
    rerollButton->setToolTip(tr("Draw new random variants"));

    auto* top = new QHBoxLayout;
    top->addWidget(status_, 1);
    top->addWidget(rerollButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(grid_);
    layout->addWidget(settings);
    layout->addStretch();
    connect(rerollButton, &QPushButton::clicked, this, &AugmentPreview::reroll);
    redraw();
}

void AugmentPreview::addRow(QGridLayout* grid, int row, const QString& name, AugmentTransform AugmentOptions::*member,
                            double maxAmount, double step, const QString& unit, const QString& help) {
    auto* label = new QLabel(name, this);
    label->setToolTip(help);
    auto* p = new QDoubleSpinBox(this);
    p->setRange(0, 100);
    p->setDecimals(0);
    p->setSingleStep(10);
    p->setSuffix(QStringLiteral("%"));
    p->setToolTip(tr("Chance that an image gets this transform; 0 = off"));
    grid->addWidget(label, row, 0);
    grid->addWidget(p, row, 1);
    QDoubleSpinBox* amount = nullptr;
    if (maxAmount > 0) {
        amount = new QDoubleSpinBox(this);
        amount->setRange(0, maxAmount);
        amount->setSingleStep(step);
        amount->setDecimals(step < 1 ? 2 : 0);
        amount->setSuffix(unit);
        amount->setToolTip(help);
        grid->addWidget(amount, row, 2);
        connect(amount, &QDoubleSpinBox::valueChanged, this, &AugmentPreview::readForm);
    }
    connect(p, &QDoubleSpinBox::valueChanged, this, &AugmentPreview::readForm);
    rows_.push_back({member, p, amount});
}

void AugmentPreview::setOptions(const AugmentOptions& options) {
    updating_ = true;
    options_ = options;
    for (const Row& row : rows_) {
        const AugmentTransform& t = options_.*(row.member);
        row.probability->setValue(double(t.probability) * 100.0);
        if (row.amount) row.amount->setValue(double(t.amount));
    }
    updating_ = false;
    redraw();
}

void AugmentPreview::readForm() {
    if (updating_) return;
    for (const Row& row : rows_) {
        AugmentTransform& t = options_.*(row.member);
        t.probability = float(row.probability->value() / 100.0);
        t.amount = row.amount ? float(row.amount->value()) : 0.f;
    }
    redraw();
    emit optionsChanged(options_);
}

void AugmentPreview::setImage(const uint8_t* hwc, int height, int width, int channels) {
    height_ = hwc ? height : 0;
    width_ = hwc ? width : 0;
    channels_ = hwc ? channels : 0;
    image_.assign(hwc, hwc ? hwc + std::size_t(height) * width * channels : hwc);
    redraw();
}

void AugmentPreview::setSeed(uint64_t seed) {
    seed_ = seed;
    redraw();
}

void AugmentPreview::setVariantCount(int count) {
    count_ = std::clamp(count, 1, 64);
    redraw();
}

void AugmentPreview::reroll() { setSeed(QRandomGenerator::global()->generate64()); }

void AugmentPreview::redraw() {
    while (QLayoutItem* item = gridLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    variants_.clear();
    if (image_.empty()) {
        status_->setText(tr("Select an image to preview its augmentation."));
        return;
    }
    status_->setText(options_.enabled()
                         ? tr("Random variants as training will see them (the original first):")
                         : tr("Augmentation is off: every variant equals the original. Turn on a transform below."));
    variants_ = augmentVariants(image_.data(), height_, width_, channels_, options_, count_, seed_);
    const int scale = std::max(1, kTile / std::max(height_, width_));
    for (int k = 0; k <= int(variants_.size()); ++k) {
        // The original first, then the variants.
        const QImage image = toImage(k == 0 ? image_ : variants_[std::size_t(k - 1)], height_, width_, channels_);
        auto* tile = new QLabel(grid_);
        const QSize size = image.size().scaled(QSize(kTile, kTile), Qt::KeepAspectRatio);
        tile->setPixmap(QPixmap::fromImage(
            scale > 1 ? image.scaled(image.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)
                      : image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        tile->setAlignment(Qt::AlignCenter);
        tile->setFixedSize(kTile + 4, kTile + 4);
        tile->setStyleSheet(k == 0 ? QStringLiteral("border: 2px solid #427ac4;")
                                   : QStringLiteral("border: 1px solid #c0c4cc;"));
        tile->setToolTip(k == 0 ? tr("Original") : tr("Variant %1").arg(k));
        gridLayout_->addWidget(tile, k / kColumns, k % kColumns);
    }
}

}  // namespace cs::gui
