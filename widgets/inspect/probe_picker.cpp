#include "inspect/probe_picker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <algorithm>
#include <charconv>

#include "inspect/color_map.h"
#include "inspect/probe_capture.h"

namespace cs::gui {

namespace {
constexpr int kSourceWidth = 180;  // px: about the width of the set and number controls
constexpr int kNoNumber = -1;      // the number box's value, shown as a dash, for no sample

// The index of the sample named `name` (Dataset::sourceOf) in `d`, or -1.
long long findSample(const Dataset& d, const std::string& name) {
    if (name.empty()) return -1;
    long long k = -1;
    if (!d.sources.empty()) {  // image folders: a path per sample
        const auto it = std::find(d.sources.begin(), d.sources.end(), name);
        if (it != d.sources.end()) k = it - d.sources.begin();
    }
    // Container formats: "file#item", where a subset keeps the items' original numbers.
    const std::size_t hash = d.sourceFile.size();
    if (k < 0 && !d.sourceFile.empty() && name.size() > hash + 1 && name.starts_with(d.sourceFile) &&
        name[hash] == '#') {
        uint32_t item = 0;
        const char* last = name.data() + name.size();
        const auto [end, error] = std::from_chars(name.data() + hash + 1, last, item);
        if (error == std::errc() && end == last) {
            if (d.sourceIndices.empty()) {
                k = item;
            } else {
                const auto it = std::find(d.sourceIndices.begin(), d.sourceIndices.end(), item);
                if (it != d.sourceIndices.end()) k = it - d.sourceIndices.begin();
            }
        }
    }
    return k >= 0 && std::size_t(k) < d.size() && d.sourceOf(std::size_t(k)) == name ? k : -1;
}

bool samePixels(const ProbeImage& a, const ProbeImage& b) {
    return a.height == b.height && a.width == b.width && a.channels == b.channels && a.pixels == b.pixels;
}
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

    // Any number picks its sample, also the one shown before an image from elsewhere came.
    connect(set_, &QComboBox::currentIndexChanged, this, [this] { pick(index_->value()); });
    connect(index_, &QSpinBox::valueChanged, this, &ProbePicker::pick);
    connect(random, &QPushButton::clicked, this, [this] {
        const Dataset* d = currentSet();
        if (d && d->size() > 0) pick(int(QRandomGenerator::global()->bounded(quint32(d->size()))));
    });
}

const Dataset* ProbePicker::dataset(int set) const {
    if (!data_) return nullptr;
    return set == 1 && data_->test.size() > 0 ? &data_->test : &data_->train;
}

const Dataset* ProbePicker::currentSet() const { return dataset(set_->currentData().toInt()); }

bool ProbePicker::showsExternalImage() const { return index_->value() == kNoNumber; }

std::optional<ProbePicker::Place> ProbePicker::locate(const ProbeImage& image) const {
    if (!data_ || image.sample.empty()) return std::nullopt;
    for (int set : {0, 1}) {
        const Dataset* d = dataset(set);
        if (set == 1 && d == &data_->train) break;  // no test set
        if (const long long k = findSample(*d, image.sample); k >= 0) return Place{set, int(k)};
    }
    return std::nullopt;
}

void ProbePicker::setData(std::shared_ptr<const DataSplits> data) {
    data_ = std::move(data);
    // Data arrives when the Inspect page is first shown, often right after an image was sent
    // to it, and again when a run starts: neither may swap the probe for another image.
    if (const std::optional<Place> at = locate(image_)) {
        showPlace(at->set, at->index);
        ProbeImage p = probeFromDataset(*currentSet(), std::size_t(at->index));
        describeSample(p, at->index);
        if (samePixels(p, image_))
            image_.source = p.source;  // nothing new to announce
        else
            showImage(p);
        return;
    }
    if (fromElsewhere_)
        showPlace(set_->currentData().toInt(), kNoNumber);
    else
        pick(index_->value());
}

void ProbePicker::setIndex(int index) { pick(index); }

void ProbePicker::pick(int index) {
    const Dataset* d = currentSet();
    if (!d || d->size() == 0) return;
    index = std::clamp(index, 0, int(d->size()) - 1);
    fromElsewhere_ = false;
    showPlace(set_->currentData().toInt(), index);
    ProbeImage p = probeFromDataset(*d, std::size_t(index));
    describeSample(p, index);
    showImage(p);
}

void ProbePicker::showPlace(int set, int index) {
    const QSignalBlocker blockSet(set_);
    const QSignalBlocker blockIndex(index_);
    set_->setCurrentIndex(std::max(0, set_->findData(set)));
    const Dataset* d = currentSet();
    // The dash stands for the minimum, so the minimum is -1 only while no sample is shown.
    index_->setSpecialValueText(index < 0 ? QStringLiteral("\u2014") : QString());
    index_->setToolTip(index < 0 ? tr("The probe is not an image of this dataset; pick a number to show one")
                                 : tr("Image number"));
    index_->setRange(index < 0 ? kNoNumber : 0, d && d->size() > 0 ? int(d->size()) - 1 : 0);
    index_->setValue(index);
}

void ProbePicker::describeSample(ProbeImage& image, int index) {
    const Dataset* d = currentSet();
    const QString cls = d && image.label >= 0 && image.label < d->classCount()
                            ? QString::fromStdString(d->classNames[std::size_t(image.label)])
                            : QString();
    image.source = tr("%1 #%2").arg(set_->currentText()).arg(index);
    label_->setText(tr("True class: %1").arg(cls));
    label_->setToolTip(QString());
}

void ProbePicker::setExternalImage(const ProbeImage& image) {
    fromElsewhere_ = true;
    ProbeImage p = image;
    if (const std::optional<Place> at = locate(image)) {
        showPlace(at->set, at->index);
        describeSample(p, at->index);
    } else {
        showPlace(set_->currentData().toInt(), kNoNumber);
        // Where it came from, not the class of the sample picked before (its label may index
        // another dataset's classes). Paths keep their end: the class folder and the file name.
        label_->setText(label_->fontMetrics().elidedText(image.source, Qt::ElideLeft, kSourceWidth));
        label_->setToolTip(image.source);
    }
    showImage(p);
}

void ProbePicker::showImage(const ProbeImage& image) {
    image_ = image;
    const QImage img = probeToImage(image);
    if (!img.isNull())
        thumb_->setPixmap(
            QPixmap::fromImage(img.scaled(thumb_->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::FastTransformation)));
    emit probeChanged(image_);
}

}  // namespace cs::gui
