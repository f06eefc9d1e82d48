#include "dataset/dataset_browser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "dataset/class_colors.h"
#include "dataset/thumbnail_delegate.h"

namespace cs::gui {

DatasetBrowser::DatasetBrowser(QWidget* parent) : QWidget(parent) {
    model_ = new DatasetListModel(this);
    delegate_ = new ThumbnailDelegate(this);

    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("datasetSearch"));
    search_->setPlaceholderText(tr("Index or file name"));
    search_->setClearButtonEnabled(true);
    search_->setMinimumWidth(120);
    classCombo_ = new QComboBox(this);
    classCombo_->setObjectName(QStringLiteral("classFilter"));
    classCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    classCombo_->setMinimumContentsLength(10);
    splitCombo_ = new QComboBox(this);
    splitCombo_->setObjectName(QStringLiteral("splitFilter"));
    splitCombo_->addItem(tr("All splits"), -1);
    splitCombo_->addItem(tr("Training"), int(SampleSplit::Train));
    splitCombo_->addItem(tr("Validation"), int(SampleSplit::Validation));
    splitCombo_->addItem(tr("Test"), int(SampleSplit::Test));
    wrongOnly_ = new QCheckBox(tr("Misclassified"), this);
    wrongOnly_->setObjectName(QStringLiteral("misclassifiedFilter"));
    wrongOnly_->setToolTip(tr("Only images the trained model gets wrong"));
    const auto confSpin = [this](double value) {
        auto* s = new QDoubleSpinBox(this);
        s->setRange(0, 100);
        s->setDecimals(0);
        s->setSuffix(QStringLiteral("%"));
        s->setValue(value);
        s->setToolTip(tr("Range of the model's confidence in its prediction"));
        return s;
    };
    minConf_ = confSpin(0);
    maxConf_ = confSpin(100);
    sortCombo_ = new QComboBox(this);
    sortCombo_->setObjectName(QStringLiteral("sortOrder"));
    sortCombo_->addItem(tr("Sort by index"), int(DatasetSort::Index));
    sortCombo_->addItem(tr("Sort by class"), int(DatasetSort::Class));
    sortCombo_->addItem(tr("Sort by confidence"), int(DatasetSort::Confidence));
    sortCombo_->addItem(tr("Sort by loss"), int(DatasetSort::Loss));
    // Never cut a choice ("Sort by confidence") at narrow widths: the row wraps instead (below).
    sortCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    splitCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    descending_ = new QToolButton(this);
    descending_->setCheckable(true);
    descending_->setText(QStringLiteral("↓"));
    descending_->setToolTip(tr("Descending order"));
    sizeSlider_ = new QSlider(Qt::Horizontal, this);
    sizeSlider_->setObjectName(QStringLiteral("thumbnailSize"));
    sizeSlider_->setRange(28, 224);
    sizeSlider_->setValue(64);
    sizeSlider_->setMaximumWidth(110);
    sizeSlider_->setToolTip(tr("Thumbnail size"));

    // Three rows: what to show, its order and the mistakes, then confidence and tile size.
    auto* bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(search_, 1);
    bar->addWidget(classCombo_);
    bar->addWidget(splitCombo_);
    auto* bar2 = new QHBoxLayout;
    bar2->setSpacing(6);
    bar2->addWidget(sortCombo_);
    bar2->addWidget(descending_);
    bar2->addWidget(wrongOnly_);
    bar2->addStretch();
    // A row of its own: at 1280x720 beside the class list and the image, one row cut "Sort by"
    // and "Confidence" short.
    auto* bar3 = new QHBoxLayout;
    bar3->setSpacing(6);
    bar3->addWidget(new QLabel(tr("Confidence"), this));
    bar3->addWidget(minConf_);
    bar3->addWidget(new QLabel(QStringLiteral("–"), this));
    bar3->addWidget(maxConf_);
    bar3->addStretch();
    bar3->addWidget(new QLabel(tr("Size"), this));
    bar3->addWidget(sizeSlider_);

