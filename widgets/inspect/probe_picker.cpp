#include "inspect/probe_picker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>

#include "inspect/color_map.h"
#include "inspect/probe_capture.h"

namespace cs::gui {

namespace {
constexpr int kSourceWidth = 180;  // px: about the width of the set and number controls
}  // namespace

ProbePicker::ProbePicker(QWidget* parent) : QWidget(parent) {
    set_ = new QComboBox;
    set_->addItem(tr("Training set"), 0);
    set_->addItem(tr("Test set"), 1);
    index_ = new QSpinBox;
    index_->setRange(0, 0);
    index_->setToolTip(tr("Image number"));
    auto* random = new QPushButton(tr("Random"));
    thumb_ = new QLabel;
    thumb_->setFixedSize(112, 112);
    thumb_->setAlignment(Qt::AlignCenter);
    thumb_->setFrameShape(QFrame::StyledPanel);
    label_ = new QLabel(tr("No dataset loaded"));
    label_->setWordWrap(true);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(thumb_, 0, 0, 4, 1);
    grid->addWidget(set_, 0, 1, 1, 2);
    grid->addWidget(index_, 1, 1);
    grid->addWidget(random, 1, 2);
    grid->addWidget(label_, 2, 1, 2, 2, Qt::AlignTop);
    grid->setColumnStretch(1, 1);

    connect(set_, &QComboBox::currentIndexChanged, this, [this] {
        const Dataset* d = currentSet();
        index_->setRange(0, d && d->size() > 0 ? int(d->size()) - 1 : 0);
        pick();
    });
    connect(index_, &QSpinBox::valueChanged, this, &ProbePicker::pick);
    connect(random, &QPushButton::clicked, this, [this] {
        const Dataset* d = currentSet();
        if (d && d->size() > 0) index_->setValue(int(QRandomGenerator::global()->bounded(quint32(d->size()))));
    });
}

const Dataset* ProbePicker::currentSet() const {
    if (!data_) return nullptr;
    return set_->currentData().toInt() == 1 && data_->test.size() > 0 ? &data_->test : &data_->train;
}

void ProbePicker::setData(std::shared_ptr<const DataSplits> data) {
    data_ = std::move(data);
    const QSignalBlocker b(index_);
    const Dataset* d = currentSet();
    index_->setRange(0, d && d->size() > 0 ? int(d->size()) - 1 : 0);
    // Data arrives when the Inspect page is first shown, often right after an image was sent
    // to it, and again when a run starts: neither may swap that image for sample #0.
    if (!external_) pick();
}

void ProbePicker::setIndex(int index) {
    if (index_->value() == index) pick();
    index_->setValue(index);
}

void ProbePicker::pick() {
    const Dataset* d = currentSet();
    if (!d || d->size() == 0) return;
    ProbeImage p = probeFromDataset(*d, std::size_t(index_->value()));
    const QString cls = p.label >= 0 && p.label < d->classCount() ? QString::fromStdString(d->classNames[p.label]) : QString();
    p.source = tr("%1 #%2").arg(set_->currentText()).arg(index_->value());
    label_->setText(tr("True class: %1").arg(cls));
    label_->setToolTip(QString());
    external_ = false;
    showImage(p);
}

void ProbePicker::setExternalImage(const ProbeImage& image) {
    // Where it came from, not the class of the sample picked before (its label may index
    // another dataset's classes). Paths keep their end: the class folder and the file name.
    label_->setText(label_->fontMetrics().elidedText(image.source, Qt::ElideLeft, kSourceWidth));
    label_->setToolTip(image.source);
    external_ = true;
    showImage(image);
}

void ProbePicker::showImage(const ProbeImage& image) {
    image_ = image;
    const QImage img = probeToImage(image);
    if (!img.isNull())
        thumb_->setPixmap(QPixmap::fromImage(img.scaled(thumb_->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::FastTransformation)));
    emit probeChanged(image_);
}

}  // namespace cs::gui
