#include "dataset/image_detail_view.h"

#include <QCheckBox>
#include <QDir>
#include <QFormLayout>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "dataset/class_colors.h"
#include "dataset/dataset_catalog.h"
#include "dataset/pixel_view.h"
#include "dataset/probability_bars.h"

namespace cs::gui {

ImageDetailView::ImageDetailView(QWidget* parent) : QWidget(parent) {
    view_ = new PixelView(this);
    view_->setObjectName(QStringLiteral("detailImage"));
    pixel_ = new QLabel(this);
    pixel_->setObjectName(QStringLiteral("pixelValue"));
    pixel_->setMinimumHeight(pixel_->fontMetrics().height());
    original_ = new QCheckBox(tr("Original file"), this);
    original_->setToolTip(tr("Show the file as stored instead of the copy resized for training"));
    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    source_ = new QLabel(this);
    source_->setObjectName(QStringLiteral("detailSource"));
    source_->setWordWrap(true);
    source_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label_ = new QLabel(this);
    label_->setObjectName(QStringLiteral("detailLabel"));
    prediction_ = new QLabel(this);
    prediction_->setObjectName(QStringLiteral("detailPrediction"));
    bars_ = new ProbabilityBars(this);
    bars_->setObjectName(QStringLiteral("detailProbabilities"));
    bars_->setEmptyText(tr("Train a model to see its probabilities for this image."));
    probe_ = new QPushButton(tr("Use as Probe"), this);
    probe_->setObjectName(QStringLiteral("useAsProbe"));
    probe_->setToolTip(tr("Show this image's feature maps in the feature-map view"));

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title_, 1);
    titleRow->addWidget(original_);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Source:"), source_);
    form->addRow(tr("Label:"), label_);
    form->addRow(tr("Model:"), prediction_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(titleRow);
    layout->addWidget(view_, 3);
    layout->addWidget(pixel_);
    layout->addLayout(form);
    layout->addWidget(bars_);
    layout->addStretch();
    layout->addWidget(probe_);

    connect(view_, &PixelView::pixelHovered, pixel_, &QLabel::setText);
    connect(original_, &QCheckBox::toggled, this, &ImageDetailView::updateImage);
    connect(probe_, &QPushButton::clicked, this, [this] {
        if (catalog_ && sample_ >= 0)
            emit probeRequested(std::size_t(sample_), catalog_->imageOf(std::size_t(sample_)));
    });
    showSample(-1);
}

void ImageDetailView::setCatalog(std::shared_ptr<DatasetCatalog> catalog) {
    catalog_ = std::move(catalog);
    showSample(-1);
}

QString ImageDetailView::sourceText() const { return source_->text(); }

void ImageDetailView::setHeatMap(const QImage& heatMap) { view_->setOverlay(sample_ >= 0 ? heatMap : QImage()); }

void ImageDetailView::showSample(long long g) {
    view_->setOverlay({});
    const bool valid = catalog_ && g >= 0 && std::size_t(g) < catalog_->size();
    sample_ = valid ? g : -1;
    probe_->setEnabled(valid);
    original_->setVisible(valid && catalog_->isImageFolder());
    if (!valid) {
        title_->setText(tr("No image selected"));
        source_->clear();
        label_->clear();
        prediction_->clear();
        pixel_->clear();
        view_->setImage({});
        bars_->setProbabilities({}, {}, -1);
        return;
    }
    const DatasetCatalog& c = *catalog_;
    const std::size_t i = std::size_t(g);
    // Whole sentences per split, so the title reads as one phrase in every language.
    static const char* const kSplits[] = {QT_TR_NOOP("%1 — in the training split"),
                                          QT_TR_NOOP("%1 — in the validation split"),
                                          QT_TR_NOOP("%1 — in the test split")};
    static const char* const kExcluded[] = {QT_TR_NOOP("%1 — in the training split, excluded from training"),
                                            QT_TR_NOOP("%1 — in the validation split, excluded from training"),
                                            QT_TR_NOOP("%1 — in the test split, excluded from training")};
    const QString title = tr((c.excluded(i) ? kExcluded : kSplits)[int(c.split(i))]).arg(c.displayName(i));
    title_->setText(title);
    source_->setText(QDir::toNativeSeparators(QString::fromStdString(c.sourceOf(i))));
    const auto name = [&c](int k) {
        return k >= 0 && k < c.classCount() ? QString::fromStdString(c.classNames()[std::size_t(k)])
                                            : QString::number(k);
    };
    label_->setText(QStringLiteral("<span style='color:%1'>■</span> %2 (%3)")
                        .arg(classColor(c.label(i)).name(), name(c.label(i)).toHtmlEscaped())
                        .arg(c.label(i)));
    QStringList names;
    for (const std::string& n : c.classNames()) names << QString::fromStdString(n);
    if (c.predicted(i) >= 0) {
        const bool wrong = c.misclassified(i);
        prediction_->setText(QStringLiteral("<span style='color:%1'>%2 %3</span> — %4")
                                 .arg(wrong ? QStringLiteral("#c62828") : QStringLiteral("#2e7d32"),
                                      wrong ? QStringLiteral("✗") : QStringLiteral("✓"),
                                      name(c.predicted(i)).toHtmlEscaped(),
                                      tr("confidence %1%, loss %2")
                                          .arg(double(c.confidence(i)) * 100.0, 0, 'f', 1)
                                          .arg(double(c.loss(i)), 0, 'f', 3)));
    } else {
        prediction_->setText(tr("no prediction yet"));
    }
    bars_->setProbabilities(names, c.probabilities(i), c.label(i));
    updateImage();
}

void ImageDetailView::updateImage() {
    if (!catalog_ || sample_ < 0) return;
    const std::size_t i = std::size_t(sample_);
    QImage image;
    if (original_->isChecked() && catalog_->isImageFolder()) {
        QImageReader reader(QString::fromStdString(catalog_->sourceOf(i)));
        reader.setAutoTransform(true);
        image = reader.read();
    }
    if (image.isNull()) image = catalog_->imageOf(i);
    view_->setImage(image);
    pixel_->setText(tr("%1 × %2 — point at a pixel to read its value").arg(image.width()).arg(image.height()));
    pixel_->setToolTip(pixel_->text());
}

}  // namespace cs::gui