    view_ = new QListView(this);
    view_->setObjectName(QStringLiteral("thumbnailGrid"));
    view_->setViewMode(QListView::IconMode);
    view_->setMovement(QListView::Static);
    view_->setResizeMode(QListView::Adjust);
    view_->setUniformItemSizes(true);
    view_->setLayoutMode(QListView::SinglePass);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view_->setSpacing(2);
    view_->setItemDelegate(delegate_);
    view_->setModel(model_);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->setGridSize(delegate_->tileSize() + QSize(4, 4));

    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("sampleCount"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addLayout(bar2);
    layout->addLayout(bar3);
    layout->addWidget(view_, 1);
    layout->addWidget(count_);

    // The search waits for a pause in typing; every other control applies at once.
    auto* searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(200);
    connect(search_, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &DatasetBrowser::applyControls);
    for (QComboBox* c : {classCombo_, splitCombo_, sortCombo_})
        connect(c, &QComboBox::currentIndexChanged, this, &DatasetBrowser::applyControls);
    connect(wrongOnly_, &QCheckBox::toggled, this, &DatasetBrowser::applyControls);
    connect(descending_, &QToolButton::toggled, this, &DatasetBrowser::applyControls);
    connect(minConf_, &QDoubleSpinBox::valueChanged, this, &DatasetBrowser::applyControls);
    connect(maxConf_, &QDoubleSpinBox::valueChanged, this, &DatasetBrowser::applyControls);
    connect(sizeSlider_, &QSlider::valueChanged, this, &DatasetBrowser::setThumbnailSize);
    connect(view_, &QListView::customContextMenuRequested, this, &DatasetBrowser::showContextMenu);
    // A double click opens the image (a single click only selects it, whatever the style says).
    connect(view_, &QListView::doubleClicked, this,
            [this](const QModelIndex& i) { emit openRequested(model_->globalIndex(i.row())); });
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { emit currentSampleChanged(currentSample()); });
    fillClassCombo();
    updateCount();
}

void DatasetBrowser::setCatalog(std::shared_ptr<DatasetCatalog> catalog) {
    // Another dataset starts unfiltered (its classes and indices mean something else).
    const bool other = !catalog || !model_->catalog() || catalog->source() != model_->catalog()->source();
    model_->setCatalog(std::move(catalog));
    if (other && !(model_->filter() == DatasetFilter{})) setFilter({});
    fillClassCombo();
    updateCount();
    if (model_->rowCount() > 0) view_->setCurrentIndex(model_->index(0));
    emit currentSampleChanged(currentSample());
}

void DatasetBrowser::refresh() {
    const long long current = currentSample();
    const bool predictions = model_->catalog() && model_->catalog()->hasPredictions();
    delegate_->setShowPredictions(predictions);
    view_->setGridSize(delegate_->tileSize() + QSize(4, 4));
    wrongOnly_->setEnabled(predictions);
    minConf_->setEnabled(predictions);
    maxConf_->setEnabled(predictions);
    model_->refresh();
    fillClassCombo();
    updateCount();
    if (current >= 0) selectSample(std::size_t(current));
}

void DatasetBrowser::sampleChanged(std::size_t g) { model_->sampleChanged(g); }

void DatasetBrowser::fillClassCombo() {
    const QSignalBlocker block(classCombo_);
    const int previous = classCombo_->currentData().isValid() ? classCombo_->currentData().toInt() : -1;
    classCombo_->clear();
    classCombo_->addItem(tr("All classes"), -1);
    if (const auto& c = model_->catalog()) {
        for (int k = 0; k < c->classCount(); ++k) {
            QPixmap swatch(12, 12);
            swatch.fill(classColor(k));
            classCombo_->addItem(QIcon(swatch), QString::fromStdString(c->classNames()[std::size_t(k)]), k);
        }
    }
    classCombo_->setCurrentIndex(std::max(0, classCombo_->findData(previous)));
}

void DatasetBrowser::applyControls() {
    if (updating_) return;
    DatasetFilter f;
    f.classIndex = classCombo_->currentData().toInt();
    f.split = splitCombo_->currentData().toInt();
    f.misclassifiedOnly = wrongOnly_->isChecked() && wrongOnly_->isEnabled();
    f.minConfidence = float(minConf_->value() / 100.0);
    f.maxConfidence = float(maxConf_->value() / 100.0);
    f.search = search_->text();
    f.sort = DatasetSort(sortCombo_->currentData().toInt());
    f.descending = descending_->isChecked();
    const long long current = currentSample();
    model_->setFilter(f);
    updateCount();
    if (current >= 0 && model_->rowOf(std::size_t(current)) >= 0)
        selectSample(std::size_t(current));
    else if (model_->rowCount() > 0) {
        view_->setCurrentIndex(model_->index(0));
        view_->scrollToTop();
    }
    emit currentSampleChanged(currentSample());
}

void DatasetBrowser::setFilter(const DatasetFilter& f) {
    updating_ = true;
    classCombo_->setCurrentIndex(std::max(0, classCombo_->findData(f.classIndex)));
    splitCombo_->setCurrentIndex(std::max(0, splitCombo_->findData(f.split)));
    wrongOnly_->setChecked(f.misclassifiedOnly);
    minConf_->setValue(f.minConfidence * 100.0);
    maxConf_->setValue(f.maxConfidence * 100.0);
    search_->setText(f.search);
    sortCombo_->setCurrentIndex(std::max(0, sortCombo_->findData(int(f.sort))));
    descending_->setChecked(f.descending);
    updating_ = false;
    applyControls();
}

void DatasetBrowser::setThumbnailSize(int size) {
    if (sizeSlider_->value() != size) {
        sizeSlider_->setValue(size);  // comes back here through valueChanged
        return;
    }
    delegate_->setThumbnailSize(size);
    model_->setThumbnailSize(size);
    view_->setGridSize(delegate_->tileSize() + QSize(4, 4));
}

void DatasetBrowser::updateCount() {
    const auto& c = model_->catalog();
    const QLocale locale;
    if (!c || c->empty()) {
        count_->setText(tr("No dataset loaded"));
        return;
    }
    QString text =
        tr("Showing %1 of %2 images").arg(locale.toString(model_->rowCount()), locale.toString(qulonglong(c->size())));
    if (c->hasPredictions()) {
        std::size_t wrong = 0;
        for (std::size_t g = 0; g < c->size(); ++g) wrong += c->misclassified(g);
        text += QStringLiteral(" · ") + tr("%1 misclassified").arg(locale.toString(qulonglong(wrong)));
    }
    if (c->excludedCount()) text += QStringLiteral(" · ") + tr("%1 excluded from training").arg(c->excludedCount());
    count_->setText(text);
}

long long DatasetBrowser::currentSample() const {
    const QModelIndex i = view_->currentIndex();
    return i.isValid() ? (long long)model_->globalIndex(i.row()) : -1;
}

std::vector<std::size_t> DatasetBrowser::selectedSamples() const {
    std::vector<std::size_t> out;
    for (const QModelIndex& i : view_->selectionModel()->selectedIndexes()) out.push_back(model_->globalIndex(i.row()));
    if (out.empty() && currentSample() >= 0) out.push_back(std::size_t(currentSample()));
    return out;
}

void DatasetBrowser::selectSample(std::size_t g) {
    const int row = model_->rowOf(g);
    if (row < 0) return;
    view_->setCurrentIndex(model_->index(row));
    view_->scrollTo(model_->index(row));
}

void DatasetBrowser::showContextMenu(const QPoint& pos) {
    const QModelIndex at = view_->indexAt(pos);
    if (!at.isValid() || !model_->catalog()) return;
    if (!view_->selectionModel()->isSelected(at)) view_->setCurrentIndex(at);
    const std::vector<std::size_t> samples = selectedSamples();
    const DatasetCatalog& c = *model_->catalog();
    QMenu menu(this);
    menu.addAction(tr("Open Image"), this, [this, g = samples.front()] { emit openRequested(g); });
    menu.addAction(tr("Use as Probe"), this, [this, g = samples.front()] { emit probeRequested(g); });
    if (folderEdits_ && !c.isImageFolder()) {
        // Shown, not hidden, so the user learns why a packed dataset cannot be edited here.
        menu.addSeparator();
        const QString why = tr("Only images of an image folder can be excluded or moved.");
        for (const QString& text : {tr("Exclude from Training"), tr("Move to Class")}) {
            QAction* a = menu.addAction(text);
            a->setEnabled(false);
            a->setToolTip(why);
            a->setStatusTip(why);
        }
        menu.setToolTipsVisible(true);
    }
    if (folderEdits_ && c.isImageFolder()) {
        menu.addSeparator();
        const bool allExcluded =
            std::all_of(samples.begin(), samples.end(), [&c](std::size_t g) { return c.excluded(g); });
        menu.addAction(allExcluded ? tr("Include in Training") : tr("Exclude from Training"), this,
                       [this, samples, allExcluded] { emit excludeRequested(samples, !allExcluded); });
        QMenu* move = menu.addMenu(tr("Move to Class"));
        for (int k = 0; k < c.classCount(); ++k) {
            QPixmap swatch(12, 12);
            swatch.fill(classColor(k));
            move->addAction(QIcon(swatch), QString::fromStdString(c.classNames()[std::size_t(k)]), this,
                            [this, samples, k] { emit moveRequested(samples, k); });
        }
    }
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

}  // namespace cs::gui
